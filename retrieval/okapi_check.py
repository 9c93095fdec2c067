"""Checking the index against rank-bm25's BM25Okapi on the user's own corpus.

BM25Okapi defines every score Parley shows; the inverted index only computes the same numbers
faster. `parley index --verify N` fits BM25Okapi on the corpus's passages and asks it and the
index the same N random queries, so anyone can see on their own articles that the two agree.
"""
from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from retrieval.bm25_index import BM25Index

TOP_K = 5


@dataclass(frozen=True)
class OkapiCheck:
    """What the comparison found: the largest score difference over every passage of every
    query, and the queries whose top results (documents, order or scores) differ."""

    queries: int
    passages: int
    largest_difference: float
    top_mismatches: tuple[tuple[str, ...], ...]

    @property
    def identical(self) -> bool:
        return self.largest_difference == 0.0 and not self.top_mismatches


def random_queries(documents: Sequence[Sequence[str]], n: int, seed: int = 0
                   ) -> list[tuple[str, ...]]:
    """`n` queries of one to five terms, each drawn from one random passage, so that every
    query matches something, as a real question does."""
    rng = random.Random(seed)
    filled = [d for d in documents if d]
    queries: list[tuple[str, ...]] = []
    for _ in range(n if filled else 0):
        doc = rng.choice(filled)
        queries.append(tuple(rng.choice(doc) for _ in range(rng.randint(1, 5))))
    return queries


def okapi_top(scores: np.ndarray, documents: Sequence[Sequence[str]], query: Sequence[str],
              k: int) -> list[tuple[int, float]]:
    """BM25Okapi's k best among the passages holding a query term, ties in passage order:
    what `BM25Index.top` promises."""
    terms = set(query)
    holding = [i for i, d in enumerate(documents) if terms.intersection(d)]
    best = sorted(holding, key=lambda i: (-scores[i], i))[:k]
    return [(i, float(scores[i])) for i in best]


def check_against_okapi(documents: Sequence[Sequence[str]], index: BM25Index, n: int,
                        seed: int = 0) -> OkapiCheck:
    """Fit BM25Okapi on `documents` (the index's own passages, as tokenized for it) with the
    index's parameters and compare `n` random queries: dense scores and the top results."""
    from rank_bm25 import BM25Okapi  # only this check needs it at run time

    queries = random_queries(documents, n, seed)
    if not queries:
        return OkapiCheck(0, len(documents), 0.0, ())
    okapi = BM25Okapi([list(d) for d in documents], k1=index.k1, b=index.b,
                      epsilon=index.epsilon)
    largest = 0.0
    mismatches: list[tuple[str, ...]] = []
    for query in queries:
        expected = np.asarray(okapi.get_scores(list(query)), dtype=np.float64)
        got = index.scores(query)
        largest = max(largest, float(np.max(np.abs(expected - got))))
        if index.top(query, TOP_K) != okapi_top(expected, documents, query, TOP_K):
            mismatches.append(query)
    return OkapiCheck(len(queries), len(documents), largest, tuple(mismatches))
