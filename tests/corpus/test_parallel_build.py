"""Attributing on several processes gives exactly the sequential corpus, in the same order."""
from __future__ import annotations

import time
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

import pytest

from corpus import parallel
from corpus.build import build_corpus
from corpus.cancelling import BuildCancelled

TEXTS = [
    "Talks resume\n\n\"We are ready to sign,\" Kallas said on Tuesday.\n",
    "Grain deal\n\nThe deal was extended, officials said. Zelensky welcomed it.\n",
    "Erdogan hosts\n\nTurkish President Recep Tayyip Erdogan said a fair peace was near.\n",
    "Kremlin view\n\nThe Kremlin said there was no breakthrough. \"Nothing yet,\" it added.\n",
]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "news"
    d.mkdir()
    for i in range(12):
        (d / f"{i:02d}.txt").write_text(TEXTS[i % 4].replace("Tuesday", f"day {i}"),
                                        encoding="utf-8")
    return d


def test_two_processes_give_the_sequential_corpus(folder: Path,
                                                  monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 2)
    one = build_corpus([folder], jobs=1)
    two = build_corpus([folder], jobs=2)
    assert two == one and tuple(two.passages) == tuple(one.passages)


def test_a_cancelled_parallel_build_stops(folder: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 2)
    asked = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) > 3
    with pytest.raises(BuildCancelled):
        build_corpus([folder], jobs=2, cancel=cancel)


@pytest.mark.parametrize("count,jobs,expected", [(3, 4, "here"), (200, 1, "here"),
                                                 (200, 2, "pool")])
def test_small_builds_stay_in_this_process(count: int, jobs: int, expected: str,
                                           monkeypatch: pytest.MonkeyPatch):
    used = []

    class Pool:
        def __init__(self, *a, **k) -> None:
            used.append("pool")

        def submit(self, fn, *args) -> Future:
            return _done(fn(*args))

        def shutdown(self, **k) -> None:
            pass
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", Pool)
    out = list(parallel.attribute_all(list(range(count)), lambda x: x, jobs))
    assert out == list(range(count)) and (used == ["pool"]) == (expected == "pool")


def test_workers_that_cannot_start_leave_the_work_to_this_process(
        monkeypatch: pytest.MonkeyPatch):
    from concurrent.futures.process import BrokenProcessPool

    class Broken:
        def __init__(self, *a, **k) -> None:
            self.sent = 0

        def submit(self, fn, *args) -> Future:
            self.sent += 1
            if self.sent == 1:
                return _done(fn(*args))
            failed: Future = Future()
            failed.set_exception(BrokenProcessPool("a worker died"))
            return failed

        def shutdown(self, **k) -> None:
            pass
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", Broken)
    out = list(parallel.attribute_all(list(range(100)), lambda x: x * 2, 2))
    assert out == [x * 2 for x in range(100)]


def _done(value) -> Future:
    future: Future = Future()
    future.set_result(value)
    return future


def test_a_build_cancelled_while_its_workers_are_busy_stops_them_at_once(
        monkeypatch: pytest.MonkeyPatch):
    """The workers are busy for a minute (each article sleeps); a cancel while waiting on
    them raises Cancelled and leaves no worker alive, without waiting for their chunks."""
    pools: list[ProcessPoolExecutor] = []
    workers: list = []

    class Recording(ProcessPoolExecutor):
        def __init__(self, *a, **k) -> None:
            super().__init__(*a, **k)
            pools.append(self)

        def submit(self, fn, *args, **kw):
            future = super().submit(fn, *args, **kw)
            workers.extend(p for p in self._processes.values() if p not in workers)
            return future
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", Recording)
    waits = []

    def cancel() -> bool:
        waits.append(1)
        return len(waits) > 2  # cancelled while the first chunk is still running
    with pytest.raises(parallel.Cancelled):
        list(parallel.attribute_all([60.0] * 64, time.sleep, 2, cancel=cancel))
    assert pools and workers
    # Stopped, not waited for: a chunk takes a minute, a stopped worker is gone within
    # seconds (the pool's own thread may be the one that reaps it, so join here, bounded).
    _reaped(workers)
    assert not any(p.is_alive() for p in workers)


def _reaped(workers: list, within: float = 30.0) -> None:
    """Wait, bounded, for each worker to be reaped. Not a bare join: when the pool's own
    thread reaps a worker first, a join here can return (its wait finds no child) a moment
    before that thread has recorded the exit code, and the worker still looks alive."""
    deadline = time.monotonic() + within
    for p in workers:
        p.join(within)
        while p.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)


def test_a_finished_build_does_not_wait_for_its_workers_to_exit(
        folder: Path, monkeypatch: pytest.MonkeyPatch):
    """The pool is shut without waiting (the merge and the save run while the workers
    leave): the corpus is still exactly the sequential one, and the workers still exit."""
    shut: list[dict] = []
    workers: list = []

    class Recording(ProcessPoolExecutor):
        def submit(self, fn, *args, **kw):
            future = super().submit(fn, *args, **kw)
            workers.extend(p for p in self._processes.values() if p not in workers)
            return future

        def shutdown(self, wait: bool = True, **kw) -> None:
            shut.append(dict(wait=wait, **kw))
            super().shutdown(wait=wait, **kw)
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 2)
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", Recording)
    two = build_corpus([folder], jobs=2)
    one = build_corpus([folder], jobs=1)
    assert two == one and tuple(two.passages) == tuple(one.passages)
    assert shut == [{"wait": False, "cancel_futures": True}] and workers
    _reaped(workers)  # by the pool's own thread
    assert [p.exitcode for p in workers] == [0] * len(workers)


def test_a_worker_runs_without_the_cyclic_collector_and_exits_cleanly():
    import gc
    import multiprocessing

    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                             initializer=parallel._worker_start) as pool:
        workers = list(pool._processes.values()) if pool._processes else []
        assert pool.submit(gc.isenabled).result(timeout=60) is False
        workers = workers or list(pool._processes.values())
    assert [p.exitcode for p in workers] == [0]
    assert gc.isenabled()  # this process's collector untouched
