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

Small queries (at most `COMPILED_POSTINGS` postings, or `FAST_POSTINGS` without the C
build) skip pruning: every posting is added, in query order, into a per-thread scratch array,
and the k best touched documents are kept. `_accumulate.c` does that in C when it was built
at install (a C compiler was there); otherwise `_top_small` does it with numpy. Both perform
the same additions in the same order, so their scores are identical.

numpy, the standard library and the optional C module; arrays are plain ndarrays so they can
be saved with `np.save` and memory-mapped back.
"""
from __future__ import annotations

import math
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

try:  # the optional C build of the small-query path (setup.py); numpy does the same otherwise
    from retrieval import _accumulate
except ImportError:  # no C compiler where Parley was installed
    _accumulate = None

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
# Queries whose posting lists hold at most this many postings in all (repeats counted) are
# scored by one in-order `np.add.at` over their concatenated postings: below this size that
# costs less than MaxScore's per-tier bookkeeping.
FAST_POSTINGS = 40000
# With the compiled path (`_accumulate`), queries up to this many postings are scored by it:
# a few nanoseconds a posting (about 5 up to 100k passages, 7 at 1M, where the accumulator
# no longer fits in cache), so MaxScore's bookkeeping pays only beyond this.
COMPILED_POSTINGS = 150_000
# Tests turn this off to check the numpy path where the compiled one is built.
USE_COMPILED = _accumulate is not None
# MaxScore reads tiers in batches of about this many postings (doubling each time).
READ_BUDGET = 8192

# What a query needs of one term: (first posting, end, its non-empty tiers as (max weight,
# start, end), idf > 0).
TermMeta = tuple[int, int, tuple[tuple[float, int, int], ...], bool]

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
        # Plain ndarray views of the (possibly memory-mapped) postings: slicing an np.memmap
        # runs Python code (__getitem__, __array_finalize__) on every slice.
        self._pd = np.asarray(self.post_docs).view(np.ndarray)
        self._pw = np.asarray(self.post_weights).view(np.ndarray)
        self._local = threading.local()
        # term id -> TermMeta, filled on first use so a query never reads scalars out of the
        # memory-mapped arrays.
        self._meta: dict[int, TermMeta] = {}

    # ----------------------------------------------------------------------------- building
    @classmethod
    def build(cls, documents: Sequence[Sequence[str]], k1: float = 1.5, b: float = 0.75,
              epsilon: float = 0.25) -> InvertedIndex:
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
            loc.flag = np.zeros(self.size, dtype=np.intp)
        return acc, loc.seen

    def _term(self, t: int) -> TermMeta:
        m = self._meta.get(t)
        if m is None:
            a, z = int(self.term_tiers[t]), int(self.term_tiers[t + 1])
            offs = self.tier_offsets[a:z + 1].tolist()
            mx = self.tier_max[a:z].tolist()
            tiers = tuple((mx[j], offs[j], offs[j + 1]) for j in range(z - a)
                          if offs[j + 1] > offs[j])
            m = (offs[0], offs[-1], tiers, bool(self.idf_arr[t] > 0))
            self._meta[t] = m  # one dict store: safe with concurrent readers
        return m

    def _tier_slices(self, t: int) -> list[tuple[int, int]]:
        return [(lo, hi) for _, lo, hi in self._term(t)[2]]

    def dense_scores(self, qids: list[int]) -> np.ndarray:
        """BM25Okapi.get_scores over all documents, for known term ids in query order."""
        out = np.zeros(self.size, dtype=np.float64)
        for t in qids:
            for lo, hi in self._tier_slices(t):
                d = self._pd[lo:hi]
                out[d] += self._pw[lo:hi]
        return out

    def lookup(self, t: int, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Weights of term t for sorted `docs` (0.0 where absent) and a found-mask."""
        w = np.zeros(docs.size, dtype=np.float64)
        found = np.zeros(docs.size, dtype=bool)
        for lo, hi in self._tier_slices(t):
            pd = self._pd[lo:hi]
            if pd.size == 0:
                continue
            pos = np.searchsorted(pd, docs)
            np.minimum(pos, pd.size - 1, out=pos)
            hit = pd[pos] == docs
            if hit.any():
                w[hit] = self._pw[lo:hi][pos[hit]]
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
        term = self._term
        if allowed is None:
            meta = self._meta
            spans = [meta.get(t) or term(t) for t in qids]
            total = 0
            for m in spans:
                total += m[1] - m[0]
            if USE_COMPILED and total <= COMPILED_POSTINGS:
                acc, seen = self._scratch()
                return _accumulate.top_postings(self._pd, self._pw, spans, acc, seen, k)
            if total <= FAST_POSTINGS:
                return self._top_small(spans, k)
        uniq = list(dict.fromkeys(qids))
        if all(term(t)[3] for t in uniq):
            return self._top_pruned(qids, uniq, k, allowed)
        return self._top_exhaustive(qids, k, allowed)

    def _top_small(self, spans: list[TermMeta], k: int) -> list[tuple[int, float]]:
        """Every posting of the query, in query order, added by one unbuffered `np.add.at`
        (element by element, in order: the summation order of get_scores).

        Kept to as few numpy calls as possible: at this size each call's fixed cost, not the
        postings, is most of a query. Indices are made `intp` once, because fancy indexing
        with int32 converts them again on every use."""
        pd, pw = self._pd, self._pw
        if len(spans) == 1:
            lo, hi = spans[0][0], spans[0][1]
            # one term: each document's score is 0.0 + its weight
            return _best_of(pd[lo:hi], pw[lo:hi] + 0.0, k, 1)
        docs = np.concatenate([pd[m[0]:m[1]] for m in spans]).astype(np.intp, copy=False)
        weights = np.concatenate([pw[m[0]:m[1]] for m in spans])
        acc, _ = self._scratch()
        try:
            np.add.at(acc, docs, weights)
            scores = acc[docs]  # a document once per query term it holds, its full score
            acc[docs] = 0.0
        except BaseException:
            acc[:] = 0.0
            raise
        return _best_of(docs, scores, k, len(spans))

    def _top_exhaustive(self, qids: list[int], k: int, allowed: np.ndarray | None
                        ) -> list[tuple[int, float]]:
        acc, seen = self._scratch()
        mask = self._allowed_mask(allowed)
        touched = []
        try:
            for t in qids:  # query order: the exact summation order of get_scores
                for lo, hi in self._tier_slices(t):
                    d = self._pd[lo:hi]
                    w = self._pw[lo:hi]
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
        slot = {t: i for i, t in enumerate(uniq)}
        # Pseudo-terms, one per tier: (upper bound, length, lo, hi, multiplicity, term slot).
        tiers = []
        for t in uniq:
            m = qids.count(t)
            for mx, lo, hi in self._term(t)[2]:
                tiers.append((m * mx, hi - lo, lo, hi, float(m), slot[t]))
        tiers.sort(key=lambda x: (-x[0], x[1]))
        n_tiers = len(tiers)
        # rest[i]: a bound on what tiers i.. can still add to one document. A document sits in
        # at most one tier of a term, so each term adds at most its best unread tier's bound.
        rest = [0.0] * (n_tiers + 1)
        cur: dict[int, float] = {}
        for i in range(n_tiers - 1, -1, -1):
            ub, t = tiers[i][0], tiers[i][5]
            cur[t] = max(cur.get(t, 0.0), ub)
            rest[i] = sum(cur.values()) * (1 + _MARGIN)
        acc, seen = self._scratch()
        flag = self._local.flag
        mask = self._allowed_mask(allowed)
        pd, pw = self._pd, self._pw
        parts: list[np.ndarray] = []        # distinct documents read so far
        n_docs = 0
        # What was read in batches of several tiers: documents, raw weights, term slots; and
        # the tiers to probe for the exact scores (read alone, or never read).
        probe: list[tuple[float, int, int, int, float, int]] = []
        read_d: list[np.ndarray] = []
        read_w: list[np.ndarray] = []
        read_t: list[np.ndarray] = []
        theta = -math.inf
        budget = READ_BUDGET
        try:
            i = 0
            while i < n_tiers:
                # Read the next tiers (at least one, up to `budget` postings) in one go: the
                # partial scores need no particular order, they only bound and select.
                j, size = i + 1, tiers[i][1]
                while j < n_tiers and size + tiers[j][1] <= budget:
                    size += tiers[j][1]
                    j += 1
                ds, ws, wm, sl, sz = [], [], [], [], []
                for _, _, lo, hi, m, s in tiers[i:j]:
                    d, w = pd[lo:hi], pw[lo:hi]
                    if mask is not None:
                        keep = mask[d]
                        d, w = d[keep], w[keep]
                    ds.append(d)
                    ws.append(w)
                    wm.append(w if m == 1.0 else w * m)
                    sl.append(s)
                    sz.append(d.size)
                if len(ds) == 1:
                    # one tier holds a document at most once: a plain indexed add will do
                    d = ds[0].astype(np.intp)
                    acc[d] += wm[0]
                    new = d[~seen[d]]
                    probe.append(tiers[i])  # sorted by document: probed again at the end
                else:
                    d = np.concatenate(ds).astype(np.intp, copy=False)
                    w = np.concatenate(ws)
                    np.add.at(acc, d, w if all(x is y for x, y in zip(ws, wm))
                              else np.concatenate(wm))
                    pos = np.arange(d.size, dtype=np.intp)
                    flag[d] = pos
                    new = d[flag[d] == pos]  # each document once
                    new = new[~seen[new]]
                    read_d.append(d)
                    read_w.append(w)
                    read_t.append(np.repeat(np.array(sl, dtype=np.intp), sz))
                seen[new] = True
                parts.append(new)
                n_docs += new.size
                i = j
                budget *= 2
                if n_docs >= k and i < n_tiers:
                    docs = np.concatenate(parts) if len(parts) > 1 else parts[0]
                    parts = [docs]
                    # k-th best partial score: a lower bound of the final k-th best score.
                    part = acc[docs]
                    theta = float(np.partition(part, part.size - k)[part.size - k]) \
                        * (1 - _MARGIN)
                    if theta > rest[i]:
                        break
            if not parts:
                return []
            docs = np.concatenate(parts) if len(parts) > 1 else parts[0]
            seen[docs] = False
            probe.extend(tiers[i:])
            part = acc[docs]
            if i == n_tiers and docs.size > k:
                # Everything read: partial scores are the scores up to rounding.
                theta = float(np.partition(part, part.size - k)[part.size - k]) * (1 - _MARGIN)
            # Documents not read score at most rest[i] < theta: out. Probe the remaining tiers
            # for the candidates, dropping those that can no longer reach the top k.
            keep = part * (1 + _MARGIN) + rest[i] >= theta
            cand = np.sort(docs[keep])
            part = acc[cand]
            acc[docs] = 0.0
            while i < n_tiers and cand.size > k:
                _, _, lo, hi, m, _ = tiers[i]
                tp = pd[lo:hi]
                p = np.searchsorted(tp, cand)
                np.minimum(p, tp.size - 1, out=p)
                hit = tp[p] == cand
                part = part + np.where(hit, pw[lo:hi][p], 0.0) * m
                i += 1
                if cand.size > 2 * k:
                    kth = float(np.partition(part, part.size - k)[part.size - k])
                    theta = max(theta, kth * (1 - _MARGIN))
                keep = part * (1 + _MARGIN) + rest[i] >= theta
                cand, part = cand[keep], part[keep]
            if cand.size == 0:
                return []
            # Exact scores of the survivors: each term's weight per candidate (0.0 where
            # absent), from what was read and by probing the tiers not read; then added in
            # query order from 0.0, as get_scores does.
            weights = np.zeros((len(uniq), cand.size), dtype=np.float64)
            if read_d:
                d = read_d[0] if len(read_d) == 1 else np.concatenate(read_d)
                seen[cand] = True
                sel = seen[d]
                seen[cand] = False
                d = d[sel]
                ts = (read_t[0] if len(read_t) == 1 else np.concatenate(read_t))[sel]
                ws = (read_w[0] if len(read_w) == 1 else np.concatenate(read_w))[sel]
                weights[ts, np.searchsorted(cand, d)] = ws
            for _, _, lo, hi, _, s in probe:
                tp = pd[lo:hi]
                p = np.searchsorted(tp, cand)
                np.minimum(p, tp.size - 1, out=p)
                hit = tp[p] == cand
                weights[s, hit] = pw[lo:hi][p[hit]]
        except BaseException:
            acc[:] = 0.0
            seen[:] = False
            raise
        score = np.zeros(cand.size, dtype=np.float64)
        for t in qids:
            np.add(score, weights[slot[t]], out=score)
        return _best(cand, score, k)


