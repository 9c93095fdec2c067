"""BM25Index equals rank-bm25's BM25Okapi: statistics, dense scores, top-k (with pruning),
repeated and unknown query terms, `allowed` filtering. Seeded random corpora."""
from __future__ import annotations

import math

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

import retrieval.inverted as inverted_module
import retrieval.maxscore as maxscore_module
from retrieval.bm25_index import BM25Index
from retrieval.inverted_build import TIER_MIN_POSTINGS

# How `top` may run: its defaults (small queries by the compiled path when it is built, else
# by one in-order numpy add.at; larger ones by MaxScore in batches), the numpy small path,
# MaxScore only (tiny read batches: many bound checks) decoding with numpy or, when it is
# built, with the C module, or no pruning at all.
# MaxScore never hands over to a full read (nor gives up sooner on a dense query).
NEVER = {"GIVE_UP": 1e18, "GIVE_UP_READ": 1e18, "DENSE_POSTINGS": 1e18}
SEARCH_PATHS = {
    "default": {},
    "numpy": {"USE_COMPILED": False},
    "maxscore": {"USE_COMPILED": False, "FAST_POSTINGS": 0, "READ_BUDGET": 64, **NEVER},
    "exhaustive": {"USE_COMPILED": False, "FAST_POSTINGS": 10**12, "READ_BUDGET": 8192},
    # MaxScore giving up after its first batch, or once it has its candidates: every posting
    # is then read (numpy here, the C module below).
    "gives-up-reading": {"USE_COMPILED": False, "FAST_POSTINGS": 0, "READ_BUDGET": 64,
                         "GIVE_UP_READ": 0.0},
    "gives-up-probing": {"USE_COMPILED": False, "FAST_POSTINGS": 0, "READ_BUDGET": 64,
                         "GIVE_UP": 0.0, "GIVE_UP_READ": 1e18},
}
if inverted_module._accumulate is not None:
    SEARCH_PATHS["maxscore-compiled"] = {"USE_COMPILED": True, "COMPILED_POSTINGS": 0,
                                         "FAST_POSTINGS": 0, "READ_BUDGET": 64, **NEVER}
    SEARCH_PATHS["gives-up-compiled"] = {"USE_COMPILED": True, "COMPILED_POSTINGS": 0,
                                         "FAST_POSTINGS": 0, "READ_BUDGET": 64,
                                         "GIVE_UP": 0.0, "GIVE_UP_READ": 0.0}
    # Every query counted dense: MaxScore with the dense give-up shares (tiny read batches),
    # or given up at once and one compiled read of all its postings, each document it
    # touches listed, or every document scanned at the end.
    SEARCH_PATHS["dense-maxscore"] = {"USE_COMPILED": True, "COMPILED_POSTINGS": 0,
                                      "FAST_POSTINGS": 0, "READ_BUDGET": 64,
                                      "DENSE_POSTINGS": 0.0}
    SEARCH_PATHS["dense-compiled"] = {"USE_COMPILED": True, "COMPILED_POSTINGS": 0,
                                      "FAST_POSTINGS": 0, "DENSE_POSTINGS": 0.0,
                                      "DENSE_GIVE_UP_READ": 0.0, "SCAN_POSTINGS": 1e18}
    SEARCH_PATHS["dense-scanned"] = {"USE_COMPILED": True, "COMPILED_POSTINGS": 0,
                                     "FAST_POSTINGS": 0, "DENSE_POSTINGS": 0.0,
                                     "DENSE_GIVE_UP_READ": 0.0, "SCAN_POSTINGS": 0.0}
    SEARCH_PATHS["compiled-scanned"] = {"USE_COMPILED": True, "SCAN_POSTINGS": 0.0}


def set_search(monkeypatch, name: str, value) -> None:
    """Set one knob of `top` where it lives (MaxScore's read budget and give-up shares
    are its own)."""
    module = maxscore_module if name in ("READ_BUDGET", "GIVE_UP", "GIVE_UP_READ",
                                         "DENSE_GIVE_UP", "DENSE_GIVE_UP_READ") \
        else inverted_module
    monkeypatch.setattr(module, name, value)


