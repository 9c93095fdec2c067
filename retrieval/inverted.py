"""An inverted index whose every score is exactly rank-bm25's `BM25Okapi.get_scores`.

Build (`retrieval.inverted_build`): the statistics BM25Okapi computes, impact tiers, and the
postings stored compactly as passage gaps and term frequencies (`retrieval.postings_encode`).
Each posting's weight is worked out when it is read (`retrieval.postings`) from the very
expression `get_scores` evaluates, with the same float64 operations in the same order. A
document's score is the sum of its postings' weights, added in the query's term order (a
repeated term added again), starting from 0.0: the same IEEE operations `get_scores`
performs (adding the +-0.0 of an absent term changes nothing), so the scores are bit-for-bit
equal; `tests/retrieval/test_bm25_exact.py` checks it.

Search: small queries (at most `COMPILED_POSTINGS` postings, or `FAST_POSTINGS` without the
C build) skip pruning: every posting is added, in query order, into a per-thread scratch
array, and the k best touched documents are kept. `_accumulate.c` decodes and adds in C when
it was built at install (a C compiler was there); otherwise `_top_small` does it with numpy.
Both perform the same operations in the same order, so their scores are identical. Larger
queries whose terms all have a positive IDF run exact MaxScore (`retrieval.maxscore`); the
others read every posting.

numpy, the standard library and the optional C module; arrays are plain ndarrays so they can
be saved with `np.save` and memory-mapped back."""
from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import NamedTuple

import numpy as np

from retrieval import maxscore
from retrieval.inverted_build import ARRAY_NAMES, FORMAT_VERSION, Stats
from retrieval.postings import Postings, length_norms
from retrieval.postings_encode import counts
from retrieval.ranking import best, best_of

try:  # the optional C build of the small-query path (setup.py); numpy does the same otherwise
    from retrieval import _accumulate
except ImportError:  # no C compiler where Parley was installed
    _accumulate = None  # type: ignore[assignment]  # USE_COMPILED is False then

__all__ = ["ARRAY_NAMES", "FORMAT_VERSION", "InvertedIndex", "Scratch", "Stats", "TermMeta"]

# `allowed` sets smaller than this fraction of the corpus are scored directly by probing.
_SMALL_ALLOWED = 1 / 64
# Queries whose posting lists hold at most this many postings in all (repeats counted) are
# scored by one in-order `np.add.at` over their decoded postings: below this size that
# costs less than MaxScore's per-tier bookkeeping.
FAST_POSTINGS = 40000
# With the compiled path (`_accumulate`), queries up to this many postings are scored by it.
# Each posting is decoded and its weight worked out (with the compact postings: 150,000
# before), while MaxScore decodes only the blocks it needs: at 1M passages, timed in one
# process taking turns, 60,000 gave p50 0.35-0.65 ms against 0.41-1.28 ms with 150,000.
COMPILED_POSTINGS = 60_000
# Queries with more postings than this many per passage are dense: nearly every passage
# holds a query term, and BM25Okapi's IDF floor gives near-universal words the weight of
# rare ones, so unless a rare word's weight sets a bound early, MaxScore read and probed for
# longer than one full read (at 1M passages, the benchmark's `passages` mix: p99 35 ms with
# MaxScore first, 18 ms read whole). With the compiled path MaxScore gives up on them sooner
# (`maxscore.DENSE_GIVE_UP`) and hands them to the compiled full read.
DENSE_POSTINGS = 1.0
# The compiled read marks the documents it touches and scans every document at the end when
# a query has at least this many postings per passage (listing each document touched costs
# a branch per posting that a first touch mispredicts, and a list as long as the corpus).
SCAN_POSTINGS = 0.25
# Tests turn this off to check the numpy path where the compiled one is built.
USE_COMPILED = _accumulate is not None

# What a query needs of one term: (first block, end block, idf, postings, its non-empty tiers
# as (max weight, first block, end block, postings), idf > 0). `_accumulate` reads the first
# three.
TermMeta = tuple[int, int, float, int, tuple[tuple[float, int, int, int], ...], bool]


