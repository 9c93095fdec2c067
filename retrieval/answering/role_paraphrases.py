"""The offices a typed phrase for one names in news English (data/role_paraphrases.tsv).

A user asks for "Turkey's top diplomat"; the article calls him Turkey's foreign minister.
The table maps the typed phrase to the offices it means, one way only (the articles' own
words are searched as typed first, see `candidates`), so the phrase is tried again with each
office in its place.
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from corpus.folding import fold
from retrieval.answering.word_tables import table_rows

PARAPHRASES_FILE = Path(__file__).with_name("data") / "role_paraphrases.tsv"


class RoleParaphrasesFileError(ValueError):
    """A line of the role-paraphrases table that cannot be read; the message names it."""


def parse(lines: list[str], where: str = "role_paraphrases.tsv") -> dict[str, tuple[str, ...]]:
    """The typed phrase (folded) -> the offices it names, in the table's order."""
    out: dict[str, tuple[str, ...]] = {}
    for row in table_rows(lines):
        offices = tuple(fold(o.strip()) for o in (row.rest or "").split(",") if o.strip())
        if row.rest is None or len(row.lemma.split()) < 2 or not offices:
            raise RoleParaphrasesFileError(
                f"{where} line {row.number}: expected a phrase of two or more words, a tab "
                "and comma-separated offices")
        out[fold(row.lemma)] = out.get(fold(row.lemma), ()) + offices
    return out


@cache
def table() -> dict[str, tuple[str, ...]]:
    return parse(PARAPHRASES_FILE.read_text(encoding="utf-8").splitlines(),
                 str(PARAPHRASES_FILE))


def rewrites(phrase: str) -> list[str]:
    """The phrase with a typed paraphrase in it replaced by each office it names
    ("turkey's top diplomat" -> "turkey's foreign minister", ...); none for most phrases."""
    folded = " ".join(fold(phrase).split())
    out: list[str] = []
    for typed, offices in table().items():
        found = re.search(rf"(?<![\w'’-]){re.escape(typed)}(?![\w'’-])", folded)
        if found is not None:
            out.extend(folded[:found.start()] + office + folded[found.end():]
                       for office in offices)
    return out
