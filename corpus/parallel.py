"""Attributing many articles on every core: each article is attributed on its own (the
corpus-wide merge comes after), so a process pool over the articles gives exactly the
sequential result, in the same order, in less time.

Workers are started with "spawn", never "fork": the Discord bot rebuilds on a thread of a
process that runs an event loop, and forking a process with threads can deadlock."""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from corpus.loader import RawArticle
from corpus.models import Article

# Fewer articles than this are attributed in this process: starting a worker (importing the
# attributor) costs about as much as attributing a few dozen articles.
PARALLEL_MIN = 64
_CHUNK = 8


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def attribute_all(raws: Sequence[RawArticle], attribute: Callable[[RawArticle], Article],
                  jobs: int) -> Generator[Article, None, None]:
    """`attribute(raw)` for each raw, in order; on `jobs` worker processes when there are
    enough articles (`attribute` must then be a module-level function), else here, and here
    for the rest when the workers cannot start or die. Stopping the iteration early (a
    cancelled build) cancels the work not started."""
    done = 0
    if jobs > 1 and len(raws) >= PARALLEL_MIN:
        try:
            pool = ProcessPoolExecutor(min(jobs, len(raws) // _CHUNK or 1),
                                       mp_context=multiprocessing.get_context("spawn"))
            try:
                for article in pool.map(attribute, raws, chunksize=_CHUNK):
                    yield article
                    done += 1
            finally:
                pool.shutdown(wait=True, cancel_futures=True)
        except (BrokenProcessPool, OSError):
            pass  # workers could not start or died (no importable main, no /dev/shm): here
    yield from map(attribute, raws[done:])
