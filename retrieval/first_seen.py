"""Distinct small integers in order of first occurrence, without sorting every value.

`np.unique(values, return_index=True)` sorts all of them (some 0.03 s for the 330k word
numbers of the BBC folder's articles); when the values are non-negative and not much larger
than their count, one pass of `np.minimum.at` over a table of first positions gives the
same order in a twentieth of the time (numpy 1.25 made `ufunc.at` fast)."""
from __future__ import annotations

import numpy as np

# A table of first positions is made only when the values are below this many times their
# count (plus a floor): past it, sorting them is cheaper than the table.
_SPARSE = 8
_FLOOR = 1 << 16


def first_seen(values: np.ndarray) -> np.ndarray:
    """int64: the distinct values of a one-dimensional array of non-negative integers, in
    order of first occurrence (what `np.unique` with `return_index`, ordered by the index,
    gives)."""
    n = int(values.size)
    if not n:
        return np.zeros(0, dtype=np.int64)
    top = int(values.max()) + 1
    if int(values.min()) < 0 or top > _SPARSE * n + _FLOOR:
        distinct, first = np.unique(values, return_index=True)
        return distinct[np.argsort(first, kind="stable")].astype(np.int64, copy=False)
    first_at = np.full(top, n, dtype=np.int64)
    np.minimum.at(first_at, values, np.arange(n, dtype=np.int64))
    met = np.flatnonzero(first_at < n)
    return met[np.argsort(first_at[met], kind="stable")].astype(np.int64, copy=False)
