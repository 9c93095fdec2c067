"""What the speaker digest works out of single strings, kept across builds in the article
cache's SQLite file: each speaker's and person's name folded (`corpus.folding.fold`) and each
group's name and role as search terms (`speaker_digest.describe`'s halves), by the string.

Why: the digest of an add-one build folds some 13,000 names and describes some 3,600 groups
of the BBC folder again, though all but the new article's were worked out by the last build
(some 0.03 s of its start). Both are functions of the string alone (the file is named by the
code and library versions that make them, `keys.code_fingerprint`), so a kept value is the
value worked out again: the digest is exactly the same.

One row per kind (`SCHEMA`): the strings and their values as JSON, and a checksum. A row that
does not read back whole is no facts: they are worked out again and the row rewritten."""
from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import xxhash

from corpus.folding import fold
from retrieval.store.speaker_digest import terms_text

SCHEMA = """
CREATE TABLE IF NOT EXISTS string_facts (kind TEXT PRIMARY KEY, data BLOB NOT NULL,
                                         sum TEXT NOT NULL);
"""
FOLDED = "folded"  # fold(name)
TERMS = "terms"    # speaker_digest.terms_text(text)


class StringFacts:
    """Facts of one kind: string -> value, those read back and those this build worked out
    (`added`, written by `save`)."""

    def __init__(self, kind: str, known: dict[str, str] | None = None) -> None:
        self.kind = kind
        self.known = known or {}
        self.used: dict[str, str] = {}  # asked for by this build: what `save` keeps
        self.added = False  # some worked out by this build

    def of(self, text: str, work_out: Callable[[str], str]) -> str:
        """The value of `text`: kept, or `work_out(text)` (then kept too)."""
        value = self.used.get(text)
        if value is None:
            value = self.known.get(text)
            if value is None:
                value = self.known[text] = work_out(text)
                self.added = True
            self.used[text] = value
        return value

    @classmethod
    def load(cls, con: sqlite3.Connection, kind: str) -> StringFacts:
        """The facts kept of this kind; none when there are none or they are damaged."""
        try:
            row = con.execute("SELECT data, sum FROM string_facts WHERE kind = ?",
                              (kind,)).fetchone()
            if row is None or not isinstance(row[0], bytes) or _sum(kind, row[0]) != row[1]:
                return cls(kind)
            return cls(kind, _facts_from_bytes(row[0]))
        except (sqlite3.Error, ValueError, TypeError):
            return cls(kind)

    def save(self, con: sqlite3.Connection) -> None:
        """Keep the facts this build asked for (those of strings it no longer has go), when
        they are not the ones kept already."""
        if not self.used or not self.added and len(self.used) == len(self.known):
            return  # (none asked for: no digest was worked out, the kept ones stay)
        data = facts_bytes(self.used)
        con.execute("INSERT OR REPLACE INTO string_facts VALUES (?, ?, ?)",
                    (self.kind, data, _sum(self.kind, data)))
        self.known, self.added = dict(self.used), False


@dataclass
class DigestFacts:
    """The digest's facts of both kinds (`digest_rows.digest_rows` asks for them)."""

    folded: StringFacts = field(default_factory=lambda: StringFacts(FOLDED))
    terms: StringFacts = field(default_factory=lambda: StringFacts(TERMS))

    def fold(self, text: str) -> str:
        """`corpus.folding.fold(text)`."""
        return self.folded.of(text, fold)

    def terms_text(self, text: str) -> str:
        """`speaker_digest.terms_text(text)`."""
        return self.terms.of(text, terms_text)

    @classmethod
    def load(cls, con: sqlite3.Connection) -> DigestFacts:
        return cls(StringFacts.load(con, FOLDED), StringFacts.load(con, TERMS))

    def save(self, con: sqlite3.Connection) -> None:
        self.folded.save(con)
        self.terms.save(con)


def save_facts(db: Path, facts: DigestFacts) -> None:
    """Keep the digest's facts in the article cache's file, in a transaction of their own
    (after the records save, which works them out); a failure only costs working them out
    again next time."""
    from retrieval.store.article_rows import connect

    with contextlib.suppress(sqlite3.Error, OSError):
        con = connect(db)
        try:
            with con:
                facts.save(con)
        finally:
            con.close()


def facts_bytes(facts: dict[str, str]) -> bytes:
    """The strings and their values as ASCII JSON (two lists; lone surrogates escaped)."""
    return json.dumps([list(facts), list(facts.values())], separators=(",", ":")).encode()


def _facts_from_bytes(data: bytes) -> dict[str, str]:
    """What `facts_bytes` wrote; ValueError when it is not that."""
    keys, values = json.loads(data)
    if not isinstance(keys, list) or not isinstance(values, list) or len(keys) != len(values) \
            or not all(isinstance(x, str) for x in keys) \
            or not all(isinstance(x, str) for x in values):
        raise ValueError("string facts of another shape")
    return dict(zip(keys, values, strict=True))


def _sum(kind: str, data: bytes) -> str:
    h = xxhash.xxh3_128(kind.encode() + b"\0")
    h.update(data)
    return h.hexdigest()