@pytest.fixture(params=list(SEARCH_PATHS))
def search_path(request, monkeypatch):
    for name, value in SEARCH_PATHS[request.param].items():
        set_search(monkeypatch, name, value)
    return request.param


def zipf_corpus(seed: int, n_docs: int, vocab: int = 1500, mean_len: int = 18):
    rng = np.random.default_rng(seed)
    ranks = np.arange(1, vocab + 1)
    p = 1.0 / ranks ** 1.05
    p /= p.sum()
    words = [f"w{i}" for i in range(vocab)]
    docs = []
    for _ in range(n_docs):
        n = int(rng.poisson(mean_len))
        if rng.random() < 0.02:
            n = 0  # some empty passages (all stop words)
        docs.append([words[i] for i in rng.choice(vocab, size=n, p=p)])
    return docs, words, rng


def reference_top(bm: BM25Okapi, docs, query, k, allowed=None):
    scores = bm.get_scores(query)
    qs = set(query)
    cand = np.arange(len(docs)) if allowed is None else np.array(sorted(set(allowed)), dtype=int)
    cand = np.array([i for i in cand if not qs.isdisjoint(docs[i])], dtype=int)
    if cand.size == 0:
        return []
    order = cand[np.argsort(-scores[cand], kind="stable")][:k]
    return [(int(i), float(scores[i])) for i in order]


def make_queries(rng, words, n, docs):
    out = []
    for _ in range(n):
        m = int(rng.integers(1, 6))
        # a realistic mix: mostly mid/rare terms, some very common ones
        q = []
        for _ in range(m):
            r = rng.random()
            if r < 0.3:
                q.append(words[int(rng.integers(0, 20))])
            elif r < 0.9:
                q.append(words[int(rng.integers(20, len(words)))])
            else:
                q.append(f"unknown{int(rng.integers(0, 5))}")
        if rng.random() < 0.25:
            q.append(q[0])  # a repeated term counts twice
        out.append(q)
    return out


@pytest.fixture(scope="module")
def corpus():
    docs, words, rng = zipf_corpus(seed=7, n_docs=4000)
    return docs, words


@pytest.mark.filterwarnings("ignore:invalid value encountered:RuntimeWarning")  # rank-bm25, b=1
@pytest.mark.parametrize("k1,b,eps", [(1.5, 0.75, 0.25), (1.2, 0.3, 0.5), (2.0, 1.0, 0.0)])
def test_top_and_scores_equal_bm25okapi(corpus, k1, b, eps, search_path):
    docs, words = corpus
    bm = BM25Okapi(docs, k1=k1, b=b, epsilon=eps)
    index = BM25Index(docs, k1=k1, b=b, epsilon=eps)
    # the index really has tiered (prunable) lists
    assert max(np.diff(index.inverted.term_tiers)) > 1
    assert index.inverted.df.max() >= TIER_MIN_POSTINGS
    rng = np.random.default_rng(11)
    for q in make_queries(rng, words, 150, docs):
        for k in (1, 5, 20):
            got = index.top(q, k)
            want = reference_top(bm, docs, q, k)
            assert [d for d, _ in got] == [d for d, _ in want], (q, k)
            assert [s for _, s in got] == [s for _, s in want], (q, k)  # bit-for-bit


def test_statistics_equal(corpus):
    docs, _ = corpus
    bm = BM25Okapi(docs)
    index = BM25Index(docs)
    inv = index.inverted
    assert inv.stats.avgdl == bm.avgdl
    assert inv.stats.average_idf == bm.average_idf
    assert list(bm.idf) == inv.terms  # same vocabulary, same (first-occurrence) order
    assert all(index.idf(t) == v for t, v in bm.idf.items())
    assert index.size == bm.corpus_size
    assert list(inv.doc_len) == bm.doc_len


