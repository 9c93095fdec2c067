"""From article files to a Corpus of attributed passages."""
from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, chain
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar, cast, overload

from corpus.cancelling import BuildCancelled, Cancel, asking
from corpus.held_articles import HeldArticles, Remake, article_keys
from corpus.loader import KnownFiles, KnownRaw, RawArticle, read_known_articles
from corpus.merge_rewrite import rewrite
from corpus.models import Article, Corpus, LoadProblem, Passage
from corpus.sequence_views import equals_sequence
from corpus.snapshot import Snapshot

if TYPE_CHECKING:
    from corpus.merge_rewrite import Renames
    from corpus.merging import ArticleFacts, MergeEntry, MergeMemory
    from corpus.name_keys import NameParts
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

    def __init__(self, articles: Sequence[Article]) -> None:
        self.articles = articles
        self._ends = list(accumulate(n for _, _, n in article_keys(articles)))

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
        return equals_sequence(self, other)

    def __hash__(self) -> int:
        return hash(tuple(self))


@dataclass(frozen=True)
class KnownArticle:
    """An article made before, as a build holds it without making it (`Attributor.held`):
    what makes it again, its id, path and number of passages, and what the merge reads of
    its people (`corpus.merging.merge_entries`)."""

    remake: Remake
    id: str
    path: str
    passages: int
    entries: tuple[MergeEntry, ...]


class Attributor(Protocol):
    """Where attributed articles come from besides attributing them: an article made before
    (`known`, None when there is none) and where each new one is kept (`keep`)."""

    def known(self, raw: RawArticle) -> Article | None: ...

    def held(self, raw: RawArticle | KnownRaw) -> KnownArticle | None:
        """`known`, the article not made (a build that adds one file reads few of the
        others' people, speakers or passages): None when there is none. A `KnownRaw` (a
        file not parsed again) is looked up by its key."""

    def known_files(self) -> KnownFiles | None:
        """The files an earlier build parsed, by their bytes (`corpus.loader.KnownFiles`):
        those unchanged are not parsed again."""

    def keep(self, raw: RawArticle, article: Article) -> Article | None:
        """Keep a new article; may return an equal one for the build to hold instead (one
        that reads its passages back only when they are read)."""

    def facts(self, article: Article) -> ArticleFacts | None:
        """The article's `corpus.merging.people_facts`, when kept with it."""

    def packing(self) -> Packing | None:
        """How workers send new articles back (`corpus.parallel.Packing`), if not as they
        are."""

    def compact(self, article: Article) -> Remake | None:
        """What makes an equal article again, smaller than the article (its parts read back
        from a spill file), for the build to hold instead; None: the article is held."""

    def renamed(self, article_id: str, path: str, renames: Renames) -> None:
        """The merge renames people of the article of this id and path
        (`corpus.merge_rewrite`): what is kept of it can be rewritten the same way."""

    def merge_memory(self, paths: Sequence[str]) -> tuple[list[str | None], MergeMemory | None]:
        """A key naming the content of the article at each path (None: not known), and what
        the last build of the corpus merged (`corpus.merging.renames_remembered`)."""

    def merged(self, memory: MergeMemory | None) -> None:
        """What this build merged, for the next one."""


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
    from corpus.parallel import Cancelled, attribute_all

    raws, problems = read_known_articles(
        source, attributor.known_files() if attributor is not None else None, cancel)
    if not raws:
        detail = "; ".join(str(p) for p in problems) or "no article files given"
        raise CorpusError(f"no articles could be loaded ({detail})")
    with gc_paused():  # thousands of cached articles read back: objects that all live on
        made: list[KnownArticle | Article | None] = [
            attributor.held(r) if attributor else None for r in asking(raws, cancel)]
    todo: list[RawArticle | None] = [r if isinstance(r, RawArticle) else r.raw()
                                     for r, a in zip(raws, made, strict=True) if a is None]
    del raws  # each new one is let go once attributed and kept: its text is in the article
    sizes = [len(r.title) + sum(map(len, r.paragraphs)) for r in todo if r is not None]
    work = attribute_all(cast("list[RawArticle]", todo), attribute_article, jobs,
                         attributor.packing() if attributor is not None else None, cancel)
    fresh: Iterable[Article] = progress(work, sizes, "Reading articles") if progress else work
    news = iter(fresh)  # in order, made as they are asked for
    held = _Held()
    at = 0
    try:
        for i in range(len(made)):
            if cancel is not None and cancel():
                raise BuildCancelled("the build was cancelled")
            known, made[i] = made[i], None  # held from here as `held` holds it
            if isinstance(known, KnownArticle):
                held.add_known(known)
                continue
            if known is None:
                known = next(news)
                raw, todo[at] = todo[at], None
                at += 1
                if attributor is not None and raw is not None:
                    known = attributor.keep(raw, known) or known
                del raw
            held.add(known, attributor)
            del known
    except Cancelled:
        raise BuildCancelled("the build was cancelled") from None
    finally:
        work.close()  # stops the workers of a cancelled build now
    return held.corpus(tuple(problems), attributor)


