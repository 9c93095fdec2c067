"""Weighing the postings, the second half of building the inverted index
(`retrieval.inverted_build`): the IDFs exactly as BM25Okapi computes them, each posting's
weight from the very expression `BM25Okapi.get_scores` evaluates, each long posting list cut
by weight into impact tiers for MaxScore (`retrieval.maxscore`), and the tiers encoded as
passage gaps and term frequencies (`retrieval.postings_encode`): the weights are worked out
again at query time (`retrieval.postings`) with the same operations, so only the tiers'
maxima are kept. The weights are worked out a range of terms at a time, so no float64 array
of every posting is made."""
from __future__ import annotations

import math

import numpy as np

from retrieval.postings_encode import encode

# Posting lists at least this long are cut into impact tiers (fractions of the list, best
# first; the last tier takes the rest).
TIER_MIN_POSTINGS = 256
TIER_FRACTIONS = (0.002, 0.02, 0.12)


def idf_of(df: np.ndarray, n: int, epsilon: float) -> tuple[np.ndarray, float]:
    """IDF exactly as BM25Okapi._calc_idf: Python floats, same formula, same summation
    order; and the average IDF."""
    idf_list = []
    idf_sum = 0.0
    negative = []
    for i, freq in enumerate(df.tolist()):
        v = math.log(n - freq + 0.5) - math.log(freq + 0.5)
        idf_list.append(v)
        idf_sum += v
        if v < 0:
            negative.append(i)
    average_idf = idf_sum / len(idf_list) if idf_list else 0.0
    eps = epsilon * average_idf
    for i in negative:
        idf_list[i] = eps
    return np.array(idf_list, dtype=np.float64), average_idf


def impact_tiers(post_doc: np.ndarray, tf: np.ndarray, idf: np.ndarray, df: np.ndarray,
           norm: np.ndarray, k1: float, n_docs: int) -> dict[str, np.ndarray]:
    """Cut each long posting list by weight into tiers, each sorted by document (in place),
    and encode them. The weights, which order the tiers and give their maxima, are worked
    out for a range of terms of about `_CHUNK_POSTINGS` postings at a time."""
    V = df.size
    term_start = np.zeros(V + 1, dtype=np.int64)
    np.cumsum(df, out=term_start[1:])
    n_tiers = np.ones(V, dtype=np.int64)
    long_terms = np.flatnonzero(df >= TIER_MIN_POSTINGS)
    n_tiers[long_terms] = len(TIER_FRACTIONS) + 1
    term_tiers = np.zeros(V + 1, dtype=np.int64)
    np.cumsum(n_tiers, out=term_tiers[1:])
    T = int(term_tiers[-1])
    tier_sizes = np.zeros(T, dtype=np.int64)
    tier_sizes[term_tiers[:-1]] = df  # short lists: one tier holding everything
    tier_max = np.full(T, -np.inf)
    for t0, t1 in _term_ranges(term_start):
        lo, hi = int(term_start[t0]), int(term_start[t1])
        docs, counts = post_doc[lo:hi], tf[lo:hi]  # views: the cuts reorder them in place
        w = _weights(docs, counts, np.repeat(idf[t0:t1], df[t0:t1]), norm, k1)
        i0, i1 = np.searchsorted(long_terms, (t0, t1)).tolist()
        for t in long_terms[i0:i1].tolist():
            a, z = int(term_start[t]) - lo, int(term_start[t + 1]) - lo
            tier_sizes[term_tiers[t]:term_tiers[t + 1]] = _cut_tiers(docs, counts, w, a, z)
        r0, r1 = int(term_tiers[t0]), int(term_tiers[t1])
        sizes = tier_sizes[r0:r1]
        first = np.zeros(sizes.size, dtype=np.int64)
        np.cumsum(sizes[:-1], out=first[1:])
        nonempty = sizes > 0
        tier_max[r0:r1][nonempty] = np.maximum.reduceat(w, first[nonempty])
    tier_offsets = np.zeros(T + 1, dtype=np.int64)
    np.cumsum(tier_sizes, out=tier_offsets[1:])
    tier_blocks, table, stream = encode(post_doc, tf, tier_offsets, n_docs)
    return {"term_tiers": term_tiers, "tier_max": tier_max, "tier_blocks": tier_blocks,
            "block_table": table, "post_stream": stream}


# Postings weighed at a time (a term's list is never split): bounds the temporaries.
_CHUNK_POSTINGS = 1 << 20


def _term_ranges(term_start: np.ndarray) -> list[tuple[int, int]]:
    """Runs of terms holding about `_CHUNK_POSTINGS` postings each."""
    n_post = int(term_start[-1])
    cuts = np.searchsorted(term_start, np.arange(_CHUNK_POSTINGS, n_post, _CHUNK_POSTINGS))
    edges = sorted(set(cuts.tolist()) | {0, term_start.size - 1})
    return [(a, b) for a, b in zip(edges[:-1], edges[1:], strict=True) if b > a]


def _weights(docs: np.ndarray, tf: np.ndarray, idf: np.ndarray, norm: np.ndarray, k1: float
             ) -> np.ndarray:
    """Each posting's weight: the expression of BM25Okapi.get_scores, same operation order,
    `idf * (tf * (k1 + 1) / (tf + k1 * (1 - b + b * doc_len / avgdl)))` (what
    `retrieval.postings` computes again at query time), `norm` being the per-passage part."""
    counts = tf.astype(np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        return idf * ((counts * (k1 + 1)) / (counts + norm[docs]))


def _cut_tiers(docs: np.ndarray, tf: np.ndarray, weights: np.ndarray, lo: int, hi: int
               ) -> list[int]:
    """Reorder one term's postings lo:hi (documents, counts and weights, in place) into its
    tiers; returns their sizes."""
    w = weights[lo:hi]
    p = hi - lo
    # rank cut points: tier j gets postings whose weight is among the best cum[j]
    order = np.argsort(-w, kind="stable")
    label = np.empty(p, dtype=np.int8)
    start = 0
    sizes = []
    for j, frac in enumerate(TIER_FRACTIONS):
        cnt = max(1, int(math.ceil(p * frac)))
        label[order[start:start + cnt]] = j
        sizes.append(cnt)
        start += cnt
    label[order[start:]] = len(TIER_FRACTIONS)
    sizes.append(p - start)
    perm = np.argsort(label, kind="stable")  # keeps document order within a tier
    docs[lo:hi] = docs[lo:hi][perm]  # (a fancy index copies before the write)
    tf[lo:hi] = tf[lo:hi][perm]
    weights[lo:hi] = w[perm]
    return sizes
