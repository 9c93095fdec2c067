"""The k best documents of a search, ties by lower document index: one rule for every search
path, so that they all return the same list."""
from __future__ import annotations

import numpy as np


def best(docs: np.ndarray, scores: np.ndarray, k: int) -> list[tuple[int, float]]:
    """Top k by score, ties by lower document index (documents distinct)."""
    return best_of(docs, scores, k, 1)


def best_of(docs: np.ndarray, scores: np.ndarray, k: int, repeats: int
            ) -> list[tuple[int, float]]:
    """Top k by score, ties by lower document index, where a document may appear up to
    `repeats` times (always with the same score)."""
    n = docs.size
    m = k * repeats
    if n > m:
        # The m-th best entry is at most the k-th best document's score (the k-1 better
        # documents fill at most (k-1) * repeats places): keeping every entry at least as
        # good keeps the top k and their ties.
        kth = np.partition(scores, n - m)[n - m]
        sel = scores >= kth
        docs, scores = docs[sel], scores[sel]
        n = docs.size
    if n == 0:
        return []
    if n <= 4096:
        # (-score, doc) tuples sort best first, ties by lower document; a document's repeats
        # are equal tuples, so they sit side by side.
        out: list[tuple[int, float]] = []
        prev = -1
        for neg, doc in sorted(zip((-scores).tolist(), docs.tolist(), strict=True)):
            if doc != prev:
                out.append((doc, -neg))
                if len(out) == k:
                    break
                prev = doc
        return out
    if repeats > 1:
        docs, first = np.unique(docs, return_index=True)
        scores = scores[first]
    order = np.lexsort((docs, -scores))[:k]
    return [(int(d), float(s)) for d, s in zip(docs[order], scores[order], strict=True)]
