"""Reading the compact postings (`retrieval.postings_encode`): passages and term frequencies
decoded block by block, and each posting's weight computed as `BM25Okapi.get_scores` does.

get_scores adds, per query term, `idf * (tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl /
avgdl)))` for every passage. `length_norm` is its per-passage `k1 * (...)` part, worked out
once with the same float64 operations in the same order, per distinct passage length
(`LengthNorms`: a passage's norm is its length class's, the very same number, and the classes
are 2 bytes a passage where a norm would be 8, which keeps them in the CPU cache when a
query reads postings of passages all over the index); `weights` finishes the expression in
that order. Both the numpy code here and `_accumulate.c` do exactly these IEEE operations,
so every weight, hence every score, is get_scores's bit for bit.

numpy only; the compiled module does the same work faster where it was built, and callers
choose (`compiled`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from retrieval.postings_encode import BIT, HEAD, PAD, counts, fields

try:  # the optional C build (setup.py); numpy does the same otherwise
    from retrieval import _accumulate
except ImportError:  # no C compiler where Parley was installed
    _accumulate = None  # type: ignore[assignment]

# Above this many bits a block's gap and count fields no longer fit one 8-byte load together.
_ONE_LOAD_BITS = 56


def length_norm(doc_len: np.ndarray, k1: float, b: float, avgdl: float) -> np.ndarray:
    """float64[N]: `k1 * (1 - b + b * doc_len / avgdl)`, evaluated as get_scores evaluates
    it (Python's left-to-right order: `(1 - b) + ((b * doc_len) / avgdl)`)."""
    if doc_len.size == 0 or not avgdl:
        return np.zeros(doc_len.size, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        return k1 * ((1 - b) + (b * doc_len) / avgdl)


@dataclass(frozen=True)
class LengthNorms:
    """Each passage's length normalisation as `table[classes[doc]]`."""

    classes: np.ndarray  # uint16 (the length itself) or uint32 (rank among the lengths)
    table: np.ndarray    # float64: length_norm of each class's length

    @property
    def nbytes(self) -> int:
        return int(self.classes.nbytes + self.table.nbytes)


def length_norms(doc_len: np.ndarray, k1: float, b: float, avgdl: float) -> LengthNorms:
    """The length classes of passages of these lengths (>= 0) and their norms."""
    top = int(doc_len.max()) if doc_len.size else 0
    if top < 1 << 16:
        classes = doc_len.astype(np.uint16)
        lengths = np.arange(top + 1, dtype=np.int64)
    else:  # a passage of 65,536 words or more: classes are ranks among the lengths
        lengths, inverse = np.unique(doc_len, return_inverse=True)
        classes = inverse.astype(np.uint32)
    return LengthNorms(classes, length_norm(lengths, k1, b, avgdl))


class Postings:
    """The postings of one index: `read` a range of blocks (a tier or a term), `probe` a
    tier for given passages, `gather` several ranges in order."""

    def __init__(self, table: np.ndarray, stream: np.ndarray, norms: LengthNorms,
                 k1: float) -> None:
        # Plain ndarray views of the (possibly memory-mapped) arrays: slicing an np.memmap
        # runs Python code on every slice.
        self.table = np.asarray(table).view(np.ndarray)
        self.stream = np.asarray(stream).view(np.ndarray)
        self.norms = norms
        self.k1p1 = k1 + 1  # get_scores: q_freq * (self.k1 + 1)
        self.n_docs = norms.classes.size
        # Every byte position as the start of a little-endian int64 (unaligned, read-only).
        n = max(self.stream.size - (PAD - 1), 0)
        self._u64 = np.ndarray((n,), dtype="<i8", buffer=self.stream if n else
                               np.zeros(PAD, dtype=np.uint8), strides=(1,))
        self.c_arrays = (self.stream, self.table, norms.classes, norms.table)

    def count(self, b0: int, b1: int) -> int:
        """Postings in blocks b0:b1."""
        return int(counts(self.table[b0:b1 + 1]).sum())

    def weights(self, tf: np.ndarray, docs: np.ndarray, idf: Any) -> np.ndarray:
        """get_scores's term for these postings: idf * (tf*(k1+1) / (tf + norm[doc]))."""
        norm = self.norms.table[self.norms.classes[docs]]
        return idf * ((tf * self.k1p1) / (tf + norm))

    def read(self, b0: int, b1: int, idf: float, n: int, compiled: bool
             ) -> tuple[np.ndarray, np.ndarray]:
        """Passages (intp, sorted when b0:b1 is one tier) and weights of blocks b0:b1, which
        hold n postings."""
        if compiled and _accumulate is not None:
            docs = np.empty(n, dtype=np.intp)
            w = np.empty(n, dtype=np.float64)
            _accumulate.read_blocks(*self.c_arrays, b0, b1, idf, self.k1p1, docs, w)
            return docs, w
        docs, tf = self.decode(np.arange(b0, b1, dtype=np.intp))
        return docs, self.weights(tf, docs, idf)

    def gather(self, spans: list[tuple[int, int, float, int]]
               ) -> tuple[np.ndarray, np.ndarray]:
        """Passages and weights of several block ranges (b0, b1, idf, postings), one after
        another."""
        if len(spans) == 1:
            return self.read(*spans[0], False)
        blocks = np.concatenate([np.arange(s[0], s[1], dtype=np.intp) for s in spans])
        docs, tf = self.decode(blocks)
        idfs = np.repeat(np.array([s[2] for s in spans], dtype=np.float64),
                         [s[3] for s in spans])
        return docs, self.weights(tf, docs, idfs)

    def probe(self, b0: int, b1: int, idf: float, cand: np.ndarray, compiled: bool
              ) -> tuple[np.ndarray, np.ndarray]:
        """For sorted distinct passages `cand`: which are in the tier of blocks b0:b1, and
        their weights there (0.0 elsewhere). Decodes only the blocks they fall in."""
        w = np.zeros(cand.size, dtype=np.float64)
        hit = np.zeros(cand.size, dtype=bool)
        if cand.size == 0 or b1 <= b0:
            return hit, w
        if compiled and _accumulate is not None:
            _accumulate.probe_blocks(*self.c_arrays, b0, b1, idf, self.k1p1,
                                     np.ascontiguousarray(cand, dtype=np.intp), w, hit)
            return hit, w
        pos = np.searchsorted(self.table[b0:b1, HEAD] & 0xFFFFFFFF, cand, side="right") - 1
        pos = pos[pos >= 0]
        if pos.size == 0:
            return hit, w
        blocks = pos[np.concatenate(([True], pos[1:] != pos[:-1]))] + b0
        docs, tf = self.decode(blocks.astype(np.intp, copy=False))
        p = np.searchsorted(docs, cand)
        np.minimum(p, docs.size - 1, out=p)
        hit = docs[p] == cand
        p = p[hit]
        w[hit] = self.weights(tf[p], docs[p], idf)
        return hit, w

    def decode(self, blocks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Passages (intp) and term frequencies (int64) of the given blocks, in order."""
        rows = self.table[blocks]
        first, gw, tw, cnt = fields(rows[:, HEAD])
        if int(cnt.sum()) == 0:
            return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.int64)
        starts = np.cumsum(cnt) - cnt
        # each field's bit: a running sum of the widths, restarted at each block's first bit
        width = gw + tw
        wide = np.repeat(width, cnt)
        o = np.cumsum(wide)
        o -= wide
        o += np.repeat(rows[:, BIT] - o[starts], cnt)
        raw = self._u64[o >> 3] >> (o & 7)
        gaps = raw & np.repeat((1 << gw) - 1, cnt)
        if int(width.max()) > _ONE_LOAD_BITS:
            o += np.repeat(gw, cnt)
            raw = self._u64[o >> 3] >> (o & 7)
        else:
            raw >>= np.repeat(gw, cnt)
        tf = (raw & np.repeat((1 << tw) - 1, cnt)) + 1
        gaps += 1  # passage j of a block: first - 1 + (g_0 + 1) + ... + (g_j + 1)
        c = np.cumsum(gaps)
        c += np.repeat(first - 1 - (c[starts] - gaps[starts]), cnt)
        return c.astype(np.intp, copy=False), tf
