"""`check_against_okapi`: the index agrees with rank-bm25's BM25Okapi on a corpus, and a
disagreement is reported, not hidden."""
from __future__ import annotations

import numpy as np

from retrieval.bm25_index import BM25Index
from retrieval.okapi_check import check_against_okapi, okapi_top, random_queries

DOCS = [["peac", "talk", "istanbul"], ["ceasefir", "talk"], [], ["grain", "deal", "talk"],
        ["peac", "deal"], ["kremlin", "said", "talk", "talk"]]


def test_index_matches_okapi_on_every_random_query():
    check = check_against_okapi(DOCS, BM25Index(DOCS), 40)
    assert check.queries == 40 and check.passages == len(DOCS)
    assert check.identical and check.largest_difference == 0.0


def test_an_index_with_other_parameters_is_reported_as_different():
    other = BM25Index(DOCS, k1=0.9, b=0.3)
    other_docs = [d + ["extra"] if i == 1 else d for i, d in enumerate(DOCS)]
    check = check_against_okapi(other_docs, BM25Index(DOCS), 40)
    assert not check.identical and check.largest_difference > 0
    assert check_against_okapi(DOCS, other, 10).identical  # its own parameters are used


def test_random_queries_are_drawn_from_passages_and_repeatable():
    first = random_queries(DOCS, 25, seed=3)
    assert first == random_queries(DOCS, 25, seed=3)
    words = {w for d in DOCS for w in d}
    assert all(1 <= len(q) <= 5 and set(q) <= words for q in first)


def test_no_searchable_passage_gives_no_query():
    assert random_queries([[], []], 5) == []
    assert check_against_okapi([[], []], BM25Index([["x"]]), 5).queries == 0


def test_okapi_top_breaks_ties_by_passage_order_and_skips_passages_without_the_term():
    scores = np.asarray([1.0, 2.0, 9.0, 2.0, 5.0, 0.0])  # 2 and 4 hold no "talk"
    assert okapi_top(scores, DOCS, ["talk"], 3) == [(1, 2.0), (3, 2.0), (0, 1.0)]
