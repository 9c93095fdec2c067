"""Instant start: the built corpus and its BM25 index, saved once and loaded in milliseconds.

`open_index` loads the saved entry whose key (`retrieval.store.keys`) matches, else builds
and saves one (`retrieval.store.entry`); a corrupt entry (a failed check) is rebuilt with a
message.

Where: `options.cache_dir` when set, else the user cache folder (platformdirs:
`$XDG_CACHE_HOME/parley` or `~/.cache/parley` on Linux, `~/Library/Caches/parley`,
`%LOCALAPPDATA%/parley/Cache`); never beside or inside a corpus. When that folder cannot be
written the index is built in memory and a message says so.
"""
from __future__ import annotations

import contextlib
import dataclasses
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, cast, overload

import numpy as np
import platformdirs

from corpus.build import Attributor
from corpus.cancelling import BuildCancelled, Cancel
from corpus.gc_pause import gc_paused
from corpus.models import Corpus
from corpus.printable import os_error_text, printable
from corpus.snapshot import FileRead, Snapshot, read_snapshot
from retrieval import tokenizer
from retrieval.bm25_index import BM25Index
from retrieval.inverted import InvertedIndex
from retrieval.inverted_build import (
    ArticleTerms,
    ArticleWordIds,
    build_arrays_of_articles,
    build_arrays_of_word_ids,
)
from retrieval.options import IndexOptions
from retrieval.store import file_walk
from retrieval.store.entry import (
    BlockOf,
    SavedStrings,
    SizesOf,
    entry_dir,
    load_entry,
    records_size,
    save_entry,
    stale_entries,
)
from retrieval.store.file_signature import (
    FilesCheck,
    files_state,
    known_key,
    record_key,
    recorded_key,
)
from retrieval.store.index_files import CorruptIndex
from retrieval.store.keys import cache_key, corpus_identity
from retrieval.store.progress import progress_iter
from retrieval.store.records_layout import UnsupportedCorpus

# records_size: `parley stats` (bot/cli_index.py) imports it from here.
__all__ = ["Opened", "build_index", "cache_roots", "open_index", "records_size",
           "user_cache_dir"]


@dataclass
class Opened:
    """What `open_index` found or made."""

    corpus: Corpus
    index: BM25Index
    messages: list[str] = field(default_factory=list)
    entry: Path | None = None        # the saved entry used or written (None: not saved)
    from_cache: bool = False
    seconds: float = 0.0


def user_cache_dir() -> Path | None:
    """The user cache folder (`~/.cache/parley` on Linux, following XDG_CACHE_HOME); None when
    the platform cannot say where home is (a container's user with no passwd entry)."""
    try:
        return Path(platformdirs.user_cache_dir("parley", appauthor=False))
    except (KeyError, OSError, RuntimeError):
        return None


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".probe-"):
            pass
        return True
    except OSError:
        return False


def cache_roots(options: IndexOptions) -> list[Path]:
    """Where a saved index may go: `cache_dir` when set, else the user cache folder; never
    beside or inside a corpus, which is the user's own folder."""
    if options.cache_dir is not None:
        return [Path(options.cache_dir).expanduser()]
    user = user_cache_dir()
    return [user] if user is not None else []


def build_index(corpus: Corpus, options: IndexOptions, progress: bool = False,
                cancel: Cancel | None = None,
                terms: Callable[[str], list[str]] = tokenizer.terms,
                articles: Iterable[ArticleTerms] | Iterable[ArticleWordIds] | None = None,
                words: Callable[[np.ndarray], list[str]] | None = None) -> BM25Index:
    """The BM25 index of a corpus: each passage's `tokenizer.terms(text)` (headline included;
    `articles` may give them, article by article in order, from the article cache: as
    `ArticleWordIds` when `words` gives the strings of their word numbers, else as
    `ArticleTerms`). `cancel` is asked every thousand passages, or hundred articles
    (BuildCancelled)."""
    bm = options.bm25
    if articles is not None:
        def read() -> Iterator[Any]:  # as the index reads them: few alive at once
            for i, a in enumerate(progress_iter(articles, len(corpus.articles),
                                                "Indexing articles", progress)):
                if cancel is not None and i % 100 == 0 and cancel():
                    raise BuildCancelled("the build was cancelled")
                yield a
        with contextlib.suppress(ValueError):  # kept terms that do not fit: from the text
            built = build_arrays_of_articles(read(), bm.k1, bm.b, bm.epsilon) \
                if words is None else \
                build_arrays_of_word_ids(read(), words, bm.k1, bm.b, bm.epsilon)
            return BM25Index.from_inverted(InvertedIndex(*built))

    def docs() -> Iterator[list[str]]:  # read as the index is built: not all alive at once
        for i, d in enumerate(progress_iter((terms(p.text) for p in corpus.passages),
                                            len(corpus.passages), "Indexing passages",
                                            progress)):
            if cancel is not None and i % 1000 == 0 and cancel():
                raise BuildCancelled("the build was cancelled")
            yield d
    return BM25Index(docs(), k1=bm.k1, b=bm.b, epsilon=bm.epsilon)


