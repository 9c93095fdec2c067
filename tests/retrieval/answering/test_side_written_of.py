"""Who an organisation's or a country's side holds, by the words around their name and role."""
from __future__ import annotations

import pytest

from corpus.models import Speaker
from retrieval.answering.engine import Parley
from retrieval.answering.side_members import employed_elsewhere, side_matches
from retrieval.tokenizer import terms
from tests.retrieval.answering.small_corpus import parley_over

ARTICLES = {
    "asylum.txt": "Charities fear for returned children\n\n"
                  "Jane Holt of Help the Young said there were grave concerns about the plan. "
                  "\"We do not think the homes are ready,\" she said.\n\n"
                  "Home Office minister Tom Reed said the plan would protect children.\n\n"
                  "Mark Dale, formerly a trustee, said of Help the Young that it was right.\n",
    "lira.txt": "Lira slides again\n\n"
                "\"The lira is weak,\" Ali Veli, chief Turkish economist for Acme Bank, said.\n\n"
                "Turkish Finance Minister Kemal Unakitan said the economy was growing.\n",
}


@pytest.fixture(scope="module")
def parley(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


@pytest.mark.parametrize("typed", ["Help the Young", "help the young", "the Help the Young"])
def test_a_person_written_of_the_body_is_its_side(parley: Parley, typed: str) -> None:
    assert [m.group.speaker.name for m in side_matches(parley, typed, "the plan")] == [
        "Jane Holt"]


def test_a_body_named_after_the_words_is_not_their_body(parley: Parley) -> None:
    names = {m.group.speaker.name for m in side_matches(parley, "Help the Young", "")}
    assert "Mark Dale" not in names


def test_a_country_side_leaves_out_a_firm_s_economist_of_its_beat(parley: Parley) -> None:
    names = {m.group.speaker.name for m in side_matches(parley, "Turkey", "the economy")}
    assert "Kemal Unakitan" in names and "Ali Veli" not in names


@pytest.mark.parametrize(("role", "typed", "elsewhere"), [
    ("chief Turkish economist for Deutsche Bank", "turkey", True),
    ("UK economist at Royal Bank of Scotland", "the UK", True),
    ("Turkish foreign minister", "turkey", False),
    ("Welsh secretary for Wales", "Wales", False),  # the body after "for" is the side
    ("economist for Deutsche Bank", "turkey", False),  # no country named before it
])
def test_a_country_word_before_an_employer_is_a_beat(role: str, typed: str,
                                                    elsewhere: bool) -> None:
    speaker = Speaker("Ann Example", role)
    assert employed_elsewhere(speaker, set(terms(typed))) is elsewhere
