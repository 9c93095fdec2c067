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

import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from corpus.build import BuildCancelled, Cancel
from corpus.models import Corpus
from retrieval import tokenizer
from retrieval.bm25_index import BM25Index
from retrieval.options import IndexOptions
from retrieval.store.entry import entry_dir, load_entry, records_size, save_entry, stale_entries
from retrieval.store.file_signature import files_signature, known_key, record_key
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
                cancel: Cancel | None = None) -> BM25Index:
    """The BM25 index of a corpus: each passage's `tokenizer.terms(text)` (headline included).
    `cancel` is asked every thousand passages (BuildCancelled)."""
    docs = []
    for i, p in enumerate(progress_iter(corpus.passages, len(corpus.passages),
                                        "Indexing passages", progress, min_total=5000)):
        if cancel is not None and i % 1000 == 0 and cancel():
            raise BuildCancelled("the build was cancelled")
        docs.append(tokenizer.terms(p.text))
    bm = options.bm25
    return BM25Index(docs, k1=bm.k1, b=bm.b, epsilon=bm.epsilon)


@dataclass
class _Request:
    """One `open_index` call: which corpus, under which key, where entries may be."""

    paths: list[Path]
    options: IndexOptions
    identity: str
    roots: list[Path]
    signature: str | None
    known: str | None
    key: str
    messages: list[str] = field(default_factory=list)


def open_index(paths: list[Path], options: IndexOptions, build: Callable[[list[Path]], Corpus],
               progress: bool = False, *, rebuild: bool = False, save: bool = True,
               cancel: Cancel | None = None) -> Opened:
    """The corpus and index for `paths`: loaded from a saved entry when one matches, else built
    with `build(paths)` + `build_index` and saved. `rebuild` ignores any saved entry; `cancel`
    can stop the indexing (BuildCancelled; `build` is given its own)."""
    t0 = time.perf_counter()
    # Absolute paths: the same corpus named two ways (config vs --corpus) shares one entry.
    paths = [Path(p).expanduser().resolve() for p in paths]
    identity = corpus_identity(paths)
    roots = cache_roots(options)
    # Unchanged files (same paths, sizes, times, inodes) since their bytes were last hashed:
    # the key recorded then is used without reading them again.
    signature = files_signature(paths, options)
    known = None if rebuild else known_key(roots, identity, signature)
    req = _Request(paths, options, identity, roots, signature, known,
                   known or cache_key(paths, options))
    opened = None if rebuild else _load_saved(req)
    if opened is None:
        corpus = build(paths)
        opened = Opened(corpus, build_index(corpus, options, progress, cancel), req.messages)
        if save:
            _save_built(req, opened)
    opened.seconds = time.perf_counter() - t0
    return opened


def _load_saved(req: _Request) -> Opened | None:
    """The saved entry under the request's key, if one is there and good."""
    stale_seen = False
    for root in req.roots:
        folder = entry_dir(root, req.key)
        if folder.is_dir():
            try:
                corpus, index = load_entry(folder, req.key)
            except (CorruptIndex, OSError) as exc:
                req.messages.append(f"Saved index at {folder} is unusable ({exc}); rebuilding.")
                continue
            if req.key != req.known:
                record_key(root, req.identity, req.signature, req.key)
            return Opened(corpus, index, req.messages, folder, True)
        if stale_entries(root, req.identity, folder):
            stale_seen = True
    if stale_seen and not req.messages:
        req.messages.append("The corpus, the code or the BM25 settings changed since the index "
                            "was saved; rebuilding.")
    return None


def _save_built(req: _Request, opened: Opened) -> None:
    """Save in the first cache root that takes it; old entries of the corpus go."""
    messages = req.messages
    for root in req.roots:
        if req.options.cache_dir is None and not _writable(root):
            continue
        try:
            opened.entry = save_entry(root, req.key, req.identity, opened.corpus, opened.index)
        except OSError as exc:
            messages.append(f"Could not save the index in {root} ({exc.strerror or exc}).")
            continue
        except UnsupportedCorpus as exc:  # not a corpus the builder makes
            messages.append(f"Could not save the index in {root} ({exc}).")
            break
        for old in stale_entries(root, req.identity, opened.entry):
            shutil.rmtree(old, ignore_errors=True)
        record_key(root, req.identity, req.signature, req.key)
        messages.append(f"Built the index of {len(opened.corpus.passages)} passages; saved in "
                        f"{opened.entry} for a fast start next time.")
        return
    messages.append("Built the index in memory; no writable cache folder, so it will be "
                    "built again next time (set corpus.cache_dir).")
