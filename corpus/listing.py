"""Which files of the corpus folders are articles, and every entry that is skipped, named once:
hidden and housekeeping files are left out quietly (`parley sources` lists them); what looks
like an article but cannot be read as one (a FIFO, a broken or looping symbolic link, a folder
that cannot be listed) is a LoadProblem. Nothing is ever opened here, so a FIFO cannot hang a
start."""
from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from corpus.models import LoadProblem

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown"}
# Files a corpus folder holds about itself, not news: READMEs, source lists, licences. Matched
# on the name before its first dot, in any case ("README.TXT", "Sources.md", "LICENSE").
NOT_ARTICLE_NAMES = ("readme", "sources", "license", "licence", "copying", "changelog")


def is_left_out(path: Path, folder: Path) -> bool:
    """Whether a file found in a corpus folder is not an article: hidden (a dot file, or in a
    dot folder such as `.git`), or one of NOT_ARTICLE_NAMES. A file named on its own is
    always read: the user asked for it."""
    under, own = path.parts, folder.parts
    # (`relative_to` made a path per file: the parts past the folder's, when it is below)
    parts = under[len(own):] if under[:len(own)] == own else path.relative_to(folder).parts
    return (any(part.startswith(".") for part in parts)
            or path.name.split(".", 1)[0].lower() in NOT_ARTICLE_NAMES)


def _is_article_name(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


@dataclass
class _Walk:
    """Article-named files below one folder, and what could not be used; symbolic links to
    folders are followed, each folder once (a link back up is a loop, reported)."""

    files: list[Path] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)
    seen: set[tuple[int, int]] = field(default_factory=set)

    def folder(self, path: Path, st: os.stat_result) -> None:
        if (st.st_dev, st.st_ino) in self.seen:
            self.problems.append(LoadProblem(str(path), "symbolic link to a folder already "
                                                        "read (a loop); read once"))
            return
        self.seen.add((st.st_dev, st.st_ino))
        try:
            with os.scandir(path) as it:
                entries = list(it)
        except OSError as exc:
            self.problems.append(LoadProblem(str(path), f"cannot list folder "
                                                        f"({exc.strerror or exc})"))
            return
        for entry in entries:
            self.entry(Path(entry.path), entry)

    def entry(self, path: Path, entry: os.DirEntry[str]) -> None:
        try:
            st = entry.stat()  # follows symbolic links
        except OSError as exc:
            if _is_article_name(entry.name):
                why = "symbolic link loop" if exc.errno == errno.ELOOP else \
                    "broken symbolic link" if entry.is_symlink() else \
                    f"cannot read ({exc.strerror or exc})"
                self.problems.append(LoadProblem(str(path), why))
            return
        if stat.S_ISDIR(st.st_mode):
            self.folder(path, st)
        elif _is_article_name(entry.name):
            if stat.S_ISREG(st.st_mode):
                self.files.append(path)
            else:
                self.problems.append(LoadProblem(str(path), f"{_kind(st.st_mode)}, not an "
                                                            "article file"))


def _folder_files(folder: Path, st: os.stat_result) -> tuple[list[Path], list[LoadProblem]]:
    walk = _Walk()
    walk.folder(folder, st)
    # sorted as paths sort (by their parts), compared as tuples rather than path by path
    files = sorted(walk.files, key=_parts) if os.name == "posix" else sorted(walk.files)
    return files, walk.problems


def _parts(path: Path) -> tuple[str, ...]:
    return path.parts


def _named_path(path: Path) -> tuple[os.stat_result | None, LoadProblem | None]:
    """A path the user named: its stat, or the problem with it."""
    try:
        return os.stat(path), None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return None, LoadProblem(str(path), "symbolic link loop")
        if os.path.islink(path):
            return None, LoadProblem(str(path), "broken symbolic link")
        if exc.errno == errno.ENOENT:
            return None, LoadProblem(str(path), "no such file or folder")
        return None, LoadProblem(str(path), f"cannot read ({exc.strerror or exc})")


def find_article_files(paths: list[Path]) -> tuple[list[Path], list[LoadProblem]]:
    """Expand files and folders into article files in a stable order (folders sorted)."""
    files: list[Path] = []
    problems: list[LoadProblem] = []
    for path in paths:
        st, problem = _named_path(path)
        if st is None:
            problems.append(problem or LoadProblem(str(path), "cannot read"))
        elif stat.S_ISDIR(st.st_mode):
            found, trouble = _folder_files(path, st)
            trouble = [t for t in trouble if not is_left_out(Path(t.path), path)]
            problems.extend(trouble)
            kept = [p for p in found if not is_left_out(p, path)]
            if not kept and not trouble:
                problems.append(LoadProblem(str(path), "folder has no .txt or .md articles"))
            files.extend(kept)
        elif stat.S_ISREG(st.st_mode):
            files.append(path)
        else:
            problems.append(LoadProblem(str(path), f"{_kind(st.st_mode)}, not a regular file "
                                                   "or folder"))
    return files, problems


def left_out_files(paths: list[Path]) -> list[Path]:
    """The files in the corpus folders that `find_article_files` does not read, as articles
    go (`.txt`, `.md`), for `parley sources` to name."""
    out: list[Path] = []
    for path in paths:
        st, _ = _named_path(path)
        if st is not None and stat.S_ISDIR(st.st_mode):
            out += [p for p in _folder_files(path, st)[0] if is_left_out(p, path)]
    return out
