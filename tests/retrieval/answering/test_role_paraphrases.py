"""An office typed in other words ("Turkey's top diplomat") finds the speaker the articles
give that office (Turkey's foreign minister), in "what did X say" and in "X on topic"; a
country in the phrase must still be theirs, and a role the articles write as typed is never
rewritten. The table's lines are checked as it is read."""
from __future__ import annotations

import pytest

from retrieval.answering import role_paraphrases
from retrieval.answering.engine import Parley
from tests.retrieval.answering.small_corpus import parley_over

ARTICLES = {
    "a.txt": "Talks to go on\n\nTurkey's foreign minister Mevlut Cavusoglu said the next round "
             "would bring the ministers together.\n\nThe markets rose on the news.",
    "b.txt": "Envoy speaks\n\nThe EU's top diplomat Josep Borrell said sanctions would stay.\n\n"
             "Foreign Secretary Liz Truss said the embassy would reopen.",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


@pytest.mark.parametrize(("question", "speaker"), [
    ("what did turkey's top diplomat say about the next round", "Mevlut Cavusoglu"),
    ("turkey's top diplomat on the next round", "Mevlut Cavusoglu"),
    ("what did turkey's chief diplomat say", "Mevlut Cavusoglu"),
    ("the eu's top diplomat on sanctions", "Josep Borrell"),  # the articles' own words first
])
def test_an_office_typed_otherwise_finds_its_holder(engine: Parley, question: str,
                                                    speaker: str):
    answer = engine.ask(question)
    assert answer.intent == "speaker"
    assert answer.claim.speaker is not None and answer.claim.speaker.name == speaker


def test_a_country_in_the_paraphrase_must_be_the_speakers(engine: Parley):
    answer = engine.ask("what did russia's top diplomat say about the next round")
    assert answer.claim.speaker is None
    assert "Mevlut Cavusoglu" not in answer.message


@pytest.mark.parametrize(("phrase", "expected"), [
    ("turkey's top diplomat", ["turkey's foreign minister", "turkey's foreign secretary",
                               "turkey's secretary of state"]),
    ("the top diplomats", []),  # a plural is no one office
    ("the chancellor", []),
])
def test_rewrites_put_each_office_in_the_phrases_place(phrase: str, expected: list[str]):
    assert role_paraphrases.rewrites(phrase) == expected


@pytest.mark.parametrize("line", ["diplomat\tforeign minister", "top diplomat", "top diplomat\t"])
def test_a_bad_table_line_is_named(line: str):
    with pytest.raises(role_paraphrases.RoleParaphrasesFileError, match="line 2"):
        role_paraphrases.parse(["# comment", line])
