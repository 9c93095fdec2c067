"""Instant start: save, load (memory-mapped, no pickle), stale and corrupt entries rebuilt."""
from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from corpus.build import build_corpus
from retrieval.options import BM25Params, IndexOptions
from retrieval.store import open_index

ARTICLE = """Peace talks resume in Istanbul

Source: Example News

Turkish President Recep Tayyip Erdogan said: "We want a ceasefire as soon as possible."

Ukraine's negotiator said the talks were constructive. "We are ready," he said.

The Kremlin said there was no breakthrough on the ceasefire.
"""


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    d = tmp_path / "corpus" / "articles"
    d.mkdir(parents=True)
    (d / "talks.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "other.txt").write_text("Grain deal extended\n\nThe grain deal was extended, "
                                 "officials said.\n", encoding="utf-8")
    return d


@pytest.fixture(autouse=True)
def user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user cache folder (XDG_CACHE_HOME/parley), in this test's own temp folder."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "parley"


def load_or_build(paths, options, build):
    o = open_index(paths, options, build)
    return o.corpus, o.index, o.messages


def tree(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


class Counting:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, paths, **kw):
        self.calls += 1
        return build_corpus(paths)


def test_build_then_load_same_results_from_the_user_cache(corpus_dir: Path, user_cache: Path):
    settings = IndexOptions()
    build = Counting()
    before = tree(corpus_dir.parent)
    c1, i1, m1 = load_or_build([corpus_dir], settings, build)
    assert build.calls == 1 and any("saved in" in m for m in m1)
    entry = user_cache
    assert entry.is_dir() and len(list(entry.glob("index-*"))) == 1
    assert tree(corpus_dir.parent) == before  # nothing written beside or inside the corpus
    c2, i2, m2 = load_or_build([corpus_dir], settings, build)
    assert build.calls == 1 and m2 == []  # loaded, not built
    assert c2 == c1 and c2.passages == c1.passages
    assert isinstance(i2.inverted.post_stream, np.memmap)  # memory-mapped
    # the length normalisation worked out while the lengths were read and checked
    norms, built = i2.inverted.norms, i1.inverted.norms
    assert np.array_equal(norms.classes, built.classes) and np.array_equal(norms.table, built.table)
    for q in (["ceasefir"], ["talk", "ceasefir", "talk"], ["grain", "kremlin"], ["nothing"]):
        assert i2.top(q, 5) == i1.top(q, 5)
        assert np.array_equal(i2.scores(q), i1.scores(q))
    assert i2.idf("ceasefir") == i1.idf("ceasefir")
    # Nothing pickled: every array loads with allow_pickle=False.
    for f in next(entry.glob("index-*")).glob("*.npy"):
        np.load(f, allow_pickle=False)


def test_cache_dir_setting_and_relative_paths(corpus_dir: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch):
    cache = tmp_path / "my-cache"
    settings = IndexOptions(cache_dir=cache)
    build = Counting()
    load_or_build([corpus_dir], settings, build)
    assert len(list(cache.glob("index-*"))) == 1
    monkeypatch.chdir(corpus_dir.parent)
    load_or_build([Path("articles")], settings, build)  # same corpus, named relatively
    assert build.calls == 1


def test_stale_when_corpus_or_settings_change(corpus_dir: Path, user_cache: Path):
    build = Counting()
    settings = IndexOptions()
    load_or_build([corpus_dir], settings, build)
    with open(corpus_dir / "other.txt", "a", encoding="utf-8") as f:
        f.write("\nA new paragraph about wheat exports.\n")
    c, index, messages = load_or_build([corpus_dir], settings, build)
    assert build.calls == 2 and any("changed" in m for m in messages)
    assert "wheat" in index
    assert len(list(user_cache.glob("index-*"))) == 1  # old removed
    other = replace(settings, bm25=BM25Params(k1=1.2))
    _, index2, messages = load_or_build([corpus_dir], other, build)
    assert build.calls == 3 and index2.k1 == 1.2


@pytest.mark.parametrize("damage", ["truncate_array", "flip_corpus", "bad_manifest",
                                    "missing_file", "flip_array_byte"])
