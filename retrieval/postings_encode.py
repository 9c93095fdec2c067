"""The compact posting format, and writing it: doc-id gaps and term frequencies bit-packed
in blocks of `BLOCK` postings, with a small table of where each block starts.

Why this shape: the weights BM25Okapi gives are recomputed at query time from each posting's
term frequency and its passage's length normalisation (`retrieval.postings`), so nothing
but ids and counts is stored; a block's gaps and counts share one bit width each, the widths
of the block's largest gap and count (gaps of 1 cost no bits, nor do counts of 1), and the
table gives every block's first passage, so a probe (MaxScore's binary search) decodes one
block, never a whole list. The table is 16 bytes a block (an eighth of a byte a posting).

Layout. The postings of one tier (a list sorted by passage, `retrieval.inverted_build`) are
cut into blocks of `BLOCK` (the last may be shorter); blocks never span two tiers. Block b's
row in `table` (int64, one more row than blocks) is (head, first bit in `stream`), the head
packing `first passage | gap_bits << 32 | tf_bits << 40 | (postings - 1) << 48`. Posting j
of the block is `gap_bits + tf_bits` bits at bit `first bit + j * (gap_bits + tf_bits)` of
the little-endian bit stream: first its gap value g_j (bits 0.. of the field), then
tf_j - 1. Its passage is `first passage + j + g_0 + ... + g_j` (the writer stores g_0 = 0
and g_j = gap - 1). The last row is (number of passages, bits used). The stream is padded
with `PAD` zero bytes, so a reader may always load 8 bytes where a field starts.
"""
from __future__ import annotations

import numpy as np

BLOCK = 128
# Columns of the block table, and the fields of a head.
HEAD, BIT = 0, 1
_GAP_SHIFT, _TF_SHIFT, _COUNT_SHIFT = 32, 40, 48
GAP_BITS_MAX = 31   # passages are int32
TF_BITS_MAX = 32
PAD = 8


def bit_length(values: np.ndarray) -> np.ndarray:
    """Bits needed for each non-negative integer below 2**53 (0 for 0): frexp's exponent,
    exact where log2 could round up."""
    return np.frexp(values.astype(np.float64))[1].astype(np.int64)


def heads(first: np.ndarray, gap_bits: np.ndarray, tf_bits: np.ndarray, count: np.ndarray
          ) -> np.ndarray:
    """The head of blocks with these fields."""
    return (first.astype(np.int64) | (gap_bits << _GAP_SHIFT) | (tf_bits << _TF_SHIFT)
            | ((count - 1) << _COUNT_SHIFT))