@dataclass
class _Request:
    """One `open_index` call: which corpus, where entries may be, what the files look like."""

    paths: list[Path]
    options: IndexOptions
    identity: str
    roots: list[Path]
    signature: str | None  # None: files too recent to trust their times next time
    state: str             # the files' sizes, times and inodes, however recent
    messages: list[str] = field(default_factory=list)
    tried: set[Path] = field(default_factory=set)
    changed: bool = False  # the files changed while they were being read


class Build(Protocol):
    """`corpus.build.build_corpus`'s shape: a snapshot's corpus, articles made before taken
    from the `attributor` (the article cache) and the new ones handed to it."""

    def __call__(self, snapshot: Snapshot, /, *, attributor: Attributor) -> Corpus: ...


def _usable_roots(req: _Request) -> list[Path]:
    """The roots a build may write into: `cache_dir` as given (a failure there is said),
    the user cache folder only when it takes a file. Probed once per build."""
    return [r for r in req.roots if req.options.cache_dir is not None or _writable(r)]


def open_index(paths: list[Path], options: IndexOptions, build: Build,
               progress: bool = False, *, rebuild: bool = False, save: bool = True,
               cancel: Cancel | None = None) -> Opened:
    """The corpus and index for `paths`: loaded from a saved entry when one matches, else built
    with `build(snapshot)` + `build_index` and saved, articles attributed before (unchanged
    files) taken from the article cache. `rebuild` builds from the files whatever is saved
    (the article cache too), and replaces the saved entry; `cancel` can stop the indexing
    (BuildCancelled; `build` is given its own)."""
    t0 = time.perf_counter()
    # Absolute paths: the same corpus named two ways (config vs --corpus) shares one entry.
    paths = file_walk.resolved(paths)
    roots = cache_roots(options)
    # Unchanged files (same paths, sizes, times, inodes) since their bytes were last read:
    # the key recorded then is used without reading them again. Their state is worked out
    # while the entry last recorded loads, which is used only if that state is the same.
    check, identity = FilesCheck(paths, options), corpus_identity(paths)
    early = None if rebuild else _preload(paths, options, roots, identity)
    state, settled = check.result()
    req = _Request(paths, options, identity, roots, state if settled else None, state)
    known = None if rebuild else known_key(roots, req.identity, req.signature)
    opened = None if known is None else _known_entry(req, known, early)
    del early  # a preload not served is not held through a build
    if opened is None:
        # Read once and hashed once: the key of exactly the bytes the build would parse,
        # which a saved entry may already hold (the files were touched, or copied).
        snapshot = _read_once(req, cancel)
        key = cache_key(snapshot, options)
        if not rebuild:
            opened = _load_saved(req, key, record=True)
        if opened is None:
            if req.changed:
                req.messages.append("Some corpus files changed while they were being read; "
                                    "the index holds them as read, and the next start reads "
                                    "them again.")
            held = [snapshot]  # handed over: the build lets each file's bytes go once parsed
            del snapshot
            opened = _build(req, held, key, build, progress, cancel, rebuild=rebuild,
                            save=save)
    opened.seconds = time.perf_counter() - t0
    return opened


def _build(req: _Request, held: list[Snapshot], key: str, build: Build, progress: bool,
           cancel: Cancel | None, *, rebuild: bool, save: bool) -> Opened:
    """Build from the snapshot (articles attributed before taken from the article cache) and
    save under `key`."""
    # Imported here: a start served from a saved entry never opens the article cache (nor
    # imports sqlite3 and the records block code).
    from retrieval.store.article_cache import open_cache

    roots = _usable_roots(req) if save else []
    articles = open_cache(roots[0] if roots else None, reuse=not rebuild, corpus=req.identity)
    # One pause for the whole build: between two pauses the collector would walk every
    # object the build made (hundreds of thousands, all alive) once more.
    with gc_paused():  # the corpus, the index and the records: many objects, all kept
        corpus = build(_handed_once(held), attributor=articles)
        opened = Opened(corpus, build_index(corpus, req.options, progress, cancel,
                                            articles=articles.documents(corpus),
                                            words=articles.words.words),
                        req.messages)
        del corpus  # once saved it is served from the entry: the built objects go first
        changes = articles.commit(req.identity)
        line = changes.line() if changes is not None else None
        if line is not None:
            req.messages.append(line)
        if save:
            _save_built(req, roots, key, opened, replace=rebuild, blocks=articles.block,
                        sizes=articles.block_sizes,
                        strings=SavedStrings(articles.packed_block, articles.strings,
                                             articles.digest_facts))
            articles.save_digest_facts()
    return opened


class _ReadOnce(Sequence[FileRead]):
    """A snapshot's files as the build reads them, once, in order: each let go as it is
    taken, so the files' bytes are not held beside the articles parsed from them."""

    def __init__(self, files: Sequence[FileRead]) -> None:
        self._files: list[FileRead | None] = list(files)
        self._taken = False

    def __len__(self) -> int:
        return len(self._files)

    @overload
    def __getitem__(self, i: int) -> FileRead: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[FileRead, ...]: ...

    def __getitem__(self, i: int | slice) -> FileRead | tuple[FileRead, ...]:
        if isinstance(i, slice):
            return tuple(self[k] for k in range(*i.indices(len(self))))
        item = self._files[i]
        if item is None:
            raise RuntimeError("a snapshot's file was read and let go")
        return item

    def __iter__(self) -> Iterator[FileRead]:
        if self._taken:
            raise RuntimeError("a snapshot's files are read once")
        self._taken = True
        for i in range(len(self._files)):
            item, self._files[i] = self._files[i], None
            assert item is not None
            yield item


