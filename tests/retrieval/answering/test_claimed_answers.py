""""X said it." is followed only by statements coming near it (NEAR_CLAIM of the share of
the question it holds), not by whoever holds a word or two of the question."""
from __future__ import annotations

import pytest

from retrieval.answering.engine import Parley
from tests.retrieval.answering.small_corpus import parley_over

ARTICLES = {
    "ferry.txt": "Ferry link to close\n\n"
                 "The council announced it would close the winter ferry link to Skerra.\n\n"
                 "\"The winter ferry link to Skerra is a lifeline,\" said councillor Ewan "
                 "Dunbar.\n\n"
                 "\"We will fight to keep the ferry,\" said campaigner Rob Lamont.\n\n"
                 "\"The harbour has never been busier,\" said harbour master Iain Bell.",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


def test_a_claim_is_followed_only_by_statements_near_it(engine: Parley):
    answer = engine.ask("who said the winter ferry link to skerra is a lifeline")
    assert answer.claim.kind == "said"
    assert answer.results[0].speaker is not None
    assert answer.results[0].speaker.name == "Ewan Dunbar"
    shown = [h.speaker.name for h in answer.results if h.speaker is not None]
    assert "Rob Lamont" not in shown  # "ferry" alone: a word of the question, no more
