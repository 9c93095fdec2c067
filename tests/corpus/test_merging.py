"""One entity per person across a corpus (issue 12, `corpus.merging`): spelling,
transliteration, title and hyphen variants merge; people who share a surname never do, and
a bare surname joins only the one person it can be. Each case is a small corpus of
one-line articles written after real coverage (the Istanbul talks, the BBC folder)."""
from __future__ import annotations

import pytest

import corpus.merging as merging
from corpus.build import attribute_article
from corpus.loader import RawArticle
from corpus.merging import merge_people
from corpus.name_keys import given_alike, name_parts, spelling_key


def corpus_of(*texts: str):
    return [attribute_article(RawArticle(f"a{i}", f"a{i}.txt", "A headline", (t,)))
            for i, t in enumerate(texts)]


def speaker_names(*texts: str) -> list[str]:
    articles, _ = merge_people(corpus_of(*texts))
    return [s.speaker.name for a in articles for p in a.passages for s in p.sentences
            if s.speaker is not None]


@pytest.mark.parametrize(("variants", "key"), [
    (["Zelenskiy", "Zelensky", "Zelenskyy", "Zelenskyi"], "zelenski"),
    (["Kilroy-Silk", "KilroySilk"], "kilroisilk"),
    (["Khodorkovsky", "Hodorkovsky"], "hodorkovski"),
    (["Çavuşoğlu", "Cavusoglu"], "cavusoglu"),
    (["Barrot", "Barot"], "barot"),
])
def test_spelling_variants_share_one_key(variants, key):
    assert {spelling_key(v) for v in variants} == {key}


@pytest.mark.parametrize(("a", "b", "alike"), [
    ("Aleksandr Fomin", "Alexander Fomin", True),
    ("Volodymr Zelenskiy", "Volodymyr Zelenskiy", True),
    ("Recep Tayyip Erdogan", "Tayyip Recep Erdogan", True),
    ("Tayyip Erdogan", "Recep Tayyip Erdogan", True),
    ("Tony Blair", "Cherie Blair", False),
    ("Robbie Williams", "Robin Williams", False),
    # a short form that starts its name, from the nicknames dataset
    ("Ken Clarke", "Kenneth Clarke", True),
    ("Vince Cable", "Vincent Cable", True),
    ("Steve Gerrard", "Steven Gerrard", True),
    # the dataset's other links are other people in the BBC folder
    ("John Miller", "Jonathan Miller", False),
    ("Andy Williams", "Andrea Williams", False),
    ("Ian Blair", "John Blair", False),
    ("Alex Bell", "Alexander Graham Bell", False),  # a middle name: no short form matched
])
def test_first_names_alike(a, b, alike):
    pa, pb = name_parts(a), name_parts(b)
    assert pa is not None and pb is not None
    assert given_alike(pa.given, pb.given) is alike


def test_titles_are_no_part_of_the_name_compared():
    parts = name_parts("Col. Gen. Alexander Fomin")
    assert parts is not None and (parts.given, parts.surname, parts.titled) == (
        ("alexander",), "fomin", "col")


def test_transliterations_of_one_name_become_one_speaker():
    names = speaker_names("Volodymyr Zelenskiy said the talks were useful.",
                          "Volodymyr Zelensky said the talks would go on.",
                          "Ukrainian President Volodymyr Zelenskiy on Tuesday said no.",
                          "Mr Zelenskiy said the meeting was possible.")
    assert set(names) == {"Volodymyr Zelenskiy"}


def test_ranks_and_spellings_of_one_general_become_one_speaker():
    names = speaker_names("Col. Gen. Alexander Fomin said troops would pull back.",
                          "Aleksandr Fomin said the troops would pull back.",
                          "Alexander Fomin said the decision was taken.")
    assert set(names) == {"Alexander Fomin"}


def test_middle_names_in_either_order_are_one_person():
    names = speaker_names("Recep Tayyip Erdogan said peace was near.",
                          "Tayyip Recep Erdogan said the talks were useful.",
                          "Recep Tayyip Erdogan said both sides had to compromise.")
    assert set(names) == {"Recep Tayyip Erdogan"}


def test_a_hyphen_or_a_space_is_one_surname():
    names = speaker_names("Robert Kilroy-Silk said he would stand.",
                          "Kilroy Silk said the party was finished.")
    assert set(names) == {"Robert Kilroy-Silk"}


@pytest.mark.parametrize("texts", [
    ("Tony Blair said the war was right.", "Cherie Blair said she was proud.",
     "Sir Ian Blair said the police were ready.", "Mr Blair said the plan was sound."),
    ("Charles Clarke said the bill would pass.", "Ken Clarke said it would not.",
     "Andy Clarke said the shop would open.", "Mr Clarke said the vote was close."),
])
def test_people_who_share_a_surname_never_merge(texts):
    names = speaker_names(*texts)
    assert len(set(names)) == len(texts)


def test_a_short_form_and_its_name_become_one_speaker():
    names = speaker_names("Vince Cable said the tax was unfair.",
                          "Vincent Cable said banks were promoting debt.")
    assert set(names) == {"Vince Cable"}


def test_a_bare_surname_joins_the_one_person_of_that_name():
    names = speaker_names("Gerhard Schroeder said the euro was strong.",
                          "Mr Schroeder said Germany would grow.")
    assert names == ["Gerhard Schroeder", "Gerhard Schroeder"]


def test_a_bare_surname_of_the_other_gender_joins_nobody():
    names = speaker_names("Gerhard Schroeder said the euro was strong.",
                          "Mrs Schroeder said the shop would close.")
    assert names == ["Gerhard Schroeder", "Schroeder"]


def test_a_merged_person_keeps_every_variant_as_an_alias():
    articles, merged = merge_people(corpus_of("Volodymyr Zelenskiy said yes.",
                                              "Volodymyr Zelensky said no."))
    assert merged == [["Volodymyr Zelenskiy", "Volodymyr Zelensky"]]
    people = [p for a in articles for p in a.people]
    assert {p.name for p in people} == {"Volodymyr Zelenskiy"}
    assert all({"volodymyr zelenskiy", "volodymyr zelensky"} <= p.aliases for p in people)


def test_distinct_surnames_are_never_compared(monkeypatch):
    """Linear: names are grouped by surname first, so a corpus of different surnames makes
    no comparison at all."""
    calls = []
    monkeypatch.setattr(merging, "given_alike", lambda a, b: calls.append(1) or False)
    merge_people(corpus_of(*(f"Jane {s} said yes." for s in
                             ["Adams", "Baker", "Carter", "Dawson", "Evans", "Fisher"])))
    assert calls == []
