"""LazySeq behaves as the tuple of its items: indexing, slicing, equality, hashing; items made
one by one when asked for, or all at once on the first access."""
from __future__ import annotations

import operator

import numpy as np
import pytest

from retrieval.store.lazy import LazySeq

ITEMS = ("a", "b", "c", "d")


def one_by_one(made: list[int]) -> LazySeq[str]:
    def item(i: int) -> str:
        made.append(i)
        return ITEMS[i]
    return LazySeq(len(ITEMS), item)


def at_once(made: list[int]) -> LazySeq[str]:
    def make() -> list[str]:
        made.append(-1)
        return list(ITEMS)
    return LazySeq.at_once(len(ITEMS), make)


@pytest.fixture(params=[one_by_one, at_once], ids=["one_by_one", "at_once"])
def seq_and_made(request) -> tuple[LazySeq[str], list[int]]:
    made: list[int] = []
    return request.param(made), made


@pytest.mark.parametrize("index", [0, 3, -1, -4, np.int64(2), slice(1, 3), slice(None, None, -2),
                                   slice(10, 20)])
def test_indexing_and_slicing_give_what_the_tuple_gives(seq_and_made, index):
    seq, _ = seq_and_made
    assert seq[index] == ITEMS[index]


@pytest.mark.parametrize("index", [4, -5, 100])
def test_out_of_range_index_raises_index_error(seq_and_made, index):
    seq, _ = seq_and_made
    with pytest.raises(IndexError):
        seq[index]


def test_equal_to_and_hashed_like_the_tuple_of_its_items(seq_and_made):
    seq, _ = seq_and_made
    assert seq == ITEMS and operator.eq(ITEMS, seq) and seq == list(ITEMS)  # either side
    assert seq != ITEMS[:3] and seq != "abcd"
    assert hash(seq) == hash(ITEMS)
    assert list(seq) == list(ITEMS) and len(seq) == 4 and "c" in seq


def test_nothing_is_made_before_it_is_asked_for():
    made: list[int] = []
    seq = one_by_one(made)
    assert len(seq) == 4 and made == []
    seq[2]
    assert made == [2]


def test_made_at_once_makes_once_on_first_access():
    made: list[int] = []
    seq = at_once(made)
    assert len(seq) == 4 and made == []
    assert seq[1] == "b" and list(seq) == list(ITEMS) and seq[-1] == "d"
    assert made == [-1]


def test_made_at_once_refuses_a_list_of_the_wrong_length():
    seq = LazySeq.at_once(3, lambda: ["x"])
    with pytest.raises(ValueError):
        list(seq)
