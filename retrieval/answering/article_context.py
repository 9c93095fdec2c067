"""A passage read with its article: BM25's candidates ranked by their own words and by how
well their whole article matches the question, together.

A story names its topic in the headline and the first paragraphs and then goes on without
repeating it, so the paragraph that answers often holds only part of the question while its
article holds the rest: "will the new cadillac BLS go on sale in america" is answered by
"It will not be sold in the US, said GM Europe president Carl-Peter Forster", in the story
headlined "Saab to build Cadillacs in Sweden", where BM25 over paragraphs ranks above it
"GM added that US truck sales fell 9% in February", from a story about something else.
BM25Okapi over whole articles (`retrieval.article_index`: the same terms, one document per
article) tells which stories are about the question. BM25's CANDIDATES best passages are
ranked by the sum of their score over the best candidate's and WEIGHT times their article's
score over the best candidate article's (equal sums keep BM25's order), and the best of
them are kept as the candidates answers are made from. Every passage of an article shares
its article's part, so a story's paragraphs move together, and which of them leads is still
decided by its own words. On the studied question sets (see the README) the article's
part weighed 0.75 to 1.5 of the passage's finds the right passage and speaker within one
question of 1.0, 0.25 seven fewer; giving it only to an article's best candidate loses
many (the answer is often a story's second or third paragraph).

Only the order changes: the scores shown stay BM25Okapi's over the passage's own terms, and
the candidates are BM25's. A corpus of one article (the seed) gives every candidate the same
article part, so its order is BM25's.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from retrieval.bm25_index import BM25Index

CANDIDATES = 50  # BM25's best passages re-ranked with their articles
WEIGHT = 1.0  # the article's share beside the passage's own (both over their best)


def with_their_articles(found: Sequence[tuple[int, float]], searched: Sequence[str],
                        articles: BM25Index, owners: np.ndarray) -> list[tuple[int, float]]:
    """The (passage, score) candidates, best first by their own score and their article's
    together (stable); `owners[p]` is passage p's article in `articles`."""
    best = max((score for _, score in found), default=0.0)
    if len(found) < 2 or best <= 0:
        return list(found)
    theirs = [int(owners[p]) for p, _ in found]
    distinct = sorted(set(theirs))
    if len(distinct) < 2:  # one article's passages: every one has the same article part
        return list(found)
    of_article = dict(articles.top(searched, len(distinct), allowed=distinct))
    best_article = max(of_article.values(), default=0.0)
    if best_article <= 0:
        return list(found)
    fused = [score / best + WEIGHT * of_article.get(a, 0.0) / best_article
             for (_, score), a in zip(found, theirs, strict=True)]
    order = sorted(range(len(found)), key=lambda i: -fused[i])
    return [found[i] for i in order]
