"""The index of whole articles made from the passages' postings is BM25Okapi over the
articles' token lists: the same IDFs (the epsilon floor included), scores and top k."""
from __future__ import annotations

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from retrieval.article_index import article_index
from retrieval.bm25_index import BM25Index
from retrieval.inverted_build import TIER_MIN_POSTINGS


def _corpus(seed: int, articles: int, vocabulary: int) -> tuple[list[list[str]], np.ndarray]:
    """Random passages (some empty) grouped into articles of 1-6 passages, in order."""
    rng = np.random.default_rng(seed)
    passages: list[list[str]] = []
    owners: list[int] = []
    for a in range(articles):
        for _ in range(int(rng.integers(1, 7))):
            n = int(rng.integers(0, 30))
            # a Zipf-like draw: a few words in most articles (IDF below 0, floored)
            passages.append([f"w{int(x) % vocabulary}" for x in rng.zipf(1.3, n)])
            owners.append(a)
    return passages, np.asarray(owners, dtype=np.int64)


def _joined(passages: list[list[str]], owners: np.ndarray) -> list[list[str]]:
    out: list[list[str]] = [[] for _ in range(int(owners.max()) + 1)]
    for tokens, a in zip(passages, owners.tolist(), strict=True):
        out[a].extend(tokens)
    return out


@pytest.mark.parametrize(("seed", "articles", "vocabulary"), [
    (1, 4, 12), (2, 40, 60), (3, 300, 400),
    (4, TIER_MIN_POSTINGS + 40, 50),  # terms in enough articles to be cut into tiers
])
def test_the_articles_index_scores_as_bm25okapi_over_the_articles_token_lists(
        seed: int, articles: int, vocabulary: int):
    passages, owners = _corpus(seed, articles, vocabulary)
    made = article_index(BM25Index(passages), owners)
    okapi = BM25Okapi(_joined(passages, owners))
    assert made.size == articles
    rng = np.random.default_rng(seed + 100)
    for _ in range(20):
        query = [f"w{int(x)}" for x in rng.integers(0, vocabulary + 3, int(rng.integers(1, 6)))]
        expected = np.asarray(okapi.get_scores(query))
        assert np.array_equal(made.scores(query), expected), query
        for p, score in made.top(query, 5):
            assert score == expected[p]


def test_an_articles_idf_is_bm25okapis_floor_included():
    passages = [["grain", "deal"], ["grain"], ["grain", "port"], ["talks"], ["grain"]]
    owners = np.asarray([0, 0, 1, 2, 3])
    made = article_index(BM25Index(passages), owners)
    okapi = BM25Okapi(_joined(passages, owners))
    for term in ("grain", "deal", "port", "talks"):  # "grain": in 3 of 4 articles, floored
        assert made.idf(term) == okapi.idf[term]


def test_a_saved_corpus_numbers_its_passages_by_article_as_a_built_one_does(tmp_path):
    from retrieval.answering.engine import open_parley
    from retrieval.options import IndexOptions
    from retrieval.store.lookups import WalkedLookups, corpus_lookups

    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in {"a.txt": "Grain deal\n\nShips sail.\n\nPorts open.",
                       "b.txt": "Talks end\n\nNo deal.", "c.txt": "Medal hopes\n\nShe won."
                       }.items():
        (folder / name).write_text(text, encoding="utf-8")
    options = IndexOptions(cache_dir=tmp_path / "cache")
    open_parley([folder], options)
    engine, opened = open_parley([folder], options)
    assert opened.from_cache
    saved = corpus_lookups(engine.corpus).article_numbers()
    walked = WalkedLookups(engine.corpus).article_numbers()
    assert saved.tolist() == walked.tolist() == [0, 0, 0, 1, 1, 2, 2]
