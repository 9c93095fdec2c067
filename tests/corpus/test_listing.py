"""Every entry of a corpus folder that is skipped is named once, and nothing is opened while
listing (a FIFO would hang the start)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from corpus.listing import find_article_files

ARTICLE = "Talks resume\n\nThe talks resumed, officials said.\n"


def _problems(paths: list[Path]) -> dict[str, str]:
    files, problems = find_article_files(paths)
    return {Path(p.path).name: p.reason for p in problems}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "news"
    d.mkdir()
    (d / "good.txt").write_text(ARTICLE, encoding="utf-8")
    return d


@pytest.mark.parametrize("make,name,reason", [
    (lambda d: os.mkfifo(d / "pipe.txt"), "pipe.txt", "a FIFO (named pipe), not an article file"),
    (lambda d: os.symlink(d / "gone.txt", d / "dangling.txt"), "dangling.txt",
     "broken symbolic link"),
    (lambda d: os.symlink(d / "self.txt", d / "self.txt"), "self.txt", "symbolic link loop"),
    (lambda d: os.symlink(d, d / "back"), "back",
     "symbolic link to a folder already read (a loop); read once"),
])
def test_an_entry_that_cannot_be_an_article_is_named_once(folder: Path, make, name: str,
                                                         reason: str):
    make(folder)
    files, problems = find_article_files([folder])
    assert [f.name for f in files] == ["good.txt"]
    assert [(Path(p.path).name, p.reason) for p in problems] == [(name, reason)]


def test_a_folder_that_cannot_be_listed_is_named(folder: Path,
                                                 monkeypatch: pytest.MonkeyPatch):
    locked = folder / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(ARTICLE, encoding="utf-8")
    real = os.scandir

    def refuse(path):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)
    monkeypatch.setattr(os, "scandir", refuse)
    assert _problems([folder]) == {"locked": "cannot list folder (Permission denied)"}


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root reads any folder, whatever its mode")
def test_a_folder_without_read_permission_is_named(folder: Path):
    locked = folder / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        assert _problems([folder]) == {"locked": "cannot list folder (Permission denied)"}
    finally:
        locked.chmod(0o755)


def test_a_symbolic_link_to_another_folder_is_followed(tmp_path: Path, folder: Path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "more.txt").write_text(ARTICLE.replace("resumed", "ended"), encoding="utf-8")
    os.symlink(elsewhere, folder / "linked")
    files, problems = find_article_files([folder])
    assert [f.relative_to(folder).as_posix() for f in files] == ["good.txt", "linked/more.txt"]
    assert problems == []


@pytest.mark.parametrize("make,reason", [
    (lambda p: os.mkfifo(p), "a FIFO (named pipe), not a regular file or folder"),
    (lambda p: os.symlink(p.parent / "nowhere", p), "broken symbolic link"),
    (lambda p: None, "no such file or folder"),
])
def test_a_named_path_that_cannot_be_read_says_why(tmp_path: Path, make, reason: str):
    path = tmp_path / "named.txt"
    make(path)
    files, problems = find_article_files([path])
    assert files == [] and [p.reason for p in problems] == [reason]


def test_hidden_entries_are_left_out_quietly(folder: Path):
    os.mkfifo(folder / ".hidden.txt")
    (folder / ".git").mkdir()
    os.symlink(folder / "nowhere", folder / ".git" / "x.txt")
    assert find_article_files([folder])[1] == []


def test_a_file_replaced_by_a_fifo_after_listing_is_refused_not_waited_on(folder: Path):
    from corpus.snapshot import read_bytes

    pipe = folder / "pipe.txt"
    os.mkfifo(pipe)
    read = read_bytes(pipe)  # would block for ever if opened as a plain file
    assert read.data is None and read.error is not None
    assert "not a regular file" in str(read.error)
