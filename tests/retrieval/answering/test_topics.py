"""A topic typed bare asks what is said about it: among the near-best passages, those where a
named speaker says it come first, shown with that statement; a question keeps BM25's order."""
from __future__ import annotations

import pytest

from retrieval.answering.engine import Parley
from retrieval.answering.topics import is_bare_topic
from tests.retrieval.answering.small_corpus import parley_over

ARTICLES = {
    "cards.txt": "Virus poses as Christmas card\n\nA virus poses as a Christmas card sent by "
                 "e-mail to millions.\n\nThe e-mail virus spread fast over Christmas. \"I "
                 "prefer paper Christmas cards,\" said Mikko Hypponen.\n\nShops sold more "
                 "paper cards this year.",
    "other.txt": "Weather\n\nSnow fell in the north, forecasters said.",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


@pytest.mark.parametrize(("question", "bare"), [
    ("e-mail christmas cards versus paper ones", True),
    ("lycos screensaver spam bandwidth costs", True),
    ("how many cards were sold", False),
    ("What happened to stocks after the talks?", False),
    ("Is the virus spreading?", False),
])
def test_a_topic_without_a_question_word_is_bare(question: str, bare: bool):
    assert is_bare_topic(question) is bare


def test_a_bare_topic_shows_a_speakers_statement_first(engine: Parley):
    answer = engine.ask("e-mail christmas cards")
    first = answer.results[0]
    assert first.speaker is not None and first.speaker.name == "Mikko Hypponen"
    assert "prefer paper" in first.sentence.text


def test_a_question_keeps_bm25s_order(engine: Parley):
    answer = engine.ask("what e-mail christmas cards")
    assert [h.score for h in answer.results] == sorted((h.score for h in answer.results),
                                                        reverse=True)
