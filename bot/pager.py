"""Output taller than the terminal goes through a pager, as git does it: `$PAGER`, or `less`
with `LESS=FRX` unless the user set LESS (colours shown, a screenful printed as is, the text
left on screen on quitting). pydoc's pager, which rich uses, starts `less` without `-R`, so
colours arrive as raw escape codes; hence this small module."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

NOT_FOUND = 127  # what a shell returns for a command it cannot find


def pager_command() -> str | None:
    """The pager to run, or None to print: `$PAGER` ("" or "cat" for none), else less."""
    command = os.environ.get("PAGER")
    if command is None:
        return "less" if shutil.which("less") else None
    return None if command.strip() in {"", "cat"} else command


def page(text: str) -> None:
    """Show `text` through the pager; printed when there is none or it cannot start."""
    command = pager_command()
    if command is None or not _piped(command, text):
        print(text, flush=True)


def _piped(command: str, text: str) -> bool:
    """Whether `command` showed the text (False when it could not be started at all)."""
    sys.stdout.flush()
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    try:
        proc = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env,
                                encoding="utf-8", errors="replace")
    except OSError:
        return False
    if proc.stdin is None:
        return False
    try:
        with proc.stdin as pipe:
            pipe.write(text + "\n")
    except (BrokenPipeError, OSError):
        pass  # the reader quit the pager before the end: that is fine
    while True:
        try:
            return proc.wait() != NOT_FOUND
        except KeyboardInterrupt:  # the pager has the terminal and handles Ctrl-C itself
            continue
