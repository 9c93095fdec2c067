"""A role phrase naming a country fits a role that states none ("Prime Minister") only as
a guess the articles do not settle: the answer says no role states that country, names who
fits without one, and claims nothing; a role stating another country never fits, even when
the sentence around it names the typed one. An official of no stated country speaks for
the country that spoke last before them ("Moscow said …"), not for a place they name."""
from __future__ import annotations

import pytest

from retrieval.answering.candidates import names_a_body
from retrieval.answering.engine import Parley
from retrieval.answering.records import Answer
from tests.retrieval.answering.small_corpus import parley_over

ARTICLES = {
    "a.txt": "Budget row\n\nBritish Prime Minister Tom Lane said the budget would pass.\n\n"
             "Rain fell.",
    "b.txt": "Summit\n\n\"The French plan is a good one,\" said Prime Minister Tom Lane.\n\n"
             "\"We back it,\" said Prime Minister Joe Reed.\n\nSnow fell.",
    "c.txt": "Talks\n\nMoscow said it would scale back its forces near Kyiv.\n\nDeputy "
             "Defence Minister Ivan Sokol said the move near Kyiv was meant to build trust.",
    "d.txt": "Growth returns\n\nBrazil's economy is growing again, its ministry says.\n\n"
             "\"Growth will go on,\" said finance minister Ana Costa.",
    "f.txt": "Trade row\n\nThe US said it would block the bid.\n\nBut European Union "
             "ambassador to the WTO, Carlo Vane, said the bid must go on.",
    "e.txt": "Tax row\n\nA tax plan was dropped.\n\n\"Taxes will fall,\" said finance "
             "minister Rui Vale.",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


def test_a_role_of_no_country_fits_only_as_unstated(engine: Parley):
    answer = engine.ask("what did the dutch prime minister say")
    assert answer.claim.kind == "closest" and answer.claim.speaker is None
    assert (answer.message or "").startswith(
        "No speaker's role in the articles states the country of \u201cthe dutch prime "
        "minister\u201d; ")
    assert "Joe Reed" in (answer.message or "")


def test_another_countrys_role_never_fits_through_its_sentence(engine: Parley):
    answer = engine.ask("what did the french prime minister say")
    assert "Tom Lane" not in (answer.message or "")
    assert all(h.speaker is None or h.speaker.name != "Tom Lane" for h in answer.results)


@pytest.mark.parametrize("question", ["what did the british prime minister say",
                                      "what did the uk prime minister say"])
def test_a_role_stating_the_country_is_claimed(engine: Parley, question: str):
    answer = engine.ask(question)
    assert answer.claim.kind == "said"
    assert answer.claim.speaker is not None and answer.claim.speaker.name == "Tom Lane"


def test_an_official_speaks_for_the_country_that_spoke_before_them(engine: Parley):
    answer = engine.ask("what did the russian deputy defence minister say")
    assert answer.claim.kind == "said"
    assert answer.claim.speaker is not None and answer.claim.speaker.name == "Ivan Sokol"


def _fitting(answer: Answer) -> set[str]:
    return {c.speaker.name for c in answer.claim.candidates}


NATIONALS = {
    "g.txt": "Film night\n\n\"I loved the script,\" said British actor Tom Hale.\n\n"
             "\"Trade talks go on,\" said UK Trade Secretary Ann Bell.\n\n"
             "\"We played well,\" said England coach Sam Ford.\n\n"
             "\"Fees will rise,\" said UK Athletics chief Lee Dunn.\n\n"
             "\"Prices fell,\" said former UK Trade Secretary Ian Moss.\n\n"
             "\"Aid is coming,\" said UK Chancellor of the Exchequer Rob Kerr.",
}


@pytest.fixture(scope="module")
def nationals(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, NATIONALS)


@pytest.mark.parametrize(("country", "speaker", "speaks"), [
    ("the uk", "Ann Bell", True),  # the country's office
    ("england", "Sam Ford", True),  # its team
    ("the uk", "Rob Kerr", True),  # a state's office, even "of the Exchequer"
    ("britain", "Tom Hale", False),  # a nationality, no side
    ("the uk", "Lee Dunn", False),  # a body's office: the body is no country
    ("the uk", "Ian Moss", False),  # an office no longer held
])
def test_a_role_stating_the_country_speaks_for_it_only_as_its_office(
        nationals: Parley, country: str, speaker: str, speaks: bool):
    assert (speaker in _fitting(nationals.ask(f"what did {country} say"))) is speaks


def test_a_place_their_sentence_names_is_not_their_country(engine: Parley):
    answer = engine.ask("what did the ukrainian deputy defence minister say")
    assert answer.claim.kind == "closest" and answer.claim.speaker is None


def test_the_one_country_of_the_lead_is_theirs_and_leaves_out_the_unstated(engine: Parley):
    answer = engine.ask("what did brazil's finance minister say")
    assert answer.claim.kind == "said"
    assert answer.claim.speaker is not None and answer.claim.speaker.name == "Ana Costa"
    assert "Rui Vale" not in (answer.message or "")


def test_a_role_held_at_a_named_body_is_never_settled_by_the_story(engine: Parley):
    answer = engine.ask("what did the american ambassador say")  # the US spoke just before
    assert answer.claim.kind == "closest" and answer.claim.speaker is None
    assert (answer.message or "").startswith("No speaker's role in the articles states the "
                                             "country of \u201cthe american ambassador\u201d")


@pytest.mark.parametrize(("role", "names"), [
    ("European Union ambassador to the WTO", True),
    ("Former Southampton manager", True),
    ("spokeswoman for the North Carolina-based bank", True),
    ("Deputy Defence Minister", False),
    ("central bank governor", False),
    ("Festival director", False),  # a first word's capital says nothing
    ("UK Prime Minister", False),  # a country is no body here: it states the country
    (None, False),
])
def test_a_role_names_the_body_it_is_held_at(role: str | None, names: bool):
    assert names_a_body(role) is names
