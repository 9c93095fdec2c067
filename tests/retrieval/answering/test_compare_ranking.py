"""Which statements a comparison shows first, and who an organisation side is: the people
whose role names it as their body; statements in an article where the other side speaks on
the topic first; headlines after the rest; a place's adjective on the place's topic; a direct
quote in a paragraph on the whole topic."""
from __future__ import annotations

import pytest

from corpus.models import Speaker
from retrieval.answering.engine import Parley
from retrieval.answering.side_members import works_for
from retrieval.answering.sides_records import SidesAnswer
from tests.retrieval.answering.small_corpus import parley_over

ARTICLES = {
    "ferry.txt": "Ferry fares to rise\n\n"
                 "Mayor Tom Reed said ferry fares would rise by a fifth in the spring.\n\n"
                 "Mr Reed said the ferry fares were still the lowest on the coast.\n",
    "debate.txt": "Council debates ferry fares\n\n"
                  "Mayor Tom Reed said ferry fares had to rise to pay for new boats.\n\n"
                  "Harbour Union leader Anna Berg said the ferry fares would drive families "
                  "away.\n",
    "bridge.txt": "Reed hails bridge tolls deal\n\n"
                  "Mayor Tom Reed has hailed a deal to cut bridge tolls as good for the town.\n",
    "clinic.txt": "Clinics wait for vaccine\n\n"
                  "The health board said the flu vaccine would reach clinics in March. "
                  "Doctor Ann Lee said: \"We ordered some but none has arrived.\" "
                  "Nurse Jo Hart said the waiting rooms were full.\n",
    "tennis.txt": "Players wait for supplements\n\n"
                  "David Hall, Vice President of the Tennis Council, said the clean supplements "
                  "would reach players within weeks.\n",
    "crimea.txt": "Talks on the peninsula\n\n"
                  "Ukraine said the talks could include the future of the Crimean peninsula.\n\n"
                  "The Crimean coast was quiet on Monday.\n",
}


@pytest.fixture(scope="module")
def parley(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


def _first(parley: Parley, question: str, side: str) -> list[str]:
    answer = parley.ask(question)
    assert isinstance(answer, SidesAnswer) and answer.comparison is not None, answer.message
    found = {s.typed: [h.sentence.text for h in s.statements] for s in answer.comparison.sides}
    return found[side]


@pytest.mark.parametrize(("role", "body", "member"), [
    ("Vice President of the ATP", "the ATP", True),  # any office of the body
    ("chairman of the Bar Council", "the Bar Council", True),
    ("the ATP's chief executive", "the ATP", True),
    ("former president of the ATP", "the ATP", False),  # no longer its
    ("President", "the president", False),  # an office, not a body
    ("ATP tournament director", "the ATP", False),  # not said to be the body's
])
def test_an_organisation_side_is_the_people_whose_role_names_it(role, body, member):
    assert works_for(Speaker("Someone", role), body) is member


def test_a_side_speaking_in_the_other_side_s_article_is_shown_from_it_first(parley):
    first = _first(parley, "compare what Reed and Berg said about ferry fares", "Reed")
    assert first[0].startswith("Mayor Tom Reed said ferry fares had to rise")


def test_a_vice_president_speaks_for_the_body(parley):
    first = _first(parley, "compare what the Tennis Council and Reed said about supplements",
                   "the Tennis Council")
    assert first and first[0].startswith("David Hall, Vice President of the Tennis Council")


def test_a_place_s_adjective_puts_a_statement_on_the_place(parley):
    first = _first(parley, "What do Ukraine and Reed say about Crimea?", "Ukraine")
    assert first and "Crimean peninsula" in first[0]


def test_a_headline_comes_after_the_lead_it_restates(parley):
    first = _first(parley, "compare what Reed and Berg said about bridge tolls", "Reed")
    assert first[0].startswith("Mayor Tom Reed has hailed a deal")


@pytest.mark.parametrize(("topic", "side", "shown"), [
    ("the flu vaccine", "Lee", True),  # her quote, in a paragraph on all of the topic
    ("the flu vaccine", "Hart", False),  # reported, and not on it
    ("flu vaccine shortages", "Lee", False),  # the paragraph holds only part of the topic
])
def test_a_direct_quote_in_a_paragraph_on_the_whole_topic_is_on_it(parley, topic, side, shown):
    first = _first(parley, f"compare what Lee and Hart said about {topic}", side)
    assert bool(first) is shown
