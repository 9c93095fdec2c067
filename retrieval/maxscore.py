"""Exact MaxScore over impact tiers: the k best documents of a query without reading every
posting, with the very scores of a full read.

Each long posting list is cut by weight into a few tiers (each sorted by document, with its
own maximum weight; `retrieval.inverted_build`). Tiers are taken in decreasing order of
maximum weight and accumulated until the k-th best partial score beats the summed maxima of
all tiers not yet read: then no document outside what was read can reach the top k, and the
remaining tiers are only probed (binary search) for the surviving candidates, which are
pruned again after each probe. The survivors are scored exactly, in query order. Pruning
compares with a relative margin far above float rounding, so it never changes a result. It
is used only when every query term has a positive IDF (weights >= 0).
"""
from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from retrieval.ranking import best

if TYPE_CHECKING:
    from retrieval.inverted import Scratch, TermMeta
    from retrieval.postings import Postings

# Pruning margin: bounds are inflated / thresholds deflated by this relative amount, far above
# the ~1e-15 rounding of a handful of float64 additions.
MARGIN = 1e-9
# Tiers are read in batches of about this many postings (doubling each time).
READ_BUDGET = 8192
# Pruning gives up when the candidates left after reading, times the tiers still to probe
# for them, exceed this share of the query's postings: with several near-universal words
# (whose floored IDF weighs as much as a rare word's) nearly every passage stays a
# candidate, and probing a million of them in every unread tier cost up to 10x reading
# every posting once (benchmarks/bench_search.py, the `passages` query mix).
GIVE_UP = 0.5
# And it gives up reading tiers once it has read this share of the query's postings without
# being able to stop: going on would cost about as much as reading every posting.
GIVE_UP_READ = 0.2
# The same two shares for a dense query (more postings than passages, `inverted.
# DENSE_POSTINGS`), whose full read in C costs about a fifth of what reading the same
# postings here does: MaxScore answers most such queries with a rare word in a fraction of
# a full read (the `passages` mix at 1M passages: median 2.3 against 4.7 ms CPU), and
# gives up cheaply on the rest (p99 9.4 against 8.8 ms).
DENSE_GIVE_UP = 0.2
DENSE_GIVE_UP_READ = 0.05
# What `_Query.read` returns when it gave up.
GAVE_UP = (np.zeros(0, dtype=np.intp), -1, math.nan)

# A query's pseudo-term, one per tier: (upper bound, length, first block, end block,
# multiplicity, term slot, idf).
Tier = tuple[float, int, int, int, float, int, float]


def top_pruned(post: Postings, term: Callable[[int], TermMeta], qids: list[int],
               uniq: list[int], k: int, scratch: Scratch, mask: np.ndarray | None,
               compiled: bool, dense: bool = False) -> list[tuple[int, float]] | None:
    """The k best (doc, score) of query `qids` (distinct terms `uniq`, each with idf > 0)
    over postings `post` (decoded by the C module when `compiled`); `mask`: the documents
    allowed (None: all). None when pruning does not pay (see `GIVE_UP`; `dense`: the
    tighter `DENSE_GIVE_UP`): the caller then reads every posting. `scratch` is left as it
    was found (all zero), also when this raises."""
    slot = {t: i for i, t in enumerate(uniq)}
    tiers: list[Tier] = []
    for t in uniq:
        m = qids.count(t)
        meta = term(t)
        for mx, b0, b1, n in meta[4]:
            tiers.append((m * mx, n, b0, b1, float(m), slot[t], meta[2]))
    tiers.sort(key=lambda x: (-x[0], x[1]))
    query = _Query(post, tiers, scratch, mask, compiled)
    if dense:
        query.give_up, query.give_up_read = DENSE_GIVE_UP, DENSE_GIVE_UP_READ
    try:
        read = query.read(k)
        if read is None:
            return []
        if read is GAVE_UP:
            return None
        cand = query.candidates(*read, k)
        if cand is None:
            return None
        if cand.size == 0:
            return []
        weights = query.weights(cand, len(uniq))
    except BaseException:
        scratch.acc[:] = 0.0
        scratch.seen[:] = False
        raise
    # Exact scores: each term's weight added in query order from 0.0, as get_scores does.
    score = np.zeros(cand.size, dtype=np.float64)
    for t in qids:
        np.add(score, weights[slot[t]], out=score)
    return best(cand, score, k)


