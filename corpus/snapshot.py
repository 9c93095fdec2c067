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

from corpus.aliases import ALIAS_SUFFIX, alias_path
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
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return FileRead(path, None, OSError(errno.EINVAL, "not a regular file"))
        return FileRead(path, _read_all(fd, st.st_size))
    except OSError as exc:
        return FileRead(path, None, exc)
    finally:
        os.close(fd)


def _read_all(fd: int, size: int) -> bytes:
    """Every byte to the end of the file, read with `os.read` (no file object made: a
    third of the cost of reading a corpus of small files): as much as its size says and
    one more, then, when more came (the file grew), on to the end."""
    data = os.read(fd, size + 1)
    if len(data) <= size and (data or not size):
        return data  # a short read is the end of the file
    parts = [data]
    while more := os.read(fd, 1 << 16):
        parts.append(more)
    return b"".join(parts)


def read_snapshot(paths: Sequence[Path], cancel: Cancel | None = None) -> Snapshot:
    """`cancel` is asked as the files are read (`corpus.cancelling`)."""
    files, problems = find_article_files(list(paths))
    articles = tuple(read_bytes(f) for f in asking(files, cancel))
    aliases = {side: read_bytes(side) for side in alias_files(files, cancel)}
    return Snapshot(tuple(paths), articles, aliases, tuple(problems))


def alias_files(articles: Sequence[Path], cancel: Cancel | None = None) -> list[Path]:
    """The alias files beside the articles (`corpus.aliases`), in the articles' order."""
    found = (side_name(a) for a in asking(articles, cancel))
    return list(dict.fromkeys(Path(side) for side in found if _is_file(side)))


def side_name(article: Path) -> str:
    """`str(alias_path(article))`, worked out on the path's string (pathlib's `stem` and
    `with_name` made two paths per article: most of listing the alias files)."""
    text = str(article)
    folder, sep, name = text.rpartition("/")
    if os.name != "posix" or not name:
        return str(alias_path(article))  # (drives, two separators, the root: pathlib's)
    dot = name.rfind(".")
    stem = name[:dot] if 0 < dot < len(name) - 1 else name
    return f"{folder}{sep}{stem}{ALIAS_SUFFIX}"


def _is_file(path: str) -> bool:
    """`Path(path).is_file()`: a regular file (links followed); False when there is none,
    other errors raised as pathlib raises them."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP):
            return False
        raise
    except ValueError:
        return False
