"""A start loads the entry last recorded while it checks the files: that entry is served only
when the files' state is the one recorded with it; otherwise the start goes on as if it had
never been loaded (bytes hashed, the entry found by its key, or a rebuild)."""
from __future__ import annotations

import gc
import os
import weakref
from pathlib import Path

import pytest

from corpus.build import build_corpus
from corpus.snapshot import read_snapshot
from retrieval.options import IndexOptions
from retrieval.store import cache, file_signature, file_walk, open_index

ARTICLE = ("Grain deal extended\n\nThe grain deal was extended, officials said.\n\n"
           "\"We are ready,\" the Kremlin said.\n")


class Counting:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, snapshot, **kw):
        self.calls += 1
        return build_corpus(snapshot, **kw)


@pytest.fixture
def corpus_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(file_signature, "RACY_NS", 0)  # files written just now count as old
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "grain.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "talks.txt").write_text("Talks resume\n\nThe talks resumed in Istanbul.\n",
                                 encoding="utf-8")
    return d


class Hashing:
    """Counts the starts that read and hash the files' bytes (the shortcut not taken)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        monkeypatch.setattr(cache, "read_snapshot", self)

    def __call__(self, paths, cancel=None):
        self.calls += 1
        return read_snapshot(paths, cancel)


def _edit_same_size_old_mtime(d: Path) -> None:
    f = d / "grain.txt"
    st = f.stat()
    f.write_text(ARTICLE.replace("grain", "wheat"), encoding="utf-8")
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))


def _touch(d: Path) -> None:
    os.utime(d / "talks.txt", ns=(1, 1_000_000_000_000_000_000))  # 2001: times only


def _add_file(d: Path) -> None:
    (d / "wheat.txt").write_text("Wheat prices\n\nWheat prices rose.\n", encoding="utf-8")


@pytest.mark.parametrize(("change", "hashed", "built", "word"), [
    (None, 0, 1, "grain"),                         # the preloaded entry is served
    (_touch, 1, 1, "grain"),                       # times only: same key, found by hashing
    (_edit_same_size_old_mtime, 1, 2, "wheat"),    # the bytes: rebuilt, new text served
    (_add_file, 1, 2, "wheat"),                    # a new file: rebuilt
])
def test_the_preloaded_entry_is_served_only_when_the_files_state_matches(
        corpus_dir: Path, monkeypatch: pytest.MonkeyPatch, change, hashed: int, built: int,
        word: str):
    build = Counting()
    open_index([corpus_dir], IndexOptions(), build)
    hashing = Hashing(monkeypatch)
    if change is not None:
        change(corpus_dir)
    o = open_index([corpus_dir], IndexOptions(), build)
    assert (hashing.calls, build.calls) == (hashed, built)
    assert word in o.index
    assert o.from_cache == (built == 1)
    assert not any("unusable" in m for m in o.messages)


@pytest.mark.parametrize("change", [None, _touch])
def test_a_corrupt_preloaded_entry_is_said_once_and_rebuilt(corpus_dir: Path, change):
    build = Counting()
    first = open_index([corpus_dir], IndexOptions(), build)
    assert first.entry is not None
    (first.entry / "idf.npy").write_bytes(b"not an array")
    if change is not None:
        change(corpus_dir)
    o = open_index([corpus_dir], IndexOptions(), build)
    assert build.calls == 2 and not o.from_cache
    assert sum("unusable" in m for m in o.messages) == 1
    assert open_index([corpus_dir], IndexOptions(), build).from_cache and build.calls == 2


@pytest.mark.parametrize("walk", ["compiled", "python"])
def test_files_check_gives_files_state_and_raises_what_it_raised(
        corpus_dir: Path, walk: str, monkeypatch: pytest.MonkeyPatch):
    if walk == "python":
        monkeypatch.setattr(file_walk, "_filewalk", None)
    elif not file_walk.compiled():
        pytest.skip("C walk not built (no compiler)")
    options = IndexOptions()
    assert file_signature.FilesCheck([corpus_dir], options).result() == \
        file_signature.files_state([corpus_dir], options)
    with pytest.raises(ValueError):
        file_signature.FilesCheck([Path("bad\0path")], options).result()


def test_a_preload_not_served_is_released_before_the_build(corpus_dir: Path,
                                                           monkeypatch: pytest.MonkeyPatch):
    """A start whose files changed does not hold the old entry's arrays through its build."""
    build = Counting()
    open_index([corpus_dir], IndexOptions(), build)
    loaded: list[weakref.ref] = []
    load = cache._load_saved

    def spy(req, key, *, record):
        opened = load(req, key, record=record)
        if opened is not None:
            loaded.append(weakref.ref(opened))
        return opened

    def build_after_release(snapshot, **kw):
        gc.collect()
        assert loaded and all(ref() is None for ref in loaded)
        return build(snapshot, **kw)
    monkeypatch.setattr(cache, "_load_saved", spy)
    _add_file(corpus_dir)
    assert "wheat" in open_index([corpus_dir], IndexOptions(), build_after_release).index
