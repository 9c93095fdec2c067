"""The BM25 arrays built from articles' terms given as numbers in a vocabulary kept across
builds (`build_arrays_of_word_ids`) are exactly those built from every passage's terms
(`build_arrays`), whatever the numbers: vocabulary order, statistics and every array,
dtypes too."""
from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.inverted_build import (
    ArticleTerms,
    ArticleWordIds,
    build_arrays,
    build_arrays_of_word_ids,
)

WORDS = st.sampled_from(["talks", "peace", "grain", "deal", "kremlin", "said", "a", "b"])
ARTICLE = st.lists(st.lists(WORDS, max_size=12), max_size=6)


class _Vocabulary:
    """Words numbered in an order of their own (not the corpus's), with numbers to spare."""

    def __init__(self, words: list[str], seed: int) -> None:
        order = [*words, *(f"unused{i}" for i in range(5))]
        random.Random(seed).shuffle(order)
        self.number = {w: 3 * i + 1 for i, w in enumerate(order)}  # gaps between numbers
        self.word = {n: w for w, n in self.number.items()}

    def words(self, ids: np.ndarray) -> list[str]:
        return [self.word[i] for i in ids.tolist()]

    def of(self, documents: list[list[str]]) -> ArticleWordIds:
        terms = ArticleTerms.of(documents)
        return ArticleWordIds(np.array([self.number[w] for w in terms.vocabulary],
                                       dtype=np.int32), terms.lengths, terms.ids)


def _both(articles: list[list[list[str]]], seed: int = 0):
    flat = [d for a in articles for d in a]
    vocabulary = _Vocabulary(sorted({t for d in flat for t in d}), seed)
    return (build_arrays(flat, 1.5, 0.75, 0.25),
            build_arrays_of_word_ids([vocabulary.of(a) for a in articles], vocabulary.words,
                                     1.5, 0.75, 0.25))


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
    [[["grain"]], [["talks", "grain"]], [["peace", "talks", "grain"]]],  # met late, numbered early
    [[["a"] * 300], [["a", "b"]] * 300],    # long posting lists: impact tiers
])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_same_arrays_as_from_every_passage(articles: list[list[list[str]]], seed: int):
    _assert_same(*_both(articles, seed))


def test_the_same_arrays_over_more_than_one_batch_of_articles(monkeypatch: pytest.MonkeyPatch):
    articles = [[["peace", "talks", f"w{i % 7}"], [], ["grain", f"w{i % 3}"]]
                for i in range(10)]
    whole = _both(articles)
    monkeypatch.setattr("retrieval.postings_count._ARTICLE_BATCH", 3)
    batched = _both(articles)
    _assert_same(*whole)
    _assert_same(whole[1], batched[1])


@settings(max_examples=60, deadline=None)
@given(st.lists(ARTICLE, max_size=8), st.integers(0, 5))
def test_the_same_arrays_for_any_articles(articles: list[list[list[str]]], seed: int):
    _assert_same(*_both(articles, seed))


@pytest.mark.parametrize(("words", "lengths", "ids"), [
    ([0, 1], [2, 1], [0, 1]),       # more terms said than there are
    ([0, 1], [1, 1], [0, 1, 0]),    # fewer
    ([0, 1], [1], [2]),             # a place past the article's words
    ([0, 1], [1], [-1]),
    ([0, -1], [1], [1]),            # a word number that is none
])
def test_terms_that_do_not_add_up_are_refused(words: list[int], lengths: list[int],
                                              ids: list[int]):
    bad = ArticleWordIds(np.array(words), np.array(lengths), np.array(ids))
    good = ArticleWordIds(np.array([0]), np.array([1, 0]), np.array([0]))
    with pytest.raises(ValueError):
        build_arrays_of_word_ids([good, bad, good], lambda ids: ["a", "b"][: ids.size],
                                 1.5, 0.75, 0.25)