def _best(docs: np.ndarray, scores: np.ndarray, k: int) -> list[tuple[int, float]]:
    """Top k by score, ties by lower document index (documents distinct)."""
    return _best_of(docs, scores, k, 1)


def _best_of(docs: np.ndarray, scores: np.ndarray, k: int, repeats: int
             ) -> list[tuple[int, float]]:
    """Top k by score, ties by lower document index, where a document may appear up to
    `repeats` times (always with the same score)."""
    n = docs.size
    m = k * repeats
    if n > m:
        # The m-th best entry is at most the k-th best document's score (the k-1 better
        # documents fill at most (k-1) * repeats places): keeping every entry at least as
        # good keeps the top k and their ties.
        kth = np.partition(scores, n - m)[n - m]
        sel = scores >= kth
        docs, scores = docs[sel], scores[sel]
        n = docs.size
    if n == 0:
        return []
    if n <= 4096:
        # (-score, doc) tuples sort best first, ties by lower document; a document's repeats
        # are equal tuples, so they sit side by side.
        out: list[tuple[int, float]] = []
        prev = -1
        for neg, doc in sorted(zip((-scores).tolist(), docs.tolist())):
            if doc != prev:
                out.append((doc, -neg))
                if len(out) == k:
                    break
                prev = doc
        return out
    if repeats > 1:
        docs, first = np.unique(docs, return_index=True)
        scores = scores[first]
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
