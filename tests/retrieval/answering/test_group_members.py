"""A group phrase stands for its organisations' people: "no statement by X is about Y" must
be true of each of them (see `group_members`)."""
from __future__ import annotations

import pytest

from retrieval.answering.engine import Parley
from retrieval.answering.group_members import bodies, members, of_kind
from tests.retrieval.answering.small_corpus import parley_over

ARTICLES = {
    "odds.txt": "Singer facing eviction\n\n"
                "Bookmakers Ladbrokes says the singer has even odds of being voted off the "
                "show. \"It's going to be close,\" said Ladbrokes' Warren Lush.\n\n"
                "\"There has been a big gamble on Natalie Appleton to go,\" added Mr Lush.\n",
    "union.txt": "Strike vote called\n\n"
                 "Ann Hale of the Rail Workers Union said members would vote on a strike "
                 "over pensions.\n\n"
                 "Unions said the talks had failed.\n",
    "sec.txt": "Regulator settles charges\n\n"
               "The Acme Exchange Board found the firm did not disclose its payments. "
               "\"Shareholders have a significant interest in it,\" said Acme Exchange "
               "Board deputy enforcement director Linda Thomsen.\n\n"
               "Acme Exchange Board said the fine was fair.\n",
    "france.txt": "Champion wins again\n\n"
                  "Marie Blanc of France said the race over the hills was her hardest.\n\n"
                  "France said the treaty would be signed.\n",
}


@pytest.fixture(scope="module")
def parley(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


def _members(parley: Parley, typed: str) -> set[str]:
    people, _ = members(parley, typed, parley.finder.find(typed))
    return {m.group.speaker.name for m in people}


@pytest.mark.parametrize(("typed", "member"), [
    ("the bookmakers", "Warren Lush"),  # "Bookmakers Ladbrokes", then "Ladbrokes' Warren Lush"
    ("the rail workers union", "Ann Hale"),  # "Ann Hale of the Rail Workers Union"
    # the body's name before the office before the name, whatever role the directory keeps
    ("the acme exchange board", "Linda Thomsen"),
])
def test_a_group_brings_the_people_of_its_bodies(parley: Parley, typed: str,
                                                 member: str) -> None:
    assert member in _members(parley, typed) | {
        m.group.speaker.name for m in parley.finder.find(typed)}


def test_a_country_brings_no_one_written_as_from_it(parley: Parley) -> None:
    assert "Marie Blanc" not in _members(parley, "france")
    assert bodies("france", parley.finder.find("france")) == {}


def test_no_negative_claim_when_a_member_spoke_on_the_topic(parley: Parley) -> None:
    answer = parley.ask("what did the bookmakers say about natalie appleton")
    assert answer.message is not None and "Warren Lush" in answer.message
    assert "No statement" not in answer.message  # the group's own may have spoken too
    assert answer.results and answer.results[0].speaker is not None
    assert answer.results[0].speaker.name == "Warren Lush"


KIND_ARTICLES = {
    "tobacco.txt": "Tobacco giants hail ruling\n\n"
                   "Charles Blixt, executive vice-president of RJ Reynolds Tobacco, said the "
                   "court ruling transforms the lawsuit.\n\n"
                   "Iraqi Oil Minister Sami Hadi said oil exports would rise.\n",
}


@pytest.fixture(scope="module")
def kinds(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, KIND_ARTICLES)


@pytest.mark.parametrize(("typed", "found"), [
    ("the tobacco companies", {"Charles Blixt"}),  # "RJ Reynolds Tobacco" is a name
    ("the oil companies", set()),  # "Oil Minister" is an office, not a firm
    ("the tobacco", set()),  # no kind of body named
])
def test_a_kind_of_body_is_the_bodies_whose_names_hold_it(kinds: Parley, typed: str,
                                                          found: set[str]) -> None:
    assert {m.group.speaker.name for m in of_kind(kinds, typed)} == found


def test_a_kind_of_body_is_no_longer_nobody(kinds: Parley) -> None:
    answer = kinds.ask("what did the tobacco companies say about the court ruling")
    assert answer.results and answer.results[0].speaker is not None
    assert answer.results[0].speaker.name == "Charles Blixt"
    assert answer.message is not None and "No speaker" not in answer.message


def test_a_bodys_people_are_searched_once_per_engine(
        tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    from retrieval.answering import group_members

    fresh = parley_over(tmp_path_factory, ARTICLES)
    searched: list[str] = []
    real = group_members._roles_written
    monkeypatch.setattr(group_members, "_roles_written",
                        lambda p, body: searched.append(body) or real(p, body))
    first = _members(fresh, "the bookmakers")
    assert _members(fresh, "the bookmakers") == first == {"Warren Lush"}
    assert searched and len(searched) == len(set(searched))  # each body once
