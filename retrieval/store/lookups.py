"""What answering asks of a corpus besides its records, one way for both forms: a corpus
loaded from the cache answers from its saved arrays (no walk over every passage at start),
a freshly built one by one walk, done when first asked."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from corpus.models import Article, Corpus, Passage
from retrieval.store.records_load import SavedPassages
from retrieval.store.speaker_digest import SpeakerDigest, compute_digest


class CorpusLookups(Protocol):
    def article_of(self, passage: int) -> Article:
        """The article that passage `passage` names (the last one with that id)."""
        ...

    def article_numbers(self) -> np.ndarray:
        """int64[passages]: each passage's article as a number, 0, 1, … in passage order
        (a new number where the passages' article changes, as the saved rows count them)."""
        ...

    def speaker_digest(self) -> SpeakerDigest:
        ...


class WalkedLookups:
    """The lookups of a corpus held in memory, each worked out on first use."""

    def __init__(self, corpus: Corpus) -> None:
        self._corpus = corpus
        self._by_id: dict[str, Article] | None = None
        self._digest: SpeakerDigest | None = None

    def article_of(self, passage: int) -> Article:
        by_id = self._by_id
        if by_id is None:
            by_id = self._by_id = {a.id: a for a in self._corpus.articles}
        return by_id[self._corpus.passages[passage].document]

    def article_numbers(self) -> np.ndarray:
        documents = [p.document for p in self._corpus.passages]
        changes = [i > 0 and d != documents[i - 1] for i, d in enumerate(documents)]
        return np.cumsum(np.asarray(changes, dtype=np.int64), dtype=np.int64)

    def speaker_digest(self) -> SpeakerDigest:
        if self._digest is None:
            self._digest = compute_digest(self._corpus)
        return self._digest


def corpus_lookups(corpus: Corpus) -> CorpusLookups:
    """The saved corpus's own lookups, else ones that walk the corpus in memory."""
    passages: Sequence[Passage] = corpus.passages
    if isinstance(passages, SavedPassages):
        return passages
    return WalkedLookups(corpus)
