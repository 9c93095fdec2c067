"""What a corpus's last build merged (`corpus.merging.MergeMemory`), kept in the article
cache's SQLite file per corpus, so that the next build groups again only the surname
buckets its new, changed and removed articles touch (`corpus.merging.renames_remembered`).

One row per corpus identity: the memory as JSON and its checksum. A row that does not read
back whole, or whose checksum fails, is no memory: the next build merges everything."""
from __future__ import annotations

import json
import sqlite3

import xxhash

from corpus.merging import MergeMemory

SCHEMA = """
CREATE TABLE IF NOT EXISTS merges (corpus TEXT PRIMARY KEY, data BLOB NOT NULL,
                                   sum TEXT NOT NULL);
"""


def memory_bytes(memory: MergeMemory) -> bytes:
    rows = {k: [place, list(buckets), {n: [best, sorted(aliases)] for n, (best, aliases)
                                       in renames.items()}]
            for k, (place, buckets, renames) in memory.rows.items()}
    return json.dumps({"h": sorted(memory.hyphened), "r": rows}, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8", "surrogateescape")


def memory_from_bytes(data: bytes) -> MergeMemory:
    """What `memory_bytes` wrote; ValueError (KeyError, TypeError) when it is not that."""
    d = json.loads(data.decode("utf-8", "surrogateescape"))
    rows = {}
    for k, (place, buckets, renames) in d["r"].items():
        if not isinstance(place, int) or not all(isinstance(b, str) for b in buckets):
            raise ValueError("a merge memory of another shape")
        rows[k] = (place, tuple(buckets), {n: (best, frozenset(aliases))
                                           for n, (best, aliases) in renames.items()})
    return MergeMemory(frozenset(d["h"]), rows)


def _sum(corpus: str, data: bytes) -> str:
    h = xxhash.xxh3_128(corpus.encode("utf-8", "surrogateescape") + b"\0")
    h.update(data)
    return h.hexdigest()


def load_memory(con: sqlite3.Connection, corpus: str) -> MergeMemory | None:
    """The memory of the corpus's last build, if there is a good one."""
    try:
        row = con.execute("SELECT data, sum FROM merges WHERE corpus = ?", (corpus,)).fetchone()
        if row is None or not isinstance(row[0], bytes) or _sum(corpus, row[0]) != row[1]:
            return None
        return memory_from_bytes(row[0])
    except (sqlite3.Error, ValueError, KeyError, TypeError):
        return None


def save_memory(con: sqlite3.Connection, corpus: str, memory: MergeMemory | None) -> None:
    """Inside the commit: this build's memory for the corpus (none: the row goes)."""
    if memory is None:
        con.execute("DELETE FROM merges WHERE corpus = ?", (corpus,))
        return
    data = memory_bytes(memory)
    con.execute("INSERT OR REPLACE INTO merges VALUES (?, ?, ?)",
                (corpus, data, _sum(corpus, data)))
