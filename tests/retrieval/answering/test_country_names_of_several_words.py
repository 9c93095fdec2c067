"""A country named in several words ("South Korean", "New Zealand") is one country in a
typed role, never words the speaker's role must hold: "the South Korean central bank
governor" is the central bank governor of an article, and no other country's."""
from __future__ import annotations

import pytest

from retrieval.answering.candidates import joined
from retrieval.answering.engine import Parley
from retrieval.tokenizer import terms
from tests.retrieval.answering.small_corpus import parley_over

ARTICLES = {
    "a.txt": "Seoul recovery\n\n\"The economy is heading upward,\" said central bank governor "
             "Park Seung.\n\nExports rose.",
    "b.txt": "Talks\n\nNorth Korean foreign minister Paek Nam-sun said the talks had failed.\n\n"
             "Rain fell.",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


@pytest.mark.parametrize(("question", "speaker"), [
    ("what did the south korean central bank governor say about the economy", "Park Seung"),
    ("what did the north korean foreign minister say about the talks", "Paek Nam-sun"),
])
def test_a_country_of_several_words_is_one_country(engine: Parley, question: str,
                                                   speaker: str):
    answer = engine.ask(question)
    assert answer.results and answer.results[0].speaker is not None
    assert answer.results[0].speaker.name == speaker


def test_another_country_of_several_words_is_not_theirs(engine: Parley):
    answer = engine.ask("what did the south korean foreign minister say about the talks")
    assert all(h.speaker is None or h.speaker.name != "Paek Nam-sun" for h in answer.results)


@pytest.mark.parametrize(("phrase", "expected"), [
    ("the south korean central bank governor", ["south korean", "central", "bank", "governor"]),
    ("new zealand's prime minister", ["new zealand", "prime", "minist"]),
    ("the south of france", ["south", "franc"]),
])
def test_joined_makes_each_country_name_one_term(phrase: str, expected: list[str]):
    assert joined(terms(phrase)) == expected
