"""Attributing many articles on every core: each article is attributed on its own (the
corpus-wide merge comes after), so a process pool over the articles gives exactly the
sequential result, in the same order, in less time.

Workers are started with "spawn", never "fork": the Discord bot rebuilds on a thread of a
process that runs an event loop, and forking a process with threads can deadlock."""
from __future__ import annotations

import atexit
import contextlib
import gc
import multiprocessing
import os
import sys
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import partial

from corpus.loader import RawArticle
from corpus.models import Article

# Fewer articles than this are attributed in this process: starting a worker (importing the
# attributor) costs about as much as attributing a few dozen articles.
PARALLEL_MIN = 64
_CHUNK = 8
# How often a build waiting on its workers asks whether it was cancelled, in seconds.
_POLL = 0.05


class Cancelled(Exception):
    """The build was cancelled while waiting on its workers (`corpus.build` says so)."""


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
                  jobs: int, packing: Packing | None = None,
                  cancel: Callable[[], bool] | None = None) -> Generator[Article, None, None]:
    """`attribute(raw)` for each raw, in order; on `jobs` worker processes when there are
    enough articles (`attribute` must then be a module-level function; with `packing`, sent
    back packed), else here, and here for the rest when the workers cannot start or die.
    While it waits on the workers `cancel` is asked every `_POLL` seconds: True raises
    Cancelled and stops the workers at once (workers still starting, or busy with a chunk,
    would otherwise hold a cancelled build for seconds). Stopping the iteration early
    cancels the work not started."""
    done = 0
    if jobs > 1 and len(raws) >= PARALLEL_MIN:
        work: Callable[[RawArticle], object] = attribute if packing is None else \
            partial(_attribute_packed, attribute, packing.pack)
        try:
            pool = ProcessPoolExecutor(min(jobs, len(raws) // _CHUNK or 1),
                                       mp_context=multiprocessing.get_context("spawn"),
                                       initializer=_worker_start)
            stopped = False
            try:
                chunks: list[Future[list[object]] | None] = [
                    pool.submit(_attribute_chunk, work, raws[i:i + _CHUNK])
                    for i in range(0, len(raws), _CHUNK)]
                for i in range(len(chunks)):
                    # Each chunk let go as it is taken: a future keeps its result, so the
                    # list of them would hold every article the workers sent to the end.
                    chunk, chunks[i] = chunks[i], None
                    assert chunk is not None
                    sent_back = _wait(chunk, cancel)
                    del chunk
                    for j in range(len(sent_back)):
                        sent, sent_back[j] = sent_back[j], None
                        raw = raws[i * _CHUNK + j]
                        yield sent if packing is None else packing.unpack(raw, sent)  # type: ignore[misc]
                        del sent
                        done += 1
            except Cancelled:
                stopped = True
                raise
            finally:
                _shut(pool, now=stopped)
        except (BrokenProcessPool, OSError):
            pass  # workers could not start or died (no importable main, no /dev/shm): here
    for k in range(done, len(raws)):  # by place: a slice would hold every raw to the end
        yield attribute(raws[k])


def _worker_start() -> None:
    """How a worker runs. Why each part:
    - the cyclic collector off: attribution remembers a lot (its `lru_cache`s, the data
      files), every collection of the oldest generation walks all of it, and there is next
      to no cyclic garbage to find (over the BBC folder a worker's collections took 5% of
      its CPU time and freed 5 objects);
    - leaving without tearing the interpreter down (`os._exit` as the first exit handler):
      everything the worker made has been sent back by then, and letting go of what
      attribution remembered took a worker 0.4-1.8 s of CPU on the BBC folder, time the
      main process wants for the merge and the save."""
    gc.disable()
    atexit.register(_leave)


def _leave() -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(0)


def _attribute_chunk(work: Callable[[RawArticle], object], raws: Sequence[RawArticle]
                     ) -> list[object]:
    return [work(raw) for raw in raws]


def _wait(chunk: Future[list[object]], cancel: Callable[[], bool] | None) -> list[object]:
    """The chunk's results, asking `cancel` while they are not there yet."""
    while True:
        try:
            return chunk.result(timeout=None if cancel is None else _POLL)
        except FutureTimeout:
            if cancel is not None and cancel():
                raise Cancelled from None


def _shut(pool: ProcessPoolExecutor, *, now: bool) -> None:
    """Shut the pool: after the running chunks (without waiting for the workers to exit),
    or, for a cancelled build, at once (its workers are terminated: their work is thrown
    away). Why not wait: a worker's exit (its interpreter letting go of all that attribution
    remembered) takes 0.4-1.3 s on the BBC folder; the merge, the index and the save run
    meanwhile. The pool's own thread reaps the workers (the interpreter joins it at exit)."""
    if not now:
        pool.shutdown(wait=False, cancel_futures=True)
        return
    # The executor has no public way to stop a busy worker before Python 3.14.
    terminate = getattr(pool, "terminate_workers", None)
    if terminate is not None:
        terminate()
        return
    workers = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in workers:
        proc.terminate()
    for proc in workers:
        proc.join(timeout=1.0)
    for proc in workers:  # not gone within a second (a loaded machine): kill, and reap it
        if proc.is_alive():
            proc.kill()
            proc.join(timeout=5.0)
