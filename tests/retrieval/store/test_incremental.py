"""Adding, changing or removing files attributes only those files, and gives exactly the
corpus, index and answers of a full rebuild."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from corpus.build import build_corpus
from retrieval.answering.engine import Parley
from retrieval.options import IndexOptions
from retrieval.store import open_index

ARTICLES = {
    "talks.txt": ("Peace talks resume\n\nTurkish President Recep Tayyip Erdogan said: \"We want "
                  "a ceasefire as soon as possible.\"\n\nThe Kremlin said there was no "
                  "breakthrough.\n"),
    "grain.txt": "Grain deal extended\n\nThe grain deal was extended, officials said.\n",
    "kallas.txt": ("Estonia warns\n\n\"An agreement made at gunpoint is no agreement,\" "
                   "Estonia's Prime Minister Kaja Kallas said.\n"),
}
QUESTIONS = ("What did Erdogan say?", "who said the agreement was made at gunpoint",
             "what did the kremlin say", "grain deal")


def _same(a, b) -> None:
    assert a.corpus == b.corpus and tuple(a.corpus.passages) == tuple(b.corpus.passages)
    ia, ib = a.index.inverted.arrays(), b.index.inverted.arrays()
    assert ia.keys() == ib.keys()
    for name in ia:
        assert np.array_equal(ia[name], ib[name]), name
    pa, pb = Parley(a.corpus, a.index), Parley(b.corpus, b.index)
    for q in QUESTIONS:
        x, y = pa.ask(q), pb.ask(q)
        assert [(h.passage, h.score) for h in x.results] == \
            [(h.passage, h.score) for h in y.results], q
        assert x.claim == y.claim, q


@pytest.fixture
def news(tmp_path: Path) -> Path:
    d = tmp_path / "news"
    d.mkdir()
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


@pytest.mark.parametrize("change", ["add", "edit", "remove"])
def test_an_incremental_build_equals_a_full_rebuild(tmp_path: Path, news: Path, change: str):
    d = news
    options = IndexOptions(cache_dir=tmp_path / "cache")
    open_index([d], options, build_corpus)
    if change == "add":
        (d / "new.txt").write_text("Talks to go on\n\n\"We will meet again,\" Erdogan said.\n",
                                   encoding="utf-8")
        expected = "1 new, 0 changed, 0 removed; 3 reused"
    elif change == "edit":
        (d / "grain.txt").write_text(ARTICLES["grain.txt"].replace("extended", "ended"),
                                     encoding="utf-8")
        expected = "0 new, 1 changed, 0 removed; 2 reused"
    else:
        (d / "grain.txt").unlink()
        expected = "0 new, 0 changed, 1 removed; 2 reused"
    incremental = open_index([d], options, build_corpus)
    assert not incremental.from_cache
    assert any(expected in m for m in incremental.messages), incremental.messages
    full = open_index([d], IndexOptions(cache_dir=tmp_path / "fresh"), build_corpus)
    assert not any("Files since the last build" in m for m in full.messages)  # a first build
    _same(incremental, full)


def test_a_forced_rebuild_attributes_every_article_again(tmp_path: Path, news: Path):
    options = IndexOptions(cache_dir=tmp_path / "cache")
    open_index([news], options, build_corpus)
    forced = open_index([news], options, build_corpus, rebuild=True)
    assert any("; 0 reused" in m for m in forced.messages), forced.messages
