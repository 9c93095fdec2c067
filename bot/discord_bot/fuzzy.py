"""Forgiving autocomplete: speakers and articles matched by fuzzy score, as RoboDanny's `rtfm`
does, so "erdgan", "kenedy" or "zelensky" still offer the right people.

rapidfuzz's `WRatio` scores the typed text against each name (and role, or title), with both
sides transliterated and case-folded first ("Çavuşoğlu" = "cavusoglu"). Nothing typed yet: the
most quoted speakers first. Pure functions over the engine's records; no discord import.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from anyascii import anyascii
from rapidfuzz import fuzz, process

from corpus.models import Article
from retrieval.answering.records import SpeakerStats

MIN_SCORE = 70.0  # WRatio out of 100: "erdgan" ~ "erdogan" scores 92, unrelated names < 60
CHOICES = 25  # Discord's limit on autocomplete choices


def fold(text: str) -> str:
    """Lower-case ASCII, the form names are compared in."""
    return " ".join(anyascii(text).casefold().split())


@dataclass(frozen=True)
class Named:
    """One thing to offer: what the choice shows, its value, and the text it is matched on."""

    label: str
    value: str
    key: str
    weight: int = 0  # ties (and no text typed) go to the heavier: more statements


def speaker_entries(stats: Sequence[SpeakerStats]) -> list[Named]:
    """Speakers as choices, labelled with their role ("Name (role)")."""
    return [Named(s.speaker.label(), s.speaker.name, fold(s.speaker.label()), s.statements)
            for s in stats]


def article_entries(articles: Sequence[Article]) -> list[Named]:
    """Articles as choices: the title shows, the id is the value."""
    return [Named(a.title or a.id, a.id, fold(f"{a.title} {a.source or ''}")) for a in articles]


def ranked(query: str, entries: Sequence[Named], limit: int = CHOICES) -> list[Named]:
    """The entries that fit `query` best, best first; with no query, the heaviest first."""
    needle = fold(query)
    if not needle:
        return sorted(entries, key=lambda e: -e.weight)[:limit]
    scores = process.extract(needle, [e.key for e in entries], scorer=fuzz.WRatio,
                             limit=None)
    # typed text found as it is (a surname, the start of a name) first, then by score, weight
    found = [(needle not in entries[i].key, -score, -entries[i].weight, i)
             for _, score, i in scores if score >= MIN_SCORE or needle in entries[i].key]
    return [entries[i] for *_, i in sorted(found)[:limit]]
