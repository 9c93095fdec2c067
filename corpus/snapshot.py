"""The corpus files as read once: the saved index's key hashes exactly these bytes and the
build parses exactly these bytes, so a file saved while Parley reads (an editor's
write-then-rename) can never leave an index whose text its key does not describe; the next
start reads the new bytes."""
from __future__ import annotations

import errno
import os
import stat
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from corpus.aliases import alias_path
from corpus.cancelling import Cancel, asking
from corpus.listing import find_article_files
from corpus.models import LoadProblem


@dataclass(frozen=True)
class FileRead:
    """One file's bytes, or why they could not be read."""

    path: Path
    data: bytes | None
    error: OSError | None = None


@dataclass(frozen=True)
class Snapshot:
    """Every article file below `paths` (and each one's alias file, when it has one), read
    once, plus what listing the folders found wrong."""

    paths: tuple[Path, ...]
    articles: tuple[FileRead, ...]
    aliases: Mapping[Path, FileRead] = field(default_factory=dict)
    problems: tuple[LoadProblem, ...] = ()


def read_bytes(path: Path) -> FileRead:
    """The one place a corpus file's bytes are read (tests swap a file here). Opened without
    blocking and refused unless a regular file: one replaced by a FIFO after the folder was
    listed cannot hang the start."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        return FileRead(path, None, exc)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return FileRead(path, None, OSError(errno.EINVAL, "not a regular file"))
        with os.fdopen(fd, "rb", closefd=False) as f:
            return FileRead(path, f.read())
    except OSError as exc:
        return FileRead(path, None, exc)
    finally:
        os.close(fd)


def read_snapshot(paths: Sequence[Path], cancel: Cancel | None = None) -> Snapshot:
    """`cancel` is asked as the files are read (`corpus.cancelling`)."""
    files, problems = find_article_files(list(paths))
    articles = tuple(read_bytes(f) for f in asking(files, cancel))
    aliases = {side: read_bytes(side) for side in alias_files(files, cancel)}
    return Snapshot(tuple(paths), articles, aliases, tuple(problems))


def alias_files(articles: Sequence[Path], cancel: Cancel | None = None) -> list[Path]:
    """The alias files beside the articles (`corpus.aliases`), in the articles' order."""
    return list(dict.fromkeys(side for side in map(alias_path, asking(articles, cancel))
                              if side.is_file()))
