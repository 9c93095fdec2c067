"""The article cache's SQLite file (`article_cache`): its tables, each row's checksum, and the
commit that writes a build's new rows and files. Kept apart so the cache's bookkeeping of a
build stays one module."""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import xxhash

from retrieval.store.keys import path_bytes

if TYPE_CHECKING:
    from retrieval.store.known_files import FileRow

PREFIX = "articles-"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (key TEXT PRIMARY KEY, sum TEXT NOT NULL, json TEXT NOT NULL,
                                     passages TEXT NOT NULL, terms BLOB NOT NULL,
                                     block BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS files (corpus TEXT NOT NULL, path BLOB NOT NULL, key TEXT NOT NULL,
                                  hash TEXT, id BLOB, digest TEXT, sum TEXT,
                                  PRIMARY KEY (corpus, path));
"""


@dataclass(frozen=True)
class Changes:
    """What a build found, file by file, against the corpus's previous build."""

    new: int = 0
    changed: int = 0
    removed: int = 0
    reused: int = 0
    first: bool = False  # no earlier build of this corpus by this version of the code

    def line(self) -> str | None:
        """What a build says of it; nothing on a first build (every file is new then, and
        "Built the index" says the rest)."""
        if self.first:
            return None
        return (f"Files since the last build: {self.new} new, {self.changed} changed, "
                f"{self.removed} removed; {self.reused} reused without reading them again.")


def remove_others(db: Path) -> None:
    """Caches of other code: what they hold would be attributed differently now."""
    for other in db.parent.glob(f"{PREFIX}*.sqlite"):
        if other != db:
            other.unlink(missing_ok=True)


def row_sum(text: str, passages: str, terms: bytes, block: bytes) -> str:
    """The checksum a row is stored with: of its JSON parts, terms and records block."""
    return sum_bytes(text.encode("utf-8", "surrogateescape"),
                     passages.encode("utf-8", "surrogateescape"), terms, block)


def sum_bytes(text: bytes, passages: bytes, terms: bytes, block: bytes) -> str:
    """`row_sum` of the JSON parts as UTF-8 (the same digest: the hash reads them in turn)."""
    h = xxhash.xxh3_128(text)
    h.update(b"\0")
    h.update(passages)
    h.update(b"\0")
    h.update(len(terms).to_bytes(8, "little"))
    h.update(terms)
    h.update(block)
    return h.hexdigest()


def connect(db: Path) -> sqlite3.Connection:
    from retrieval.store.merge_memory import SCHEMA as MERGES
    from retrieval.store.renamed_rows import SCHEMA as RENAMED
    from retrieval.store.string_facts import SCHEMA as FACTS
    from retrieval.store.word_ids import SCHEMA as WORDS

    con = sqlite3.connect(db, timeout=30)
    con.executescript(_SCHEMA + WORDS + MERGES + RENAMED + FACTS)
    return con


def commit_rows(db: Path, corpus: str, paths: dict[str, str],
            rows: Callable[[], Iterator[tuple[str, str, bytes, bytes, bytes, bytes]]],
            hits: int, also: Callable[[sqlite3.Connection], None] | None = None,
            files: Callable[[str, dict[str, str]], list[FileRow]] | None = None) -> Changes:
    """Write the new rows and the corpus's files (`files` gives their rows, with what
    `known_files` keeps of them; else each path and key alone), forget rows no corpus uses,
    and run `also` in the same transaction (the vocabulary's words and maps, `word_ids`)."""
    db.parent.mkdir(parents=True, exist_ok=True)
    remove_others(db)
    con = connect(db)
    try:
        with con:
            before = {bytes(p).decode("utf-8", "surrogateescape"): k for p, k in
                      con.execute("SELECT path, key FROM files WHERE corpus = ?", (corpus,))}
            # the JSON parts are ASCII (`article_json`): cast as given, stored as text
            con.executemany("INSERT OR REPLACE INTO articles VALUES"
                            " (?, ?, CAST(? AS TEXT), CAST(? AS TEXT), ?, ?)", rows())
            con.execute("DELETE FROM files WHERE corpus = ?", (corpus,))
            # a file name that is not UTF-8 keeps its raw bytes (surrogate escapes)
            con.executemany("INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
                            files(corpus, paths) if files is not None else
                            [(corpus, path_bytes(p), k, None, None, None, None)
                             for p, k in paths.items()])
            con.execute("DELETE FROM articles WHERE key NOT IN (SELECT key FROM files)")
            if also is not None:
                also(con)
    finally:
        con.close()
    return Changes(new=sum(1 for p in paths if p not in before),
                   changed=sum(1 for p, k in paths.items() if p in before and before[p] != k),
                   removed=sum(1 for p in before if p not in paths), reused=hits,
                   first=not before)

