"""Nobody asked about speaks in the articles about the topic: the passages holding most of
the name and the topic are shown as the closest, and those holding less are not."""
from __future__ import annotations

import pytest

from retrieval.answering import claims
from retrieval.answering.engine import Parley
from retrieval.answering.passages_on import passages_on
from tests.retrieval.answering.small_corpus import parley_over

ARTICLES = {
    "visit.txt": "Senator visits Skerra\n\n"
                 "Officials confirmed the ferry subsidy was discussed when senator Ruth Amos "
                 "visited the island council.\n\n"
                 "The council meets again in May.",
    "amos.txt": "Amos on farming\n\n"
                "\"Farm payments must rise,\" said senator Ruth Amos.",
    "skating.txt": "Ice dance show\n\n"
                   "The celebrities will practise a stipulated ice dance at the rink.",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


@pytest.mark.parametrize(("question", "typed", "topic", "shown"), [
    # the passage naming her and the topic together
    ("what did senator amos say about the ferry subsidy", "senator amos",
     "the ferry subsidy", ["Officials confirmed the ferry subsidy was discussed"]),
    # passages holding a word or two of it are no closer than nothing
    ("what did senator amos say about the greenland ice sheet", "senator amos",
     "the greenland ice sheet", []),
    # a passage on the topic that does not name her
    ("what did senator amos say about the stipulated ice dance", "senator amos",
     "the stipulated ice dance", []),
])
def test_the_passages_holding_most_of_the_name_and_topic_are_the_closest(
        engine: Parley, question: str, typed: str, topic: str, shown: list[str]):
    found = passages_on(engine, question, typed, topic, 3, False)
    assert [h.passage.text[:len(s)] for h, s in zip(found, shown, strict=False)] == shown
    assert len(found) == len(shown)


@pytest.mark.parametrize(("passages", "ending"), [
    (True, "nor do they speak in the articles about it; the passages closest to your "
           "question:"),
    (False, "nor do they speak in the articles about it."),
])
def test_the_message_says_when_the_closest_passages_follow(passages: bool, ending: str):
    message = claims.none_on("Ruth Amos", "the ferry subsidy", shown=False,
                             passages=passages)
    assert message.endswith(ending)
