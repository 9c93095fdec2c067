"""Titles have one home (data/titles.tsv); each reader gets exactly the titles it had when
it kept its own copy (copied here from the code on the day they moved)."""
from __future__ import annotations

import pytest

from corpus import titles
from corpus.entities import Entity

TODAY_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame", "prof",
                    "rev", "mr.", "mrs.", "ms.", "dr.", "prof."}
TODAY_FEMALE = {"mrs", "ms", "miss", "lady", "dame", "mrs.", "ms."}
TODAY_MALE = {"mr", "sir", "lord", "mr."}
# Issue 12: "Chief Supt Deats went on to warn" (tech/120) is Mick Deats, never "Supt Deats".
ISSUE12_HONORIFICS = {"superintendent", "supt", "supt."}


def test_honorifics_are_todays_phrase_titles():
    assert titles.honorifics() == TODAY_HONORIFICS | ISSUE12_HONORIFICS


@pytest.mark.parametrize("title", sorted(TODAY_HONORIFICS | ISSUE12_HONORIFICS))
def test_each_honorific_implies_todays_gender(title):
    expected = "female" if title in TODAY_FEMALE else "male" if title in TODAY_MALE else None
    assert titles.title_gender(title) == expected


@pytest.mark.parametrize(("named_set", "today"), [
    # the naive baseline's honorifics; aliases of a person of unknown gender
    ("surname", {"mr", "mrs", "ms", "miss", "dr"}),
    # the titles among the phrase grammar's words that never begin a name
    ("stopword", {"mr", "ms", "mrs", "dr"}),
    # the attributor's name patterns: (?:Mr|Ms|Mrs|Dr|Sir|Lord|Lady|Dame)
    ("pattern", {"mr", "ms", "mrs", "dr", "sir", "lord", "lady", "dame"}),
    # what a user may type before a name (retrieval/answering/speakers.py's own copy)
    ("typed", {"mr", "mrs", "ms", "miss", "dr", "sir", "president", "minister"}),
])
def test_named_sets_are_each_readers_titles(named_set, today):
    assert titles.titles_in(named_set) == today


def test_peers_keep_their_territorial_name():
    assert titles.titles_in("peer") & titles.honorifics() == {"lord", "lady"}


def test_scoring_last_words_that_are_no_surname_are_todays():
    assert titles.title_words("not_surname") == {
        "mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame", "judge", "cardinal",
        "president", "prime", "minister"}


def test_title_pattern_is_capitalised_as_written_before_a_name():
    assert set(titles.title_pattern("pattern").split("|")) == {
        "Mr", "Ms", "Mrs", "Dr", "Sir", "Lord", "Lady", "Dame"}


@pytest.mark.parametrize(("gender", "today"), [
    ("male", {"mr", "sir", "dr"}),
    ("female", {"ms", "mrs", "miss", "dr"}),
    (None, {"mr", "ms", "mrs", "miss", "dr"}),
])
def test_a_persons_title_aliases_agree_with_their_gender(gender, today):
    aliases = Entity(["Jo Bloggs"], gender=gender).aliases()
    assert {a.split()[0] for a in aliases if a.endswith(" bloggs") and a != "jo bloggs"} == today


def test_an_unknown_named_set_is_an_error():
    with pytest.raises(KeyError):
        titles.titles_in("surnames")
