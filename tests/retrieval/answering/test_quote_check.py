"""Quote checks ("did X say Y?"): each verdict over a small corpus, never stronger than the
evidence; the question forms; the folding of quotes; the dev checks as a test."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from retrieval.answering import quote_names
from retrieval.answering.question import parse_question
from retrieval.answering.quote_folding import contains, quotations_in, quote_pieces
from retrieval.answering.quote_verdicts import QuoteClaim
from tests.retrieval.answering.small_corpus import parley_over

ARTICLE = """Talks on the harbour deal resume
Source: Test
"Whatever treaty there is, it is signed under pressure," Harbour Minister Anna Berg said.
Mayor Tom Reed said the new bridge would open in the spring and would not cost taxpayers.
The port workers went on strike on Monday.
Residents told reporters that Mr Reed had favoured shipping firms over them.
"""

DEV = Path(__file__).parent / "data" / "dev_checks15.json"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return parley_over(tmp_path_factory, {"harbour.txt": ARTICLE})


@pytest.mark.parametrize(("speaker", "quote", "verdict", "who"), [
    ("Berg", "it is signed under pressure", "exact", "Anna Berg"),
    ("Anna Berg", "\u201cWHATEVER treaty there is\u201d", "exact", "Anna Berg"),
    ("the harbour minister", "whatever treaty ... signed under pressure", "exact", "Anna Berg"),
    ("Reed", "the new bridge would open in the spring", "reported", "Tom Reed"),
    ("Reed", "the bridge would open in spring and would not cost taxpayers", "reported",
     "Tom Reed"),
    ("Berg", "the treaty is signed freely", "close", "Anna Berg"),
    ("Reed", "the new bridge would cost taxpayers", "close", "Tom Reed"),  # negation lost
    ("Reed", "signed under pressure", "other_speaker", "Anna Berg"),
    ("Berg", "the new bridge would open in the spring", "other_speaker", "Tom Reed"),
    ("Berg", "the port workers went on strike", "not_found", None),  # narration
    ("Reed", "favoured shipping firms", "not_found", None),  # a mention, not his words
    ("Nobody Known", "bitcoin is the future", "not_found", None),
])
def test_verdicts_over_a_small_corpus(engine, speaker, quote, verdict, who):
    answer = engine.check(speaker, quote)
    claim = answer.claim
    assert isinstance(claim, QuoteClaim)
    assert (claim.verdict, claim.speaker.name if claim.speaker else None) == (verdict, who)
    if verdict != "not_found":
        assert answer.results and answer.results[0].speaker == claim.speaker
        assert claim.evidence is answer.results[0]


CLUB = """United back their manager
Source: Test
"Ian Walsh and I have had a long talk about the league," said chairman Eddie Moss.
Keeper Tony Hale backed the chairman. "I think all the boys are behind Ian Walsh," he added.
"We will play our games with more heart," said Ivo Brandt, the club's director.
Coach Lena Park said the team had to play more games this spring.
"""


@pytest.fixture(scope="module")
def club(tmp_path_factory):
    return parley_over(tmp_path_factory, {"club.txt": CLUB})


@pytest.mark.parametrize(("speaker", "quote", "verdict", "who"), [
    # X's sentence holds the quote's only word as a name: a mention, not X's words
    ("Tony Hale", "Ian Walsh and I have had a", "other_speaker", "Eddie Moss"),
    # one meaning in common, and someone else said the words
    ("Lena Park", "our games with more", "other_speaker", "Ivo Brandt"),
    # two meanings, but another's quotation holds them word for word
    ("Lena Park", "play our games", "other_speaker", "Ivo Brandt"),
    ("Lena Park", "the team had to play more games", "reported", "Lena Park"),
])
def test_reported_needs_more_than_a_name_or_one_shared_word(club, speaker, quote, verdict,
                                                            who):
    claim = club.check(speaker, quote).claim
    assert isinstance(claim, QuoteClaim)
    assert (claim.verdict, claim.speaker.name if claim.speaker else None) == (verdict, who)


BUDGET = """Brand plans a budget for families
Source: Test
Gordon Brand, the Chancellor of the Exchequer, said the budget would help families.
"""
DENIAL = """Claims in a new book denied
Source: Test
The chancellor said he still trusted the prime minister despite claims in a new book.
"""


def test_a_speaker_called_only_by_x_s_role_is_not_someone_else(tmp_path_factory):
    # "the chancellor" of the second article may be Gordon Brand: not `other_speaker`
    engine = parley_over(tmp_path_factory, {"budget.txt": BUDGET, "denial.txt": DENIAL})
    claim = engine.check("Gordon Brand", "he still trusted the prime minister").claim
    assert isinstance(claim, QuoteClaim)
    assert claim.verdict in ("close", "not_found")


DOCK = """Cranes at the old port
Source: Test
Ivan Dahl, who chairs the dock board, said the cranes were too old to lift containers.
"""


@pytest.mark.parametrize(("speaker", "verdict"), [
    ("the dock board chair", "not_found"),  # the passage may be calling Dahl that
    ("the dock board", "not_found"),
    ("Olga Berg", "other_speaker"),  # a name nobody here has is not Dahl's
    ("the mayor", "other_speaker"),
])
def test_a_description_the_passage_gives_is_never_told_it_was_someone_else(
        tmp_path_factory, speaker, verdict):
    dock = parley_over(tmp_path_factory, {"dock.txt": DOCK})
    claim = dock.check(speaker, "the cranes were too old to lift containers").claim
    assert claim.verdict == verdict
    assert claim.evidence is not None and claim.evidence.speaker.name == "Ivan Dahl"


TRUCE = """Envoys meet over the harbour truce
Source: Test
"In a fair truce, there are no losing sides and delay is to nobody's benefit," Envoy Ada Lind said.
Mayor Tom Reed said the truce talks would start at noon.
The harbour was closed on Monday.
"""


@pytest.mark.parametrize(("speaker", "quote", "first"), [
    # X's own statement holds most of Y: shown first, before the narration holding less
    ("Lind", "nobody is a loser in a fair truce", "Ada Lind"),
    # someone else's holds more of Y than X's: theirs first
    ("Reed", "nobody is a loser in a fair truce", "Ada Lind"),
])
def test_not_found_shows_first_the_statement_holding_most_of_the_words(
        tmp_path_factory, speaker, quote, first):
    answer = parley_over(tmp_path_factory, {"truce.txt": TRUCE}).check(speaker, quote)
    assert answer.claim.verdict == "not_found"
    assert answer.results[0].speaker is not None and answer.results[0].speaker.name == first


def test_close_shows_the_words_each_side_lacks(engine):
    claim = engine.check("Berg", "the treaty is signed freely").claim
    assert claim.verdict == "close"
    assert "freely" in claim.missing and "pressure" in claim.extra
    assert "Minister" not in claim.extra  # the speaker's role is not what they said


def test_reported_names_the_shared_words(engine):
    claim = engine.check("Reed", "the new bridge would open in the spring").claim
    assert {"bridge", "open", "spring"} <= set(claim.shared)
    assert "In other words" in engine.check("Reed", "bridge open spring").message


@pytest.mark.parametrize(("question", "speaker", "quote"), [
    ("Did Berg say it is signed under pressure?", "Berg", "it is signed under pressure"),
    ("Did Berg say that the treaty is signed?", "Berg", "the treaty is signed"),
    ("Is it true that Tom Reed said the bridge would open?", "Tom Reed",
     "the bridge would open"),
    ("Did Berg really say 'signed under pressure'?", "Berg", "'signed under pressure'"),
    # "state" is a speech verb, "the" never the whole speaker
    ("did the state department say the talks had failed", "the state department",
     "the talks had failed"),
    ("Is it true that the state department stated the talks failed?", "the state department",
     "the talks failed"),
])
def test_check_questions_are_recognised(question, speaker, quote):
    parsed = parse_question(question)
    assert (parsed.intent, parsed.speaker, parsed.topic) == ("check", speaker, quote)


@pytest.mark.parametrize("question", [
    "Did Berg say anything about the treaty?",
    "Did anyone talk about a fair peace?",
    "What did Berg say about the treaty?",
    "Did Berg say so?",
])
def test_questions_about_a_topic_are_not_checks(question):
    assert parse_question(question).intent != "check"


def test_a_check_question_is_answered_through_ask(engine):
    answer = engine.ask("Did Berg really say \u201csigned under pressure\u201d?")
    assert answer.intent == "check" and answer.claim.verdict == "exact"


@pytest.mark.parametrize(("words", "quote", "held"), [
    (["it", "is", "made", "at", "gunpoint"], "made at Gunpoint!", True),
    (["it", "is", "made", "at", "gunpoint"], "made gunpoint", False),
    (["a", "b", "c", "d"], "a … d", True),
    (["a", "b", "c", "d"], "d … a", False),
    (["cavusoglu", "said"], "Çavuşoğlu said", True),
])
def test_contains_folds_and_keeps_order(words, quote, held):
    assert contains(words, quote_pieces(quote)) is held


@pytest.mark.parametrize(("message", "found"), [
    ('Kallas said "made at gunpoint"', ["made at gunpoint"]),
    ("He said \u00abstop this tragedy\u00bb today", ["stop this tragedy"]),
    ("She said \u2018no losing parties\u2019.", ["no losing parties"]),
    ("nobody's benefit, it's fine", []),
])
def test_quotations_in_a_message(message, found):
    assert quotations_in(message) == found


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60), st.text(max_size=120))
def test_any_check_input_gets_a_reply(engine, speaker, quote):
    answer = engine.check(speaker, quote)
    assert answer.message or answer.results


def test_dev_checks_are_right_and_never_too_strong():
    from retrieval.evaluation.checks_eval import load_checks, score, summary

    # the seed's checks only: the shipped article is the seed corpus
    scored = score([c for c in load_checks(DEV) if c.corpus == "seed"], DEV.parent / "no-bbc")
    result = summary(scored)
    assert result["too_strong"] == []
    assert result["right"] >= 0.9 * result["checks"]
    assert len(json.loads(DEV.read_text())["checks"]) >= 20


@pytest.mark.parametrize(("name", "asked", "other"), [
    ("Andy Robinson", ("Jason Robinson",), True),  # the coach, not the captain
    ("Mike Smith", ("Michael Smith",), False),  # may be a short form
    ("President Bush", ("George Bush",), False),  # a title, not a first name
    ("Robinson", ("Jason Robinson",), False),  # no first name: may be him
    ("Andy Robinson", (), False),  # X typed as no one's full name
    ("Andy Robinson", ("Jason Robinson", "Andrew Robinson"), False),
])
def test_a_shared_surname_under_another_first_name_is_someone_else(name, asked, other):
    assert quote_names.other_first_name(name, asked) is other


@pytest.mark.parametrize(("name", "shared", "asked", "other"), [
    ("David Davis", {"david"}, ("David Blunkett",), True),  # the Tory, not the home secretary
    ("Tony Blair", {"toni"}, ("Tony McNulty",), True),
    ("David Davis", {"david", "davi"}, ("David Davis",), False),  # the same name
    ("David Blunkett", {"david"}, ("David Blunkett", "David Davis"), False),  # may be him
    ("David", {"david"}, ("David Blunkett",), False),  # a first name alone may be him
    ("President Bush", {"bush"}, ("George Bush",), False),  # the surname is shared
    ("David Davis", {"david"}, (), False),  # X typed as no one's full name
])
def test_a_shared_first_name_under_another_surname_is_someone_else(name, shared, asked,
                                                                   other):
    assert quote_names.other_surname(name, shared, asked) is other


APPOSITION = ("Campaign chiefs speak\n\n"
              "Former press chief Harold Finch, now working on Labour's election campaign, "
              "says a cheerful image does not suit the Tory leader.\n\n"
              "The weather in the north stayed cold and wet all week.\n\n"
              "Farmers said the harvest was late this year.\n")


@pytest.mark.parametrize(("quote", "verdict"), [
    ("I am working on Labour's election campaign", "not_found"),  # the apposition's words
    ("a cheerful image does not suit the Tory leader", "reported"),
])
def test_an_apposition_before_the_speech_verb_says_who_speaks_not_what(
        tmp_path_factory, quote, verdict):
    engine = parley_over(tmp_path_factory, {"finch.txt": APPOSITION})
    assert engine.check("Harold Finch", quote).claim.verdict == verdict
