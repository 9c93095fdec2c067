"""A cancelled build stops while the files are still being read and parsed: on a loaded
machine reading thousands of files takes seconds, longer than a shutdown waits."""
from __future__ import annotations

from pathlib import Path

import pytest

import corpus.snapshot as snapshot
from corpus.build import build_corpus
from corpus.cancelling import ASK_EVERY, BuildCancelled, Cancel, asking
from corpus.loader import read_articles

FILES = 5 * ASK_EVERY


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    for i in range(FILES):
        (tmp_path / f"a{i:04d}.txt").write_text(f"Headline {i}\n\nThe talks went on, day {i}.",
                                                encoding="utf-8")
    return tmp_path


def cancel_after(asks: int) -> tuple[list[int], Cancel]:
    """A cancel() that says yes on its `asks`-th question, and how often it was asked."""
    count = [0]

    def cancel() -> bool:
        count[0] += 1
        return count[0] >= asks
    return count, cancel


def test_asking_asks_before_the_first_item_and_every_few_after():
    count, cancel = cancel_after(10**9)
    assert list(asking(range(3 * ASK_EVERY + 1), cancel)) == list(range(3 * ASK_EVERY + 1))
    assert count[0] == 4


def test_asking_without_cancel_yields_everything():
    assert list(asking(range(5), None)) == [0, 1, 2, 3, 4]


@pytest.mark.parametrize("reader", ["read_snapshot", "read_articles", "build_corpus"])
def test_a_cancelled_read_stops_before_reading_every_file(folder, monkeypatch, reader):
    reads = [0]
    real = snapshot.read_bytes

    def counting(path: Path) -> snapshot.FileRead:
        reads[0] += 1
        return real(path)
    monkeypatch.setattr(snapshot, "read_bytes", counting)
    _, cancel = cancel_after(2)  # yes on the second question: after ASK_EVERY files
    run = {"read_snapshot": lambda: snapshot.read_snapshot([folder], cancel),
           "read_articles": lambda: read_articles([folder], cancel),
           "build_corpus": lambda: build_corpus([folder], cancel=cancel)}[reader]
    with pytest.raises(BuildCancelled):
        run()
    assert reads[0] == ASK_EVERY


def test_a_cancelled_parse_stops_before_parsing_every_article(folder):
    snap = snapshot.read_snapshot([folder])
    _, cancel = cancel_after(3)
    with pytest.raises(BuildCancelled):
        read_articles(snap, cancel)
    articles, _ = read_articles(snap, cancel_after(10**9)[1])
    assert len(articles) == FILES
