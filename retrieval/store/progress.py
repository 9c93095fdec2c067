"""A progress bar for long loads: tqdm on a terminal, nothing otherwise."""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def progress_iter(iterable: Iterable[T], total: int | None, desc: str, enabled: bool,
                  *, min_total: int = 200) -> Iterator[T] | Iterable[T]:
    """`iterable`, wrapped in a tqdm bar on stderr when `enabled` (pass `not args.quiet`),
    stderr is a terminal, and there are at least `min_total` items (unknown total: shown).
    Otherwise the iterable itself, untouched. Never fails for want of tqdm."""
    if not enabled or (total is not None and total < min_total):
        return iterable
    try:
        if not sys.stderr.isatty():
            return iterable
    except (AttributeError, ValueError):  # replaced or closed stderr
        return iterable
    try:
        from tqdm import tqdm
    except ImportError:  # optional: no bar without tqdm
        return iterable
    return tqdm(iterable, total=total, desc=desc, file=sys.stderr, leave=False,
                unit="", dynamic_ncols=True, mininterval=0.2)
