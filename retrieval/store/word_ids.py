"""Words numbered once for every build, kept in the article cache's SQLite file: each
article's distinct index terms are kept there as their numbers in this vocabulary (a "word
map" per article row), so a build's BM25 arrays are made from arrays of numbers
(`inverted_build.build_arrays_of_word_ids`) instead of a dictionary lookup per distinct term
of every unchanged article.

The vocabulary only grows: a word keeps its number for as long as the vocabulary lives (a
generation, a random name). A build that finds it damaged, or a forced rebuild, starts a new
generation, and word maps of another generation are not used. A build appends the words it
numbered only when the vocabulary is still as it read it (no other build appended or
restarted it meanwhile); otherwise it writes neither words nor maps, and the next build
numbers those articles' words again. A map is used only when its checksum holds, it is of
the vocabulary's generation, and every number in it is one the vocabulary has.

Tables (`SCHEMA`, created with the article cache's): `word_sets (kind, gen)`,
`word_runs (kind, first, data, sum)` (words `first`.. as their count, then their UTF-8
joined by NUL characters, which no word holds: `run_bytes`) and
`word_maps (kind, key, gen, need, ids, sum)` (int32 numbers, one per distinct word of the
row, all below `need`)."""
from __future__ import annotations

import secrets
import sqlite3
import struct
from collections.abc import Sequence

import numpy as np
import xxhash

SCHEMA = """
CREATE TABLE IF NOT EXISTS word_sets (kind TEXT PRIMARY KEY, gen TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS word_runs (kind TEXT NOT NULL, first INTEGER NOT NULL,
                                      data BLOB NOT NULL, sum TEXT NOT NULL,
                                      PRIMARY KEY (kind, first));
CREATE TABLE IF NOT EXISTS word_maps (kind TEXT NOT NULL, key TEXT NOT NULL, gen TEXT NOT NULL,
                                      need INTEGER NOT NULL, ids BLOB NOT NULL,
                                      sum TEXT NOT NULL,
                                      PRIMARY KEY (kind, key));
"""
TERMS = "terms"  # the kind of the index terms' vocabulary
STRINGS = "strings"  # the records blocks' strings' (`records_block.Block.words`)
RENAMED = "renamed"  # maps of the strings of blocks as the merge renamed them
_COUNT = struct.Struct("<i")


def map_sum(key: str, gen: str, need: int, ids: bytes) -> str:
    """The checksum a word map is stored with."""
    h = xxhash.xxh3_64(f"{key}\0{gen}\0{need}\0".encode("utf-8", "surrogateescape"))
    h.update(ids)
    return h.hexdigest()


def _run_sum(first: int, data: bytes) -> str:
    h = xxhash.xxh3_64(first.to_bytes(8, "little"))
    h.update(data)
    return h.hexdigest()


def run_bytes(words: Sequence[str]) -> bytes:
    """Words as a run's data: their count (int32), then their UTF-8 joined by NUL
    characters (an empty word is none between two); ValueError for a word that holds one."""
    text = "\0".join(words)
    if words and text.count("\0") != len(words) - 1:
        raise ValueError("a word that holds a NUL character")
    return _COUNT.pack(len(words)) + text.encode("utf-8", "surrogateescape")


def _run_words(data: bytes) -> list[str]:
    """What `run_bytes` wrote; ValueError when it is not that."""
    if len(data) < _COUNT.size:
        raise ValueError("a vocabulary run cut short")
    (n,) = _COUNT.unpack_from(data)
    words = data[_COUNT.size:].decode("utf-8", "surrogateescape").split("\0") if n else []
    if len(words) != n or (not n and len(data) > _COUNT.size):
        raise ValueError("a vocabulary run of another size")
    return words


