"""The start-up check of the corpus files: the compiled and the Python walk give the same bytes,
and every change to any file or folder changes the state a start compares."""
from __future__ import annotations

import contextlib
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from retrieval.options import IndexOptions
from retrieval.store import file_signature, file_walk

COMPILED = file_walk._filewalk
needs_compiled = pytest.mark.skipif(COMPILED is None, reason="C walk not built (no compiler)")


def make_tree(root: Path) -> Path:
    """A corpus folder with every kind of entry a walk meets."""
    corpus = root / "corpus"
    (corpus / "politics" / "deep" / "deeper").mkdir(parents=True)
    (corpus / "sport").mkdir()
    (corpus / ".git").mkdir()
    (corpus / "empty").mkdir()
    for i, folder in enumerate(["politics", "sport", "politics/deep", "politics/deep/deeper"]):
        for j in range(12):
            (corpus / folder / f"{j:03d}.txt").write_text(f"Article {i} {j}\n\nText {j}.\n")
    (corpus / ".git" / "HEAD").write_text("ref\n")
    (corpus / "README.md").write_text("about\n")
    (corpus / "caf\xe9.txt").write_text("accented\n")
    os.symlink("politics/000.txt", corpus / "link.txt")
    os.symlink("politics", corpus / "politics-link")            # a second way into a folder
    os.symlink("..", corpus / "sport" / "up")                    # a loop
    os.symlink("nowhere.txt", corpus / "broken.txt")
    os.symlink("self.txt", corpus / "self.txt")                  # a link to itself
    os.mkfifo(corpus / "pipe.txt")
    latin1 = bytes.fromhex("6c6174696ee92e747874").decode(errors="surrogateescape")
    with contextlib.suppress(OSError, UnicodeEncodeError):  # a file system refusing the name
        (corpus / latin1).write_text("latin-1 name\n")
    return corpus


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return make_tree(tmp_path)


@needs_compiled
@pytest.mark.parametrize("threads", [1, 2, 4, 16])
@pytest.mark.parametrize("shape", ["folder", "file", "missing", "two_paths", "same_twice"])
def test_compiled_walk_gives_the_python_walks_bytes(corpus: Path, threads: int, shape: str):
    paths = {"folder": [corpus], "file": [corpus / "sport" / "000.txt"],
             "missing": [corpus / "gone", corpus],
             "two_paths": [corpus / "sport", corpus / "politics"],
             "same_twice": [corpus, corpus / "politics-link", corpus]}[shape]
    python = file_walk.python_stream(paths)
    assert COMPILED.stream([str(p) for p in paths], threads) == python
    assert python[0] and python[1] > 0


@needs_compiled
def test_compiled_walk_of_a_folder_it_cannot_list_gives_the_python_walks_bytes(
        corpus: Path):
    locked = corpus / "politics" / "deep"
    os.chmod(locked, 0)
    try:
        python = file_walk.python_stream([corpus])
        assert COMPILED.stream([str(corpus)], 2) == python
        if os.geteuid() != 0:  # root lists it anyway
            assert b"U" + (13).to_bytes(4, "little") in python[0]  # EACCES
    finally:
        os.chmod(locked, 0o755)


def test_every_entry_is_in_the_stream_once_by_name(corpus: Path):
    data, _ = file_walk.python_stream([corpus])
    for name in [b"FREADME.md", b"FHEAD", b"Fpipe.txt", b"Bbroken.txt", b"Bself.txt",
                 b"Fcaf\xc3\xa9.txt", b"Dempty", b"Ddeeper"]:
        assert data.count(name + b"\0") == 1, name
    # each folder listed once: the second way in and the loop are 'S' records
    assert data.count(b"Spolitics-link\0") == 1 and data.count(b"Sup\0") == 1
    assert data.count(b"F011.txt\0") == 4  # four folders hold an 011.txt


