"""Countries, their adjectives and capitals (data/countries.tsv), as folded lookups.

Why: "Turkish president" and "Turkey's president" are one role, and a country or its
capital ("Ukraine said", "Moscow announced") speaks for its government.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from corpus.folding import fold as _fold


@dataclass(frozen=True)
class Gazetteer:
    places: frozenset[str]  # folded country names, other names and capitals
    adjective_of: dict[str, str]  # folded country/other name -> folded adjective
    adjectives: frozenset[str] = frozenset()  # every folded adjective ("turkish", "scots")
    # every folded name, adjective, capital and seat of government -> the folded country
    # ("moscow", "russian", "kremlin" -> "russia"): a country's side, however it is named
    country_of: dict[str, str] = field(default_factory=dict)

    def is_place(self, name: str) -> bool:
        folded = _fold(name)
        return folded in self.places or folded.removeprefix("the ") in self.places

    def normalize_role(self, role: str) -> str:
        """Fold a role and write a country (possessive or not) before the role noun as
        its adjective: "Turkey's Foreign Minister" -> "turkish foreign minister", "France
        coach" -> "french coach"."""
        words = _fold(role).removeprefix("the ").split()
        out: list[str] = []
        i = 0
        while i < len(words):
            for span in (3, 2, 1):
                chunk = " ".join(words[i:i + span])
                base = chunk[:-2] if chunk.endswith("'s") else None
                if base is None and i + span < len(words):
                    base = chunk  # "France coach" = "French coach", before the role noun
                if base and base in self.adjective_of:
                    out.append(self.adjective_of[base])
                    i += span
                    break
            else:
                out.append(words[i].removesuffix("'s"))
                i += 1
        return " ".join(out)


@dataclass(frozen=True)
class CountryRow:
    """One row of data/countries.tsv, folded."""

    country: str
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]
    others: tuple[str, ...]
    seats: tuple[str, ...]


@cache
def country_rows() -> tuple[CountryRow, ...]:
    """Every row of data/countries.tsv, folded: the one reader of that file."""
    text = resources.files("corpus").joinpath("data/countries.tsv").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            cols = line.split("\t") + [""] * 5
            country, *lists = (c.strip() for c in cols[:5])
            adjectives, capitals, others, seats = (
                tuple(_fold(x) for x in column.split(",") if x.strip()) for column in lists)
            rows.append(CountryRow(_fold(country), adjectives, capitals, others, seats))
    return tuple(rows)


@cache
def gazetteer() -> Gazetteer:
    places: set[str] = set()
    adjective_of: dict[str, str] = {}
    adjective_set: set[str] = set()
    country_of: dict[str, str] = {}
    for row in country_rows():
        names = (row.country, *row.others)
        adjective = row.adjectives[0] if row.adjectives else ""
        for n in names:
            places.add(n)
            adjective_of.setdefault(n, adjective)
        places.update(row.capitals)
        adjective_set.update(row.adjectives)
        for name in (*names, *row.adjectives, *row.capitals, *row.seats):
            country_of.setdefault(name.removeprefix("the "), row.country)
    return Gazetteer(frozenset(places), adjective_of, frozenset(adjective_set), country_of)
