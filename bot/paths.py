"""Whether a path a user gave (in config.toml or on the command line) can name a file at all,
so a bad one is one clear line instead of a traceback from deep inside a library."""
from __future__ import annotations

import os

MAX_NAME_BYTES = 255  # one file or folder name, on every common file system
MAX_PATH_BYTES = 4096  # a whole path (Linux PATH_MAX)


def path_problem(text: str) -> str | None:
    """What is wrong with `text` as a path, or None: a NUL character, a `~user` that this
    machine does not know (or a `~` with no home to expand to), a name or path too long."""
    if "\x00" in text:
        return "contains a NUL character"
    expanded = os.path.expanduser(text) if text.startswith("~") else text
    if expanded.startswith("~"):
        user = text[1:].split("/", 1)[0]
        return (f"names a user ({user}) this machine does not know" if user
                else "starts with ~, but there is no home folder to expand it to")
    encoded = os.fsencode(expanded)
    if len(encoded) > MAX_PATH_BYTES:
        return f"is too long ({len(encoded):,} bytes; at most {MAX_PATH_BYTES:,})"
    if any(len(part) > MAX_NAME_BYTES for part in encoded.split(b"/")):
        return f"has a name longer than {MAX_NAME_BYTES} bytes"
    return None
