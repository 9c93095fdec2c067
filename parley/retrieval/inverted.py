"""An inverted index whose every score is exactly rank-bm25's `BM25Okapi.get_scores`.

Build: the same statistics BM25Okapi computes (vocabulary in first-occurrence order, document
frequencies, `math.log` IDFs summed in that order, the epsilon floor, `avgdl` as int / int),
then one weight per posting from the very expression `get_scores` evaluates, in float64 with
the same operation order. A document's score is the sum of its postings' weights, added in the
query's term order (a repeated term added again), starting from 0.0: the same IEEE operations
`get_scores` performs (adding the +-0.0 of an absent term changes nothing), so the scores are
bit-for-bit equal; `tests/retrieval/test_bm25_exact.py` checks it.

Search: exact MaxScore over impact tiers. Each long posting list is cut by weight into a few
tiers (each sorted by document, with its own maximum weight). Tiers are taken in decreasing
order of maximum weight and accumulated until the k-th best partial score beats the summed
maxima of all tiers not yet read: then no document outside what was read can reach the top k,
and the remaining tiers are only probed (binary search) for the surviving candidates, which
are pruned again after each probe. The survivors are scored exactly, in query order. Pruning
compares with a relative margin far above float rounding, so it never changes a result. It is
used only when every query term has a positive IDF (weights >= 0); otherwise every posting is
read.

Only numpy and the standard library; arrays are plain ndarrays so they can be saved with
`np.save` and memory-mapped back.
"""
from __future__ import annotations

import math
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

FORMAT_VERSION = 1
# Posting lists at least this long are cut into impact tiers (fractions of the list, best
# first; the last tier takes the rest).
TIER_MIN_POSTINGS = 256
TIER_FRACTIONS = (0.002, 0.02, 0.12)
# Pruning margin: bounds are inflated / thresholds deflated by this relative amount, far above
# the ~1e-15 rounding of a handful of float64 additions.
_MARGIN = 1e-9
# `allowed` sets smaller than this fraction of the corpus are scored directly by probing.
_SMALL_ALLOWED = 1 / 64

ARRAY_NAMES = ("idf", "df", "doc_len", "term_tiers", "tier_offsets", "tier_max",
               "post_docs", "post_weights")


@dataclass
class Stats:
    """Scalars of the index (JSON-friendly)."""

    size: int
    total_len: int
    avgdl: float
    average_idf: float
    k1: float
    b: float
    epsilon: float


