"""Who a side that is a body stands for: the people an article gives a role beginning with
the body's name ("PCS leader" for "the PCS union"), from the prose of the development
comparisons (politics/294)."""
from __future__ import annotations

import pytest

from corpus.models import Speaker
from retrieval.answering.engine import Parley
from retrieval.answering.side_members import _leads_role, belongs_to_party, party_of
from retrieval.answering.sides_records import SidesAnswer
from tests.retrieval.answering.small_corpus import parley_over

ARTICLES = {
    "strike.txt": "Civil servants plan strike\n\n"
                  "Mark Serwotka, from the Public and Commercial Services union said there "
                  "should be a co-ordinated one day strike unless there was a government "
                  "rethink.\n\n"
                  "The government says unions will be consulted before any changes are made "
                  "to the pension system.\n",
    "pensions.txt": "Union warns on pension age\n\n"
                    "PCS leader Mark Serwotka warned there could be further walkouts.\n\n"
                    "\"If you want the pension you were promised when you started you must "
                    "work for an extra five years,\" he said.\n\n"
                    "Former PCS leader Barry Reamsbottom said the pension plans were "
                    "reasonable.\n",
}


@pytest.fixture(scope="module")
def parley(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


@pytest.mark.parametrize(("role", "name", "leads"), [
    ("PCS leader", "PCS", True),
    ("PCS Union spokesman", "PCS", True),  # the body's kind between its name and the office
    ("PCS deputy general secretary", "PCS", True),
    ("Football League chairman", "Football", False),  # another body of the same first word
    ("Former PCS leader", "PCS", False),  # a former post is no longer the body's
    ("pcs leader", "PCS", False),  # not written as a name
    ("from the Public and Commercial Services union", "PCS", False),
    ("PCS", "PCS", False),  # no office
])
def test_a_role_names_the_body_when_it_begins_with_its_name_before_an_office(
        role: str, name: str, leads: bool) -> None:
    assert _leads_role(Speaker("Someone", role, "person"), name, "union") is leads


def test_a_body_typed_with_its_kind_holds_the_people_its_name_leads_the_role_of(
        parley: Parley) -> None:
    answer = parley.ask("What do the PCS union and the government say about the pension age?")
    assert isinstance(answer, SidesAnswer) and answer.comparison is not None
    pcs = answer.comparison.sides[0]
    assert {s.name for s in pcs.speakers} == {"Mark Serwotka"}
    assert pcs.statements and "pension" in pcs.statements[0].sentence.text


@pytest.mark.parametrize(("name", "role", "party", "member"), [
    ("Stephen Pound", "Labour MP", "Labour", True),
    ("Barbara Roche", "Labour MP for Hornsey and Wood Green", "Labour", True),
    # a ministry's name, not the party's (business/066, business/043)
    ("Wolfgang Clement", "Economy and Labour Minister", "Labour", False),
    ("Ghazi al-Gosaibi", "Labour Minister", "Labour", False),
    ("Someone", "Minister of Labour", "Labour", False),
    ("Kenny MacAskill", "Scottish National Party Justice Minister", "the SNP", True),
    ("Douglas Hogg", "Ex-Labour MP", "Labour", False),
])
def test_a_role_names_a_party_not_a_ministry_of_the_same_name(
        name: str, role: str, party: str, member: bool) -> None:
    found = party_of(party)
    assert found is not None
    assert belongs_to_party(Speaker(name, role, "person"), found) is member