def test_dense_scores_equal(corpus):
    docs, words = corpus
    bm = BM25Okapi(docs)
    index = BM25Index(docs)
    rng = np.random.default_rng(3)
    for q in make_queries(rng, words, 40, docs):
        assert np.array_equal(index.scores(q), bm.get_scores(q))
    assert np.array_equal(index.scores(["nothing-known"]), np.zeros(len(docs)))


def test_allowed_filtering(corpus, search_path):
    docs, words = corpus
    bm = BM25Okapi(docs)
    index = BM25Index(docs)
    rng = np.random.default_rng(5)
    queries = make_queries(rng, words, 60, docs)
    for j, q in enumerate(queries):
        size = [3, 40, 300, 2500][j % 4]  # small sets are probed, large ones masked
        allowed = rng.choice(len(docs), size=size, replace=False).tolist()
        allowed += allowed[:2] + [len(docs) + 5, -1]  # duplicates and out-of-range ignored
        for k in (1, 5):
            got = index.top(q, k, allowed=allowed)
            want = reference_top(bm, docs, q, k, [a for a in allowed if 0 <= a < len(docs)])
            assert got == want, (q, k, size)
    assert index.top(queries[0], 5, allowed=[]) == []


def test_repeated_and_unknown_terms(corpus, search_path):
    docs, words = corpus
    bm = BM25Okapi(docs)
    index = BM25Index(docs)
    q = [words[3], words[700], words[3], "zzz-unknown", words[700], words[3]]
    assert index.top(q, 10) == reference_top(bm, docs, q, 10)
    assert index.top(["zzz-unknown"], 5) == []
    assert "zzz-unknown" not in index and words[3] in index
    assert index.idf("zzz-unknown") == 0.0
    assert index.top([words[3]], 0) == []


def test_negative_average_idf_and_tiny_corpora(search_path):
    # Tiny corpora: most terms in more than half the documents, so the IDF floor is negative.
    for docs in ([["a", "b"], ["a", "b"], ["a", "c"]], [["x"]], [["a"], [], ["a", "a"]],
                 [["p", "q"], ["p"], ["p", "q", "r"], ["q"]]):
        bm = BM25Okapi(docs)
        index = BM25Index(docs)
        for q in (["a"], ["b", "a"], ["c"], ["x"], ["p", "q", "p"], ["r", "q"], ["zz"]):
            assert index.top(q, 3) == reference_top(bm, docs, q, 3)
            assert np.allclose(index.scores(q), bm.get_scores(q), rtol=0, atol=0)


def test_empty_index():
    index = BM25Index([])
    assert index.size == 0 and index.top(["a"], 3) == [] and "a" not in index
    assert index.scores(["a"]).shape == (0,)
    only_empty = BM25Index([[], []])
    assert only_empty.top(["a"], 3) == [] and only_empty.scores(["a"]).tolist() == [0.0, 0.0]


def test_ties_broken_by_document_order(search_path):
    docs = [["a", "b"], ["c"], ["a", "b"], ["b", "a"], ["d"]] * 80
    bm = BM25Okapi(docs)
    index = BM25Index(docs)
    got = index.top(["a"], 7)
    assert got == reference_top(bm, docs, ["a"], 7)
    assert [d for d, _ in got] == sorted(d for d, _ in got)
    assert not math.isnan(got[0][1])


@pytest.mark.parametrize("budget", [64, 8192])
def test_pruning_is_exact_and_skips_work(monkeypatch, budget):
    """A larger corpus with long posting lists: results stay exact, and pruning leaves only a
    handful of candidates to score exactly (a performance guard, not a behaviour)."""
    monkeypatch.setattr(inverted_module, "USE_COMPILED", False)
    monkeypatch.setattr(inverted_module, "FAST_POSTINGS", 0)  # MaxScore on every query
    set_search(monkeypatch, "READ_BUDGET", budget)
    docs, words, _ = zipf_corpus(seed=21, n_docs=20000, vocab=5000, mean_len=30)
    bm = BM25Okapi(docs)
    index = BM25Index(docs)
    sizes = []
    original = maxscore_module.best

    def spy(docs, scores, k):
        sizes.append(docs.size)
        return original(docs, scores, k)
    monkeypatch.setattr(maxscore_module, "best", spy)
    rng = np.random.default_rng(99)
    for q in make_queries(rng, words, 60, docs):
        for k in (1, 10):
            assert index.top(q, k) == reference_top(bm, docs, q, k), (q, k)
    assert np.median(sizes) <= 50, sizes


