"""Temporary folders and files of saves in progress, named for the process that writes them,
so the next save can remove those left by a process that died (kill -9, power loss) without
touching one another process is still writing."""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

_MARK = ".tmp-"
# Only a temporary untouched this long is taken for dead, whoever wrote it: a save in
# progress writes into its folder all the time.
QUIET_SECONDS = 60.0
# Without a way to ask whether its writer is alive (not POSIX), a temporary is stale when
# untouched for this long.
ABANDONED_SECONDS = 24 * 3600.0


def temp_prefix(name: str) -> str:
    """`.<name>.tmp-<pid>-`: what `tempfile.mkdtemp`/`mkstemp` get as prefix."""
    return f".{name}{_MARK}{os.getpid()}-"


def _writer(name: str) -> int | None:
    """The pid a temporary's name holds, or None when it is not one of ours."""
    if not name.startswith(".") or _MARK not in name:
        return None
    pid, _, _ = name.rpartition(_MARK)[2].partition("-")
    return int(pid) if pid.isdigit() else None


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: alive
        return True
    return True


def is_stale(path: Path, now: float | None = None) -> bool:
    pid = _writer(path.name)
    if pid is None:
        return False
    try:
        age = (now if now is not None else time.time()) - path.lstat().st_mtime
    except OSError:
        return False
    if os.name != "posix":
        return age > ABANDONED_SECONDS
    return age > QUIET_SECONDS and (not _alive(pid) or age > ABANDONED_SECONDS)


def remove_stale(root: Path) -> list[Path]:
    """Remove the temporaries in `root` left by processes that are gone; returns them."""
    removed: list[Path] = []
    try:
        entries = list(root.iterdir())
    except OSError:
        return removed
    for path in entries:
        if is_stale(path):
            try:
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path)
                else:
                    path.unlink()
                removed.append(path)
            except OSError:
                continue
    return removed
