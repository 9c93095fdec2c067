"""A built corpus's articles held as what makes each again, not as the articles: an article
whose parts went to the build's spill file (`retrieval.store.spill`) is kept as a small
handle that reads it back when it is asked for, and rewritten then as the merge decided.

Why: every article's people, speakers and strings, held from its attribution to the end of
the save, were most of what a large build held (some 4 KB a passage), though the index and
the records save read only what the article cache kept of each article (its terms, its
records block) and its id, path and number of passages, which are kept here."""
from __future__ import annotations

import operator
from collections.abc import Callable, Iterator, Sequence
from typing import overload

from corpus.merge_rewrite import Renames, rewrite
from corpus.models import Article
from corpus.sequence_views import equals_sequence

Remake = Callable[[], Article]  # makes an equal article again (read back from the spill)


class HeldArticles(Sequence[Article]):
    """Articles, each held as it is or as a `Remake` (made again at every access, with its
    merge `renames` applied), with each one's id, path and number of passages known without
    making it. Equal to any sequence of equal articles, hashed as their tuple."""

    __slots__ = ("_items", "_renames", "ids", "paths", "counts")

    def __init__(self, items: Sequence[Article | Remake], renames: Sequence[Renames],
                 ids: Sequence[str], paths: Sequence[str], counts: Sequence[int]) -> None:
        if not len(items) == len(renames) == len(ids) == len(paths) == len(counts):
            raise ValueError("held articles given with another number of ids or counts")
        self._items = list(items)
        self._renames = list(renames)
        self.ids, self.paths, self.counts = list(ids), list(paths), list(counts)

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, i: int) -> Article: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[Article, ...]: ...

    def __getitem__(self, i: int | slice) -> Article | tuple[Article, ...]:
        if isinstance(i, slice):
            return tuple(self[k] for k in range(*i.indices(len(self))))
        i = operator.index(i)
        item = self._items[i]
        if isinstance(item, Article):
            return item
        return rewrite(item(), self._renames[i])

    def __iter__(self) -> Iterator[Article]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        return equals_sequence(self, other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {len(self)}>"


def article_keys(articles: Sequence[Article]) -> Iterator[tuple[str, str, int]]:
    """(id, path, number of passages) of each article, without making held ones again."""
    if isinstance(articles, HeldArticles):
        return zip(articles.ids, articles.paths, articles.counts, strict=True)
    return ((a.id, a.path, len(a.passages)) for a in articles)
