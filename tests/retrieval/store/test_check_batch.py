"""A saved entry's files checked on two threads: every step of every group runs once, a
group's steps in order, nothing is loaded before every group has passed, and a damaged file
is refused with the same message as when the files are checked one after another."""
from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from corpus.build import build_corpus
from retrieval.options import IndexOptions
from retrieval.store import entry, open_index
from retrieval.store.check_batch import Group, run_groups
from retrieval.store.index_files import CorruptIndex

TALKS = ("Peace talks resume\n\nTurkish President Recep Tayyip Erdogan said: \"We want a "
         "ceasefire as soon as possible.\"\n\nThe Kremlin said there was no breakthrough.\n")
GRAIN = "Grain deal extended\n\nThe grain deal was extended, officials said.\n"


def _groups(done: list[tuple[int, int]], sizes: list[int], steps: int) -> list[Group]:
    lock = threading.Lock()

    def step(g: int, s: int) -> None:
        with lock:
            done.append((g, s))
    return [Group(size, [lambda g=g, s=s: step(g, s) for s in range(steps)])
            for g, size in enumerate(sizes)]


@pytest.mark.parametrize("n_threads", [1, 2, 4])
def test_every_step_runs_once_and_each_groups_steps_in_order(n_threads: int):
    done: list[tuple[int, int]] = []
    run_groups(_groups(done, [5, 50, 1, 20, 7], 4), n_threads)
    assert sorted(done) == [(g, s) for g in range(5) for s in range(4)]
    for g in range(5):
        assert [s for gg, s in done if gg == g] == [0, 1, 2, 3]


def test_one_thread_takes_the_largest_groups_first():
    done: list[tuple[int, int]] = []
    run_groups(_groups(done, [5, 50, 1, 20], 1), 1)
    assert [g for g, _ in done] == [1, 3, 0, 2]


@pytest.mark.parametrize("n_threads", [1, 2])
def test_a_failing_step_is_raised_in_the_caller_and_its_group_stops(n_threads: int):
    done: list[str] = []

    def fail() -> None:
        raise CorruptIndex("text_bytes.npy does not match its checksum")
    groups = [Group(10, [lambda: done.append("a1"), fail, lambda: done.append("a3")]),
              Group(1, [lambda: done.append("b1")])]
    with pytest.raises(CorruptIndex, match="text_bytes.npy does not match"):
        run_groups(groups, n_threads)
    assert "a3" not in done and done[0] == "a1"


@pytest.fixture
def saved(tmp_path: Path) -> tuple[Path, str]:
    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "talks.txt").write_text(TALKS, encoding="utf-8")
    (corpus / "grain.txt").write_text(GRAIN, encoding="utf-8")
    opened = open_index([corpus], IndexOptions(cache_dir=tmp_path / "cache"), build_corpus)
    assert opened.entry is not None
    key = json.loads((opened.entry / entry.MANIFEST).read_text(encoding="utf-8"))["key"]
    return opened.entry, key


def _loaded(folder: Path, key: str, n_threads: int, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(entry, "check_threads", lambda: n_threads)
    return entry.load_entry(folder, key)


def test_two_threads_load_the_very_entry_one_thread_loads(
        saved: tuple[Path, str], monkeypatch: pytest.MonkeyPatch):
    one, two = (_loaded(*saved, n, monkeypatch) for n in (1, 2))
    assert list(one[0].passages) == list(two[0].passages)
    assert list(one[0].articles) == list(two[0].articles)
    for terms in (["ceasefir"], ["grain", "kremlin"], ["talk", "breakthrough"]):
        assert one[1].top(terms, 5) == two[1].top(terms, 5)


@pytest.mark.parametrize("name", ["records-text_bytes.npy", "records-sentences.npy",
                                  "post_stream.npy", "block_table.npy", "doc_len.npy",
                                  "terms.json", "records.json"])
def test_a_flipped_byte_is_refused_alike_on_one_and_two_threads(
        saved: tuple[Path, str], monkeypatch: pytest.MonkeyPatch, name: str):
    folder, key = saved
    path = folder / name
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    messages = []
    for n in (1, 2):
        with pytest.raises(CorruptIndex) as caught:
            _loaded(folder, key, n, monkeypatch)
        messages.append(str(caught.value))
    assert messages[0] == messages[1]
