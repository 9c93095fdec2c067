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
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

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


def resolved(paths: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """The corpus paths as a start names them: absolute, `~` expanded, links resolved (the
    same corpus named two ways shares one entry)."""
    return [Path(p).expanduser().resolve() for p in paths]


class Walk:
    """`stream(paths)` on a thread, begun at once; `result` waits for it and raises what it
    raised. Only for the compiled walk, which lets go of the interpreter throughout: the
    caller goes on meanwhile (a Python walk on a thread would wait for the interpreter at
    every stat)."""

    def __init__(self, paths: Sequence[str | os.PathLike[str]]) -> None:
        self.paths = tuple(os.fspath(p) for p in paths)
        self._walked: tuple[bytes, int] | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, daemon=True,
                                        name="parley-files-walk")
        self._thread.start()

    def _run(self) -> None:
        try:
            self._walked = stream(self.paths)
        except BaseException as exc:  # raised again by `result`, in the caller's thread
            self._error = exc

    def result(self) -> tuple[bytes, int]:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._walked is not None
        return self._walked


_ahead: list[Walk] = []  # the walk begun by `walking_ahead`, until a check takes it
_ahead_lock = threading.Lock()


@contextmanager
def walking_ahead(paths: Sequence[str | os.PathLike[str]]) -> Iterator[None]:
    """Begin the walk of the corpus `paths` now, for the start-up check of the first index
    opened inside the block (`walk_of`): the command line begins it as soon as it knows the
    corpus, and numpy and the answering code are imported while it runs. Nothing is served
    before the check compares its result with the state recorded with the entry, as for a
    walk begun by the check itself; it is only begun earlier. A walk not taken by the first
    check is dropped, and so is any at the end of the block: it never stands for the files
    of a later start. Compiled walk only; nothing is begun for paths that do not resolve."""
    walk = None
    if compiled():
        try:
            walk = Walk(resolved(paths))
        except (OSError, RuntimeError, ValueError):  # said by the start itself, as before
            walk = None
    with _ahead_lock:
        _ahead[:] = [walk] if walk is not None else []
    try:
        yield
    finally:
        with _ahead_lock:
            if walk in _ahead:
                _ahead.remove(walk)


def walk_of(paths: Sequence[str | os.PathLike[str]]) -> Walk:
    """The walk of `paths` (resolved) for a start-up check: the one begun ahead when it is of
    these paths, else one begun now. The first call takes any walk begun ahead."""
    names = tuple(os.fspath(p) for p in paths)
    with _ahead_lock:
        early = _ahead.pop() if _ahead else None
    return early if early is not None and early.paths == names else Walk(names)


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