class Scratch(NamedTuple):
    """One thread's work arrays, one slot per document."""

    acc: np.ndarray   # float64 partial scores: all 0.0 between queries
    seen: np.ndarray  # bool: all False between queries
    flag: np.ndarray  # int32: any values (finds each document's first posting in a batch)


class InvertedIndex:
    """Term-id based compact postings (`retrieval.postings`) scored exactly as BM25Okapi."""

    def __init__(self, terms: list[str], arrays: dict[str, np.ndarray], stats: Stats,
                 lengths: np.ndarray | None = None) -> None:
        self.terms = terms
        self.term_ids = {t: i for i, t in enumerate(terms)}
        self.stats = stats
        self.size = stats.size
        self.idf_arr: np.ndarray = arrays["idf"]
        self.df: np.ndarray = arrays["df"]
        self.doc_len: np.ndarray = arrays["doc_len"]
        self.term_tiers: np.ndarray = arrays["term_tiers"]    # int64[V+1]: tier range per term
        self.tier_max: np.ndarray = arrays["tier_max"]        # float64[T]
        self.tier_blocks: np.ndarray = arrays["tier_blocks"]  # int64[T+1]: block range per tier
        self.block_table: np.ndarray = arrays["block_table"]  # int64[B+1, 4]
        self.post_stream: np.ndarray = arrays["post_stream"]  # uint8: the bit-packed postings
        # get_scores's per-passage length normalisation, worked out once (not saved: it is
        # doc_len's). A load passes `lengths`, doc_len as it was read and checked, so the
        # memory-mapped doc_len is never touched.
        self.norms = length_norms(np.asarray(self.doc_len) if lengths is None else lengths,
                                  stats.k1, stats.b, stats.avgdl)
        self.postings = Postings(self.block_table, self.post_stream, self.norms, stats.k1)
        self._local = threading.local()
        # term id -> TermMeta, filled on first use so a query never reads scalars out of the
        # memory-mapped arrays.
        self._meta: dict[int, TermMeta] = {}

    def arrays(self) -> dict[str, np.ndarray]:
        """The saved arrays, by name (ARRAY_NAMES)."""
        return {"idf": self.idf_arr, "df": self.df, "doc_len": self.doc_len,
                "term_tiers": self.term_tiers, "tier_max": self.tier_max,
                "tier_blocks": self.tier_blocks, "block_table": self.block_table,
                "post_stream": self.post_stream}

    @property
    def n_postings(self) -> int:
        return int(counts(self.block_table).sum())

    # ------------------------------------------------------------------------------ queries
    def query_ids(self, query: Iterable[str]) -> list[int]:
        """Known terms of the query as ids, in query order (repeats kept)."""
        get = self.term_ids.get
        return [i for i in map(get, query) if i is not None]

    def scratch(self) -> Scratch:
        """This thread's work arrays (the accumulator and seen-mask kept all-zero between
        queries)."""
        loc = self._local
        s: Scratch | None = getattr(loc, "scratch", None)
        if s is None or s.acc.size != self.size:
            s = loc.scratch = Scratch(np.zeros(self.size, dtype=np.float64),
                                      np.zeros(self.size, dtype=bool),
                                      np.zeros(self.size, dtype=np.int32))
        return s

    def term(self, t: int) -> TermMeta:
        m = self._meta.get(t)
        if m is None:
            a, z = int(self.term_tiers[t]), int(self.term_tiers[t + 1])
            blocks = self.tier_blocks[a:z + 1].tolist()
            per_block = counts(self.block_table[blocks[0]:blocks[-1] + 1]).tolist()
            mx = self.tier_max[a:z].tolist()
            tiers = tuple((mx[j], blocks[j], blocks[j + 1],
                           sum(per_block[blocks[j] - blocks[0]:blocks[j + 1] - blocks[0]]))
                          for j in range(z - a) if blocks[j + 1] > blocks[j])
            idf = float(self.idf_arr[t])
            m = (blocks[0], blocks[-1], idf, sum(x[3] for x in tiers), tiers, idf > 0)
            self._meta[t] = m  # one dict store: safe with concurrent readers
        return m

    def dense_scores(self, qids: list[int]) -> np.ndarray:
        """BM25Okapi.get_scores over all documents, for known term ids in query order."""
        out = np.zeros(self.size, dtype=np.float64)
        for t in qids:
            m = self.term(t)
            for _, b0, b1, n in m[4]:
                d, w = self.postings.read(b0, b1, m[2], n, USE_COMPILED)
                out[d] += w
        return out

    def lookup(self, t: int, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Weights of term t for sorted `docs` (0.0 where absent) and a found-mask."""
        w = np.zeros(docs.size, dtype=np.float64)
        found = np.zeros(docs.size, dtype=bool)
        m = self.term(t)
        for _, b0, b1, _ in m[4]:
            hit, tw = self.postings.probe(b0, b1, m[2], docs, USE_COMPILED)
            if hit.any():
                w[hit] = tw[hit]
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
                return best(allowed[hit], score[hit], k)
        term = self.term
        spans: list[TermMeta] = []
        total = 0
        if allowed is None:
            meta = self._meta
            spans = [meta.get(t) or term(t) for t in qids]
            for m in spans:
                total += m[3]
            if USE_COMPILED and total <= COMPILED_POSTINGS:
                return self._top_compiled(spans, k)
            if total <= FAST_POSTINGS:
                return self._top_small(spans, k)
        uniq = list(dict.fromkeys(qids))
        mask = self._allowed_mask(allowed)
        if all(term(t)[5] for t in uniq):
            dense = USE_COMPILED and allowed is None and total > DENSE_POSTINGS * self.size
            pruned = maxscore.top_pruned(self.postings, term, qids, uniq, k, self.scratch(),
                                         mask, USE_COMPILED, dense)
            if pruned is not None:
                return pruned
        if USE_COMPILED and allowed is None:
            return self._top_compiled(spans, k)
        return self._top_exhaustive(qids, k, mask)

    def _top_compiled(self, spans: list[TermMeta], k: int) -> list[tuple[int, float]]:
        """Every posting of the query's terms (`spans`, in query order) added in C."""
        s = self.scratch()
        total = 0
        for m in spans:
            total += m[3]
        return _accumulate.top_blocks(*self.postings.c_arrays, spans, s.acc, s.seen, k,
                                      self.postings.k1p1, total >= SCAN_POSTINGS * self.size)

    def _top_small(self, spans: list[TermMeta], k: int) -> list[tuple[int, float]]:
        """Every posting of the query, in query order, added by one unbuffered `np.add.at`
        (element by element, in order: the summation order of get_scores).

        Kept to as few numpy calls as possible: at this size each call's fixed cost, not the
        postings, is most of a query."""
        docs, weights = self.postings.gather([(m[0], m[1], m[2], m[3]) for m in spans])
        if len(spans) == 1:
            # one term: each document's score is 0.0 + its weight
            return best_of(docs, weights + 0.0, k, 1)
        acc = self.scratch().acc
        try:
            np.add.at(acc, docs, weights)
            scores = acc[docs]  # a document once per query term it holds, its full score
            acc[docs] = 0.0
        except BaseException:
            acc[:] = 0.0
            raise
        return best_of(docs, scores, k, len(spans))

    def _top_exhaustive(self, qids: list[int], k: int, mask: np.ndarray | None
                        ) -> list[tuple[int, float]]:
        acc, seen, _ = self.scratch()
        touched = []
        try:
            for t in qids:  # query order: the exact summation order of get_scores
                m = self.term(t)
                for _, b0, b1, n in m[4]:
                    d, w = self.postings.read(b0, b1, m[2], n, USE_COMPILED)
                    if mask is not None:
                        keep = mask[d]
                        d, w = d[keep], w[keep]
                    acc[d] += w
                    new = d[~seen[d]]
                    seen[new] = True
                    touched.append(new)
            docs = np.concatenate(touched) if touched else np.zeros(0, dtype=np.int32)
            return best(docs, acc[docs], k)
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
