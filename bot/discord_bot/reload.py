"""Re-reading the article files while the bot runs (what `/reload` does, minus who may ask).

The new engine is built on a worker thread, so the gateway heartbeat and the old engine's
answers go on meanwhile; a failed build leaves no engine and says why. When the bot shuts down,
`Rebuilder.stop()` makes the build's `cancel()` say yes (the build asks every few files while
reading and parsing them, before each article and every thousand passages, then raises
BuildCancelled) and waits for it at most CANCEL_GRACE seconds. The worker is a daemon
thread, not `asyncio.to_thread`: `asyncio.run` waits for the default executor's threads without
a time limit, so a build that never asks (one huge article) would hold a SIGTERM'd process
until it ends.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

from bot.discord_bot.formatting import MESSAGE_LIMIT, escape, fit_text
from bot.engine import Engine
from bot.labels import counted
from bot.loading import LoadFailed, problem_lines
from corpus.cancelling import BuildCancelled, Cancel

log = logging.getLogger("parley.discord")
T = TypeVar("T")

# (force, cancel) -> a fresh engine: force rebuilds from the files whatever is saved; cancel()
# returning True stops the build (BuildCancelled).
Rebuild = Callable[[bool, Cancel], Engine]
CANCEL_GRACE = 1.0
RELOAD_CANCELLED = ("Reload cancelled: the bot is shutting down. The previous articles stay in "
                    "use until it stops; the article files are read again when it next starts.")


@dataclass(frozen=True)
class Reloaded:
    """The fresh engine (None when the build failed or was cancelled) and the text for the
    owner."""

    engine: Engine | None
    text: str


def in_daemon_thread(fn: Callable[..., T], *args: Any) -> asyncio.Future[T]:
    """`fn(*args)` on a daemon thread, as a future of this event loop."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(outcome: Callable[[], None]) -> None:
        if not future.done():  # the waiter may have given up (cancelled)
            outcome()

    def work() -> None:
        try:
            result = fn(*args)
        except BaseException as exc:  # delivered to the awaiting coroutine, never lost
            deliver = partial(future.set_exception, exc)
        else:
            deliver = partial(future.set_result, result)
        with contextlib.suppress(RuntimeError):  # the loop has closed: nobody is waiting
            loop.call_soon_threadsafe(settle, deliver)

    threading.Thread(target=work, name="parley-reload", daemon=True).start()
    return future


class Rebuilder:
    """One rebuild at a time off the event loop, which a shutdown can cancel."""

    def __init__(self, rebuild: Rebuild) -> None:
        self._rebuild = rebuild
        self._stopping = threading.Event()  # read by the build's cancel() on its thread
        self._worker: asyncio.Future[Engine] | None = None

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    async def run(self, force: bool = False) -> Reloaded:
        """Build a new engine; its load problems are logged and summarised for the owner."""
        started = time.perf_counter()
        log.info("reloading the articles%s", " (forced: from the files)" if force else "")
        self._worker = worker = in_daemon_thread(self._rebuild, force, self._stopping.is_set)
        try:
            new = await worker
            if self.stopping:  # finished as the bot began closing: the owner hears "cancelled"
                raise BuildCancelled("the bot is closing")
        except BuildCancelled:
            log.info("reload cancelled after %.0f ms: the bot is shutting down",
                     (time.perf_counter() - started) * 1000)
            return Reloaded(None, RELOAD_CANCELLED)
        except LoadFailed as exc:
            log.error("reload failed, still using the previous articles: %s", exc)
            return Reloaded(None, fit_text("Reload failed, so I am still answering from the "
                                           f"previous articles: {exc}", MESSAGE_LIMIT,
                                           render=escape))
        except Exception as exc:
            log.exception("reload failed, still using the previous articles")
            return Reloaded(None, f"Reload failed ({type(exc).__name__}; the details are in the "
                                  "log), so I am still answering from the previous articles.")
        finally:
            self._worker = None
        return reloaded(new, force, time.perf_counter() - started)

    async def stop(self, grace: float = CANCEL_GRACE) -> bool:
        """Tell a running build to stop and wait for it at most `grace` seconds; True when no
        build is left running. Every later build is cancelled at once: the bot is closing."""
        self._stopping.set()
        worker = self._worker
        if worker is None:
            return True
        done, _ = await asyncio.wait({worker}, timeout=grace)
        if not done:
            log.warning("the reload did not stop within %.1f s; leaving it behind", grace)
        return bool(done)


def reloaded(new: Engine, force: bool, seconds: float) -> Reloaded:
    """The owner's text for a finished build, the skipped files logged and listed."""
    problems = list(new.problems)
    skipped = problem_lines(problems)
    for line in skipped:
        log.warning("%s", line)
    n_articles, n_passages = len(new.corpus.articles), len(new.corpus.passages)
    log.info("reloaded%s in %.0f ms: %d article(s), %d passage(s), %d skipped",
             " (forced: rebuilt from the files)" if force else "", seconds * 1000, n_articles,
             n_passages, len(problems))
    done = "Rebuilt from the files" if force else "Reloaded"
    lines = [f"{done}: {counted(n_articles, 'article')}, {n_passages} passages."]
    if problems:
        lines.append(f"Skipped {counted(len(problems), 'file')}:")
        lines += [f"\u2022 {line.removeprefix('skipped ')}" for line in skipped]
    return Reloaded(new, fit_text("\n".join(lines), MESSAGE_LIMIT, render=escape))
