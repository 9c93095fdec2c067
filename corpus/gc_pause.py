"""The cyclic garbage collector paused while a build makes many objects that live on.

Why: reading back thousands of cached articles, merging their people and flattening them
for the save each make hundreds of thousands of records that all survive, and every
collection of the oldest generation walks every object the process holds: on the BBC folder
that walking cost more than the steps themselves. These steps make next to no cyclic
garbage, so pausing the collector there changes nothing but the time; it runs again when
the outermost pause ends, and collects then whatever cycles were left.
"""
from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """No automatic collection inside (nesting and threads share one pause); the collector
    is switched back on, if it was on, when the last pause ends."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
