"""The walk of the corpus files begun ahead (the command line begins it before numpy and the
answering code are imported) stands for the files only at the first start-up check inside
its block: a check of other paths drops it, and so does the end of the block, so it never
stands for the files of a later start."""
from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

import bot.cli
from corpus.build import build_corpus
from retrieval.options import IndexOptions
from retrieval.store import file_signature, file_walk, open_index

pytestmark = pytest.mark.skipif(not file_walk.compiled(),
                                reason="C walk not built (no compiler): nothing walks ahead")

ARTICLE = ("Grain deal extended\n\nThe grain deal was extended, officials said.\n\n"
           "\"We are ready,\" the Kremlin said.\n")


@pytest.fixture
def corpus_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(file_signature, "RACY_NS", 0)  # files written just now count as old
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "grain.txt").write_text(ARTICLE, encoding="utf-8")
    return d


class Walks:
    """Every walk begun, in order, and each walk a check took with whether it had been begun
    before the check asked (ahead)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.begun: list[file_walk.Walk] = []
        self.taken: list[tuple[file_walk.Walk, bool]] = []
        init, walk_of = file_walk.Walk.__init__, file_walk.walk_of

        def counted(walk: file_walk.Walk, paths) -> None:
            init(walk, paths)
            self.begun.append(walk)

        def taking(paths) -> file_walk.Walk:
            before = list(self.begun)
            walk = walk_of(paths)
            self.taken.append((walk, walk in before))
            return walk
        monkeypatch.setattr(file_walk.Walk, "__init__", counted)
        monkeypatch.setattr(file_walk, "walk_of", taking)


def test_the_first_check_in_the_block_takes_the_walk_begun_ahead_once(
        corpus_dir: Path, monkeypatch: pytest.MonkeyPatch):
    walks = Walks(monkeypatch)
    # named another way: resolved as a start resolves it
    with file_walk.walking_ahead([corpus_dir / ".." / "corpus"]):
        assert len(walks.begun) == 1
        first = file_walk.walk_of(file_walk.resolved([corpus_dir]))
        second = file_walk.walk_of(file_walk.resolved([corpus_dir]))
    assert first is walks.begun[0] and second is walks.begun[1]
    assert first.result() == second.result() == file_walk.stream([corpus_dir.resolve()])


def test_a_check_of_other_paths_drops_the_walk_begun_ahead(corpus_dir: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch):
    other = tmp_path / "other"
    other.mkdir()
    walks = Walks(monkeypatch)
    with file_walk.walking_ahead([corpus_dir]):
        assert file_walk.walk_of([other.resolve()]) is not walks.begun[0]
        assert file_walk.walk_of(file_walk.resolved([corpus_dir])) is not walks.begun[0]
    assert len(walks.begun) == 3


def test_a_walk_begun_ahead_is_dropped_at_the_end_of_its_block(
        corpus_dir: Path, monkeypatch: pytest.MonkeyPatch):
    walks = Walks(monkeypatch)
    with file_walk.walking_ahead([corpus_dir]):
        pass
    assert file_walk.walk_of(file_walk.resolved([corpus_dir])) is not walks.begun[0]


def _edit_same_size_old_mtime(d: Path) -> None:
    f = d / "grain.txt"
    st = f.stat()
    f.write_text(ARTICLE.replace("grain", "wheat"), encoding="utf-8")
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))


@pytest.mark.parametrize(("edit_inside", "word"), [(False, "grain"), (True, "wheat")])
def test_a_start_after_the_block_sees_a_change_made_after_the_walk_ahead(
        corpus_dir: Path, edit_inside: bool, word: str):
    """The walk begun ahead saw the old file; the block ends unused (a command that failed
    before opening the index): the next start walks again and serves the new text."""
    open_index([corpus_dir], IndexOptions(), build_corpus)
    with file_walk.walking_ahead([corpus_dir]):
        if edit_inside:
            _edit_same_size_old_mtime(corpus_dir)
    opened = open_index([corpus_dir], IndexOptions(), build_corpus)
    assert word in opened.index and (opened.from_cache is not edit_inside)


@pytest.mark.parametrize("change", [None, _edit_same_size_old_mtime])
def test_a_start_inside_the_block_is_served_only_when_the_files_state_matches(
        corpus_dir: Path, monkeypatch: pytest.MonkeyPatch, change):
    open_index([corpus_dir], IndexOptions(), build_corpus)
    if change is not None:
        change(corpus_dir)
    walks = Walks(monkeypatch)
    with file_walk.walking_ahead([corpus_dir]):
        opened = open_index([corpus_dir], IndexOptions(), build_corpus)
    assert opened.from_cache is (change is None)
    assert ("grain" if change is None else "wheat") in opened.index
    assert walks.taken[0] == (walks.begun[0], True)  # the check took the walk begun ahead
    if change is None:  # and no other walk was needed
        assert len(walks.begun) == 1


@pytest.mark.parametrize("paths", [["~no-such-user-here/corpus"], ["bad\0path"]])
def test_paths_a_start_cannot_resolve_begin_no_walk_and_raise_nothing(
        paths: list[str], monkeypatch: pytest.MonkeyPatch):
    walks = Walks(monkeypatch)
    with file_walk.walking_ahead(paths):
        pass
    assert walks.begun == []


def test_without_the_compiled_walk_nothing_walks_ahead(corpus_dir: Path,
                                                       monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(file_walk, "_filewalk", None)
    walks = Walks(monkeypatch)
    with file_walk.walking_ahead([corpus_dir]):
        state = file_signature.FilesCheck([corpus_dir.resolve()], IndexOptions()).result()
    assert walks.begun == []
    assert state == file_signature.files_state([corpus_dir.resolve()], IndexOptions())


@pytest.mark.parametrize(("argv", "walked_ahead"), [
    (["ask", "What did the Kremlin say?"], True),
    (["quotes", "Kremlin"], True),
    (["check", "the Kremlin", "we are ready"], True),
    (["stats"], True),
    (["eval", "questions", "no-such-file.tsv"], False),
])
def test_the_command_line_walks_ahead_for_the_commands_that_open_the_corpus(
        corpus_dir: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str],
        walked_ahead: bool):
    bot.cli.main(["index", "--quiet", "--corpus", str(corpus_dir)])  # saved once
    walks = Walks(monkeypatch)
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        bot.cli.main([*argv, "--quiet", "--corpus", str(corpus_dir)])
    # one walk, begun ahead and taken by the check; or none at all
    assert len(walks.begun) == (1 if walked_ahead else 0)
    assert walks.taken == ([(walks.begun[0], True)] if walked_ahead else [])


# What must not be imported before the walk begins: the heavy modules a command imports when
# it runs (numpy alone is about half of a start's imports), and the front end that pulls them.
HEAVY_MODULES = ("numpy", "rich", "prompt_toolkit", "tqdm", "xxhash", "retrieval.answering",
                 "retrieval.store.cache", "corpus.build", "bot.loading", "bot.text_render",
                 "bot.json_output")
PARSER_IMPORTS = """
import sys
import bot.cli
bot.cli.build_parser()
print("\\n".join(sorted(sys.modules)))
"""


def test_building_the_command_line_parser_imports_none_of_the_heavy_modules():
    """Every subcommand module is imported to build the parser, before the walk ahead begins:
    one that imports the answering code at its top (as `parley check` once did) delays the
    walk by every import of the start."""
    out = subprocess.run([sys.executable, "-c", PARSER_IMPORTS], capture_output=True,
                         text=True, timeout=120, check=True).stdout.split()
    early = [m for m in out if any(m == h or m.startswith(h + ".") for h in HEAVY_MODULES)]
    assert early == []
