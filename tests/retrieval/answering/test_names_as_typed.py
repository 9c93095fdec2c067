"""A name typed with a topic that fits no speaker is searched as typed: its words get no
synonyms ("Mobile PC magazine" is not a computer), the topic's words do."""
from __future__ import annotations

import pytest

from retrieval.answering import synonyms
from retrieval.answering.engine import Parley
from tests.retrieval.answering.small_corpus import parley_over

ARTICLES = {
    "a.txt": "Gadget guide\n\nMobile PC magazine listed the gadgets in its guide.\n\n"
             "The weather was fine.",
    "b.txt": "Computer fair\n\nComputer makers showed computer gadgets at the computer fair, "
             "computer fans said.\n\nTickets sold out.",
    "c.txt": "Other\n\nAnn Lee said the match was dull.\n\nBob Ray said the pitch was wet.",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


def test_the_words_of_a_name_fitting_no_speaker_are_not_widened(engine: Parley):
    assert ("comput",) in synonyms.table()[("pc",)]  # "pc" has a synonym to leave out
    answer = engine.ask("what did mobile pc magazine say about the gadgets")
    assert answer.claim.kind == "closest" and answer.results
    assert answer.results[0].passage.document == "a"
    shown = {(h.passage.document, h.passage.index) for h in answer.results}
    assert ("b", 0) not in shown  # "Computer fair" holds no word typed, only a synonym's
