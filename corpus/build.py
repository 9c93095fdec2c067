"""From article files to a Corpus of attributed passages."""
from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate, chain
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar, cast, overload

from corpus.cancelling import BuildCancelled, Cancel, asking
from corpus.loader import RawArticle, read_articles
from corpus.models import Article, Corpus, Passage
from corpus.snapshot import Snapshot

if TYPE_CHECKING:
    from corpus.merge_rewrite import Renames
    from corpus.merging import ArticleFacts
    from corpus.parallel import Packing

T = TypeVar("T")
# (items, each one's size in characters, what is being done) -> the items, shown advancing
Progress = Callable[[Iterable[T], Sequence[int], str], Iterable[T]]


class CorpusError(Exception):
    """No article could be loaded; the message says why, file by file."""


def attribute_article(raw: RawArticle) -> Article:
    """Cut an article into passages (headline = passage 0, then paragraphs) of attributed
    sentences."""
    # Imported here: a start from the saved corpus never attributes, so need not load them.
    from corpus.attribution import ArticleAttributor
    from corpus.sentences import split_sentences

    texts = [raw.title, *raw.paragraphs]
    spans = [split_sentences(t) for t in texts]
    aliases = list(raw.aliases)
    attributor = ArticleAttributor(texts, spans, aliases)
    sentences = attributor.run()
    passages = tuple(Passage(raw.id, i, text, tuple(sents))
                     for i, (text, sents) in enumerate(zip(texts, sentences, strict=True))
                     if text.strip())
    speaking = {s.speaker.name for p in passages for s in p.sentences if s.speaker}
    user_named = {e.name for e in aliases}
    people = tuple(p for p in attributor.people.freeze()
                   if p.kind == "person" or p.name in speaking or p.name in user_named)
    return Article(raw.id, raw.path, raw.title, passages, people, raw.source, raw.date, raw.url)


class ArticlesPassages(Sequence[Passage]):
    """A built corpus's passages: its articles' passages end to end, read through the
    articles rather than copied out. Why: an article taken from the article cache makes its
    passages only when they are read, and a build that adds one file reads few of them."""

    __slots__ = ("articles", "_ends")

    def __init__(self, articles: tuple[Article, ...]) -> None:
        self.articles = articles
        self._ends = list(accumulate(len(a.passages) for a in articles))

    def __len__(self) -> int:
        return self._ends[-1] if self._ends else 0

    @overload
    def __getitem__(self, i: int) -> Passage: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[Passage, ...]: ...

    def __getitem__(self, i: int | slice) -> Passage | tuple[Passage, ...]:
        if isinstance(i, slice):
            return tuple(self[k] for k in range(*i.indices(len(self))))
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("passage index out of range")
        a = bisect.bisect_right(self._ends, i)
        return self.articles[a].passages[i - (self._ends[a - 1] if a else 0)]

    def __iter__(self) -> Iterator[Passage]:
        return chain.from_iterable(a.passages for a in self.articles)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return len(other) == len(self) and all(x == y for x, y in zip(self, other,
                                                                      strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))


class Attributor(Protocol):
    """Where attributed articles come from besides attributing them: an article made before
    (`known`, None when there is none) and where each new one is kept (`keep`)."""

    def known(self, raw: RawArticle) -> Article | None: ...

    def keep(self, raw: RawArticle, article: Article) -> Article | None:
        """Keep a new article; may return an equal one for the build to hold instead (one
        that reads its passages back only when they are read)."""

    def facts(self, article: Article) -> ArticleFacts | None:
        """The article's `corpus.merging.people_facts`, when kept with it."""

    def packing(self) -> Packing | None:
        """How workers send new articles back (`corpus.parallel.Packing`), if not as they
        are."""

    def renamed(self, before: Article, after: Article, renames: Renames) -> None:
        """The merge rewrote `before` as `after` (`corpus.merge_rewrite`): what is kept of
        `before` can be rewritten the same way."""


def build_corpus(source: Sequence[Path] | Snapshot, progress: Progress | None = None,
                 cancel: Cancel | None = None, attributor: Attributor | None = None,
                 jobs: int = 1) -> Corpus:
    """Load and attribute every article of a snapshot (or under paths, read now: see
    `corpus.snapshot` for why the saved index builds from one). Articles the `attributor`
    knows are taken from it; the others are attributed on `jobs` processes
    (`corpus.parallel`) and handed to it. Problem files are reported in `Corpus.problems`;
    CorpusError when nothing at all could be loaded. `cancel` is asked while the files are
    read and parsed and before each article: True stops the build with BuildCancelled."""
    # Imported here, as the attributor is: a start from the saved corpus never merges.
    from corpus.gc_pause import gc_paused
    from corpus.merge_rewrite import rewrite
    from corpus.merging import merge_renames
    from corpus.parallel import Cancelled, attribute_all

    raws, problems = read_articles(source, cancel)
    if not raws:
        detail = "; ".join(str(p) for p in problems) or "no article files given"
        raise CorpusError(f"no articles could be loaded ({detail})")
    with gc_paused():  # thousands of cached articles read back: objects that all live on
        made: list[Article | None] = [attributor.known(r) if attributor else None
                                      for r in asking(raws, cancel)]
    todo: list[RawArticle | None] = [r for r, a in zip(raws, made, strict=True) if a is None]
    del raws  # each new one is let go once attributed and kept: its text is in the article
    sizes = [len(r.title) + sum(map(len, r.paragraphs)) for r in todo if r is not None]
    work = attribute_all(cast("list[RawArticle]", todo), attribute_article, jobs,
                         attributor.packing() if attributor is not None else None, cancel)
    fresh: Iterable[Article] = progress(work, sizes, "Reading articles") if progress else work
    news = iter(fresh)  # in order, made as they are asked for
    articles: list[Article] = []
    at = 0
    try:
        for known in made:
            if cancel is not None and cancel():
                raise BuildCancelled("the build was cancelled")
            if known is None:
                known = next(news)
                raw, todo[at] = todo[at], None
                at += 1
                if attributor is not None and raw is not None:
                    known = attributor.keep(raw, known) or known
                del raw
            articles.append(known)
    except Cancelled:
        raise BuildCancelled("the build was cancelled") from None
    finally:
        work.close()  # stops the workers of a cancelled build now
    # One entity per person across the articles (each was read on its own).
    facts = [attributor.facts(a) for a in articles] if attributor is not None else None
    with gc_paused():
        renames = merge_renames(articles, facts)
        kept = tuple(rewrite(a, r) for a, r in zip(articles, renames, strict=True))
        if attributor is not None:
            for before, after, r in zip(articles, kept, renames, strict=True):
                if after is not before:
                    attributor.renamed(before, after, r)
        return Corpus(kept, tuple(problems), ArticlesPassages(kept))