def fields(head: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(first passage, gap bits, tf bits, postings) of each head (of a block, not the last
    row). A head no writer makes (bits above the count) gives a count outside 1..BLOCK."""
    return (head & 0xFFFFFFFF, (head >> _GAP_SHIFT) & 255, (head >> _TF_SHIFT) & 255,
            (head >> _COUNT_SHIFT) + 1)


def counts(table: np.ndarray) -> np.ndarray:
    """Postings of each block of a table."""
    return (table[:-1, HEAD] >> _COUNT_SHIFT) + 1


def tier_blocks(tier_offsets: np.ndarray) -> np.ndarray:
    """int64[T+1]: each tier's range of blocks, from its range of postings."""
    sizes = np.diff(tier_offsets)
    out = np.zeros(sizes.size + 1, dtype=np.int64)
    np.cumsum((sizes + BLOCK - 1) // BLOCK, out=out[1:])
    return out


# Postings encoded at a time: bounds the build's temporaries (some ten int64 per posting).
_CHUNK_POSTINGS = 1 << 20


def encode(docs: np.ndarray, tf: np.ndarray, tier_offsets: np.ndarray, n_docs: int
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(tier_blocks, table, stream) of postings `docs`/`tf`, tier t holding postings
    tier_offsets[t]:tier_offsets[t+1], sorted by passage within a tier."""
    n_post = int(docs.size)
    tb = tier_blocks(tier_offsets)
    n_blocks = int(tb[-1])
    per_tier = np.diff(tb)
    starts = np.empty(n_blocks + 1, dtype=np.int64)
    starts[:-1] = np.repeat(tier_offsets[:-1], per_tier) + BLOCK * (
        np.arange(n_blocks, dtype=np.int64) - np.repeat(tb[:-1], per_tier))
    starts[-1] = n_post
    counts = np.diff(starts)
    chunks = _chunks(starts)
    gw = np.zeros(n_blocks, dtype=np.int64)
    tw = np.zeros(n_blocks, dtype=np.int64)
    for c0, c1 in chunks:
        gaps, tf1, _ = _fields(docs, tf, starts, c0, c1)
        at = starts[c0:c1] - starts[c0]
        gw[c0:c1] = bit_length(np.maximum.reduceat(gaps, at))
        tw[c0:c1] = bit_length(np.maximum.reduceat(tf1, at))
    if n_blocks and tw.max() > TF_BITS_MAX:
        raise ValueError(f"a passage repeats a term more than 2**{TF_BITS_MAX} times")
    width = gw + tw
    bits = np.zeros(n_blocks + 1, dtype=np.int64)
    np.cumsum(counts * width, out=bits[1:])
    table = np.zeros((n_blocks + 1, 2), dtype=np.int64)
    table[:-1, HEAD] = heads(docs[starts[:-1]], gw, tw, counts)
    table[-1, HEAD] = n_docs
    table[:, BIT] = bits
    words = np.zeros((int(bits[-1]) + 63) // 64 + 1, dtype=np.uint64)
    for c0, c1 in chunks:
        gaps, tf1, block = _fields(docs, tf, starts, c0, c1)
        j = np.arange(gaps.size, dtype=np.int64) - (starts[c0:c1] - starts[c0])[block]
        block += c0
        values = (gaps | (tf1 << gw[block])).astype(np.uint64)
        _pack(words, values, bits[block] + j * width[block], width[block])
    n_bytes = (int(bits[-1]) + 7) // 8
    stream = np.zeros(n_bytes + PAD, dtype=np.uint8)
    stream[:n_bytes] = words.astype("<u8").view(np.uint8)[:n_bytes]
    return tb, table, stream


def _chunks(starts: np.ndarray) -> list[tuple[int, int]]:
    """Ranges of blocks holding about `_CHUNK_POSTINGS` postings each."""
    cuts = np.searchsorted(starts, np.arange(0, int(starts[-1]), _CHUNK_POSTINGS))
    edges = sorted(set(cuts.tolist()) | {0, starts.size - 1})
    return [(a, b) for a, b in zip(edges[:-1], edges[1:], strict=True) if b > a]


def _fields(docs: np.ndarray, tf: np.ndarray, starts: np.ndarray, c0: int, c1: int
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Blocks c0:c1's gap fields, tf - 1 fields and block (from 0) of each posting."""
    p0, p1 = int(starts[c0]), int(starts[c1])
    d = docs[p0:p1].astype(np.int64)
    gaps = np.empty(d.size, dtype=np.int64)
    gaps[1:] = d[1:] - d[:-1] - 1
    at = starts[c0:c1] - p0
    gaps[at] = 0
    tf1 = tf[p0:p1].astype(np.int64) - 1
    if gaps.size and (gaps.min() < 0 or tf1.min() < 0):
        raise ValueError("postings must be sorted by passage within a tier, counts >= 1")
    block = np.repeat(np.arange(c1 - c0, dtype=np.int64), np.diff(starts[c0:c1 + 1]))
    return gaps, tf1, block


def _pack(words: np.ndarray, values: np.ndarray, where: np.ndarray, width: np.ndarray
          ) -> None:
    """OR each value (of `width` bits, at most 63) into `words` at bit `where` (running
    up: the values of one word sit side by side, so each word is one `reduceat`)."""
    keep = width > 0
    values, where = values[keep], where[keep].astype(np.uint64)
    if values.size == 0:
        return
    word = (where >> np.uint64(6)).astype(np.intp)
    shift = where & np.uint64(63)
    _or_into(words, word, values << shift)
    spill = shift + width[keep].astype(np.uint64) > np.uint64(64)
    _or_into(words, word[spill] + 1, values[spill] >> (np.uint64(64) - shift[spill]))


def _or_into(words: np.ndarray, at: np.ndarray, parts: np.ndarray) -> None:
    """words[at[i]] |= parts[i] for non-decreasing `at`."""
    if at.size == 0:
        return
    first = np.flatnonzero(np.concatenate(([True], at[1:] != at[:-1])))
    words[at[first]] |= np.bitwise_or.reduceat(parts, first)