class Words:
    """A vocabulary as one build reads it (`load`, or `fresh`), with the words this build
    numbered (`number`), written by `save` inside the article cache's commit."""

    def __init__(self, gen: str, runs: list[tuple[int, bytes]], *, reset: bool,
                 kind: str = TERMS) -> None:
        self.kind = kind
        self.gen = gen
        self.reset = reset  # a new generation: the stored vocabulary and maps are replaced
        self._runs = runs
        self.count = 0  # the words stored when read
        for first, data in runs:
            if first != self.count or len(data) < _COUNT.size:
                raise ValueError("a vocabulary with a gap")
            self.count += _COUNT.unpack_from(data)[0]
        self._all: list[str] | None = None  # every word, made when first asked for
        self._index: dict[str, int] | None = None
        self.added: list[str] = []  # numbered by this build, from `count` on

    @classmethod
    def fresh(cls, kind: str = TERMS) -> Words:
        """An empty vocabulary of a new generation."""
        return cls(secrets.token_hex(8), [], reset=True, kind=kind)

    @classmethod
    def load(cls, con: sqlite3.Connection, kind: str) -> Words:
        """The vocabulary of `kind` stored in the cache, or a fresh one when there is none
        or it is damaged."""
        try:
            got = con.execute("SELECT gen FROM word_sets WHERE kind = ?", (kind,)).fetchone()
            if got is None:
                return cls.fresh(kind)
            runs = con.execute("SELECT first, data, sum FROM word_runs WHERE kind = ?"
                               " ORDER BY first", (kind,)).fetchall()
            if any(not isinstance(d, bytes) or _run_sum(f, d) != s for f, d, s in runs):
                return cls.fresh(kind)
            words = cls(got[0], [(f, d) for f, d, _ in runs], reset=False, kind=kind)
            words._stored()  # every run read now: a damaged one is a fresh vocabulary
            return words
        except (sqlite3.Error, ValueError):
            return cls.fresh(kind)

    def _stored(self) -> list[str]:
        """Every stored word, in order (ValueError for a run that is not one)."""
        if self._all is None:
            every: list[str] = []
            for _, data in self._runs:
                every += _run_words(data)
            self._all = every
        return self._all

    def words(self, ids: np.ndarray) -> list[str]:
        """The words of these numbers (stored or numbered by this build)."""
        every = self._stored() + self.added if self.added else self._stored()
        return [every[i] for i in ids.tolist()]

    def number(self, vocabulary: Sequence[str]) -> np.ndarray:
        """int32: the numbers of these words, new words numbered as met."""
        index = self._index
        if index is None:
            index = self._index = dict(zip(self._stored(), range(self.count), strict=True))
        added = self.added
        out = np.empty(len(vocabulary), dtype=np.int32)
        for k, w in enumerate(vocabulary):
            i = index.get(w)
            if i is None:
                i = index[w] = self.count + len(added)
                added.append(w)
            out[k] = i
        return out

    def usable(self, key: str, stored: tuple[object, ...]) -> bytes | None:
        """A stored map's numbers (as stored) when it may be used with this vocabulary: of
        its generation, its checksum holding, every number one the vocabulary had when
        read (`need`, checked by the checksum)."""
        gen, need, ids, got = stored
        if gen != self.gen or not isinstance(need, int) or not isinstance(ids, bytes) \
                or not 0 <= need <= self.count or len(ids) % 4:
            return None
        return ids if map_sum(key, self.gen, need, ids) == got else None

    def save(self, con: sqlite3.Connection, kind: str, maps: dict[str, np.ndarray]) -> bool:
        """Inside the commit's transaction: the words numbered and `maps` (row key -> its
        numbers) written when the stored vocabulary is still the one read (or replaced,
        when this build started a new generation); maps of rows gone are removed. False
        when nothing was written (then no map of this build's numbers may be)."""
        got = con.execute("SELECT gen FROM word_sets WHERE kind = ?", (kind,)).fetchone()
        if self.reset:
            con.execute("DELETE FROM word_runs WHERE kind = ?", (kind,))
            con.execute("DELETE FROM word_maps WHERE kind = ?", (kind,))
            con.execute("INSERT OR REPLACE INTO word_sets VALUES (?, ?)", (kind, self.gen))
        else:
            ends = con.execute("SELECT first, data FROM word_runs WHERE kind = ?"
                               " ORDER BY first DESC LIMIT 1", (kind,)).fetchone()
            end = 0 if ends is None else ends[0] + _COUNT.unpack_from(ends[1])[0]
            if got is None or got[0] != self.gen or end != self.count:
                return False  # another build changed the vocabulary meanwhile
        if self.added:
            try:
                data = run_bytes(self.added)
            except ValueError:  # a word no run holds: nothing numbered this time is kept
                return False
            con.execute("INSERT INTO word_runs VALUES (?, ?, ?, ?)",
                        (kind, self.count, data, _run_sum(self.count, data)))
        self.save_maps(con, kind, maps)
        return True

    def save_maps(self, con: sqlite3.Connection, kind: str, maps: dict[str, np.ndarray]
                  ) -> None:
        """Maps of this vocabulary under a `kind` of maps of their own (after `save`
        returned True); maps of rows gone are removed."""
        rows = []
        for key, ids in maps.items():
            b = ids.astype("<i4").tobytes()
            need = int(ids.max()) + 1 if ids.size else 0
            if ids.size and int(ids.min()) < 0:
                continue
            rows.append((kind, key, self.gen, need, b, map_sum(key, self.gen, need, b)))
        con.executemany("INSERT OR REPLACE INTO word_maps VALUES (?, ?, ?, ?, ?, ?)", rows)
        con.execute("DELETE FROM word_maps WHERE kind = ? AND key NOT IN"
                    " (SELECT key FROM articles)", (kind,))
