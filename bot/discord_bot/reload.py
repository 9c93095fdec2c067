"""Re-reading the article files while the bot runs (what `/reload` does, minus who may ask).

The new engine is built on a worker thread (`asyncio.to_thread`), so the gateway heartbeat and
the old engine's answers go on meanwhile; a failed build leaves no engine and says why.
"""
from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from bot.discord_bot.formatting import MESSAGE_LIMIT, escape, fit_text
from bot.engine import Engine
from bot.labels import counted
from bot.loading import LoadFailed, problem_lines

log = logging.getLogger("parley.discord")


@dataclass(frozen=True)
class Reloaded:
    """The fresh engine (None when the build failed) and the text for the owner."""

    engine: Engine | None
    text: str


async def rebuild_engine(rebuild: Callable[[], Engine]) -> Reloaded:
    """Build a new engine off the event loop; its load problems are logged and summarised."""
    started = time.perf_counter()
    try:
        new = await asyncio.to_thread(rebuild)
    except LoadFailed as exc:
        log.error("reload failed, still using the previous articles: %s", exc)
        return Reloaded(None, fit_text("Reload failed, so I am still answering from the previous "
                                       f"articles: {exc}", MESSAGE_LIMIT, render=escape))
    except Exception as exc:
        log.exception("reload failed, still using the previous articles")
        return Reloaded(None, f"Reload failed ({type(exc).__name__}; the details are in the log), "
                              "so I am still answering from the previous articles.")
    problems = list(new.problems)
    skipped = problem_lines(problems)
    for line in skipped:
        log.warning("%s", line)
    n_articles, n_passages = len(new.corpus.articles), len(new.corpus.passages)
    log.info("reloaded in %.0f ms: %d article(s), %d passage(s), %d skipped",
             (time.perf_counter() - started) * 1000, n_articles, n_passages, len(problems))
    lines = [f"Reloaded: {counted(n_articles, 'article')}, {n_passages} passages."]
    if problems:
        lines.append(f"Skipped {counted(len(problems), 'file')}:")
        lines += [f"\u2022 {line.removeprefix('skipped ')}" for line in skipped]
    return Reloaded(new, fit_text("\n".join(lines), MESSAGE_LIMIT, render=escape))
