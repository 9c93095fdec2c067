"""The article cache's rows read back (`article_cache`): the rows a corpus's last build used,
read with one query in step with the lookups, each row's checksum checked, with the two
vocabularies (`word_ids`) read when the file is first opened. Kept apart from the cache's
bookkeeping of a build: this is the only part that reads rows."""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import cast

from retrieval.store.article_rows import connect, row_sum
from retrieval.store.string_facts import DigestFacts
from retrieval.store.word_ids import RENAMED, STRINGS, TERMS, Words

# A row read back: its sum, JSON parts, terms and block, and its two word maps'
# (gen, need, ids, sum)
Found = tuple[object, ...]
# The word maps read with a row (its terms', then its block's strings'), its block as last
# renamed and that one's strings' map, and how
_MAPS = ("m.gen, m.need, m.ids, m.sum, s.gen, s.need, s.ids, s.sum, r.renames, r.block,"
         " r.sum, q.gen, q.need, q.ids, q.sum")
_JOIN_MAPS = ("LEFT JOIN word_maps m ON m.kind = ? AND m.key = a.key"
              " LEFT JOIN word_maps s ON s.kind = ? AND s.key = a.key"
              " LEFT JOIN renamed_blocks r ON r.key = a.key"
              " LEFT JOIN word_maps q ON q.kind = ? AND q.key = a.key")


class CachedRows:
    """The rows of one SQLite file as a build asks for them. `unreadable`: no lookups at all
    (no file, damaged, locked, or a forced rebuild)."""

    def __init__(self, db: Path | None, corpus: str | None, *, unreadable: bool) -> None:
        self.db = db
        self.corpus = corpus  # its identity: the rows its last build used are read at once
        self.unreadable = unreadable
        self.con: sqlite3.Connection | None = None
        # the vocabularies stored in the file, read with the first row (`word_ids`)
        self.words: Words | None = None
        self.strings: Words | None = None
        self.facts: DigestFacts | None = None  # the digest's, read with them
        self._cursor: sqlite3.Cursor | None = None
        self._skipped: dict[str, Found] = {}

    def connection(self) -> sqlite3.Connection | None:
        """The file opened (its vocabularies read, the rows' query started) when it is
        there to read; None otherwise."""
        if self.db is None or self.unreadable:
            return None
        try:
            if self.con is None:
                if not self.db.is_file():  # nothing cached yet: no lookups in this build
                    self.unreadable = True
                    return None
                self.con = connect(self.db)
                self.words = Words.load(self.con, TERMS)
                self.strings = Words.load(self.con, STRINGS)
                self.facts = DigestFacts.load(self.con)
                self._prefetch()
        except sqlite3.Error:  # damaged or locked: attribute the rest; `commit` repairs
            self.unreadable = True
            return None
        return self.con

    def row(self, key: str) -> Found | None:
        """The row of `key` when it is there and its checksum holds."""
        if self.connection() is None or self.con is None:
            return None
        try:
            row = self._next_row(key) or self.con.execute(
                f"SELECT a.sum, a.json, a.passages, a.terms, a.block, {_MAPS} FROM articles a"
                f" {_JOIN_MAPS} WHERE a.key = ?", (TERMS, STRINGS, RENAMED, key)).fetchone()
        except sqlite3.Error:  # damaged or locked: attribute the rest; `commit` repairs
            self.unreadable = True
            return None
        if row is None or not isinstance(row[1], str) or not isinstance(row[2], str) \
                or not isinstance(row[3], bytes) or not isinstance(row[4], bytes) \
                or row_sum(row[1], row[2], row[3], row[4]) != row[0]:
            return None
        return cast(Found, row)

    def _prefetch(self) -> None:
        """The rows of the files this corpus had at its last build, as one query read as
        they are asked for: a build asks for its files in the order the last one wrote
        them, so it reads the rows in step (one query per article cost a tenth of the
        lookups), holding none but those it skipped."""
        if self.corpus is None or self.con is None:
            return
        # NOT INDEXED: the files table read in rowid order, so the rows come in that order
        # as they are found; through the (corpus, path) index SQLite sorted every row, all
        # their columns copied into a temporary tree first (three times slower).
        self._cursor = self.con.execute(
            f"SELECT a.key, a.sum, a.json, a.passages, a.terms, a.block, {_MAPS}"
            f" FROM files f NOT INDEXED JOIN articles a ON a.key = f.key {_JOIN_MAPS}"
            " WHERE f.corpus = ? ORDER BY f.rowid", (TERMS, STRINGS, RENAMED, self.corpus))

    def _next_row(self, key: str) -> Found | None:
        """The row of `key` from the prefetching query (None when it does not hold it)."""
        row = self._skipped.pop(key, None)
        while row is None and self._cursor is not None:
            got = self._cursor.fetchone()
            if got is None:
                self._cursor = None
            elif got[0] == key:
                row = got[1:]
            else:
                self._skipped[got[0]] = got[1:]
        return row

    def close(self) -> None:
        """Done reading: the query left unfinished (it holds a read lock) and the
        connection closed; the vocabularies stay."""
        if self._cursor is not None:
            self._cursor.close()
            self._cursor = None
        self._skipped.clear()
        if self.con is not None:
            self.con.close()
            self.con = None
