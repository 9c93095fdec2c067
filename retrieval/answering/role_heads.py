"""The heads of role a general word for "the one who leads" also fits (data/role_heads.tsv).

A user asks for "the head of" or "the boss of" a body; the articles call that person its
president, chairman, chief or director ("Association of Chief Police Officers president").
The table maps the typed head's term to the terms of those offices, one way only: the
typed word is the general one. A match through one fits a little worse than a role
holding the typed head itself (see `candidates`).
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from corpus.folding import fold
from retrieval.answering.word_tables import table_rows
from retrieval.tokenizer import terms

HEADS_FILE = Path(__file__).with_name("data") / "role_heads.tsv"


class RoleHeadsFileError(ValueError):
    """A line of the role-heads table that cannot be read; the message names the line."""


def parse(lines: list[str], where: str = "role_heads.tsv") -> dict[str, frozenset[str]]:
    """The typed head's term -> the terms of the offices it also fits."""
    out: dict[str, frozenset[str]] = {}
    for row in table_rows(lines):
        head = terms(row.lemma)
        offices = [terms(w) for w in (row.rest or "").split(",") if w.strip()]
        if row.rest is None or len(head) != 1 or not offices or not all(
                len(o) == 1 for o in offices):
            raise RoleHeadsFileError(f"{where} line {row.number}: expected one word, a tab "
                                     "and comma-separated one-word heads of office")
        out[head[0]] = out.get(head[0], frozenset()) | {o[0] for o in offices}
    return out


@cache
def table() -> dict[str, frozenset[str]]:
    return parse(HEADS_FILE.read_text(encoding="utf-8").splitlines(), str(HEADS_FILE))


def also_fits(head: str) -> frozenset[str]:
    """The terms of the offices a typed head term also fits (none for most words)."""
    return table().get(head, frozenset())


def head_term(phrase: str) -> str | None:
    """The term of a role phrase's head noun: the last before "of", else the last."""
    found = terms(re.split(r"\s+of\s+", fold(phrase), maxsplit=1)[0])
    return found[-1] if found else None
