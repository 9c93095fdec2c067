"""A saved entry's files checked (every byte hashed, every row fed to its checks) on two
threads at once, before anything of the entry is used.

Why: the check of the entry of a million passages (0.8 GB) is a start's largest piece of
work after the walk of the corpus files, and it ran on one core while the other, its walk
done, stood idle. Most of it lets go of the interpreter (the reads, the xxh3 checksum,
numpy's reductions and the compiled postings decoder), so two threads nearly halve it.
Nothing changes in what is checked: every file's checks run as before, and the entry is
loaded only after every group has passed.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

# The threads a check uses at most (this one included): the entry's groups are few and
# uneven (the passage texts are half of the bytes), so more would wait on the largest.
MAX_THREADS = 2


@dataclass
class Group:
    """Files checked one after another by one thread: a later file's check may need an
    earlier one's rows (the postings' stream is decoded against its block table). `size`
    (bytes) orders the groups, largest first."""

    size: int
    steps: list[Callable[[], object]] = field(default_factory=list)


def threads() -> int:
    """The CPUs this process may run on, at most MAX_THREADS."""
    try:
        n = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        n = os.cpu_count() or 1
    return max(1, min(MAX_THREADS, n))


def run_groups(groups: Sequence[Group], n_threads: int) -> None:
    """Every group's steps, the largest groups first, each taken by whichever thread is free
    (this one included). When a step raises, the other threads stop at their next step and
    the error of the first failing group, in the order given, is raised here."""
    order = sorted(range(len(groups)), key=lambda i: -groups[i].size)
    lock = threading.Lock()
    errors: dict[int, BaseException] = {}

    def work() -> None:
        while True:
            with lock:
                if not order or errors:
                    return
                i = order.pop(0)
            try:
                for step in groups[i].steps:
                    if errors:
                        return
                    step()
            except BaseException as exc:  # raised again below, in the caller's thread
                with lock:
                    errors[i] = exc
                return
    helpers = [threading.Thread(target=work, name="parley-entry-check", daemon=True)
               for _ in range(min(n_threads, len(groups)) - 1)]
    for t in helpers:
        t.start()
    try:
        work()
    finally:
        for t in helpers:
            t.join()
    if errors:
        raise errors[min(errors)]
