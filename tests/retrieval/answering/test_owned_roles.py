""""Ernst and Young's head of tax" finds the person a sentence writes as holding that role
at that body, by its name or its initials, when the directory keeps no such role; another
body's head of tax is never them, and "X and Y's role" is one speaker, not two sides."""
from __future__ import annotations

import pytest

from retrieval.answering.engine import Parley
from retrieval.answering.owned_roles import names_owner, split_owner, written_beside
from retrieval.answering.sides import SidesAnswer
from retrieval.tokenizer import terms
from tests.retrieval.answering.small_corpus import parley_over

ARTICLES = {
    "a.txt": "Budget date set\n\nThe chancellor named the day. Accountancy firm Ernst & Young "
             "urged him to focus on the economy.\n\n\"Before the last six elections, taxes "
             "were cut,\" said Aidan O'Carroll, E&Y's UK head of tax.",
    "b.txt": "Courts row\n\nTennis Australia president Geoff Pollard said the courts were "
             "faster.\n\nHewitt had complained about the surface.",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


@pytest.mark.parametrize(("question", "speaker"), [
    ("what did ernst and young's head of tax say about taxes before elections",
     "Aidan O'Carroll"),
    ("what did e&y's head of tax say", "Aidan O'Carroll"),
])
def test_a_role_at_a_body_finds_the_one_written_holding_it(engine: Parley, question: str,
                                                           speaker: str):
    answer = engine.ask(question)
    assert not isinstance(answer, SidesAnswer)
    assert answer.results and answer.results[0].speaker is not None
    assert answer.results[0].speaker.name == speaker


def test_another_bodys_role_is_not_theirs(engine: Parley):
    answer = engine.ask("what did deloitte's head of tax say about taxes")
    assert all(h.speaker is None or h.speaker.name != "Aidan O'Carroll" for h in answer.results)


@pytest.mark.parametrize(("phrase", "split"), [
    ("ernst and young's head of tax", ("ernst and young", "head of tax")),
    ("the ofsted's chief", ("ofsted", "chief")),
    ("the unions' leaders", ("unions", "leaders")),
    ("the head of tax", None),
])
def test_split_owner_reads_the_body_and_the_role(phrase: str,
                                                 split: tuple[str, str] | None):
    assert split_owner(phrase) == split


@pytest.mark.parametrize(("text", "owner", "expected"), [
    ("E&Y's UK head of tax", "ernst and young", True),  # initials
    ("Ernst & Young's head of tax", "ernst and young", True),
    ("Young's head of tax", "ernst and young", False),
    ("Tennis Australia president", "tennis australia", True),
])
def test_names_owner_by_name_or_initials(text: str, owner: str, expected: bool):
    assert names_owner(terms(text), owner) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("said Aidan O'Carroll, E&Y's UK head of tax.", True),
    ("E&Y's head of tax John Smith said", True),
    ("said Aidan O'Carroll. E&Y's head of tax disagreed.", False),  # not beside the name
    ("E&Y's head of tax praised Aidan O'Carroll", False),  # the role is another's
])
def test_the_role_and_body_must_be_written_beside_the_name(text: str, expected: bool):
    name = "John Smith" if "John Smith" in text else "Aidan O'Carroll"
    assert written_beside(text, name, "ernst and young", "head of tax") is expected
