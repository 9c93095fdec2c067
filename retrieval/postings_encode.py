"""The compact posting format, and writing it: doc-id gaps and term frequencies bit-packed
in blocks of `BLOCK` postings, with a small table of where each block starts.

Why this shape: the weights BM25Okapi gives are recomputed at query time from each posting's
term frequency and its passage's length normalisation (`retrieval.postings`), so nothing
but ids and counts is stored; a block's gaps and counts share one bit width each, the widths
of the block's largest gap and count (gaps of 1 cost no bits, nor do counts of 1), and the
table gives every block's first passage, so a probe (MaxScore's binary search) decodes one
block, never a whole list.

Layout. The postings of one tier (a list sorted by passage, `retrieval.inverted_build`) are
cut into blocks of `BLOCK` (the last may be shorter); blocks never span two tiers. Block b's
row in `table` (int64, one more row than blocks) is (first passage, first posting, first bit
in `stream`, widths `gap_bits | tf_bits << 8`). Posting j of the block is `gap_bits + tf_bits`
bits at bit `first bit + j * (gap_bits + tf_bits)` of the little-endian bit stream: first its
gap value g_j (bits 0.. of the field), then tf_j - 1. Its passage is
`first passage + j + g_0 + ... + g_j` (the writer stores g_0 = 0 and g_j = gap - 1). The
last row is (number of passages, number of postings, bits used, 0). The stream is padded with
`PAD` zero bytes, so a reader may always load 8 bytes where a field starts.
"""
from __future__ import annotations

import numpy as np

BLOCK = 128
# Columns of the block table.
FIRST, START, BIT, WIDTHS = 0, 1, 2, 3
GAP_BITS_MAX = 31   # passages are int32
TF_BITS_MAX = 32
PAD = 8


def bit_length(values: np.ndarray) -> np.ndarray:
    """Bits needed for each non-negative integer below 2**53 (0 for 0): frexp's exponent,
    exact where log2 could round up."""
    return np.frexp(values.astype(np.float64))[1].astype(np.int64)


def tier_blocks(tier_offsets: np.ndarray) -> np.ndarray:
    """int64[T+1]: each tier's range of blocks, from its range of postings."""
    sizes = np.diff(tier_offsets)
    out = np.zeros(sizes.size + 1, dtype=np.int64)
    np.cumsum((sizes + BLOCK - 1) // BLOCK, out=out[1:])
    return out


def encode(docs: np.ndarray, tf: np.ndarray, tier_offsets: np.ndarray, n_docs: int
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(tier_blocks, table, stream) of postings `docs`/`tf`, tier t holding postings
    tier_offsets[t]:tier_offsets[t+1], sorted by passage within a tier."""
    n_post = int(docs.size)
    tb = tier_blocks(tier_offsets)
    n_blocks = int(tb[-1])
    sizes = np.diff(tier_offsets)
    local = np.arange(n_post, dtype=np.int64) - np.repeat(tier_offsets[:-1], sizes)
    block = np.repeat(tb[:-1], sizes) + local // BLOCK
    j = local % BLOCK
    del local
    docs64 = docs.astype(np.int64)
    gaps = np.zeros(n_post, dtype=np.int64)
    gaps[1:] = docs64[1:] - docs64[:-1] - 1
    gaps[j == 0] = 0
    tf1 = tf.astype(np.int64) - 1
    if n_post and (gaps.min() < 0 or tf1.min() < 0):
        raise ValueError("postings must be sorted by passage within a tier, counts >= 1")
    gap_max = np.zeros(n_blocks, dtype=np.int64)
    tf_max = np.zeros(n_blocks, dtype=np.int64)
    np.maximum.at(gap_max, block, gaps)
    np.maximum.at(tf_max, block, tf1)
    gw, tw = bit_length(gap_max), bit_length(tf_max)
    if n_blocks and tw.max() > TF_BITS_MAX:
        raise ValueError(f"a passage repeats a term more than 2**{TF_BITS_MAX} times")
    width = gw + tw
    counts = np.bincount(block, minlength=n_blocks).astype(np.int64)
    table = np.zeros((n_blocks + 1, 4), dtype=np.int64)
    starts = np.zeros(n_blocks + 1, dtype=np.int64)
    np.cumsum(counts, out=starts[1:])
    bits = np.zeros(n_blocks + 1, dtype=np.int64)
    np.cumsum(counts * width, out=bits[1:])
    table[:-1, FIRST] = docs64[starts[:-1]] if n_post else 0
    table[:, START] = starts
    table[:, BIT] = bits
    table[:-1, WIDTHS] = gw | (tw << 8)
    table[-1, FIRST] = n_docs
    values = (gaps | (tf1 << gw[block])).astype(np.uint64)
    where = bits[:-1][block] + j * width[block]
    return tb, table, _pack(values, where, width[block], int(bits[-1]))


def _pack(values: np.ndarray, where: np.ndarray, width: np.ndarray, n_bits: int
          ) -> np.ndarray:
    """The bit stream holding each value (of `width` bits, at most 63) at bit `where`."""
    n_words = (n_bits + 63) // 64 + 1
    words = np.zeros(n_words, dtype=np.uint64)
    keep = width > 0
    values, where = values[keep], where[keep].astype(np.uint64)
    word = (where >> np.uint64(6)).astype(np.intp)
    shift = where & np.uint64(63)
    np.bitwise_or.at(words, word, values << shift)
    spill = shift + width[keep].astype(np.uint64) > np.uint64(64)
    np.bitwise_or.at(words, word[spill] + 1,
                     values[spill] >> (np.uint64(64) - shift[spill]))
    data = words.astype("<u8").view(np.uint8)
    n_bytes = (n_bits + 7) // 8
    out = np.zeros(n_bytes + PAD, dtype=np.uint8)
    out[:n_bytes] = data[:n_bytes]
    return out
