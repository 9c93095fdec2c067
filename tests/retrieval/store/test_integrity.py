"""A saved index never serves what the files don't say: read once and keyed by what was read,
every byte and reference checked before serving, and a forced rebuild that really rebuilds."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import numpy as np
import pytest

from corpus import snapshot
from corpus.build import build_corpus
from corpus.snapshot import FileRead
from retrieval.options import IndexOptions
from retrieval.store import file_signature, open_index
from retrieval.store.entry import MANIFEST, RECORDS_PREFIX
from retrieval.store.index_files import file_entry

OLD = "Grain deal extended\n\nThe grain deal was extended, officials said.\n"
NEW = "Wheat talks stall\n\nThe wheat talks stalled, a diplomat said.\n"
TALKS = ("Peace talks resume\n\nTurkish President Recep Tayyip Erdogan said: \"We want a "
         "ceasefire as soon as possible.\"\n\nThe Kremlin said there was no breakthrough.\n")
QUESTIONS = (["ceasefir"], ["grain", "kremlin"], ["talk", "breakthrough", "talk"])


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    d = tmp_path / "articles"
    d.mkdir()
    (d / "talks.txt").write_text(TALKS, encoding="utf-8")
    (d / "grain.txt").write_text(OLD, encoding="utf-8")
    return d


@pytest.fixture
def options(tmp_path: Path) -> IndexOptions:
    return IndexOptions(cache_dir=tmp_path / "cache")


def _texts(opened) -> str:
    return "\n".join(p.text for p in opened.corpus.passages)


def _answers(opened) -> list:
    return [opened.index.top(q, 5) for q in QUESTIONS]


def test_file_saved_while_read_leaves_no_entry_holding_other_text(
        corpus_dir: Path, options: IndexOptions, monkeypatch: pytest.MonkeyPatch):
    """An editor's write-then-rename just after Parley read the old bytes: the entry holds
    the old text under the old bytes' key, and the next start serves the new text."""
    real = snapshot.read_bytes
    target = corpus_dir / "grain.txt"

    def read_then_swap(path: Path) -> FileRead:
        got = real(path)
        if path == target:
            tmp = corpus_dir / ".grain.txt.swp"
            tmp.write_text(NEW, encoding="utf-8")
            os.replace(tmp, target)
        return got
    monkeypatch.setattr(snapshot, "read_bytes", read_then_swap)
    first = open_index([corpus_dir], options, build_corpus)
    monkeypatch.setattr(snapshot, "read_bytes", real)
    assert "grain deal" in _texts(first) and "wheat" not in _texts(first)
    assert any("changed while they were being read" in m for m in first.messages)
    again = open_index([corpus_dir], options, build_corpus)
    assert not again.from_cache and "wheat talks" in _texts(again)
    assert "grain deal" not in _texts(again)
    # and the next one is the new text's own entry
    third = open_index([corpus_dir], options, build_corpus)
    assert third.from_cache and "wheat talks" in _texts(third)


def test_file_saved_between_listing_and_reading_is_indexed_as_read(
        corpus_dir: Path, options: IndexOptions, monkeypatch: pytest.MonkeyPatch):
    """The swap lands before the read: the index and its key are both of the new bytes."""
    real = snapshot.read_bytes
    target = corpus_dir / "grain.txt"

    def swap_then_read(path: Path) -> FileRead:
        if path == target and OLD in target.read_text(encoding="utf-8"):
            target.write_text(NEW, encoding="utf-8")
        return real(path)
    monkeypatch.setattr(snapshot, "read_bytes", swap_then_read)
    first = open_index([corpus_dir], options, build_corpus)
    monkeypatch.setattr(snapshot, "read_bytes", real)
    assert "wheat talks" in _texts(first)
    again = open_index([corpus_dir], options, build_corpus)
    assert again.from_cache and _texts(again) == _texts(first)