def test_corrupt_entry_is_rebuilt(corpus_dir: Path, damage: str, user_cache: Path):
    build = Counting()
    settings = IndexOptions()
    c1, i1, _ = load_or_build([corpus_dir], settings, build)
    # what it answered, before the damage reaches its memory-mapped files
    texts, top = [p.text for p in c1.passages], i1.top(["kremlin"], 3)
    entry = next(user_cache.glob("index-*"))
    if damage == "truncate_array":
        p = entry / "post_stream.npy"
        p.write_bytes(p.read_bytes()[:-8])
    elif damage == "flip_array_byte":
        p = entry / "block_table.npy"
        data = bytearray(p.read_bytes())
        data[-1] ^= 0xFF
        p.write_bytes(bytes(data))
    elif damage == "flip_corpus":  # the passage texts (one UTF-8 blob)
        p = entry / "records-text_bytes.npy"
        data = p.read_bytes()
        assert b"Kremlin" in data
        p.write_bytes(data.replace(b"Kremlin", b"Kremlon"))
    elif damage == "bad_manifest":
        (entry / "manifest.json").write_text("{not json", encoding="utf-8")
    else:
        os.remove(entry / "idf.npy")
    c2, i2, messages = load_or_build([corpus_dir], settings, build)
    assert build.calls == 2
    assert any("unusable" in m and "rebuilding" in m for m in messages)
    assert [p.text for p in c2.passages] == texts and i2.top(["kremlin"], 3) == top
    # and the rebuilt entry is good again
    load_or_build([corpus_dir], settings, build)
    assert build.calls == 2


def test_unwritable_user_cache_builds_in_memory_and_says_so(corpus_dir: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    before = tree(corpus_dir.parent)
    o = open_index([corpus_dir], IndexOptions(), Counting())
    assert o.entry is None and any("in memory" in m for m in o.messages)
    assert o.index.top(["kremlin"], 1)
    assert tree(corpus_dir.parent) == before


def test_manifest_lists_checksums(corpus_dir: Path):
    o = open_index([corpus_dir], IndexOptions(), Counting())
    manifest = json.loads((o.entry / "manifest.json").read_text(encoding="utf-8"))
    files = manifest["index"]["files"]
    assert {"block_table.npy", "post_stream.npy", "terms.json"} <= set(files)
    assert all(len(v["xxh3_128"]) == 32 for v in files.values())
    assert manifest["passages"] == len(o.corpus.passages)


def test_unchanged_files_are_not_read_again(corpus_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                            user_cache: Path):
    """Same paths, sizes, times and inodes as when the bytes were hashed: the recorded key
    is used without reading the files."""
    from retrieval.store import cache, file_signature
    monkeypatch.setattr(file_signature, "RACY_NS", 0)
    build = Counting()
    load_or_build([corpus_dir], IndexOptions(), build)
    root = user_cache
    assert len(list(root.glob("files-*.json"))) == 1

    def no_hashing(*a, **k):
        raise AssertionError("file bytes hashed again")
    monkeypatch.setattr(cache, "cache_key", no_hashing)
    o = open_index([corpus_dir], IndexOptions(), build)
    assert o.from_cache and build.calls == 1
    # another BM25 setting: another signature, so the bytes are hashed (here: refused)
    with pytest.raises(AssertionError, match="hashed again"):
        open_index([corpus_dir], IndexOptions(bm25=BM25Params(k1=1.1)), build)


def test_same_size_change_with_old_mtime_is_noticed(corpus_dir: Path,
                                                   monkeypatch: pytest.MonkeyPatch):
    from retrieval.store import file_signature
    monkeypatch.setattr(file_signature, "RACY_NS", 0)
    build = Counting()
    load_or_build([corpus_dir], IndexOptions(), build)
    f = corpus_dir / "other.txt"
    st = f.stat()
    text = f.read_text(encoding="utf-8")
    f.write_text(text.replace("grain", "wheat"), encoding="utf-8")  # same size
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))  # and the old modification time
    _, index, messages = load_or_build([corpus_dir], IndexOptions(), build)
    assert build.calls == 2 and "wheat" in index and any("changed" in m for m in messages)


def test_no_shortcut_for_files_changed_just_now(corpus_dir: Path, user_cache: Path):
    load_or_build([corpus_dir], IndexOptions(), Counting())  # files written moments ago
    assert not list(user_cache.glob("files-*.json"))


def test_library_versions_read_from_folder_names_match_importlib_metadata():
    from importlib import metadata

    from retrieval.store.keys import BUILD_LIBRARIES, installed_versions
    assert installed_versions(BUILD_LIBRARIES) == {
        d: metadata.version(d) for d in BUILD_LIBRARIES}
    assert installed_versions(("no-such-distribution-here",)) == {}
