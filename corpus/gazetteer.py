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
        """Fold a role and write a country possessive as its adjective:
        "Turkey's Foreign Minister" -> "turkish foreign minister"."""
        words = _fold(role).removeprefix("the ").split()
        out: list[str] = []
        i = 0
        while i < len(words):
            for span in (3, 2, 1):
                chunk = " ".join(words[i:i + span])
                base = chunk[:-2] if chunk.endswith("'s") else None
                if base and base in self.adjective_of:
                    out.append(self.adjective_of[base])
                    i += span
                    break
            else:
                out.append(words[i].removesuffix("'s"))
                i += 1
        return " ".join(out)


def country_rows() -> list[tuple[str, list[str], list[str]]]:
    """(country, adjectives, capitals) of each row of data/countries.tsv, folded."""
    text = resources.files("corpus").joinpath("data/countries.tsv").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            cols = line.split("\t") + [""] * 3
            rows.append((_fold(cols[0]), [_fold(a) for a in cols[1].split(",") if a.strip()],
                         [_fold(c) for c in cols[2].split(",") if c.strip()]))
    return rows


@cache
def gazetteer() -> Gazetteer:
    places: set[str] = set()
    adjective_of: dict[str, str] = {}
    adjective_set: set[str] = set()
    country_of: dict[str, str] = {}
    text = resources.files("corpus").joinpath("data/countries.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t") + [""] * 5
        country, adjectives, capitals, others, seats = (c.strip() for c in cols[:5])
        names = [country] + [o for o in others.split(",") if o]
        adjective = _fold(adjectives.split(",")[0])
        adjectives_all = {_fold(a) for a in adjectives.split(",") if a.strip()}
        for n in names:
            places.add(_fold(n))
            adjective_of.setdefault(_fold(n), adjective)
        places.update(_fold(c) for c in capitals.split(",") if c)
        adjective_set.update(adjectives_all)
        for name in [*names, *adjectives.split(","), *capitals.split(","), *seats.split(",")]:
            if name.strip():
                country_of.setdefault(_fold(name).removeprefix("the "), _fold(country))
    return Gazetteer(frozenset(places), adjective_of, frozenset(adjective_set), country_of)
