"""Answers over several articles: who a role means, repeated paragraphs shown once."""
from __future__ import annotations

import pytest

from retrieval.answering.engine import Parley
from tests.retrieval.answering.small_corpus import parley_over

ARTICLES = {
    "a.txt": "Budget plans set out\n\nChancellor Ann Lee said the budget would balance.\n\n"
             "Ms Lee said taxes would not rise.",
    "b.txt": "Spending review\n\nChancellor Ann Lee said spending would be reviewed.\n\n"
             "Stocks rose on the news of the harbour deal.",
    "c.txt": "A busy week\n\nChancellor Bob Stone said the harbour would reopen. Mr Stone said "
             "ships were waiting. Mr Stone said crews were ready. Mr Stone said crews were paid."
             "\n\nStocks rose on the news of the harbour deal.",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


def test_a_role_means_whoever_most_articles_give_it_not_the_most_talkative(engine: Parley):
    answer = engine.ask("What did the chancellor say?")
    assert answer.speaker is not None and answer.speaker.name == "Ann Lee"


def test_a_paragraph_repeated_in_two_articles_is_shown_once(engine: Parley):
    answer = engine.ask("stocks harbour deal")
    texts = [h.passage.text for h in answer.results]
    assert texts.count("Stocks rose on the news of the harbour deal.") == 1
