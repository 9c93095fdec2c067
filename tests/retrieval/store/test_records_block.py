"""An article's records block (`records_block`): kept in the article cache as bytes and read
back exactly; records put together from blocks are the records of the walk; bytes that are
not a block are refused, never misread."""
from __future__ import annotations

from dataclasses import fields

import numpy as np
import pytest

from corpus.build import build_corpus
from corpus.models import Corpus
from corpus.shipped import SHIPPED_CORPUS
from retrieval.store.records_block import article_block, block_bytes, block_from_bytes
from retrieval.store.records_save import records_arrays
from tests.retrieval.store.test_article_cache import ODD

SEED = build_corpus([SHIPPED_CORPUS])


def _equal_blocks(a, b) -> bool:
    for f in fields(a):
        x, y = getattr(a, f.name), getattr(b, f.name)
        same = np.array_equal(x, y) and x.shape == y.shape if isinstance(x, np.ndarray) \
            else x == y
        if not same:
            return False
    return True


@pytest.mark.parametrize("article", [ODD, *SEED.articles], ids=lambda a: a.id)
def test_a_block_survives_its_bytes_exactly(article):
    block = article_block(article)
    assert _equal_blocks(block_from_bytes(block_bytes(block)), block)


@pytest.mark.parametrize("corpus", [SEED, Corpus.of([ODD, *SEED.articles])],
                         ids=["seed", "odd-and-seed"])
def test_records_from_kept_blocks_equal_the_walks(corpus):
    kept = {(a.id, a.path): block_from_bytes(block_bytes(article_block(a)))
            for a in corpus.articles}
    walked, part = records_arrays(corpus)
    assembled, part2 = records_arrays(corpus, kept.__getitem__)
    assert part == part2 and walked.keys() == assembled.keys()
    for name in walked:
        assert walked[name].dtype == assembled[name].dtype, name
        assert np.array_equal(walked[name], assembled[name]), name


@pytest.mark.parametrize("damage", ["empty", "truncated", "longer", "another magic"])
def test_bytes_that_are_not_a_block_are_refused(damage):
    data = block_bytes(article_block(ODD))
    bad = {"empty": b"", "truncated": data[:-3], "longer": data + b"x",
           "another magic": b"\0" + data[1:]}[damage]
    with pytest.raises(ValueError):
        block_from_bytes(bad)
