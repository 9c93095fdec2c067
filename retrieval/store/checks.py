"""Checks fed an array's rows as they are read from disk, chunk by chunk, in the same pass
as the checksum: nothing is memory-mapped or read twice for them, so a start that checks
every byte stays fast and its resident memory stays what queries touch.

The compact postings (`retrieval.postings_encode`) have their own: the block table is
consistent (blocks of 1..BLOCK postings, bit ranges that add up, widths a writer makes, first
passages in range), every tier's blocks lie inside the index's blocks, and the stream,
decoded block by block as its bytes arrive, gives passages that run up inside every tier and
stay below the number of passages (`BlockTable`)."""
from __future__ import annotations

import codecs
from dataclasses import dataclass, field

import numpy as np

from retrieval.postings_encode import BIT, BLOCK, GAP_BITS_MAX, HEAD, PAD, TF_BITS_MAX, fields

try:  # the optional C build: decodes the stream many times faster than numpy
    from retrieval import _accumulate
except ImportError:
    _accumulate = None  # type: ignore[assignment]


# Small enough that its decoded text (at most 4 bytes a byte) stays below malloc's
# threshold for a fresh memory map, so one block is reused slice after slice.
UTF8_SLICE = 1 << 15


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
    every chunk and is ten times slower on news text.) Decoded UTF8_SLICE bytes at a time:
    the text of a whole 4 MiB chunk is a fresh allocation of up to 16 MiB each time, and
    faulting its pages in took 0.2 s of a start at a million passages."""

    why: str
    _tail: bytes = field(default=b"", init=False)

    def feed(self, rows: np.ndarray, first: int) -> bool:
        data, carry = rows.data, self._tail
        for pos in range(0, len(data), UTF8_SLICE):
            piece: bytes | memoryview = data[pos:pos + UTF8_SLICE]
            if carry:
                piece = carry + bytes(piece)
            try:
                _, used = codecs.utf_8_decode(piece, "strict", False)
            except UnicodeDecodeError:
                return False
            carry = bytes(piece[used:])
        self._tail = carry
        return True

    def holds(self) -> bool:
        return not self._tail  # the last character is whole


POSTINGS_WRONG = "a block of postings does not decode to passages of the index"
TABLE_WRONG = "the postings' block table does not add up"



@dataclass
class Kept(Check):
    """Keeps a copy of the rows it is fed (the reading buffer is reused), for a later check;
    small arrays only (the block table: 32 bytes per 128 postings)."""

    why: str = "an array is missing rows"
    parts: list[np.ndarray] = field(default_factory=list)

    def feed(self, rows: np.ndarray, first: int) -> bool:
        self.parts.append(rows.copy())
        return True

    def array(self, dtype: type, width: int) -> np.ndarray:
        if not self.parts:
            return np.zeros((0, width) if width > 1 else 0, dtype=dtype)
        return np.concatenate(self.parts)


@dataclass
class BlockTable(Check):
    """The table's rows (head, first bit: `retrieval.postings_encode`), then the stream's
    bytes: every block decodes to passages that run up and stay below the next
    block's first passage in its tier, or below `n_docs` at a tier's end."""

    why: str
    n_docs: int
    n_postings_bytes: int
    tiers: Kept
    table: Kept
    _tab: np.ndarray | None = field(default=None, init=False)
    _limit: np.ndarray | None = field(default=None, init=False)
    _next: int = field(default=0, init=False)
    _carry: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint8),
                               init=False)

    def _prepare(self) -> bool:
        self.why = TABLE_WRONG
        tab = self.table.array(np.int64, 2)
        tb = self.tiers.array(np.int64, 1)
        if tab.ndim != 2 or tab.shape[0] < 1 or tab.shape[1] != 2 or tb.size < 1:
            return False
        n_blocks = tab.shape[0] - 1
        first, gw, tw, count = fields(tab[:-1, HEAD])
        ok = (tab[0, BIT] == 0 and tab[-1, HEAD] == self.n_docs
              and bool(np.all((tab[:-1, HEAD] >= 0) & (count <= BLOCK)))
              and bool(np.all((gw <= GAP_BITS_MAX) & (tw <= TF_BITS_MAX)))
              and bool(np.all(np.diff(tab[:, BIT]) == count * (gw + tw)))
              and bool(np.all(first < self.n_docs))
              and int(tab[-1, BIT]) <= 8 * (self.n_postings_bytes - PAD)
              and tb[0] == 0 and tb[-1] == n_blocks and bool(np.all(np.diff(tb) >= 0)))
        if not ok:
            return False
        # block b's passages must stay below limit[b]: the next block's first passage in the
        # same tier, or n_docs after a tier's last block
        limit = np.empty(n_blocks, dtype=np.int64)
        limit[:-1] = first[1:]
        last_in_tier = tb[1:][tb[1:] > tb[:-1]] - 1
        limit[last_in_tier] = self.n_docs
        self._tab, self._limit = tab, limit
        self.table.parts.clear()
        self.why = POSTINGS_WRONG
        return True

    def feed(self, rows: np.ndarray, first: int) -> bool:
        if self._tab is None and not self._prepare():
            return False
        tab, limit = self._tab, self._limit
        assert tab is not None and limit is not None
        buf = np.concatenate((self._carry, rows, np.zeros(PAD, dtype=np.uint8)))
        buf0 = first - self._carry.size  # the byte of the stream that buf[0] is
        avail = 8 * (first + rows.size)
        end = int(np.searchsorted(tab[1:, BIT], avail, side="right"))
        end = min(end, tab.shape[0] - 1)
        b = self._next
        if end > b and not _blocks_fit(buf, buf0, tab[b:end + 1], limit[b:end]):
            return False
        self._next = max(b, end)
        keep_from = int(tab[self._next, BIT]) // 8 - buf0 if self._next < tab.shape[0] - 1 \
            else buf.size - PAD
        self._carry = buf[keep_from:buf.size - PAD].copy()
        return True

    def holds(self) -> bool:
        if self._tab is None and not self._prepare():
            return False
        assert self._tab is not None
        return self._next == self._tab.shape[0] - 1


def _blocks_fit(buf: np.ndarray, buf0: int, rows: np.ndarray, limit: np.ndarray) -> bool:
    """Whether each block of `rows` (table rows, one more than blocks) decodes, from `buf`
    (the stream from byte buf0 on, padded), to a last passage below its limit."""
    shifted = rows.copy()
    shifted[:, BIT] -= 8 * buf0
    if _accumulate is not None:
        last = np.empty(limit.size, dtype=np.int64)
        _accumulate.block_ends(buf, shifted, last)
    else:
        last = _block_ends(buf, shifted)
    return bool(np.all(last < limit))


def _block_ends(buf: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """numpy: each block's last passage, first + (n - 1) + the sum of its gap fields. The
    blocks' fields lie one after another (the table was seen to give each block its count
    times its width in bits), so a field's bit is a running sum of the widths."""
    first, gw, tw, cnt = fields(rows[:-1, HEAD])
    if int(cnt.sum()) == 0:
        return first + (cnt - 1)
    width = np.repeat(gw + tw, cnt)
    o = np.cumsum(width)
    o -= width
    o += rows[0, BIT]
    u64 = np.ndarray((buf.size - (PAD - 1),), dtype="<i8", buffer=buf, strides=(1,))
    gaps = u64[o >> 3]
    gaps >>= o & 7
    gaps &= np.repeat((1 << gw) - 1, cnt)
    return first + (cnt - 1) + np.add.reduceat(gaps, np.cumsum(cnt) - cnt)