def _bounds(tiers: list[Tier]) -> list[float]:
    """rest[i]: a bound on what tiers i.. can still add to one document. A document sits in
    at most one tier of a term, so each term adds at most its best unread tier's bound."""
    rest = [0.0] * (len(tiers) + 1)
    cur: dict[int, float] = {}
    for i in range(len(tiers) - 1, -1, -1):
        ub, t = tiers[i][0], tiers[i][5]
        cur[t] = max(cur.get(t, 0.0), ub)
        rest[i] = sum(cur.values()) * (1 + MARGIN)
    return rest


def _kth(part: np.ndarray, k: int) -> float:
    """The k-th largest of `part` (k <= part.size)."""
    return float(np.partition(part, part.size - k)[part.size - k])


class _Query:
    """One pruned search: what was read so far, and the tiers still to probe."""

    def __init__(self, post: Postings, tiers: list[Tier], scratch: Scratch,
                 mask: np.ndarray | None, compiled: bool) -> None:
        self.post, self.tiers, self.mask, self.compiled = post, tiers, mask, compiled
        self.acc, self.seen, self.flag = scratch
        self.rest = _bounds(tiers)
        self.postings = sum(t[1] for t in tiers)  # the query's postings, for giving up
        self.give_up, self.give_up_read = GIVE_UP, GIVE_UP_READ
        # What was read in batches of several tiers: documents, raw weights, term slots;
        # and the tiers to probe for the exact scores (read alone, or never read).
        self.probe: list[Tier] = []
        self.read_d: list[np.ndarray] = []
        self.read_w: list[np.ndarray] = []
        self.read_t: list[np.ndarray] = []

    def read(self, k: int) -> tuple[np.ndarray, int, float] | None:
        """Read tiers, best first, until no unread document can reach the top k: (the
        documents read, the first tier not read, the k-th best partial score)."""
        tiers, rest, n_tiers = self.tiers, self.rest, len(self.tiers)
        parts: list[np.ndarray] = []        # distinct documents read so far
        n_docs = 0
        theta = -math.inf
        budget = READ_BUDGET
        i = 0
        # Past this many postings read, reading every posting once is cheaper than going on.
        limit = self.give_up_read * self.postings
        n_read = 0
        while i < n_tiers:
            # Read the next tiers (at least one, up to `budget` postings) in one go: the
            # partial scores need no particular order, they only bound and select.
            j, size = i + 1, tiers[i][1]
            while j < n_tiers and size + tiers[j][1] <= budget:
                size += tiers[j][1]
                j += 1
            if n_read + size > limit:
                # before reading it: a near-universal word's last tier alone can be most of
                # the query's postings
                self._forget(parts)
                return GAVE_UP
            new = self._read_batch(tiers[i:j])
            parts.append(new)
            n_docs += new.size
            n_read += size
            i = j
            budget *= 2
            if n_docs >= k and i < n_tiers:
                docs = np.concatenate(parts) if len(parts) > 1 else parts[0]
                parts = [docs]
                # k-th best partial score: a lower bound of the final k-th best score.
                theta = _kth(self.acc[docs], k) * (1 - MARGIN)
                if theta > rest[i]:
                    break
        if not parts:
            return None
        return (np.concatenate(parts) if len(parts) > 1 else parts[0]), i, theta

    def _forget(self, parts: list[np.ndarray]) -> None:
        """Put the scratch arrays back to zero for the documents read so far."""
        for docs in parts:
            self.acc[docs] = 0.0
            self.seen[docs] = False

    def _read_batch(self, batch: list[Tier]) -> np.ndarray:
        """Add the batch's weights into the accumulator; returns the documents first met."""
        acc, seen, mask = self.acc, self.seen, self.mask
        ds, ws, wm, sl, sz = [], [], [], [], []
        for _, n, b0, b1, m, s, idf in batch:
            d, w = self.post.read(b0, b1, idf, n, self.compiled)
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
            d = ds[0]
            acc[d] += wm[0]
            new = d[~seen[d]]
            self.probe.append(batch[0])  # sorted by document: probed again at the end
        else:
            d = np.concatenate(ds).astype(np.intp, copy=False)
            w = np.concatenate(ws)
            np.add.at(acc, d, w if all(x is y for x, y in zip(ws, wm, strict=True))
                      else np.concatenate(wm))
            pos = np.arange(d.size, dtype=np.int32)
            self.flag[d] = pos
            new = d[self.flag[d] == pos]  # each document once
            new = new[~seen[new]]
            self.read_d.append(d)
            self.read_w.append(w)
            self.read_t.append(np.repeat(np.array(sl, dtype=np.intp), sz))
        seen[new] = True
        return new

    def candidates(self, docs: np.ndarray, i: int, theta: float, k: int
                   ) -> np.ndarray | None:
        """The sorted documents that may still reach the top k: unread documents score at
        most rest[i] < theta, so they are out; the remaining tiers are probed for the rest,
        dropping those that can no longer make it. None when probing them would cost more
        than reading everything (`GIVE_UP`). Leaves the scratch arrays zero."""
        acc, tiers, rest, n_tiers = self.acc, self.tiers, self.rest, len(self.tiers)
        self.seen[docs] = False
        self.probe.extend(tiers[i:])
        part = acc[docs]
        if i == n_tiers and docs.size > k:
            # Everything read: partial scores are the scores up to rounding.
            theta = _kth(part, k) * (1 - MARGIN)
        keep = part * (1 + MARGIN) + rest[i] >= theta
        n_cand = int(np.count_nonzero(keep))
        unread = sum(1 for t in tiers[i:] if t[1])
        if n_cand > 2 * k and n_cand * unread > self.give_up * self.postings:
            acc[docs] = 0.0
            return None
        cand = np.sort(docs[keep])
        part = acc[cand]
        acc[docs] = 0.0
        while i < n_tiers and cand.size > k:
            _, _, b0, b1, m, _, idf = tiers[i]
            _, w = self.post.probe(b0, b1, idf, cand, self.compiled)
            part = part + w * m
            i += 1
            if cand.size > 2 * k:
                theta = max(theta, _kth(part, k) * (1 - MARGIN))
            keep = part * (1 + MARGIN) + rest[i] >= theta
            cand, part = cand[keep], part[keep]
        return cand

    def weights(self, cand: np.ndarray, n_terms: int) -> np.ndarray:
        """Each term's weight for each candidate (0.0 where absent), from what was read and
        by probing the tiers not read."""
        seen = self.seen
        weights = np.zeros((n_terms, cand.size), dtype=np.float64)
        if self.read_d:
            d = _joined(self.read_d)
            seen[cand] = True
            sel = seen[d]
            seen[cand] = False
            d = d[sel]
            ts = _joined(self.read_t)[sel]
            ws = _joined(self.read_w)[sel]
            weights[ts, np.searchsorted(cand, d)] = ws
        for _, _, b0, b1, _, s, idf in self.probe:
            hit, w = self.post.probe(b0, b1, idf, cand, self.compiled)
            weights[s, hit] = w[hit]
        return weights


def _joined(arrays: list[np.ndarray]) -> np.ndarray:
    return arrays[0] if len(arrays) == 1 else np.concatenate(arrays)
