"""BM25 over passages, with rank-bm25's BM25Okapi as the definition of every score.

The index is an inverted index of compact postings whose weights are worked out as they are
read (see `retrieval.inverted`): scores equal `BM25Okapi(documents, k1, b, epsilon).get_scores`
bit for bit, and `top` prunes postings that cannot change the top k (exact MaxScore), so a
query costs roughly what its rare terms' postings cost. It can be saved and memory-mapped back
(`retrieval.store`).

Known difference: when k1 == 0, or b == 1 with empty documents, BM25Okapi divides 0 by 0 for
documents lacking a query term and returns NaN there; this index scores such documents 0.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from retrieval import inverted as inverted_module
from retrieval.inverted import InvertedIndex
from retrieval.inverted_build import build_arrays


def compiled_search() -> bool:
    """Whether small queries run the optional C path (built at install when a C compiler was
    there); otherwise numpy does the same work, with the same scores."""
    return inverted_module.USE_COMPILED


class BM25Index:
    """Scores token lists with BM25Okapi; built once per corpus.

    Ties are broken by document order (lower index first), so results are stable.
    """

    def __init__(self, documents: Iterable[Sequence[str]], k1: float = 1.5, b: float = 0.75,
                 epsilon: float = 0.25) -> None:
        """`documents` are read once, in order: a generator's need not all be alive at once
        (`retrieval.inverted_build` holds their postings compactly, not their tokens)."""
        self._inv = InvertedIndex(*build_arrays(documents, k1, b, epsilon))
        self._init_common()

    @classmethod
    def from_inverted(cls, inverted: InvertedIndex) -> BM25Index:
        """Wrap an already built or loaded inverted index (used by `retrieval.store`)."""
        self = cls.__new__(cls)
        self._inv = inverted
        self._init_common()
        return self

    def _init_common(self) -> None:
        st = self._inv.stats
        self.size = st.size
        self.k1, self.b, self.epsilon = st.k1, st.b, st.epsilon

    @property
    def inverted(self) -> InvertedIndex:
        return self._inv

    @property
    def vocabulary_size(self) -> int:
        return len(self._inv.terms)

    def __contains__(self, term: str) -> bool:
        return term in self._inv.term_ids

    def idf(self, term: str) -> float:
        i = self._inv.term_ids.get(term)
        return 0.0 if i is None else float(self._inv.idf_arr[i])

    def scores(self, query: Iterable[str]) -> np.ndarray:
        """BM25Okapi.get_scores for the query's known terms (all zeros when none is known)."""
        return self._inv.dense_scores(self._inv.query_ids(query))

    def top(self, query: Iterable[str], k: int,
            allowed: Iterable[int] | None = None) -> list[tuple[int, float]]:
        """The k best (document, score) pairs among documents containing at least one query
        term, best first; equal scores in document order. `allowed` limits the candidates."""
        qids = self._inv.query_ids(query)
        if k <= 0 or not qids:
            return []
        allowed_arr = None
        if allowed is not None:
            if isinstance(allowed, np.ndarray):
                arr = allowed.astype(np.int64, copy=False).ravel()
            else:
                arr = np.fromiter((int(a) for a in allowed), dtype=np.int64)
            arr = np.sort(arr)
            if arr.size > 1:  # distinct (np.unique would import numpy.ma: 10 ms at start)
                arr = arr[np.concatenate(([True], arr[1:] != arr[:-1]))]
            allowed_arr = arr[(arr >= 0) & (arr < self.size)]
        return self._inv.top(qids, int(k), allowed_arr)

    def memory_bytes(self) -> int:
        """Bytes of the index arrays (memory-mapped ones count at full size), with the length
        normalisation worked out at load."""
        inv = self._inv
        return int(sum(a.nbytes for a in inv.arrays().values()) + inv.norms.nbytes)