@pytest.mark.skipif(inverted_module._accumulate is None,
                    reason="the optional C path was not built (no C compiler at install)")
def test_compiled_path_equals_numpy_path_bit_for_bit(monkeypatch):
    """Same postings, same order of additions: identical documents and scores (`==`), for
    every k, with repeated and unknown terms; and the scratch arrays are left all zero."""
    docs, words, rng = zipf_corpus(seed=5, n_docs=3000)
    index = BM25Index(docs)
    inv = index.inverted
    queries = make_queries(rng, words, 150, docs) + [[words[0], words[0], words[3]],
                                                     ["not-a-word", words[7]]]
    for q in queries:
        for k in (1, 3, 10, 5000):
            monkeypatch.setattr(inverted_module, "USE_COMPILED", True)
            compiled = index.top(q, k)
            monkeypatch.setattr(inverted_module, "USE_COMPILED", False)
            assert compiled == index.top(q, k), (q, k)
    scratch = inv.scratch()
    assert not scratch.acc.any() and not scratch.seen.any()


@pytest.mark.skipif(inverted_module._accumulate is None,
                    reason="the optional C path was not built (no C compiler at install)")
@pytest.mark.parametrize("dense", [False, True])
def test_compiled_path_refuses_bad_input_without_touching_scratch(dense):
    """Block ranges outside the index, a damaged block, mismatched scratch arrays: a
    ValueError each, the scratch left all zero (touched documents listed, or every document
    scanned)."""
    c = inverted_module._accumulate
    index = BM25Index([["a", "b"], ["a"], ["b", "b", "c"], []]).inverted
    post = index.postings
    acc, seen = np.zeros(4), np.zeros(4, dtype=bool)
    n_blocks = post.table.shape[0] - 1
    spans = [index.term(index.term_ids["b"])]
    want = index.top([index.term_ids["b"]], 5)
    assert c.top_blocks(*post.c_arrays, spans, acc, seen, 5,
                        post.k1p1, dense) == want
    with pytest.raises(ValueError, match="outside the index"):
        c.top_blocks(*post.c_arrays, [(0, n_blocks + 1, 1.0)], acc, seen,
                     5, post.k1p1, dense)
    damaged = post.table.copy()
    damaged[0, 0] = 3 | 5 << 48  # six passages from the last one on: past the end
    with pytest.raises(ValueError, match="damaged"):
        c.top_blocks(post.stream, damaged, *post.c_arrays[2:], [(0, n_blocks, 1.0)], acc, seen, 5,
                     post.k1p1, dense)
    # a good block first, then a damaged one: what the first added is put back to zero
    two = [spans[0], (0, n_blocks, 1.0)]
    with pytest.raises(ValueError, match="damaged"):
        c.top_blocks(post.stream, damaged, *post.c_arrays[2:], two, acc, seen, 5, post.k1p1,
                     dense)
    with pytest.raises(ValueError, match="mismatched"):
        c.top_blocks(*post.c_arrays, spans, acc[:2], seen, 5, post.k1p1, dense)
    assert not acc.any() and not seen.any()
    with pytest.raises(ValueError, match="wrong sizes"):
        c.read_blocks(*post.c_arrays, 0, 1, 1.0, post.k1p1,
                      np.zeros(0, dtype=np.intp), np.zeros(0))
    assert c.top_blocks(*post.c_arrays, spans, acc, seen, 0,
                        post.k1p1, dense) == []
