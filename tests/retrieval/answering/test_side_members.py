"""Who a side that is a body or a party stands for, and which of its statements are on a
topic that names someone: from the prose of the development comparisons (politics/294,
politics/234, politics/028, politics/404)."""
from __future__ import annotations

import pytest

from corpus.models import Speaker
from retrieval.answering.engine import Parley
from retrieval.answering.side_members import (
    belongs_to_party,
    leads_role,
    party_of,
    works_for,
    written_as_former,
)
from retrieval.answering.sides_records import SidesAnswer
from tests.retrieval.answering.small_corpus import parley_over

ARTICLES = {
    "police.txt": "Blunkett unveils police plans\n\n"
                  "Home Secretary David Blunkett said the plans would bring the police closer "
                  "to local people.\n\n"
                  "Lib Dem spokesman Mark Oaten said the plans would only work with less "
                  "paperwork.\n",
    "a_terror.txt": "Terror bill row\n\n"
                  "Home affairs spokesman Mark Oaten said the anti-terror bill was flawed.\n",
    "kruger.txt": "Tory candidate quits\n\n"
                  "Danny Kruger was quoted saying the party planned creative destruction.\n\n"
                  "Labour MP Alan Milburn said the remark showed the true Tory agenda.\n",
    "mayor.txt": "Mayor stands firm\n\n"
                 "Labour MP Ken Livingstone said he was standing by his remarks about the "
                 "journalist.\n",
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
    assert leads_role(Speaker("Someone", role, "person"), name, "union") is leads


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


def test_a_party_member_is_found_by_a_role_an_article_gives_them(parley: Parley) -> None:
    # the directory's entry for Mark Oaten keeps the first article's "affairs spokesman"
    answer = parley.ask("What do the Lib Dems and Labour say about the police plans?")
    assert isinstance(answer, SidesAnswer) and answer.comparison is not None
    lib_dems = answer.comparison.sides[0]
    assert "Mark Oaten" in {s.name for s in lib_dems.speakers}
    assert lib_dems.statements and "paperwork" in lib_dems.statements[0].sentence.text


def test_a_topic_naming_someone_is_met_only_in_an_article_naming_them(parley: Parley) -> None:
    answer = parley.ask("What do Labour and the Tories say about Danny Kruger's remark?")
    assert isinstance(answer, SidesAnswer) and answer.comparison is not None
    labour = answer.comparison.sides[0]
    shown = [h.sentence.text for h in labour.statements]
    assert shown and all("Livingstone" not in t for t in shown)
    assert "Milburn" in shown[0]


@pytest.mark.parametrize(("text", "name", "former"), [
    # entertainment: the role kept for him lost its "former British"
    ("The market, former British government minister Michael Heseltine once said, has no "
     "morality.", "Michael Heseltine", True),
    ("Ex-Labour MP Ken Livingstone said it was a smear.", "Ken Livingstone", True),
    ("Local government minister Nick Raynsford said the council tax was fair.",
     "Nick Raynsford", False),
    ("Mr Raynsford said the former system had failed.", "Nick Raynsford", False),  # after
])
def test_a_sentence_calling_its_speaker_a_former_holder_is_read(text, name, former):
    assert written_as_former(text, Speaker(name, "government minister", "person")) is former


@pytest.mark.parametrize(("role", "body", "member"), [
    ("vice president for entertainment at Nokia", "Nokia", True),  # tech: Jonas Guest
    ("Vice President of the ATP", "the ATP", True),
    ("chief economist at the IMF", "the imf", True),
    ("lecturer at Liverpool University", "Liverpool", False),  # another body's name
    ("former chief executive at Nokia", "Nokia", False),
    # where they come from (politics/067, the BBC folder's "from ..." roles)
    ("from the controversial group Fathers 4 Justice", "Fathers 4 Justice", True),
    ("from the League Against Cruel Sports", "the league against cruel sports", True),
    ("from the Local Government Association", "the LGA", False),  # initials: not here
    ("from the controversial group Fathers 4 Justice", "Justice", False),  # not the whole
])
def test_a_role_at_a_body_makes_its_holder_one_of_its_people(role, body, member):
    assert works_for(Speaker("Jonas Guest", role, "person"), body) is member