def test_stream_without_the_compiled_walk_is_the_python_walk(corpus: Path,
                                                           monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(file_walk, "_filewalk", None)
    assert file_walk.stream([corpus]) == file_walk.python_stream([corpus])


def test_python_walk_by_full_paths_gives_the_same_bytes(corpus: Path,
                                                      monkeypatch: pytest.MonkeyPatch):
    """Where the platform has no `dir_fd` (Windows), entries are stat'ed by full path."""
    by_fd = file_walk.python_stream([corpus])
    monkeypatch.setattr(file_walk, "_FD_WALK", False)
    assert file_walk.python_stream([corpus]) == by_fd


def _rewrite_same_size_old_mtime(c: Path) -> None:
    f = c / "politics" / "003.txt"
    st = f.stat()
    f.write_text(f.read_text().replace("Text", "Txet"))
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))


def _replace_by_copy_same_times(c: Path) -> None:
    """Another inode with the same bytes, size and modification time."""
    f = c / "sport" / "004.txt"
    st = f.stat()
    shutil.copy2(f, c / "tmp.copy")
    os.replace(c / "tmp.copy", f)
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))


def _append(f: Path) -> None:
    with f.open("a") as out:
        out.write("more\n")


def _retarget(c: Path) -> None:
    (c / "link.txt").unlink()
    os.symlink("politics/001.txt", c / "link.txt")


def _second_link_to_a_folder(c: Path) -> None:
    os.symlink("../politics", c / "sport" / "again")


def _rename_keeping_length(c: Path) -> None:
    os.rename(c / "sport" / "005.txt", c / "sport" / "905.txt")


CHANGES: dict[str, Callable[[Path], None]] = {
    "bytes_same_size_old_mtime": _rewrite_same_size_old_mtime,
    "appended": lambda c: _append(c / "sport" / "001.txt"),
    "mtime_only": lambda c: os.utime(c / "sport" / "002.txt", ns=(1, 10**18)),
    "mode_only": lambda c: os.chmod(c / "sport" / "002.txt", 0o600),
    "replaced_by_copy": _replace_by_copy_same_times,
    "file_added": lambda c: (c / "politics" / "new.txt").write_text("new\n"),
    "hidden_file_added": lambda c: (c / ".git" / "index").write_text("x"),
    "file_removed": lambda c: (c / "politics" / "deep" / "deeper" / "000.txt").unlink(),
    "renamed": _rename_keeping_length,
    "moved_between_folders": lambda c: os.rename(c / "sport" / "006.txt",
                                                 c / "politics" / "deep" / "006b.txt"),
    "folder_added": lambda c: (c / "sport" / "new").mkdir(),
    "folder_removed": lambda c: (c / "empty").rmdir(),
    "symlink_retargeted": _retarget,
    "second_link_to_a_folder": _second_link_to_a_folder,
    "broken_link_fixed": lambda c: (c / "nowhere.txt").write_text("now here\n"),
    "fifo_removed": lambda c: (c / "pipe.txt").unlink(),
}


@pytest.mark.parametrize("walk", ["compiled", "python"])
@pytest.mark.parametrize("change", CHANGES)
def test_any_change_below_the_corpus_changes_the_state(corpus: Path, change: str, walk: str,
                                                       monkeypatch: pytest.MonkeyPatch):
    if walk == "compiled" and COMPILED is None:
        pytest.skip("C walk not built (no compiler)")
    if walk == "python":
        monkeypatch.setattr(file_walk, "_filewalk", None)
    options = IndexOptions()
    before = file_signature.files_state([corpus], options)[0]
    assert file_signature.files_state([corpus], options)[0] == before  # stable
    time.sleep(0.05)  # file times tick with the kernel clock (4-10 ms): a change gets new ones
    CHANGES[change](corpus)
    assert file_signature.files_state([corpus], options)[0] != before


def test_state_is_racy_until_the_newest_change_is_old_enough(corpus: Path,
                                                              monkeypatch: pytest.MonkeyPatch):
    options = IndexOptions()
    assert file_signature.files_signature([corpus], options) is None  # written just now
    monkeypatch.setattr(file_signature, "RACY_NS", 0)
    assert file_signature.files_signature([corpus], options) is not None
