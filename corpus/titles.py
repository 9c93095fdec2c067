"""Titles written before a name (Mr, Dr, Lord, President, ...), read from data/titles.tsv.

One home for them: the speaker-phrase grammar, the people table (gender, "Mr X" aliases),
the attributor's name patterns and the evaluation all read the same table. Callers that
need only some titles ask for a named set of the file (its "sets" column), never a copy.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from corpus.lexicon import data_rows


@dataclass(frozen=True)
class Title:
    """One row of data/titles.tsv."""

    title: str  # lower case, e.g. "mr", "prime minister"
    gender: str | None  # "male", "female", or None when the title implies neither
    kind: str  # "honorific", "rank" or "office"
    spellings: tuple[str, ...]  # the title and its other spellings ("mr", "mr.")
    sets: frozenset[str]


@cache
def titles() -> tuple[Title, ...]:
    out: list[Title] = []
    for title, gender, kind, spellings, sets in data_rows("titles.tsv"):
        others = () if spellings == "-" else tuple(s.strip() for s in spellings.split(","))
        out.append(Title(title, None if gender == "-" else gender, kind, (title, *others),
                         frozenset() if sets == "-" else frozenset(sets.split())))
    return tuple(out)


@cache
def honorifics() -> frozenset[str]:
    """Every honorific in each of its spellings ("mr", "mr.", "dr", "lord", ...)."""
    return frozenset(s for t in titles() if t.kind == "honorific" for s in t.spellings)


@cache
def titles_in(name: str) -> frozenset[str]:
    """The titles of one named set of the file ("surname", "peer", ...), lower case."""
    if not any(name in t.sets for t in titles()):
        raise KeyError(name)
    return frozenset(t.title for t in titles() if name in t.sets)


def title_words(name: str) -> frozenset[str]:
    """The words of the titles of one named set ("prime minister" gives "prime" and
    "minister")."""
    return frozenset(w for t in titles_in(name) for w in t.split())


@cache
def _genders() -> dict[str, str | None]:
    return {s: t.gender for t in titles() for s in t.spellings}


def title_gender(word: str) -> str | None:
    """The gender a title implies ("mrs" -> "female"); None for "dr" or a word that is no
    title. Exact: lower case, spelt as in the file."""
    return _genders().get(word)


def title_pattern(name: str) -> str:
    """A regex alternation of one named set, capitalised as written before a name:
    "Mr|Mrs|Ms|Dr|..."."""
    ordered = [t.title for t in titles() if name in t.sets]
    if not ordered:
        raise KeyError(name)
    return "|".join(t.capitalize() for t in ordered)


@cache
def role_abbreviations() -> dict[str, str]:
    """Abbreviation -> the role written out ("pm" -> "prime minister"), from
    data/role_abbreviations.tsv: what a user may type for a role the articles spell out."""
    return {abbreviation: role for abbreviation, role in data_rows("role_abbreviations.tsv")}
