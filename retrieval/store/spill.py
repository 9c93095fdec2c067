"""What a build keeps of each new article until it is needed (its cache row, its passages'
JSON, its index terms, its records block), written to an anonymous file beside the article
cache rather than held in memory, and read back when asked for.

Why: those bytes were most of what a build held for every article at once (some 3 KB a
passage), though each is read once: the terms by the index, the block by the records save,
the row by the cache's commit, the passages only when something reads them. The file is
removed by the system when its last reader is gone (an unnamed temporary file); pages just
written sit in the page cache, not in the process."""
from __future__ import annotations

import os
import tempfile
import threading
from pathlib import Path
from typing import BinaryIO


class Spill:
    """An append-only file of byte strings, each read back by its `Stored` handle."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._file: BinaryIO = tempfile.TemporaryFile(dir=folder, prefix=".spill-")  # noqa: SIM115
        self._end = 0
        self._lock = threading.Lock()  # a served corpus may read passages on two threads
        self._unflushed = False
        self._moved = False  # a read without pread moved the file's position

    def put(self, data: bytes) -> Stored:
        """Append `data`; OSError when the disk takes no more."""
        with self._lock:
            if self._moved:
                self._file.seek(self._end)
                self._moved = False
            self._file.write(data)
            self._unflushed = True
            at, self._end = self._end, self._end + len(data)
        return Stored(self, at, len(data))

    def read(self, at: int, size: int) -> bytes:
        with self._lock:
            if self._unflushed:
                self._file.flush()
                self._unflushed = False
            if hasattr(os, "pread"):
                data = os.pread(self._file.fileno(), size, at)
            else:  # pragma: no cover - Windows
                self._file.seek(at)
                self._moved = True
                data = self._file.read(size)
        if len(data) != size:
            raise OSError(f"the build's spill file lost {size - len(data)} bytes")
        return data


class Stored:
    """One byte string in a `Spill` (the file stays open while a handle is alive)."""

    __slots__ = ("_spill", "_at", "_size")

    def __init__(self, spill: Spill, at: int, size: int) -> None:
        self._spill, self._at, self._size = spill, at, size

    def __len__(self) -> int:
        return self._size

    def read(self) -> bytes:
        return self._spill.read(self._at, self._size)

    def head(self, n: int) -> bytes:
        """The first `n` bytes (all of them when there are fewer)."""
        return self._spill.read(self._at, min(n, self._size))

    def text(self) -> str:
        return self.read().decode("utf-8", "surrogateescape")


Held = bytes | Stored  # kept in memory, or in the spill file


def held_bytes(h: Held) -> bytes:
    return h if isinstance(h, bytes) else h.read()
