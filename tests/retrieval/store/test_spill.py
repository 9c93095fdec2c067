"""What a build keeps of its new articles goes to a spill file beside the article cache
(`spill`), not memory: read back exactly (the article's passages, its index terms, its
records block, its cache row), and kept in memory instead when no spill file can be made."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from corpus.build import attribute_article
from corpus.loader import read_articles
from corpus.shipped import SHIPPED_CORPUS
from retrieval import tokenizer
from retrieval.inverted_build import ArticleTerms
from retrieval.store import article_cache
from retrieval.store.article_cache import open_cache
from retrieval.store.article_pack import pack_article
from retrieval.store.records_block import article_block
from retrieval.store.spill import Spill, Stored
from tests.retrieval.store.test_records_block import _equal_blocks

RAWS = read_articles([SHIPPED_CORPUS])[0][:3]


@pytest.mark.parametrize("parts", [[b"abc", b"", b"\x00\xff" * 1000],
                                   ["caf\udce9 \u201cq\u201d".encode("utf-8", "surrogateescape")]],
                         ids=["bytes", "surrogate escapes"])
def test_what_is_put_is_read_back(tmp_path: Path, parts: list[bytes]):
    spill = Spill(tmp_path)
    stored = [spill.put(p) for p in parts]
    assert [s.read() for s in reversed(stored)] == parts[::-1]
    assert [len(s) for s in stored] == [len(p) for p in parts]
    assert stored[-1].text() == parts[-1].decode("utf-8", "surrogateescape")
    assert stored[-1].head(2) == parts[-1][:2]
    # unnamed where the system can (nothing to clean up after a crash), else hidden
    assert all(p.name.startswith(".spill-") for p in tmp_path.iterdir())


def _build(root: Path, *, packed: bool):
    """New articles handed to the cache as a build hands them: packed by a worker and
    unpacked here, or attributed here."""
    cache = open_cache(root, reuse=False, corpus="c")
    made = []
    for raw in RAWS:
        built = attribute_article(raw)
        article = cache._unpack(raw, pack_article(built)) if packed else built
        article = cache.keep(raw, article) or article
        made.append((built, article))
    return cache, made


def _rows(root: Path) -> list[tuple]:
    db = next(root.glob("articles-*.sqlite"))
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT *, typeof(json), typeof(passages) FROM articles"
                           " ORDER BY key").fetchall()
    finally:
        con.close()


@pytest.mark.parametrize("packed", [True, False], ids=["from workers", "attributed here"])
@pytest.mark.parametrize("spill", [True, False], ids=["spilled", "no spill file"])
def test_new_articles_read_back_from_the_spill_exactly(tmp_path: Path, monkeypatch,
                                                       packed: bool, spill: bool):
    if not spill:
        def refuse(folder: Path) -> Spill:
            raise OSError(28, "No space left on device")
        monkeypatch.setattr(article_cache, "Spill", refuse)
    cache, made = _build(tmp_path / "cache", packed=packed)
    held = [part for row in cache._new.values() for part in row]
    assert all(isinstance(h, Stored) for h in held) if spill else \
        all(isinstance(h, bytes) for h in held)
    for (built, article), docs in zip(made, cache.documents(_Corpus(made)), strict=True):
        assert article == built  # passages read back from the spill
        # an article attributed here is held as made from its row, lazily, when spilled
        assert (article is built) == (not packed and not spill)
        assert _equal_blocks(cache.block((article.id, article.path)), article_block(built))
        assert cache.block_sizes((article.id, article.path)) == (len(built.passages),
                                              len(article_block(built).sentences),
                                              len(article_block(built).texts))
        want = ArticleTerms.of([tokenizer.terms(p.text) for p in built.passages])
        assert cache.words.words(docs.words) == want.vocabulary  # as numbered words
        assert np.array_equal(docs.lengths, want.lengths)
        assert np.array_equal(docs.ids, want.ids)
    assert cache.commit("c") is not None
    # the rows are those of a cache that kept them in memory
    monkeypatch.setattr(article_cache, "Spill", _no_spill)
    _build(tmp_path / "memory", packed=packed)[0].commit("c")
    assert _rows(tmp_path / "cache") == _rows(tmp_path / "memory")
    assert {r[-2:] for r in _rows(tmp_path / "cache")} == {("text", "text")}
    again = open_cache(tmp_path / "cache", corpus="c")
    assert [again.known(r) for r in RAWS] == [b for b, _ in made]


def _no_spill(folder: Path) -> Spill:
    raise OSError("no spill file in this test")


class _Corpus:
    def __init__(self, made) -> None:
        self.articles = [a for _, a in made]
