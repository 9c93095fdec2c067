"""A progress line for long loads: tqdm on a terminal, shown for any build that takes more
than a second (however few its files: one 5 MB article is as slow as a thousand small ones),
nothing otherwise."""
from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
DELAY_SECONDS = 1.0   # work done sooner than this shows no bar
TICK_SECONDS = 0.5    # how often the bar's clock moves while one item takes long


def progress_iter(iterable: Iterable[T], total: int | None, desc: str, enabled: bool,
                  *, sizes: Sequence[int] | None = None) -> Iterable[T]:
    """`iterable`, with a bar on stderr when `enabled` (pass `not args.quiet`) and stderr is
    a terminal; the bar appears once the work has taken DELAY_SECONDS. With `sizes` (one per
    item, e.g. characters of text) the bar counts those, so that it moves in proportion to
    the work. Otherwise the iterable itself, untouched. Never fails for want of tqdm."""
    if not enabled:
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
    bar = tqdm(total=sum(sizes) if sizes is not None else total, desc=desc, file=sys.stderr,
               leave=False, unit=" chars" if sizes is not None else "",
               unit_scale=sizes is not None, dynamic_ncols=True, mininterval=0.2,
               delay=DELAY_SECONDS)
    return _advancing(iterable, bar, sizes)


def _advancing(iterable: Iterable[T], bar: Any, sizes: Sequence[int] | None) -> Iterator[T]:
    stop = threading.Event()
    ticker = threading.Thread(target=_tick, args=(bar, stop, time.monotonic()), daemon=True)
    ticker.start()
    try:
        for i, item in enumerate(iterable):
            yield item  # the item's work happens before the next step
            bar.update(sizes[i] if sizes is not None else 1)
    finally:
        stop.set()
        ticker.join()
        bar.close()


def _tick(bar: Any, stop: threading.Event, started: float) -> None:
    """Redraw the bar (its elapsed time) while one long item holds up `update`."""
    while not stop.wait(TICK_SECONDS):
        if time.monotonic() - started >= DELAY_SECONDS:
            bar.refresh()
