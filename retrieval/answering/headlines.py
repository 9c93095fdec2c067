"""A headline after its own story's passages.

A headline (paragraph 0) restates its story in a few words, so BM25, which favours short
passages, ranks it above the paragraphs that say the same at length and the ones that say
more ("Bad weather hits Nestle sales" above the paragraph on why sales fell). It answers
nothing its story's paragraphs do not: among the candidates, a headline moves to just after
the last candidate from its own article, and stays where it is when none is there (then it
is the story's only evidence). The scores stay BM25Okapi's; only the order changes.
"""
from __future__ import annotations

from collections.abc import Sequence

from corpus.models import Passage

HEADLINE = 0  # the paragraph number of an article's headline


def after_their_story(ranked: Sequence[tuple[int, float]],
                      passages: Sequence[Passage]) -> list[tuple[int, float]]:
    """The ranked passages with each headline moved after its own article's other
    candidates (stable otherwise)."""
    last: dict[str, int] = {}  # article -> position of its last body passage in `ranked`
    for i, (p, _) in enumerate(ranked):
        if passages[p].index != HEADLINE:
            last[passages[p].document] = i
    moved: dict[int, list[tuple[int, float]]] = {}  # after position -> headlines
    out_of_place: set[int] = set()
    for i, (p, _) in enumerate(ranked):
        passage = passages[p]
        after = last.get(passage.document, -1)
        if passage.index == HEADLINE and after > i:
            moved.setdefault(after, []).append(ranked[i])
            out_of_place.add(i)
    if not out_of_place:
        return list(ranked)
    order: list[tuple[int, float]] = []
    for i, item in enumerate(ranked):
        if i not in out_of_place:
            order.append(item)
        order.extend(moved.get(i, ()))
    return order
