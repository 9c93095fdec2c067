"""Phrase proximity as a re-ranking over exact BM25 candidates.

BM25 scores words one by one, so "Who said vote Blair, get Brown?" ranks first the many
passages with "Blair" and "Brown" apart, and the one that says "Vote Blair, Get Brown" lower.
Among the best BM25 candidates that score near the best one (NEAR_TOP of its score: a
tie-break, not a second ranking), passages holding more of the question's runs of RUN search
terms in a row (stop words aside, in the question's order) come first; equal counts keep
BM25's order. The scores shown stay BM25Okapi's.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from retrieval.tokenizer import terms

RUN = 3  # search terms in a row
POOL = 30  # BM25 candidates re-ranked
NEAR_TOP = 0.75  # only candidates scoring at least this share of the best one move


def _runs(seq: Sequence[str]) -> set[tuple[str, ...]]:
    return {tuple(seq[i:i + RUN]) for i in range(len(seq) - RUN + 1)}


def by_phrase(ranked: Sequence[tuple[int, float]], topic: str,
              terms_of: Callable[[int], Sequence[str]]) -> list[tuple[int, float]]:
    """The ranked passages, those holding more of the topic's runs first (stable);
    `terms_of(p)` gives a passage's search terms in order."""
    wanted = _runs(terms(topic))
    if not wanted or not ranked:
        return list(ranked)
    floor = NEAR_TOP * max(score for _, score in ranked)
    counts = [len(wanted & _runs(terms_of(p))) if score >= floor else 0
              for p, score in ranked]
    if not any(counts):
        return list(ranked)
    order = sorted(range(len(ranked)), key=lambda i: -counts[i])
    return [ranked[i] for i in order]
