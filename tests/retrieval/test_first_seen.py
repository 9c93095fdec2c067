"""`first_seen` gives the distinct values in order of first occurrence, as `np.unique` with
`return_index` ordered by the index does, on the table path and the sorting one."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.first_seen import first_seen


def _by_unique(values: np.ndarray) -> np.ndarray:
    distinct, first = np.unique(values, return_index=True)
    return distinct[np.argsort(first, kind="stable")]


@pytest.mark.parametrize("values", [
    [], [0], [3, 3, 3], [5, 1, 5, 0, 1, 7], [2, 1, 0, 1, 2],
    [10**9, 3, 10**9, 2],  # sparse: sorted instead
])
def test_first_seen_is_uniques_in_order_of_first_index(values: list[int]) -> None:
    arr = np.array(values, dtype=np.int64)
    got = first_seen(arr)
    assert got.dtype == np.int64
    assert got.tolist() == _by_unique(arr).tolist()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 300), max_size=400), st.sampled_from([np.int32, np.int64]))
def test_first_seen_matches_unique_on_any_small_values(values: list[int], dtype: type) -> None:
    arr = np.array(values, dtype=dtype)
    assert first_seen(arr).tolist() == _by_unique(arr).tolist()