class InvertedIndex:
    """Term-id based postings with precomputed BM25Okapi weights."""

    def __init__(self, terms: list[str], arrays: dict[str, np.ndarray], stats: Stats) -> None:
        self.terms = terms
        self.term_ids = {t: i for i, t in enumerate(terms)}
        self.stats = stats
        self.size = stats.size
        self.idf_arr: np.ndarray = arrays["idf"]
        self.df: np.ndarray = arrays["df"]
        self.doc_len: np.ndarray = arrays["doc_len"]
        self.term_tiers: np.ndarray = arrays["term_tiers"]      # int64[V+1]: tier range per term
        self.tier_offsets: np.ndarray = arrays["tier_offsets"]  # int64[T+1]: posting range per tier
        self.tier_max: np.ndarray = arrays["tier_max"]          # float64[T]
        self.post_docs: np.ndarray = arrays["post_docs"]        # int32[P], sorted within a tier
        self.post_weights: np.ndarray = arrays["post_weights"]  # float64[P]
        self._local = threading.local()

    # ----------------------------------------------------------------------------- building
    @classmethod
    def build(cls, documents: Sequence[Sequence[str]], k1: float = 1.5, b: float = 0.75,
              epsilon: float = 0.25) -> "InvertedIndex":
        n = len(documents)
        # Vocabulary in first-occurrence order: the order BM25Okapi's `nd` dict is filled in,
        # which fixes the order its IDF sum (hence average_idf) is accumulated in.
        vocab = dict.fromkeys(chain.from_iterable(documents))
        terms = list(vocab)
        ids = dict(zip(terms, range(len(terms))))
        lengths = np.fromiter(map(len, documents), dtype=np.int64, count=n)
        total = int(lengths.sum())
        tok = np.fromiter(map(ids.__getitem__, chain.from_iterable(documents)), dtype=np.int64,
                          count=total)
        doc_of = np.repeat(np.arange(n, dtype=np.int64), lengths)
        key = tok * max(n, 1) + doc_of
        del tok, doc_of
        key.sort(kind="stable")
        if key.size:
            starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
            tf = np.diff(np.r_[starts, key.size]).astype(np.int64)
            key = key[starts]
        else:
            tf = np.zeros(0, dtype=np.int64)
        post_term = key // max(n, 1)
        post_doc = key - post_term * max(n, 1)
        del key
        V = len(terms)
        df = np.bincount(post_term, minlength=V).astype(np.int64)

        # IDF exactly as BM25Okapi._calc_idf: Python floats, same formula, same summation order.
        idf_list = []
        idf_sum = 0.0
        negative = []
        for i, freq in enumerate(df.tolist()):
            v = math.log(n - freq + 0.5) - math.log(freq + 0.5)
            idf_list.append(v)
            idf_sum += v
            if v < 0:
                negative.append(i)
        average_idf = idf_sum / V if V else 0.0
        eps = epsilon * average_idf
        for i in negative:
            idf_list[i] = eps
        idf = np.array(idf_list, dtype=np.float64)
        avgdl = total / n if n else 0.0

        # Weight of each posting: the expression of BM25Okapi.get_scores, same operation order:
        #   idf * (tf * (k1 + 1) / (tf + k1 * (1 - b + b * doc_len / avgdl)))
        with np.errstate(divide="ignore", invalid="ignore"):
            norm = k1 * ((1 - b) + (b * lengths) / avgdl) if n and avgdl else \
                np.zeros(n, dtype=np.float64)
            weights = idf[post_term] * ((tf * (k1 + 1)) / (tf + norm[post_doc]))
        del tf, norm

        arrays = _tiers(post_term, post_doc, weights, df, V)
        arrays.update(idf=idf, df=df, doc_len=lengths.astype(np.int32))
        stats = Stats(size=n, total_len=total, avgdl=avgdl, average_idf=average_idf,
                      k1=float(k1), b=float(b), epsilon=float(epsilon))
        return cls(terms, arrays, stats)

    def arrays(self) -> dict[str, np.ndarray]:
        return {name: getattr(self, _ATTR[name]) for name in ARRAY_NAMES}

    # ------------------------------------------------------------------------------ queries
    def query_ids(self, query: Iterable[str]) -> list[int]:
        """Known terms of the query as ids, in query order (repeats kept)."""
        get = self.term_ids.get
        return [i for i in map(get, query) if i is not None]

    def _scratch(self) -> tuple[np.ndarray, np.ndarray]:
        """Per-thread dense accumulator and seen-mask (kept all-zero between queries)."""
        loc = self._local
        acc = getattr(loc, "acc", None)
        if acc is None or acc.size != self.size:
            loc.acc = acc = np.zeros(self.size, dtype=np.float64)
            loc.seen = np.zeros(self.size, dtype=bool)
        return acc, loc.seen

    def _tier_slices(self, t: int) -> list[tuple[int, int]]:
        a, z = int(self.term_tiers[t]), int(self.term_tiers[t + 1])
        offs = self.tier_offsets
        return [(int(offs[j]), int(offs[j + 1])) for j in range(a, z)]

    def dense_scores(self, qids: list[int]) -> np.ndarray:
        """BM25Okapi.get_scores over all documents, for known term ids in query order."""
        out = np.zeros(self.size, dtype=np.float64)
        for t in qids:
            for lo, hi in self._tier_slices(t):
                d = self.post_docs[lo:hi]
                out[d] += self.post_weights[lo:hi]
        return out

    def lookup(self, t: int, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Weights of term t for sorted `docs` (0.0 where absent) and a found-mask."""
        w = np.zeros(docs.size, dtype=np.float64)
        found = np.zeros(docs.size, dtype=bool)
        for lo, hi in self._tier_slices(t):
            pd = self.post_docs[lo:hi]
            if pd.size == 0:
                continue
            pos = np.searchsorted(pd, docs)
            np.minimum(pos, pd.size - 1, out=pos)
            hit = pd[pos] == docs
            if hit.any():
                w[hit] = self.post_weights[lo:hi][pos[hit]]
                found |= hit
        return w, found

    def exact_scores(self, qids: list[int], docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Exact scores (query order) of sorted unique `docs`, and which contain any term."""
        cache: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        score = np.zeros(docs.size, dtype=np.float64)
        anyhit = np.zeros(docs.size, dtype=bool)
        for t in qids:
            if t not in cache:
                cache[t] = self.lookup(t, docs)
                anyhit |= cache[t][1]
            score += cache[t][0]
        return score, anyhit

    def top(self, qids: list[int], k: int, allowed: np.ndarray | None = None
            ) -> list[tuple[int, float]]:
        """Best k (doc, score) among documents containing a query term; ties: lower doc."""
        if k <= 0 or not qids:
            return []
        if allowed is not None:
            if allowed.size == 0:
                return []
            if allowed.size <= max(64, self.size * _SMALL_ALLOWED):
                score, hit = self.exact_scores(qids, allowed)
                return _best(allowed[hit], score[hit], k)
        uniq = list(dict.fromkeys(qids))
        if all(self.idf_arr[t] > 0 for t in uniq):
            return self._top_pruned(qids, uniq, k, allowed)
        return self._top_exhaustive(qids, k, allowed)

    def _top_exhaustive(self, qids: list[int], k: int, allowed: np.ndarray | None
                        ) -> list[tuple[int, float]]:
        acc, seen = self._scratch()
        mask = self._allowed_mask(allowed)
        touched = []
        try:
            for t in qids:  # query order: the exact summation order of get_scores
                for lo, hi in self._tier_slices(t):
                    d = self.post_docs[lo:hi]
                    w = self.post_weights[lo:hi]
                    if mask is not None:
                        keep = mask[d]
                        d, w = d[keep], w[keep]
                    acc[d] += w
                    new = d[~seen[d]]
                    seen[new] = True
                    touched.append(new)
            docs = np.concatenate(touched) if touched else np.zeros(0, dtype=np.int32)
            return _best(docs, acc[docs], k)
        finally:
            for d in touched:
                acc[d] = 0.0
                seen[d] = False

    def _allowed_mask(self, allowed: np.ndarray | None) -> np.ndarray | None:
        if allowed is None:
            return None
        mask = np.zeros(self.size, dtype=bool)
        mask[allowed] = True
        return mask

    def _top_pruned(self, qids: list[int], uniq: list[int], k: int,
                    allowed: np.ndarray | None) -> list[tuple[int, float]]:
        mult = {t: qids.count(t) for t in uniq}
        # Pseudo-terms, one per tier: (upper bound, length, lo, hi, multiplicity, term).
        tiers = []
        for t in uniq:
            a, z = int(self.term_tiers[t]), int(self.term_tiers[t + 1])
            for j in range(a, z):
                lo, hi = int(self.tier_offsets[j]), int(self.tier_offsets[j + 1])
                if hi > lo:
                    tiers.append((mult[t] * float(self.tier_max[j]), hi - lo, lo, hi,
                                  float(mult[t]), t))
        tiers.sort(key=lambda x: (-x[0], x[1]))
        # rest[i]: a bound on what tiers i.. can still add to one document. A document sits in
        # at most one tier of a term, so each term adds at most its best unread tier's bound.
        rest = [0.0] * (len(tiers) + 1)
        cur: dict[int, float] = {}
        for i in range(len(tiers) - 1, -1, -1):
            ub, t = tiers[i][0], tiers[i][5]
            cur[t] = max(cur.get(t, 0.0), ub)
            rest[i] = sum(cur.values()) * (1 + _MARGIN)
        acc, seen = self._scratch()
        mask = self._allowed_mask(allowed)
        touched: list[np.ndarray] = []
        n_seen = 0
        theta = -math.inf
        try:
            i = 0
            while i < len(tiers):
                _, _, lo, hi, m, _ = tiers[i]
                d = self.post_docs[lo:hi]
                w = self.post_weights[lo:hi]
                if mask is not None:
                    keep = mask[d]
                    d, w = d[keep], w[keep]
                acc[d] += w if m == 1.0 else w * m
                new = d[~seen[d]]
                seen[new] = True
                touched.append(new)
                n_seen += new.size
                i += 1
                if n_seen >= k and i < len(tiers):
                    # k-th best partial score: a lower bound of the final k-th best score.
                    docs = np.concatenate(touched) if len(touched) > 1 else touched[0]
                    touched = [docs]
                    part = acc[docs]
                    theta = float(np.partition(part, part.size - k)[part.size - k]) \
                        * (1 - _MARGIN)
                    if theta > rest[i]:
                        break
            if not touched:
                return []
            docs = np.concatenate(touched) if len(touched) > 1 else touched[0]
            touched = [docs]
            if i < len(tiers):
                # Documents outside `docs` score at most rest[i] < theta: out. Probe the
                # remaining tiers for the candidates, dropping those that can no longer reach.
                part = acc[docs]
                keep = part * (1 + _MARGIN) + rest[i] >= theta
                cand = np.sort(docs[keep])
                part = acc[cand]
                while i < len(tiers) and cand.size > k:
                    _, _, lo, hi, m, _ = tiers[i]
                    pd = self.post_docs[lo:hi]
                    pos = np.searchsorted(pd, cand)
                    np.minimum(pos, pd.size - 1, out=pos)
                    hit = pd[pos] == cand
                    part = part + np.where(hit, self.post_weights[lo:hi][pos], 0.0) * m
                    i += 1
                    if cand.size > 2 * k:
                        kth = float(np.partition(part, part.size - k)[part.size - k])
                        theta = max(theta, kth * (1 - _MARGIN))
                    keep = part * (1 + _MARGIN) + rest[i] >= theta
                    cand, part = cand[keep], part[keep]
            else:
                cand = np.sort(docs)
            score, hit = self.exact_scores(qids, cand)
            return _best(cand[hit], score[hit], k)
        finally:
            for d in touched:
                acc[d] = 0.0
                seen[d] = False


def _best(docs: np.ndarray, scores: np.ndarray, k: int) -> list[tuple[int, float]]:
    """Top k by score, ties by lower document index."""
    if docs.size == 0:
        return []
    if docs.size > k:
        kth = np.partition(scores, scores.size - k)[scores.size - k]
        sel = scores >= kth
        docs, scores = docs[sel], scores[sel]
    order = np.lexsort((docs, -scores))[:k]
    return [(int(d), float(s)) for d, s in zip(docs[order], scores[order])]


def _tiers(post_term: np.ndarray, post_doc: np.ndarray, weights: np.ndarray, df: np.ndarray,
           V: int) -> dict[str, np.ndarray]:
    """Cut each long posting list by weight into tiers, each sorted by document."""
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
    docs_out = post_doc.astype(np.int32)
    w_out = weights
    for t in long_terms.tolist():
        lo, hi = int(term_start[t]), int(term_start[t + 1])
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
        docs_out[lo:hi] = post_doc[lo:hi][perm]
        w_out[lo:hi] = w[perm]
        tier_sizes[term_tiers[t]:term_tiers[t + 1]] = sizes
    tier_offsets = np.zeros(T + 1, dtype=np.int64)
    np.cumsum(tier_sizes, out=tier_offsets[1:])
    tier_max = np.full(T, -np.inf)
    nonempty = tier_sizes > 0
    if w_out.size:
        tier_max[nonempty] = np.maximum.reduceat(w_out, tier_offsets[:-1][nonempty])
    return {"term_tiers": term_tiers, "tier_offsets": tier_offsets, "tier_max": tier_max,
            "post_docs": docs_out, "post_weights": w_out}


_ATTR = {"idf": "idf_arr", "df": "df", "doc_len": "doc_len", "term_tiers": "term_tiers",
         "tier_offsets": "tier_offsets", "tier_max": "tier_max", "post_docs": "post_docs",
         "post_weights": "post_weights"}
