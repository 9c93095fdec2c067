"""The index build reads its documents once, a batch at a time, and weighs a range of terms
at a time (issue 16, a bounded build peak): whatever the batches and ranges, and whether the
documents come as a list or a generator, the arrays are those of one pass, byte for byte, and
the scores BM25Okapi's."""
from __future__ import annotations

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from retrieval.bm25_index import BM25Index
from retrieval.inverted_build import build_arrays


def _random(seed: int, n: int, vocab: int, longest: int) -> list[list[str]]:
    rng = np.random.default_rng(seed)
    words = [f"w{i}" for i in range(vocab)]
    return [[words[int(j)] for j in rng.zipf(1.3, int(rng.integers(0, longest))) % vocab]
            for _ in range(n)]


CORPORA = {
    "no documents": [],
    "one empty document": [[]],
    "empty documents between": [[], ["a", "b", "a"], [], ["b"], ["c", "a"], []],
    "a count past 65535": [["x"] * 70_000 + ["y"], ["y", "x"], ["z"]],
    "long lists cut into tiers": _random(1, 3000, 40, 30),
    "a wide vocabulary": _random(2, 2000, 5000, 60),
}
# (tokens read at a time, tokens counted at a time, postings weighed at a time)
CUTS = [(1, 1, 1), (1, 20, 7), (7, 7, 50), (30, 300, 1000), (1 << 30, 1 << 30, 1 << 30)]


def _build(docs, monkeypatch, cut: tuple[int, int, int], stream: bool):
    for name, value in zip(("postings_count._BATCH_TOKENS", "postings_count._CHUNK_TOKENS",
                            "impact_tiers._CHUNK_POSTINGS"), cut, strict=True):
        monkeypatch.setattr(f"retrieval.{name}", value)
    return build_arrays(iter(docs) if stream else docs, 1.5, 0.75, 0.25)


@pytest.mark.parametrize("name", list(CORPORA))
@pytest.mark.parametrize("cut", CUTS[:-1])
@pytest.mark.parametrize("stream", [False, True])
def test_batches_and_ranges_give_the_arrays_of_one_pass(monkeypatch, name: str,
                                                        cut: tuple[int, int, int],
                                                        stream: bool):
    docs = CORPORA[name]
    terms, arrays, stats = _build(docs, monkeypatch, CUTS[-1], False)
    got_terms, got, got_stats = _build(docs, monkeypatch, cut, stream)
    assert got_terms == terms and got_stats == stats
    assert list(got) == list(arrays)
    for key, want in arrays.items():
        assert got[key].dtype == want.dtype and got[key].tobytes() == want.tobytes(), key


def test_terms_are_numbered_in_order_of_first_occurrence(monkeypatch):
    docs = [["b", "a"], [], ["c", "b"], ["d", "a", "e"]]
    terms, arrays, _ = _build(docs, monkeypatch, (1, 2, 1), True)
    assert terms == ["b", "a", "c", "d", "e"]
    assert arrays["df"].tolist() == [2, 2, 1, 1, 1]
    assert arrays["doc_len"].tolist() == [2, 0, 2, 3]


@pytest.mark.parametrize("name", ["empty documents between", "a count past 65535",
                                  "long lists cut into tiers", "a wide vocabulary"])
def test_a_streamed_index_scores_exactly_as_bm25okapi(monkeypatch, name: str):
    docs = CORPORA[name]
    monkeypatch.setattr("retrieval.postings_count._BATCH_TOKENS", 3)
    monkeypatch.setattr("retrieval.postings_count._CHUNK_TOKENS", 5)
    monkeypatch.setattr("retrieval.impact_tiers._CHUNK_POSTINGS", 20)
    index = BM25Index(iter(docs))
    okapi = BM25Okapi(docs)
    seen = sorted({t for d in docs for t in d})
    for query in (seen[:2], seen[-3:], seen[::7][:5]):
        assert index.scores(query).tobytes() == okapi.get_scores(query).tobytes(), query
