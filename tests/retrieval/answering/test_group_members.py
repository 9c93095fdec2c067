"""A group phrase stands for its organisations' people: "no statement by X is about Y" must
be true of each of them (see `group_members`)."""
from __future__ import annotations

import pytest

from retrieval.answering.engine import Parley
from retrieval.answering.group_members import bodies, members
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
    assert answer.results and answer.results[0].speaker is not None
    assert answer.results[0].speaker.name == "Warren Lush"
