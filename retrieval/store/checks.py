"""Checks fed an array's rows as they are read from disk, chunk by chunk, in the same pass
as the checksum: nothing is memory-mapped or read twice for them, so a start that checks
every byte stays fast and its resident memory stays what queries touch."""
from __future__ import annotations

import codecs
from dataclasses import dataclass, field

import numpy as np


class Check:
    """One property of one array: `feed` its rows in order (`first`: the index of the first
    row given), then `holds()`. `why` is the rebuild message when it does not."""

    why: str

    def feed(self, rows: np.ndarray, first: int) -> bool:
        raise NotImplementedError

    def holds(self) -> bool:
        return True


@dataclass
class Within(Check):
    """Values (of `columns`, of rows before `rows_end`) in [lo, hi)."""

    why: str
    lo: float
    hi: float
    columns: slice | None = None  # None: every column
    rows_end: int | None = None  # a range table's last row holds only the ends

    def feed(self, rows: np.ndarray, first: int) -> bool:
        if self.rows_end is not None:
            rows = rows[:max(0, self.rows_end - first)]
        part = rows[:, self.columns] if rows.ndim == 2 and self.columns is not None else rows
        return part.size == 0 or (part.min() >= self.lo and part.max() < self.hi)


@dataclass
class Finite(Check):
    why: str

    def feed(self, rows: np.ndarray, first: int) -> bool:
        return bool(np.isfinite(rows).all())


@dataclass
class RunsUp(Check):
    """Offsets of ranges (column `column` of a table, or the array): from `start` to `end`,
    never going down."""

    why: str
    start: int
    end: int
    column: int | None = None
    _last: int | None = field(default=None, init=False)

    def feed(self, rows: np.ndarray, first: int) -> bool:
        col = rows[:, self.column] if self.column is not None else rows
        if col.size == 0:
            return True
        if (self._last is None and int(col[0]) != self.start) or \
                (self._last is not None and int(col[0]) < self._last):
            return False
        self._last = int(col[-1])
        return bool(np.all(col[1:] >= col[:-1]))

    def holds(self) -> bool:
        return self._last == self.end


@dataclass
class Ordered(Check):
    """In every row, column `low` <= column `high` (a span's start and end)."""

    why: str
    low: int
    high: int

    def feed(self, rows: np.ndarray, first: int) -> bool:
        return bool(np.all(rows[:, self.low] <= rows[:, self.high]))


@dataclass
class Utf8(Check):
    """The bytes decode as UTF-8, across chunk boundaries. (`codecs.utf_8_decode` with the
    few bytes of a character cut by the chunk carried over: an incremental decoder copies
    every chunk and is ten times slower on news text.)"""

    why: str
    _tail: bytes = field(default=b"", init=False)

    def feed(self, rows: np.ndarray, first: int) -> bool:
        data: bytes | memoryview = rows.data
        if self._tail:
            data = self._tail + bytes(data)
        try:
            _, used = codecs.utf_8_decode(data, "strict", False)
        except UnicodeDecodeError:
            return False
        self._tail = bytes(data[used:])
        return True

    def holds(self) -> bool:
        return not self._tail  # the last character is whole
