"""Plain rank-bm25 on the bare paragraphs: what Parley's search must beat.

The same passages, BM25Okapi with its default parameters, and the plainest tokenizer
(lower-cased word characters): no stemming, no stop words, no speakers, no question parsing.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from corpus.models import Passage

_WORD = re.compile(r"\w+")


def plain_terms(text: str) -> list[str]:
    return _WORD.findall(text.lower())


class PlainBM25:
    """BM25Okapi over the passages' texts, as one would set it up in five lines."""

    def __init__(self, passages: Sequence[Passage]) -> None:
        from rank_bm25 import BM25Okapi

        self.passages = passages
        self._okapi = BM25Okapi([plain_terms(p.text) for p in passages])

    def top(self, question: str, k: int) -> list[Passage]:
        """The k best passages for the question, ties in passage order."""
        scores = np.asarray(self._okapi.get_scores(plain_terms(question)))
        order = np.lexsort((np.arange(len(scores)), -scores))[:k]
        return [self.passages[int(i)] for i in order if scores[int(i)] > 0]