class _Held:
    """The articles of a build as they come: each one's merge entries (`corpus.merging`),
    and the article, or what makes it again (`Attributor.compact`)."""

    def __init__(self) -> None:
        self.items: list[Article | Remake] = []
        self.entries: list[tuple[MergeEntry, ...]] = []
        self.ids: list[str] = []
        self.paths: list[str] = []
        self.counts: list[int] = []
        self.shared: dict[object, object] = {}  # names and name parts, each kept once

    def add(self, article: Article, attributor: Attributor | None) -> None:
        from corpus.merging import merge_entries

        facts = attributor.facts(article) if attributor is not None else None
        self.entries.append(merge_entries(article, facts, self.shared))
        small = attributor.compact(article) if attributor is not None else None
        self.items.append(article if small is None else small)
        self.ids.append(article.id)
        self.paths.append(article.path)
        self.counts.append(len(article.passages))

    def add_known(self, known: KnownArticle) -> None:
        shared = self.shared
        self.entries.append(tuple(
            (cast(str, shared.setdefault(name, name)),
             None if role is None else cast(str, shared.setdefault(role, role)),
             cast("NameParts", shared.setdefault(parts, parts)), gender, statements)
            for name, role, parts, gender, statements in known.entries))
        self.items.append(known.remake)
        self.ids.append(known.id)
        self.paths.append(known.path)
        self.counts.append(known.passages)

    def corpus(self, problems: tuple[LoadProblem, ...], attributor: Attributor | None
               ) -> Corpus:
        """One entity per person across the articles (each was read on its own), and the
        corpus of the articles as the merge rewrites them."""
        from corpus.gc_pause import gc_paused
        from corpus.merging import renames_of, renames_remembered

        with gc_paused():
            if attributor is None:
                renames = renames_of(self.entries)
            else:  # only the surname buckets the changed files touch grouped again
                keys, earlier = attributor.merge_memory(self.paths)
                renames, memory = renames_remembered(self.entries, keys, earlier)
                attributor.merged(memory)
            self.entries, self.shared = [], {}
            if attributor is not None:
                for r, aid, path in zip(renames, self.ids, self.paths, strict=True):
                    if r:
                        attributor.renamed(aid, path, r)
            if any(not isinstance(a, Article) for a in self.items):
                articles: Sequence[Article] = HeldArticles(
                    [a if not isinstance(a, Article) or not r else rewrite(a, r)
                     for a, r in zip(self.items, renames, strict=True)],
                    renames, self.ids, self.paths, self.counts)
            else:
                articles = tuple(rewrite(cast(Article, a), r)
                                 for a, r in zip(self.items, renames, strict=True))
            self.items = []
            return Corpus(articles, problems, ArticlesPassages(articles))
