"""`/reload [force]`: the rebuild's (force, cancel) shape, cancelling it, the owner's text; and
the option through the loopback stand-in and the real discord.py client."""
from __future__ import annotations

import asyncio
import logging
import threading
import time
from pathlib import Path

import pytest
from parley_discord_fakes import FakeEngine, FakeRebuild
from parley_discord_harness import WAIT, running_bot, settings_for  # noqa: F401  (`start`)

from bot.discord_bot import reload, runner
from bot.discord_bot.reload import RELOAD_CANCELLED, Rebuilder
from bot.loading import LoadFailed
from bot.settings import Settings
from corpus.cancelling import BuildCancelled

EPHEMERAL = 64


# ------------------------------------------------------------------ the rebuild's shape


@pytest.mark.parametrize(("force", "starts"), [
    (False, "Reloaded: 1 article, 7 passages."),
    (True, "Rebuilt from the files: 1 article, 7 passages."),
], ids=["default", "force"])
async def test_rebuild_gets_force_and_the_reply_says_which_it_did(force, starts):
    rebuild = FakeRebuild()
    reloaded = await Rebuilder(rebuild).run(force)
    assert rebuild.calls == [force]
    assert reloaded.engine is rebuild.engine and reloaded.text == starts


@pytest.mark.parametrize(("error", "says"), [
    (LoadFailed("no articles could be loaded (a.txt: empty file)"), "a.txt: empty file"),
    (RuntimeError("boom"), "RuntimeError; the details are in the log"),
], ids=["no-article-loads", "unexpected-error"])
async def test_failed_rebuild_leaves_no_engine_and_says_why(error, says):
    def failing(force: bool, cancel) -> FakeEngine:
        raise error

    reloaded = await Rebuilder(failing).run()
    assert reloaded.engine is None
    assert reloaded.text.startswith("Reload failed") and says in reloaded.text


# ------------------------------------------------------------------ cancelling


async def test_stop_cancels_a_running_build_within_the_grace():
    rebuild = FakeRebuild("until_cancelled")
    rebuilder = Rebuilder(rebuild)
    running = asyncio.ensure_future(rebuilder.run())
    await asyncio.to_thread(rebuild.started.wait, WAIT)
    started = time.monotonic()
    assert await rebuilder.stop() is True
    assert time.monotonic() - started < reload.CANCEL_GRACE
    reloaded = await running
    assert reloaded.engine is None and reloaded.text == RELOAD_CANCELLED


async def test_stop_gives_up_on_a_build_that_ignores_cancel_after_the_grace():
    rebuild = FakeRebuild("ignores_cancel")
    rebuilder = Rebuilder(rebuild)
    running = asyncio.ensure_future(rebuilder.run())
    await asyncio.to_thread(rebuild.started.wait, WAIT)
    started = time.monotonic()
    assert await rebuilder.stop(grace=0.2) is False
    assert 0.2 <= time.monotonic() - started < 1.0
    rebuild.release.set()
    late = await running  # it finished after all, but the bot is closing: not swapped in
    assert late.engine is None and late.text == RELOAD_CANCELLED


async def test_a_build_started_after_stop_is_cancelled_at_once():
    rebuilder = Rebuilder(FakeRebuild("until_cancelled"))
    await rebuilder.stop()
    assert rebuilder.stopping
    assert (await asyncio.wait_for(rebuilder.run(), WAIT)).text == RELOAD_CANCELLED


async def test_the_worker_is_a_daemon_thread_so_it_never_holds_the_process():
    seen: list[bool] = []
    await reload.in_daemon_thread(lambda: seen.append(threading.current_thread().daemon))
    assert seen == [True]


# ------------------------------------------------------------------ through the real client


@pytest.mark.integration
@pytest.mark.parametrize(("options", "force", "starts"), [
    ({}, False, "Reloaded: 1 article"),
    ({"force": False}, False, "Reloaded: 1 article"),
    ({"force": True}, True, "Rebuilt from the files: 1 article"),
], ids=["no-option", "force-false", "force-true"])
async def test_reload_force_option_reaches_the_rebuild_and_the_reply(start, options, force,
                                                                     starts):
    rebuild = FakeRebuild()
    h = await start(rebuild=rebuild, sync=True)
    [option] = h.stub.commands["reload"]["options"]
    assert option["name"] == "force" and option["type"] == 5 and not option.get("required")
    iid = await h.stub.slash("reload", **options)
    assert (await h.answer(iid))["flags"] & EPHEMERAL
    msg = await h.followup(iid)
    assert msg["content"].startswith(starts) and msg["_allowed_mentions"] == {"parse": []}
    assert rebuild.calls == [force]
    assert h.bot.engine is rebuild.engine and h.bot.get_cog("Parley").engine is rebuild.engine


# ------------------------------------------------------------------ `parley discord`'s rebuild


SEED = Path(__file__).resolve().parents[3] / "corpus" / "articles" / "istanbul-talks.txt"


@pytest.mark.parametrize(("force", "logged"), [
    (False, "the files are unchanged since the saved index"),
    (True, "Built the index"),
], ids=["reuses-the-saved-index", "force-builds-from-the-files"])
def test_runner_rebuild_reuses_the_saved_index_unless_forced(tmp_path, caplog, force, logged):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "talks.txt").write_bytes(SEED.read_bytes())
    settings = Settings(corpus_paths=(folder,), cache_dir=tmp_path / "cache")
    rebuild = runner._rebuilder(settings, None)
    rebuild(False, lambda: False)  # the start: builds and saves
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="parley.discord"):
        engine = rebuild(force, lambda: False)
    assert len(engine.corpus.articles) == 1
    assert any(logged in r.getMessage() for r in caplog.records), caplog.text


def test_runner_rebuild_stops_when_cancel_says_so(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "talks.txt").write_bytes(SEED.read_bytes())
    settings = Settings(corpus_paths=(folder,), cache_dir=tmp_path / "cache")
    with pytest.raises(BuildCancelled):
        runner._rebuilder(settings, None)(True, lambda: True)
