"""Forgiving autocomplete: misspelt names still offer the right people, with their roles, and
every choice keeps Discord's limits (25 choices, 100 characters)."""
from __future__ import annotations

import pytest
from parley_discord_fakes import FakeEngine, make_article

from bot.discord_bot.choices import Choices
from bot.discord_bot.fuzzy import article_entries, ranked, speaker_entries
from corpus.models import Speaker
from retrieval.answering.records import SpeakerStats

PEOPLE = [
    ("Recep Tayyip Erdogan", "Turkish President", 9),
    ("Volodymyr Zelenskiy", "Ukraine's President", 7),
    ("John F Kennedy", None, 1),
    ("Dmytro Kuleba", "Ukraine's foreign minister", 5),
    ("Sergei Lavrov", "Russia's foreign minister", 4),
    ("Mevlüt Çavuşoğlu", "Turkish Foreign Minister", 6),
    ("Kremlin", None, 3),
]
STATS = [SpeakerStats(Speaker(n, r, "person"), k, k, 0) for n, r, k in PEOPLE]
ENTRIES = speaker_entries(STATS)


@pytest.mark.parametrize(("typed", "expected"), [
    ("erdgan", "Recep Tayyip Erdogan"),
    ("kenedy", "John F Kennedy"),
    ("zelensky", "Volodymyr Zelenskiy"),
    ("Zelenskyy", "Volodymyr Zelenskiy"),
    ("cavusoglu", "Mevlüt Çavuşoğlu"),
    ("lav", "Sergei Lavrov"),
    ("KULEBA", "Dmytro Kuleba"),
])
def test_misspelt_or_partial_name_offers_the_right_person_first(typed, expected):
    assert ranked(typed, ENTRIES)[0].value == expected


@pytest.mark.parametrize("typed", ["zzzz", "qwxv", "putin"])
def test_name_of_nobody_offers_nobody(typed):
    assert ranked(typed, ENTRIES) == []


def test_nothing_typed_offers_the_most_quoted_first():
    assert [e.value for e in ranked("", ENTRIES)[:3]] == [
        "Recep Tayyip Erdogan", "Volodymyr Zelenskiy", "Mevlüt Çavuşoğlu"]


def test_role_in_the_choice_label_and_matching_by_role():
    erdogan = ranked("erdgan", ENTRIES)[0]
    assert erdogan.label == "Recep Tayyip Erdogan, Turkish President"
    ministers = {e.value for e in ranked("foreign minister", ENTRIES)}
    assert {"Dmytro Kuleba", "Sergei Lavrov", "Mevlüt Çavuşoğlu"} <= ministers


def test_choices_keep_discords_limits_of_25_and_100_characters():
    many = [SpeakerStats(Speaker(f"Name{i} " + "y" * 150, "role " * 40, "person"), 1, 1, 0)
            for i in range(40)]

    class Many(FakeEngine):
        def speakers(self):
            return many

    choices = Choices().speakers(Many(), "")
    assert len(choices) == 25
    assert all(len(c.name) <= 100 and len(c.value) <= 100 for c in choices)


def test_article_choices_match_titles_and_give_the_article_id():
    articles = [make_article(id="talks", title="Cavusoglu says Kyiv and Moscow reached consensus"),
                make_article(id="other", title="Markets fall in London")]
    found = ranked("consensus kyiv", article_entries(articles))
    assert found[0].value == "talks"
    engine = FakeEngine(article=articles[1])
    assert [c.value for c in Choices().articles(engine, "markts")] == ["other"]


def test_choices_follow_a_reloaded_engine():
    choices = Choices()
    first, second = FakeEngine(), FakeEngine(article=make_article(id="b", title="Fresh"))
    assert choices.articles(first, "")[0].value == "istanbul-talks"
    assert choices.articles(second, "")[0].value == "b"
