"""A speaker's statements in the articles about a topic, when their words miss it.

"Menzies Campbell on the Guantanamo Britons" means what he said in the story about them,
and his words there ("rescued from a legal no-man's land") need not repeat the topic's:
BM25 over his statements finds only those that do. The articles whose passages best match
the topic (ARTICLE_POOL passages searched over the whole corpus) tell which of his other
statements are about it: those in a better-matching article come first, in the article
nearest its best-matching passage first. They are shown after the statements holding the
topic's words, each with its own BM25Okapi score (0 when it holds none of the words), and
never change what the answer claims: coverage is still measured on the first statement.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from corpus.models import Passage
from retrieval.bm25_index import BM25Index

ARTICLE_POOL = 40  # best passages for the topic, whose articles count as about it


def in_topic_articles(index: BM25Index, passages: Sequence[Passage], searched: Sequence[str],
                      theirs: Collection[int], shown: Collection[int],
                      limit: int) -> list[tuple[int, float]]:
    """Up to `limit` of the speaker's statement passages (`theirs`) not already `shown`,
    in the articles about the topic (best article first, nearest its best passage first),
    each with its own BM25 score for the searched terms."""
    if limit <= 0 or not searched:
        return []
    best: dict[str, tuple[float, int]] = {}  # article -> (best score, best passage)
    for p, score in index.top(searched, ARTICLE_POOL):
        best.setdefault(passages[p].document, (score, p))
    if not best:
        return []
    picked = sorted((p for p in theirs if p not in shown and passages[p].document in best),
                    key=lambda p: _order(best, passages[p].document, p))[:limit]
    own = _scores(index, searched, picked)
    return [(p, own.get(p, 0.0)) for p in picked]


def _order(best: Mapping[str, tuple[float, int]], document: str, p: int) -> tuple[float, int]:
    score, where = best[document]
    return -score, abs(p - where)


def _scores(index: BM25Index, searched: Sequence[str], picked: Sequence[int]
            ) -> dict[int, float]:
    return dict(index.top(searched, len(picked), allowed=picked)) if picked else {}
