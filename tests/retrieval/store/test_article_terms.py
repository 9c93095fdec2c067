"""An article's kept terms survive their bytes, and bytes that are not such terms (or not
an article of that many passages) are refused rather than indexed."""
from __future__ import annotations

import numpy as np
import pytest

from retrieval.inverted_build import ArticleTerms, build_arrays_of_articles
from retrieval.store.article_terms import terms_bytes, terms_from_bytes

DOCS = [["peace", "talks", "çavuşoğlu"], [], ["talks", "x\udcff"]]


def test_terms_survive_their_bytes():
    terms, data = terms_bytes(DOCS)
    back = terms_from_bytes(data, len(DOCS))
    assert back is not None and back.documents() == DOCS == terms.documents()
    assert back.vocabulary == terms.vocabulary
    assert np.array_equal(back.lengths, terms.lengths) and np.array_equal(back.ids, terms.ids)


@pytest.mark.parametrize("documents", [[["a b"]], [[""]], [["ok"], ["two words"]]])
def test_a_term_the_bytes_cannot_hold_is_refused(documents: list[list[str]]):
    with pytest.raises(ValueError):
        terms_bytes(documents)


def _damaged(what: str) -> tuple[bytes, int]:
    _, data = terms_bytes(DOCS)
    ints = bytearray(data)
    if what == "passages":
        return data, len(DOCS) + 1
    if what == "short":
        return data[:-1], len(DOCS)
    if what == "empty":
        return b"", len(DOCS)
    if what == "id out of range":
        at = 4 * (3 + len(DOCS))  # the first term's id
        ints[at:at + 4] = (99).to_bytes(4, "little")
    elif what == "lengths":
        ints[4 * 3:4 * 4] = (2).to_bytes(4, "little")  # the first passage loses a term
    return bytes(ints), len(DOCS)


@pytest.mark.parametrize("what", ["passages", "short", "empty"])
def test_bytes_that_are_not_the_articles_terms_are_refused(what: str):
    data, passages = _damaged(what)
    assert terms_from_bytes(data, passages) is None


@pytest.mark.parametrize("what", ["id out of range", "lengths"])
def test_terms_out_of_their_article_are_refused_where_the_arrays_are_built(what: str):
    data, passages = _damaged(what)
    kept = terms_from_bytes(data, passages)
    assert kept is not None
    with pytest.raises(ValueError):
        build_arrays_of_articles([kept], 1.5, 0.75, 0.25)


def test_an_index_is_built_from_the_passages_when_kept_terms_do_not_fit():
    """`build_index` given kept terms that are refused builds from the passages instead:
    the index of a build without the article cache."""
    from corpus.models import Article, Corpus, Passage
    from retrieval.options import IndexOptions
    from retrieval.store.cache import build_index
    article = Article("a", "a.txt", "T", (Passage("a", 0, "peace talks", ()),
                                          Passage("a", 1, "grain deal talks", ())))
    corpus = Corpus.of([article])
    kept = ArticleTerms.of([["peace"], ["deal", "x", "y"]])
    bad = ArticleTerms(kept.vocabulary, kept.lengths, kept.ids + 5)  # out of its vocabulary
    plain = build_index(corpus, IndexOptions())
    index = build_index(corpus, IndexOptions(), articles=[bad])
    assert index.inverted.terms == plain.inverted.terms and len(plain.inverted.terms) == 4
    for name, arr in plain.inverted.arrays().items():
        assert np.array_equal(arr, index.inverted.arrays()[name]), name
