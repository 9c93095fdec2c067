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
from dataclasses import dataclass
from functools import partial

from corpus.loader import RawArticle
from corpus.models import Article

# Fewer articles than this are attributed in this process: starting a worker (importing the
# attributor) costs about as much as attributing a few dozen articles.
PARALLEL_MIN = 64
_CHUNK = 8


@dataclass(frozen=True)
class Packing:
    """How a worker sends an article back and how it is made again here. Why: what the
    caller keeps of each new article (its index terms, its cache row) is then worked out on
    the workers too, and a compact row crosses the pipe faster than pickled records.
    `pack` runs in the workers (a module-level function); `unpack(raw, packed)` must give
    an article equal to the one packed."""

    pack: Callable[[Article], object]
    unpack: Callable[[RawArticle, object], Article]


def _attribute_packed(attribute: Callable[[RawArticle], Article],
                      pack: Callable[[Article], object], raw: RawArticle) -> object:
    return pack(attribute(raw))


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def attribute_all(raws: Sequence[RawArticle], attribute: Callable[[RawArticle], Article],
                  jobs: int, packing: Packing | None = None) -> Generator[Article, None, None]:
    """`attribute(raw)` for each raw, in order; on `jobs` worker processes when there are
    enough articles (`attribute` must then be a module-level function; with `packing`, sent
    back packed), else here, and here for the rest when the workers cannot start or die.
    Stopping the iteration early (a cancelled build) cancels the work not started."""
    done = 0
    if jobs > 1 and len(raws) >= PARALLEL_MIN:
        work: Callable[[RawArticle], object] = attribute if packing is None else \
            partial(_attribute_packed, attribute, packing.pack)
        try:
            pool = ProcessPoolExecutor(min(jobs, len(raws) // _CHUNK or 1),
                                       mp_context=multiprocessing.get_context("spawn"))
            try:
                for raw, sent in zip(raws, pool.map(work, raws, chunksize=_CHUNK), strict=True):
                    yield sent if packing is None else packing.unpack(raw, sent)  # type: ignore[misc]
                    done += 1
            finally:
                pool.shutdown(wait=True, cancel_futures=True)
        except (BrokenProcessPool, OSError):
            pass  # workers could not start or died (no importable main, no /dev/shm): here
    yield from map(attribute, raws[done:])
