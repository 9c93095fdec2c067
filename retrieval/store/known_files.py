"""The article files each corpus's last build loaded, by their bytes (`corpus.loader.
KnownFiles`), kept in the article cache's files table: a file whose bytes and path are as then
(and whose id comes out the same) is not parsed again, its raw article's key taken as kept.

Why: parsing every file again (decoding, cutting paragraphs, hashing the text twice: for the
duplicate check and for the row key) was some 0.06 s of the BBC folder's add-one start; a
file's bytes are hashed in a millisecond or two for the lot. Exact: a raw article is a
function of the file's bytes, its path, its id and its alias entries (a file with an alias
file is parsed as before), all compared, and the file table is named by the code that
parses (`keys.code_fingerprint`). Each row has a checksum: a row that does not hold is no
memory (the file is parsed)."""
from __future__ import annotations

import sqlite3
from collections.abc import Callable

import xxhash

from retrieval.store.keys import path_bytes

# (corpus, path, key, hash, id, digest, sum): one files table row as the commit writes it (the
# path and the id as UTF-8 bytes: from a file name that is not UTF-8, they hold surrogates)
FileRow = tuple[str, bytes, str, str | None, bytes | None, str | None, str | None]


def file_hash(data: bytes) -> str:
    return xxhash.xxh3_128(data).hexdigest()


def row_sum(corpus: str, path: str, key: str, hash_: str, article_id: str, digest: str) -> str:
    """The checksum a files table row is kept with."""
    return xxhash.xxh3_128("\0".join((corpus, path, key, hash_, article_id, digest)).encode(
        "utf-8", "surrogateescape")).hexdigest()


class FilesTable:
    """`KnownFiles` over the files table of one corpus (`connection` gives the article
    cache's, None when there is none to read); `usable=False`: nothing is known (a forced
    rebuild), but what is loaded is still recorded for the next build."""

    def __init__(self, corpus: str | None, connection: Callable[[], sqlite3.Connection | None],
                 *, usable: bool) -> None:
        self.corpus = corpus
        self._connection = connection
        self._usable = usable and corpus is not None
        self._kept: dict[str, tuple[str, str, str, str]] | None = None  # path -> hash, id, ...
        self._hashes: dict[str, str] = {}  # path -> its bytes' hash, this build
        self._loaded: dict[str, tuple[str, str, str]] = {}  # path -> hash, id, digest

    def look(self, path: str, data: bytes) -> tuple[str, str, str] | None:
        h = self._hashes[path] = file_hash(data)
        if not self._usable:
            return None
        if self._kept is None:
            self._kept = self._read()
        kept = self._kept.get(path)
        return None if kept is None or kept[0] != h else kept[1:]

    def loaded(self, path: str, article_id: str, digest: str) -> None:
        h = self._hashes.get(path)
        if h is not None:
            self._loaded[path] = (h, article_id, digest)

    def _read(self) -> dict[str, tuple[str, str, str, str]]:
        """The rows of the corpus's last build whose checksums hold."""
        con = self._connection()
        if con is None or self.corpus is None:
            return {}
        try:
            rows = con.execute("SELECT path, key, hash, id, digest, sum FROM files"
                               " WHERE corpus = ?", (self.corpus,)).fetchall()
        except sqlite3.Error:
            return {}
        kept = {}
        for p, key, h, a, digest, got in rows:
            if not all(isinstance(x, str) for x in (key, h, digest, got)) \
                    or not isinstance(p, bytes) or not isinstance(a, bytes):
                continue
            path, aid = (x.decode("utf-8", "surrogateescape") for x in (p, a))
            if row_sum(self.corpus, path, key, h, aid, digest) == got:
                kept[path] = (h, aid, digest, key)
        return kept

    def rows(self, corpus: str, paths: dict[str, str]) -> list[FileRow]:
        """The files table's rows for this build's files (path -> row key): with their
        bytes' hash, id and digest when loaded (`loaded`), else without (never known)."""
        out: list[FileRow] = []
        for path, key in paths.items():
            got = self._loaded.get(path)
            if got is None:
                out.append((corpus, path_bytes(path), key, None, None, None, None))
                continue
            h, aid, digest = got
            out.append((corpus, path_bytes(path), key, h, path_bytes(aid), digest,
                        row_sum(corpus, path, key, h, aid, digest)))
        return out
