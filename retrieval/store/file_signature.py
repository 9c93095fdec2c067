"""A start without reading the corpus again: the files' sizes, times and inodes, and the key
their bytes hashed to when last read, recorded beside the saved entries."""
from __future__ import annotations

import hashlib
import json
import operator
import os
import stat
import tempfile
import time
from pathlib import Path

from retrieval.options import IndexOptions
from retrieval.store.entry import entry_dir
from retrieval.store.keys import path_bytes, settings_header
from retrieval.store.temporaries import temp_prefix

# A file changed less than this long ago may change again within its timestamp's resolution:
# no shortcut is recorded then (the next start hashes the bytes again).
RACY_NS = 2_000_000_000
FILES_PREFIX = "files-"
_entry_name = operator.attrgetter("name")


def files_signature(paths: list[Path], options: IndexOptions) -> str | None:
    """`files_state`'s hash, or None when a file changed in the last two seconds (its
    timestamp could still be the same after another change): then no shortcut is taken."""
    digest, settled = files_state(paths, options)
    return digest if settled else None


def files_state(paths: list[Path], options: IndexOptions) -> tuple[str, bool]:
    """A hash of everything the key depends on except the files' bytes: every file below
    `paths` (all of them, symbolic links followed) with its size, modification and change
    times and inode, plus the code and settings; and whether every file is older than
    RACY_NS."""
    h = hashlib.sha256(settings_header("files", options))
    walk = _Walk()
    for p in paths:
        try:
            st = os.stat(p)
        except OSError as exc:
            walk.lines.append(f"missing:{p}:{exc.errno}")
            continue
        if stat.S_ISDIR(st.st_mode):
            walk.folder(str(p), st)
        else:
            walk.add(str(p), st)
    h.update(path_bytes("\0".join(walk.lines)))
    return h.hexdigest(), time.time_ns() - max(walk.times, default=0) >= RACY_NS


class _Walk:
    """One line per file or folder (hashed together at the end), and their times."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.times: list[int] = []
        self._seen_dirs: set[tuple[int, int]] = set()

    def add(self, path: str, st: os.stat_result) -> None:
        self.lines.append(f"{path}\0{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:"
                          f"{st.st_ino}:{st.st_dev}")
        self.times.append(st.st_mtime_ns)
        self.times.append(st.st_ctime_ns)

    def folder(self, folder: str, st: os.stat_result) -> None:
        if (st.st_dev, st.st_ino) in self._seen_dirs:
            return
        self._seen_dirs.add((st.st_dev, st.st_ino))
        self.add(folder, st)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=_entry_name)
        except OSError as exc:
            self.lines.append(f"unlistable:{folder}:{exc.errno}")
            return
        for e in entries:
            try:
                est = e.stat()
            except OSError:
                self.lines.append(f"broken:{e.path}")
                continue
            if stat.S_ISDIR(est.st_mode):
                self.folder(e.path, est)
            else:
                self.add(e.path, est)


def _pointer(root: Path, identity: str) -> Path:
    return root / f"{FILES_PREFIX}{identity[:24]}.json"


def known_key(roots: list[Path], identity: str, signature: str | None) -> str | None:
    """The key recorded for exactly these files (same signature), when its entry exists."""
    if signature is None:
        return None
    for root in roots:
        try:
            data = json.loads(_pointer(root, identity).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(data, dict):
            continue
        key = data.get("key")
        if data.get("signature") == signature and isinstance(key, str) and len(key) == 64 \
                and entry_dir(root, key).is_dir():
            return key
    return None


def record_key(root: Path, identity: str, signature: str | None, key: str) -> None:
    if signature is None:
        return
    target = _pointer(root, identity)
    try:
        fd, tmp = tempfile.mkstemp(prefix=temp_prefix(target.name), dir=root)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"signature": signature, "key": key}, f)
        os.replace(tmp, target)
    except OSError:
        pass
