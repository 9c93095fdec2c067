"""The BM25 arrays built from articles' kept terms (`build_arrays_of_articles`) are exactly
those built from every passage's terms (`build_arrays`): vocabulary order, statistics and
every array, dtypes too."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.inverted_build import ArticleTerms, build_arrays, build_arrays_of_articles

WORDS = st.sampled_from(["talks", "peace", "grain", "deal", "kremlin", "said", "a", "b"])
ARTICLE = st.lists(st.lists(WORDS, max_size=12), max_size=6)


def _both(articles: list[list[list[str]]]):
    flat = [d for a in articles for d in a]
    return (build_arrays(flat, 1.5, 0.75, 0.25),
            build_arrays_of_articles([ArticleTerms.of(a) for a in articles], 1.5, 0.75, 0.25))


def _assert_same(x, y) -> None:
    (ta, aa, sa), (tb, ab, sb) = x, y
    assert ta == tb and sa == sb and aa.keys() == ab.keys()
    for name in aa:
        assert aa[name].dtype == ab[name].dtype and np.array_equal(aa[name], ab[name]), name


@pytest.mark.parametrize("articles", [
    [],
    [[]],                                   # an article of no passage
    [[[]], [[], []]],                       # passages without terms
    [[["peace", "talks"], ["talks"]], [["grain", "peace"]]],
    [[["a"] * 300], [["a", "b"]] * 300],    # long posting lists: impact tiers
])
def test_the_same_arrays_as_from_every_passage(articles: list[list[list[str]]]):
    _assert_same(*_both(articles))


@pytest.mark.parametrize("chunk", [1, 2, 5, 7])
def test_the_same_arrays_when_counted_a_chunk_of_documents_at_a_time(
        monkeypatch: pytest.MonkeyPatch, chunk: int):
    whole = _both([[["peace", "talks"], ["talks"]], [[], ["grain", "peace", "peace"]],
                   [["a"] * 300], [["a", "b"]] * 40])
    monkeypatch.setattr("retrieval.postings_count._CHUNK_TOKENS", chunk)
    chunked = _both([[["peace", "talks"], ["talks"]], [[], ["grain", "peace", "peace"]],
                     [["a"] * 300], [["a", "b"]] * 40])
    _assert_same(*whole)
    _assert_same(whole[1], chunked[1])
    _assert_same(chunked[0], chunked[1])


@settings(max_examples=60, deadline=None)
@given(st.lists(ARTICLE, max_size=8))
def test_the_same_arrays_for_any_articles(articles: list[list[list[str]]]):
    _assert_same(*_both(articles))


@pytest.mark.parametrize("documents", [[], [[]], [["x", "y", "x"], [], ["y", "z"]]])
def test_article_terms_give_their_documents_back(documents: list[list[str]]):
    terms = ArticleTerms.of(documents)
    assert terms.documents() == documents
    assert terms.vocabulary == list(dict.fromkeys(t for d in documents for t in d))


@pytest.mark.parametrize(("lengths", "ids"), [
    ([2, 1], [0, 1]),       # more terms said than there are
    ([1, 1], [0, 1, 0]),    # fewer
    ([-1, 2], [0]),
    ([1], [2]),             # an id past the vocabulary
    ([1], [-1]),
])
def test_kept_terms_that_do_not_add_up_are_refused(lengths: list[int], ids: list[int]):
    bad = ArticleTerms(["a", "b"], np.array(lengths), np.array(ids))
    good = ArticleTerms.of([["a"], []])
    with pytest.raises(ValueError):
        build_arrays_of_articles([ArticleTerms.of([]), good, bad, good], 1.5, 0.75, 0.25)
