"""progress_iter stays out of the way off a terminal; `parley index` and `parley stats`."""
from __future__ import annotations

import io
import json
import sys
import time
from pathlib import Path

import pytest

from retrieval import inverted
from retrieval.store import progress
from retrieval.store.progress import progress_iter


def test_progress_iter_plain_when_not_a_tty(monkeypatch: pytest.MonkeyPatch):
    items = list(range(1000))
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert progress_iter(items, 1000, "x", True) is items
    assert progress_iter(items, 1000, "x", False) is items


def test_progress_iter_bar_on_a_tty(monkeypatch: pytest.MonkeyPatch):
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True
    fake = Tty()
    monkeypatch.setattr(sys, "stderr", fake)
    items = list(range(1000))
    wrapped = progress_iter(items, 1000, "Reading", True)
    assert list(wrapped) == items
    assert fake.getvalue() == ""  # done within the first second: no bar
    assert progress_iter(items, 1000, "Reading", False) is items  # --quiet


def test_progress_line_appears_for_one_slow_item(monkeypatch: pytest.MonkeyPatch):
    """One large article: no item finishes for a while, yet the line shows (counting its
    characters) once the delay has passed."""
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True
    fake = Tty()
    monkeypatch.setattr(sys, "stderr", fake)
    monkeypatch.setattr(progress, "DELAY_SECONDS", 0.05)
    monkeypatch.setattr(progress, "TICK_SECONDS", 0.02)
    shown_during = ""
    for _ in progress_iter(["big"], 1, "Reading articles", True, sizes=[5_000_000]):
        deadline = time.monotonic() + 5
        while "Reading articles" not in fake.getvalue() and time.monotonic() < deadline:
            time.sleep(0.01)
        shown_during = fake.getvalue()
    assert "Reading articles" in shown_during and "chars" in shown_during


ARTICLE = "Talks resume\n\nThe president said talks would resume on Monday.\n"


def test_cli_index_and_stats(run_parley, tmp_path: Path):
    corpus = tmp_path / "c" / "articles"
    corpus.mkdir(parents=True)
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    r = run_parley("index", "--corpus", corpus)
    assert r.returncode == 0, r.stderr
    assert "Index built" in r.stdout and "saved in" in r.stderr
    r = run_parley("index", "--corpus", corpus, "--quiet")
    assert r.returncode == 0 and "already up to date" in r.stdout and r.stderr == ""
    r = run_parley("index", "--corpus", corpus, "--force")
    assert r.returncode == 0 and "Index rebuilt from the files" in r.stdout, r.stderr
    r = run_parley("stats", "--corpus", corpus, "--json")
    assert r.returncode == 0, r.stderr
    st = json.loads(r.stdout)
    assert st["articles"] == 1 and st["passages"] == 2 and st["loaded_from_cache"]
    assert st["vocabulary"] > 3 and st["index_bytes_on_disk"] > 0
    # the subprocess imports the same installed build as this one
    assert st["compiled_search"] is (inverted._accumulate is not None)
    r = run_parley("stats", "--corpus", corpus)
    assert r.returncode == 0 and "Vocabulary" in r.stdout and "Small queries" in r.stdout
    r = run_parley("stats", "--corpus", tmp_path / "missing")
    assert r.returncode == 1
