"""Discord under pressure (issue 14), through the loopback stand-in and the real discord.py
client: a shutdown in the middle of `/reload`, and replies Discord refuses with 429 on every one
of discord.py's tries. Every wait is bounded; timings are printed, and asserted only loosely."""
from __future__ import annotations

import asyncio
import logging
import time

import pytest
from parley_discord_fakes import FakeEngine, FakeRebuild
from parley_discord_harness import WAIT, running_bot, settings_for  # noqa: F401  (`start`)

from bot.discord_bot import replying
from bot.discord_bot.reload import RELOAD_CANCELLED
from bot.discord_bot.unanswered import NOTE

pytestmark = pytest.mark.integration
EPHEMERAL = 64
SHUTDOWN_BOUND = 5.0  # generous: the grace is 1 s; this only catches the old ~10 s wait


@pytest.mark.parametrize("mode", ["until_cancelled", "ignores_cancel"])
async def test_close_during_reload_cancels_it_answers_the_owner_and_keeps_the_old_engine(
        start, mode):
    rebuild = FakeRebuild(mode)
    engine = FakeEngine()
    h = await start(engine=engine, rebuild=rebuild)
    asker = h.bot.get_cog("Parley")
    iid = await h.stub.slash("reload")
    assert (await h.callback(iid))["type"] == 5  # deferred: "thinking..." for the owner
    await h.stub.wait_for(rebuild.started.is_set, WAIT, "the rebuild to start")
    started = time.monotonic()
    await asyncio.wait_for(h.bot.close(), WAIT)
    took = time.monotonic() - started
    rebuild.release.set()
    print(f"\nclose() during a /reload whose build {mode.replace('_', ' ')}: {took:.2f} s")
    # the owner's answer went out before the connection closed (nothing is sent after close)
    assert h.stub._interactions[iid].get("_followups"), "the owner got no reply"
    msg = await h.followup(iid)
    assert msg["content"] == RELOAD_CANCELLED and msg["flags"] & EPHEMERAL
    assert took < SHUTDOWN_BOUND
    await asyncio.sleep(0.2)  # a build that ignored cancel() has returned by now: not swapped in
    assert h.bot.engine is engine and asker.engine is engine
    assert h.bot.is_closed()  # (a bare close() while the reader runs sends 4000: see runner)


def refused_lines(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.getMessage().startswith("could not send the reply")]


STORMS = [  # the route of the reply Discord refuses, how the question is asked
    pytest.param(r"/channels/\d+/messages", "mention", id="mention-reply"),
    pytest.param(r"/interactions/\d+/.+/callback", "/ask", id="slash-reply"),
    pytest.param(r"/webhooks/\d+/", "/ask", id="deferred-slash-followup"),
]


@pytest.mark.parametrize(("route", "via"), STORMS)
async def test_429_on_every_try_is_logged_once_and_the_channels_next_reply_says_so(
        start, monkeypatch, caplog, route, via):
    engine = FakeEngine()
    if route.startswith("/webhooks"):
        monkeypatch.setattr(replying, "DEFER_AFTER", 0.05)
        engine.delay = 0.2  # slow enough to be deferred: the answer is a webhook followup
    h = await start(settings_for(cooldown_seconds=0), engine=engine)
    stub = h.stub
    stub.rate_limit("POST", route, times=5, retry_after=0.05)  # every one of discord.py's tries
    if via == "mention":
        await stub.say(f"<@{stub.app_id}> ceasefire")
    else:
        await stub.slash("ask", question="ceasefire")
    await stub.wait_for(lambda: refused_lines(caplog), WAIT, "the refusal to be logged")
    await asyncio.sleep(0.3)  # nothing more is sent, and nothing more logged
    [line] = refused_lines(caplog)
    assert f"{via} in #general ({stub.channel_id})" in line.getMessage()
    assert "429" in line.getMessage() and line.exc_info is None
    assert len(stub.rate_limited) == 5
    # the storm is over: the next reply in the channel says a question went unanswered, once
    first = await h.reply(await stub.say(f"<@{stub.app_id}> guarantees"))
    assert first["content"].startswith(NOTE) and first["embeds"]
    second = await h.reply(await stub.say(f"<@{stub.app_id}> guarantees"))
    assert NOTE not in second["content"] and second["embeds"]
    assert not h.task.done()


async def test_a_reply_refused_again_keeps_the_note_for_the_next_one(start, caplog):
    h = await start(settings_for(cooldown_seconds=0))
    stub = h.stub
    stub.rate_limit("POST", r"/channels/\d+/messages", times=10, retry_after=0.02)
    await stub.say(f"<@{stub.app_id}> ceasefire")
    await stub.wait_for(lambda: len(refused_lines(caplog)) == 1, WAIT, "the first refusal")
    await stub.say(f"<@{stub.app_id}> ceasefire")  # its reply (carrying the note) is refused too
    await stub.wait_for(lambda: len(refused_lines(caplog)) == 2, WAIT, "the second refusal")
    cb = await h.callback(await stub.slash("ask", question="guarantees"))
    assert cb["data"]["content"].startswith(NOTE)
    assert cb["data"]["content"].count(NOTE) == 1
