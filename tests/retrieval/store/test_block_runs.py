"""A run of blocks read from their bytes all at once (`Run.of_packed`) holds exactly the
tables of the blocks read one by one and put end to end (`Run.of_blocks`), dtypes too; bytes
that `block_from_bytes` would refuse are refused."""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from corpus.models import Corpus
from retrieval.store.block_runs import Packed, Run, joined_runs, run_of
from retrieval.store.records_block import article_block, block_bytes, block_from_bytes
from retrieval.store.word_ids import STRINGS, Words
from tests.retrieval.store.test_article_cache import ODD
from tests.retrieval.store.test_records_block import SEED

CORPORA = {"seed": SEED, "odd-and-seed": Corpus.of([ODD, *SEED.articles]),
           "one article": Corpus.of([ODD])}


def _packed(corpus: Corpus) -> tuple[list[Packed], Words]:
    vocabulary = Words.fresh(STRINGS)
    out = []
    for a in corpus.articles:
        data = block_bytes(article_block(a))
        words = vocabulary.number([s.decode("utf-8", "surrogateescape")
                                   for s in block_from_bytes(data).strings])
        out.append(Packed(data, words, lambda d=data, w=words: block_from_bytes(d, w)))
    return out, vocabulary


def _equal(a: Run, b: Run) -> bool:
    for f in dataclasses.fields(Run):
        x, y = getattr(a, f.name), getattr(b, f.name)
        if isinstance(x, np.ndarray) or isinstance(y, np.ndarray):
            if not (isinstance(x, np.ndarray) and isinstance(y, np.ndarray)
                    and x.dtype == y.dtype and x.shape == y.shape and np.array_equal(x, y)):
                return False
        elif x != y:
            return False
    return True


@pytest.mark.parametrize("name", CORPORA)
def test_a_packed_run_is_its_blocks_read_one_by_one(name: str):
    packed, vocabulary = _packed(CORPORA[name])
    by_one = Run.of_blocks([block_from_bytes(p.data, p.words) for p in packed], vocabulary)
    assert _equal(Run.of_packed(packed), by_one)


def test_a_run_mixing_packed_and_read_blocks_is_the_runs_end_to_end():
    packed, vocabulary = _packed(CORPORA["odd-and-seed"])
    mixed = [p if i % 3 else block_from_bytes(p.data, p.words) for i, p in enumerate(packed)]
    by_one = Run.of_blocks([block_from_bytes(p.data, p.words) for p in packed], vocabulary)
    assert _equal(run_of(mixed, vocabulary), by_one)
    halves = [Run.of_packed(packed[:1]), Run.of_packed([]), Run.of_packed(packed[1:])]
    assert _equal(joined_runs(halves), by_one)


@pytest.mark.parametrize("damage", ["cut short", "one byte more", "not a block",
                                    "numbers of another block", "offsets that do not fit"])
def test_bytes_that_are_not_a_block_are_refused(damage: str):
    packed, _ = _packed(CORPORA["odd-and-seed"])
    p = packed[1]
    data, words = p.data, p.words
    if damage == "cut short":
        data = data[:-1]
    elif damage == "one byte more":
        data = data + b"x"
    elif damage == "not a block":
        data = b"\0" * 8 + data[8:]
    elif damage == "numbers of another block":
        words = words[:-1]
    else:  # the first string's offset (the 16th integer: header 9, article 6)
        data = data[:8 * 15] + (1).to_bytes(8, "little") + data[8 * 16:]
    with pytest.raises(ValueError):
        block_from_bytes(data, words)  # (what the packed read must agree with)
    with pytest.raises(ValueError):
        Run.of_packed([packed[0], Packed(data, words, p.read), *packed[2:], packed[0]])
