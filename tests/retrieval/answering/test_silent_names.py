"""The name of someone the articles mention who never speaks is never fitted, as a role
phrase would be, to a speaker whose sentence names them: "Corbett, soon to reunite with
Ronnie Barker for a new Two Ronnies series, also criticised quiz shows" does not make
Ronnie Corbett "Ronnie Barker" (a speaker sharing no word with the name, "Simon Wheatley,
from Goldman Sachs", may still speak for a bank the articles only mention: heldout6's
h6-bbc-role-9 keeps that). Real prose (BBC entertainment/311)."""
from __future__ import annotations

import pytest

from retrieval.answering.quote_verdicts import QuoteClaim
from tests.retrieval.answering.small_corpus import parley_over

CORBETT = "\n".join([
    "Corbett attacks 'dumbed-down TV'",
    "Source: Test",
    "Ronnie Corbett has joined fellow comedy stars Victoria Wood and David Jason in attacking "
    "the declining standards of British television programmes.",
    "",
    "Speaking to the Radio Times, the Two Ronnies star said there is too much bad language "
    'and reality TV. "You get fed up watching shows with not much care and love," he '
    "complained. Corbett, soon to reunite with Ronnie Barker for a new Two Ronnies series, "
    "also criticised quiz shows like the BBC's They Think It's All Over.",
    "",
    "Corbett said he and Barker were always mindful of their family audience while making "
    'The Two Ronnies. "Our material was good-natured," he said. "There\'s a lot of swearing '
    'on TV today."', ""])


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return parley_over(tmp_path_factory, {"corbett.txt": CORBETT})


def test_what_a_silent_name_said_is_that_they_are_only_mentioned(engine):
    answer = engine.ask("What did Ronnie Barker say?")
    assert answer.claim is not None and answer.claim.kind != "said"
    assert answer.claim.speaker is None
    assert answer.message.startswith("Ronnie Barker is mentioned in the articles, but")


def test_a_silent_name_is_no_side_of_a_comparison_by_anothers_words(engine):
    answer = engine.ask("What do Ronnie Corbett and Ronnie Barker say about today's TV?")
    assert "Ronnie Barker (Ronnie Corbett)" not in answer.message
    assert answer.comparison is not None
    barker = answer.comparison.sides[1]
    assert barker.typed == "Ronnie Barker" and barker.statements == ()


def test_a_quote_check_of_a_silent_name_never_gives_the_words_to_them(engine):
    claim = engine.check("Ronnie Barker", "There's a lot of swearing on TV today").claim
    assert isinstance(claim, QuoteClaim)
    assert claim.verdict in ("other_speaker", "not_found")


def test_the_speaker_is_still_found_by_his_own_name(engine):
    claim = engine.check("Ronnie Corbett", "There's a lot of swearing on TV today").claim
    assert isinstance(claim, QuoteClaim) and claim.verdict == "exact"
