"""Roles through which a person speaks for the country their role states
(data/state_offices.tsv): a country asked about ("what did Russia say?") is answered by its
officials and teams, not by every speaker whose role holds its adjective ("British actor",
"US researcher")."""
from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

from retrieval.answering.word_tables import table_rows
from retrieval.tokenizer import terms

OFFICES_FILE = Path(__file__).with_name("data") / "state_offices.tsv"
WHEN = ("always", "stated")
# A word that makes a role no office held now ("Shadow Chancellor", "Former England
# captain"); a deputy or acting minister still holds one.
NOT_HELD = frozenset(terms("shadow former ex one-time onetime opposition"))


class StateOfficesFileError(ValueError):
    """A line of the table that cannot be read; the message names the line."""


def parse(lines: Iterable[str], where: str = "state_offices.tsv") -> dict[str, frozenset[str]]:
    """`always` and `stated` -> the search terms of their roles' forms."""
    out: dict[str, set[str]] = {when: set() for when in WHEN}
    for row in table_rows(lines):
        forms, _, when = (row.rest or "").partition("\t")
        found = {t for form in forms.split("|") for t in terms(form)}
        if when.strip() not in WHEN or not found:
            raise StateOfficesFileError(f"{where} line {row.number}: expected a lemma, its "
                                        "forms separated by '|' and 'always' or 'stated'")
        out[when.strip()] |= found
    return {when: frozenset(found) for when, found in out.items()}


@functools.cache
def _table() -> dict[str, frozenset[str]]:
    with OFFICES_FILE.open(encoding="utf-8") as lines:
        return parse(lines, str(OFFICES_FILE))


def speaks_for_stated_country(role_terms: Iterable[str], names_a_body: bool) -> bool:
    """Whether a role that states a country speaks for it: a state's office does even at a
    body ("Afghanistan's envoy to the United Nations", "UK Chancellor of the Exchequer"),
    another role only where it names no body but the country ("England coach", "US
    Treasury Secretary", not "Egypt FA spokesman"); a nationality never ("British actor")."""
    found = set(role_terms)
    if found & NOT_HELD:
        return False
    return bool(found & _table()["always"]) or (
        bool(found & _table()["stated"]) and not names_a_body)
