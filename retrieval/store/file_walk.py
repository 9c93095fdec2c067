"""Every entry below the corpus paths with its stat, as one compact byte stream: what the
start-up check (`file_signature`) hashes and compares with the stream recorded when the
files' bytes were last hashed.

The compiled walk (`_filewalk.c`, optional, built by setup.py) and `python_stream` give the
same bytes; the compiled one lists several folders at once on threads and stats each entry
relative to its folder, without Python objects per file. The format is described there:
kind byte, name, NUL, payload ('F' file, 'D' folder ... 'E', 'S' folder already listed, 'B'
cannot be stat'ed, 'U' cannot be listed), sizes, times (ns), inode, device and mode packed as
little-endian 64-bit integers.
"""
from __future__ import annotations

import os
import stat
import struct
from collections.abc import Sequence

try:
    import retrieval.store._filewalk as _filewalk
except ImportError:  # no C compiler at install: the Python walk, same bytes
    _filewalk = None  # type: ignore[assignment]

_META = struct.Struct("<qqqQQQ")
_ERR = struct.Struct("<i")
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)
# Folders opened and their entries stat'ed relative to them, where the platform can.
_FD_WALK = {os.open, os.stat} <= os.supports_dir_fd and os.listdir in os.supports_fd
# Threads for the compiled walk: the folders' entries are stat'ed a few folders at a time.
MAX_THREADS = 4


def walk_threads() -> int:
    """The CPUs this process may run on, at most MAX_THREADS."""
    try:
        n = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        n = os.cpu_count() or 1
    return max(1, min(MAX_THREADS, n))


def compiled() -> bool:
    """Whether `stream` runs the compiled walk (which lets go of the interpreter throughout)."""
    return _filewalk is not None and os.name == "posix"


def stream(paths: Sequence[str | os.PathLike[str]]) -> tuple[bytes, int]:
    """The state of every entry below `paths` (symbolic links followed, each folder listed
    once), and the newest modification or change time in it (ns; 0 for none)."""
    if _filewalk is not None and compiled():
        return _filewalk.stream([os.fspath(p) for p in paths], walk_threads())
    return python_stream(paths)


def python_stream(paths: Sequence[str | os.PathLike[str]]) -> tuple[bytes, int]:
    """`stream` in Python: the same bytes as the compiled walk."""
    walk = _Walk()
    for p in paths:
        name = os.fsencode(p)
        try:
            st = os.stat(name)
        except OSError as exc:
            walk.failed(b"B", name, exc)
            continue
        if stat.S_ISDIR(st.st_mode):
            walk.folder(name, st, None)
        else:
            walk.entry(b"F", name, st)
    return b"".join(walk.out), max(0, walk.newest)


class _Walk:
    """Depth-first, entries in byte order of their names, each folder (device, inode) once."""

    def __init__(self) -> None:
        self.out: list[bytes] = []
        self.newest = 0
        self._seen: set[tuple[int, int]] = set()

    def entry(self, kind: bytes, name: bytes, st: os.stat_result) -> None:
        self.out.append(kind + name + b"\0" + _META.pack(
            st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev, st.st_mode))
        self.newest = max(self.newest, st.st_mtime_ns, st.st_ctime_ns)

    def failed(self, kind: bytes, name: bytes, exc: OSError) -> None:
        self.out.append(kind + name + b"\0" + _ERR.pack(exc.errno or 0))

    def folder(self, name: bytes, st: os.stat_result, parent: int | bytes | None) -> None:
        """`name` is a full path when `parent` is None, else relative to the folder `parent`
        (an open folder, or its path where the platform has no `dir_fd`)."""
        if (st.st_dev, st.st_ino) in self._seen:
            self.entry(b"S", name, st)
            return
        self._seen.add((st.st_dev, st.st_ino))
        self.entry(b"D", name, st)
        if isinstance(parent, bytes) or (parent is None and not _FD_WALK):
            self._entries(name if parent is None else os.path.join(parent, name))
        else:
            try:
                fd = os.open(name, _DIR_FLAGS, dir_fd=parent)
            except OSError as exc:
                self.out.append(b"U" + _ERR.pack(exc.errno or 0))
            else:
                try:
                    self._entries(fd)
                finally:
                    os.close(fd)
        self.out.append(b"E")

    def _entries(self, where: int | bytes) -> None:
        try:
            names = [os.fsencode(n) for n in os.listdir(where)]
        except OSError as exc:
            self.out.append(b"U" + _ERR.pack(exc.errno or 0))
            return
        # Stat'ed in the folder's own order (often the inodes' order: fewer cache misses in
        # the kernel), then written in name order.
        found = [(name, _stat(name, where)) for name in names]
        found.sort(key=_first)
        for name, st in found:
            if isinstance(st, OSError):
                self.failed(b"B", name, st)
            elif stat.S_ISDIR(st.st_mode):
                self.folder(name, st, where)
            else:
                self.entry(b"F", name, st)


def _first(item: tuple[bytes, object]) -> bytes:
    return item[0]


def _stat(name: bytes, where: int | bytes) -> os.stat_result | OSError:
    try:
        if isinstance(where, int):
            return os.stat(name, dir_fd=where)
        return os.stat(os.path.join(where, name))
    except OSError as exc:
        return exc
