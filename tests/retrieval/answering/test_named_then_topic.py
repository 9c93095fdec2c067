""""Name on topic" asks what that speaker said about it, also with one word of a full name
misspelt, or a single word one slip off a name when no article uses that word; a word the
articles use is no name when it is one slip off one ("boards"), so an ordinary phrase stays a
search. A topic typed straight after a speaker's full name asks the same."""
from __future__ import annotations

import pytest

from retrieval.answering.engine import Parley
from tests.retrieval.answering.small_corpus import parley_over

ARTICLES = {
    "a.txt": "Actor honoured\n\nActor Keanu Reeves said his mother had backed his career.\n\n"
             "The walk of fame has a new star.",
    "b.txt": "Coach backs prop\n\nWales coach Mike Ruddock said the young prop had a big "
             "future.\n\nSanctions on banks were discussed by the board.\n\n"
             "Chair Anna Board said the bank was sound.",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


@pytest.mark.parametrize(("question", "speaker"), [
    ("keanu reeves on his mother", "Keanu Reeves"),
    ("keanu reaves on his mother", "Keanu Reeves"),  # one word one slip off
    ("mike rudock on the young prop", "Mike Ruddock"),
    ("rudock on the young prop", "Mike Ruddock"),  # "rudock" is in no article
    ("mike ruddock young prop", "Mike Ruddock"),  # no "on" after the full name
    ("mike ruddock says the young prop has a future", "Mike Ruddock"),
])
def test_a_full_name_on_a_topic_asks_what_they_said_about_it(engine: Parley, question: str,
                                                              speaker: str):
    answer = engine.ask(question)
    assert answer.intent == "speaker"
    assert answer.claim.speaker is not None and answer.claim.speaker.name == speaker


@pytest.mark.parametrize("question", ["boards on banks", "keanu reaves ruddock on banks",
                                      "sanctions on banks", "ruddock young prop"])
def test_a_phrase_more_than_one_word_off_a_name_stays_a_search(engine: Parley, question: str):
    assert engine.ask(question).intent == "search"