def _handed_once(held: list[Snapshot]) -> Snapshot:
    """The snapshot in `held` (emptied), its files readable once (`_ReadOnce`)."""
    snapshot = held.pop()
    return dataclasses.replace(snapshot, articles=cast(tuple[FileRead, ...],
                                                       _ReadOnce(snapshot.articles)))


def _preload(paths: list[Path], options: IndexOptions, roots: list[Path],
             identity: str) -> tuple[str, _Request, Opened | None] | None:
    """The entry last recorded for these paths, loaded (and checked) aside: its key, its own
    request (messages, folders tried), and what was loaded."""
    key = recorded_key(roots, identity)
    if key is None:
        return None
    aside = _Request(paths, options, identity, roots, None, "")
    return key, aside, _load_saved(aside, key, record=False)


def _known_entry(req: _Request, known: str, early: tuple[str, _Request, Opened | None] | None
                 ) -> Opened | None:
    """The entry under `known`: the one preloaded when it has that key, else loaded now."""
    if early is None or early[0] != known:
        return _load_saved(req, known, record=False)
    _, aside, opened = early
    req.messages.extend(aside.messages)
    req.tried |= aside.tried
    if opened is not None:
        opened.messages = req.messages
    return opened


def _read_once(req: _Request, cancel: Cancel | None) -> Snapshot:
    """The files' bytes, read once for the key and the build: the index is of the bytes as
    read. When the files changed meanwhile no shortcut is recorded (`req.changed`): the
    next start reads them again."""
    snapshot = read_snapshot(req.paths, cancel)
    req.changed = _changed_since_start(req)
    return snapshot


def _changed_since_start(req: _Request) -> bool:
    if files_state(req.paths, req.options)[0] == req.state:
        return False
    req.signature = None
    return True


def _load_saved(req: _Request, key: str, *, record: bool) -> Opened | None:
    """The saved entry under `key`, if one is there and good (each folder tried once)."""
    stale_seen = False
    for root in req.roots:
        folder = entry_dir(root, key)
        if folder in req.tried:
            continue
        if folder.is_dir():
            req.tried.add(folder)
            try:
                corpus, index = load_entry(folder, key)
            except (CorruptIndex, OSError) as exc:
                req.messages.append(f"Saved index at {printable(str(folder))} is unusable "
                                    f"({exc}); rebuilding.")
                continue
            if record:
                record_key(root, req.identity, req.signature, key)
            return Opened(corpus, index, req.messages, folder, True)
        if stale_entries(root, req.identity, folder):
            stale_seen = True
    if stale_seen and not req.messages:
        req.messages.append("The corpus, the code or the BM25 settings changed since the index "
                            "was saved; rebuilding.")
    return None


def _serve_saved(opened: Opened, key: str) -> None:
    """Answer from the entry just written, as every later start will: its records are
    memory-mapped rather than held as objects, and its speaker digest is the one saved (not
    worked out a second time). Kept as built if the entry cannot be read back."""
    if opened.entry is None:
        return
    with contextlib.suppress(CorruptIndex, OSError):
        opened.corpus, opened.index = load_entry(opened.entry, key)


def _save_built(req: _Request, roots: list[Path], key: str, opened: Opened, *,
                replace: bool, blocks: BlockOf | None = None,
                sizes: SizesOf | None = None, strings: SavedStrings | None = None) -> None:
    """Save in the first of `roots` that takes it; old entries of the corpus go."""
    messages = req.messages
    for root in roots:
        try:
            opened.entry = save_entry(root, key, req.identity, opened.corpus, opened.index,
                                      replace=replace, blocks=blocks, sizes=sizes,
                                      strings=strings)
        except OSError as exc:
            messages.append(f"Could not save the index in {printable(str(root))}: "
                            f"{os_error_text(exc)}.")
            continue
        except UnsupportedCorpus as exc:  # not a corpus the builder makes
            messages.append(f"Could not save the index in {printable(str(root))} ({exc}).")
            break
        for old in stale_entries(root, req.identity, opened.entry):
            shutil.rmtree(old, ignore_errors=True)
        record_key(root, req.identity, req.signature, key)
        n = len(opened.corpus.passages)
        messages.append(f"Built the index of {n} passage{'' if n == 1 else 's'}; saved in "
                        f"{printable(str(opened.entry))} for a fast start next time.")
        _serve_saved(opened, key)
        return
    if any(m.startswith("Could not save") for m in messages):
        messages.append("Built the index in memory; it will be built again next time.")
    else:
        messages.append("Built the index in memory; no writable cache folder, so it will be "
                        "built again next time (set corpus.cache_dir).")