def _entry_files(entry: Path) -> list[Path]:
    return sorted(p for p in entry.iterdir() if p.is_file())


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("files_settled", [True, False], ids=["key-recorded", "key-by-hashing"])
def test_a_flipped_byte_anywhere_in_the_saved_index_is_caught_and_rebuilt(
        corpus_dir: Path, options: IndexOptions, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, files_settled: bool):
    """Every file of the entry, at its first, middle and last bytes and two between: each
    flip is caught (or, in the manifest's free text, harmless) and the answers are a clean
    build's; whether the start found the key by the files' times or by hashing them."""
    if files_settled:
        monkeypatch.setattr(file_signature, "RACY_NS", 0)
    clean = open_index([corpus_dir], options, build_corpus)
    entry = clean.entry
    assert entry is not None
    expected, texts = _answers(clean), _texts(clean)
    pristine = entry.parent / "pristine"
    shutil.copytree(entry, pristine)
    trials = caught = 0
    for name in [p.name for p in _entry_files(entry)]:
        size = (entry / name).stat().st_size
        for offset in sorted({0, size // 4, size // 2, 3 * size // 4, size - 1}):
            _flip(entry / name, offset)
            opened = open_index([corpus_dir], options, build_corpus)
            trials += 1
            rebuilt = not opened.from_cache
            caught += rebuilt
            assert _answers(opened) == expected and _texts(opened) == texts, (name, offset)
            if name != MANIFEST:
                assert rebuilt and any("unusable" in m for m in opened.messages), (name, offset,
                                                                          opened.messages)
            shutil.rmtree(entry)
            shutil.copytree(pristine, entry)
    with capsys.disabled():
        print(f"\n[corruption] {trials} byte flips over {len(_entry_files(entry))} files; "
              f"{caught} caught and rebuilt, the rest harmless manifest text")
    assert trials >= 5 * (len(_entry_files(entry)) - 1)


def _rewrite(entry: Path, array: str, change) -> None:
    """Change one saved array and update its checksum in the manifest, as a writer's bug
    would leave it: whole, checksummed, and wrong."""
    manifest = json.loads((entry / MANIFEST).read_text(encoding="utf-8"))
    path = entry / f"{array}.npy"
    arr = np.load(path)
    change(arr)
    np.save(path, arr)
    for part in (manifest["index"]["files"], manifest["records"]["arrays"]):
        for key in (f"{array}.npy", array.removeprefix(RECORDS_PREFIX)):
            if key in part and (part is manifest["index"]["files"]) == (key.endswith(".npy")):
                part[key].update(file_entry(path))
    (entry / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


def _set(index: tuple, value) -> object:
    def change(arr: np.ndarray) -> None:
        arr[index] = value
    return change


@pytest.mark.parametrize("array,change,why", [
    ("block_table", _set((0, 0), 10_000), "the postings' block table does not add up"),
    ("block_table", _set((-2, 0), 40 << 32), "the postings' block table does not add up"),
    ("block_table", _set((1, 1), 10**6), "the postings' block table does not add up"),
    ("post_stream", _set(slice(0, -8), 0xFF), "a block of postings does not decode"),
    ("idf", _set((0,), -np.inf), "an idf is not a finite number"),
    ("tier_max", _set((0,), np.nan), "a tier's maximum weight is not a finite number"),
    ("tier_blocks", _set((1,), 10**9), "the tiers' blocks do not run up"),
    ("records-text_offsets", _set((1,), 10**9), "the passage texts are cut wrongly"),
    ("records-text_bytes", _set((0,), 0xFF), "a passage text is not UTF-8"),
    ("records-sentences", _set((0, 2), 999), "a sentence names a speaker"),
    ("records-speakers", _set((0, 1), 10**6), "a speaker or person names a string"),
    ("records-articles", _set((0, 0), -5), "an article names a string"),
    ("records-passages", _set((0, 0), 7), "a passage names an article"),
    ("records-statements", _set((0, 0), 10**6), "a statement names a passage"),
])
def test_an_entry_whole_but_wrong_is_refused_and_rebuilt(
        corpus_dir: Path, options: IndexOptions, array: str, change, why: str):
    clean = open_index([corpus_dir], options, build_corpus)
    assert clean.entry is not None
    expected = _answers(clean)  # before the change reaches its memory-mapped files
    _rewrite(clean.entry, array, change)
    opened = open_index([corpus_dir], options, build_corpus)
    assert not opened.from_cache
    assert any(why in m and "rebuilding" in m for m in opened.messages), opened.messages
    assert _answers(opened) == expected
    assert open_index([corpus_dir], options, build_corpus).from_cache  # repaired for good


def test_forced_rebuild_replaces_an_entry_that_passes_every_check(
        corpus_dir: Path, options: IndexOptions):
    """An entry can be whole, checksummed and still not what the files say (here: a text
    changed and re-checksummed); `index --force` builds from the files and replaces it."""
    clean = open_index([corpus_dir], options, build_corpus)
    assert clean.entry is not None

    def wrong_text(arr: np.ndarray) -> None:
        at = bytes(arr).find(b"ceasefire")
        arr[at:at + 9] = np.frombuffer(b"armistice", dtype=np.uint8)
    _rewrite(clean.entry, "records-text_bytes", wrong_text)
    served = open_index([corpus_dir], options, build_corpus)
    assert served.from_cache and "armistice" in _texts(served)  # nothing to catch
    forced = open_index([corpus_dir], options, build_corpus, rebuild=True)
    assert not forced.from_cache and "armistice" not in _texts(forced)
    after = open_index([corpus_dir], options, build_corpus)
    assert after.from_cache and "ceasefire" in _texts(after) and "armistice" not in _texts(after)


def test_alias_file_change_makes_a_new_key(corpus_dir: Path, options: IndexOptions):
    """An article's alias file is read with it and hashed into the key: editing it is seen."""
    first = open_index([corpus_dir], options, build_corpus)
    (corpus_dir / "talks.aliases.toml").write_text(
        '[[person]]\nname = "Recep Tayyip Erdogan"\naliases = ["the Turkish leader"]\n',
        encoding="utf-8")
    again = open_index([corpus_dir], options, build_corpus)
    assert first.from_cache is False and again.from_cache is False
    people = {p.name: p for a in again.corpus.articles for p in a.people}
    assert "the turkish leader" in people["Recep Tayyip Erdogan"].aliases
