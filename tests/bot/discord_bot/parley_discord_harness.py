"""The end-to-end harness: the real bot, built and served by `runner` exactly as `parley discord`
does, against a loopback stand-in for Discord (127.0.0.1 only), torn down within bounded waits.

Test modules take the `start` fixture by importing `running_bot` (its function name differs from
the fixture's, so the test arguments named `start` do not shadow the import).
"""
from __future__ import annotations

import asyncio
import logging
import threading
from dataclasses import replace

import discord
import pytest
from parley_discord_fakes import FakeEngine
from parley_discord_loopback import DiscordStandIn

from bot.discord_bot import runner
from bot.settings import DiscordSettings, Settings

TOKEN = "loopback-token.NOT-A-REAL-SECRET.abc123"
WAIT = 10.0


def settings_for(**kw) -> Settings:
    base = dict(guild_id=None, results_per_page=2, cooldown_rate=3, cooldown_seconds=30,
                view_timeout_seconds=60)
    base.update(kw)
    return Settings(top_k=3, discord=replace(DiscordSettings(), **base))


class Harness:
    def __init__(self, stub: DiscordStandIn, bot, task: asyncio.Task, engine):
        self.stub, self.bot, self.task, self.engine = stub, bot, task, engine
        self.done: set[str] = set()  # interactions whose command has finished on the bot
        bot.add_listener(self._completed, "on_app_command_completion")

    async def _completed(self, interaction, command) -> None:
        self.done.add(str(interaction.id))

    async def completed(self, iid: str, timeout: float = WAIT) -> dict:
        """The callback of a slash command, once the bot has finished the command too: the
        stand-in sees the callback before the bot has its reply's buttons registered, and a
        press in between would find no view to answer it (a real user cannot click that
        fast)."""
        cb = await self.callback(iid, timeout)
        await self.stub.wait_for(lambda: iid in self.done, timeout,
                                 f"the command of interaction {iid} to finish")
        return cb

    async def callback(self, iid: str, timeout: float = WAIT) -> dict:
        return await self.stub.wait_for(lambda: self.stub.callback_for(iid), timeout,
                                        f"interaction {iid} to be answered")

    async def answer(self, iid: str, timeout: float = WAIT) -> dict:
        """The reply's message as the user sees it: the callback's, or, when the bot deferred
        (on a loaded machine any answer can take longer than DEFER_AFTER), the followup that
        fills the placeholder."""
        cb = await self.callback(iid, timeout)
        if cb["type"] == 5:
            msg = await self.followup(iid, timeout)
            return dict(msg, allowed_mentions=msg["_allowed_mentions"])
        return cb["data"]

    async def followup(self, iid: str, timeout: float = WAIT) -> dict:
        """The first followup message of a deferred interaction."""
        ids = await self.stub.wait_for(lambda: self.stub._interactions[iid].get("_followups"),
                                       timeout, f"a followup to interaction {iid}")
        return self.stub.messages[ids[0]]

    async def reply(self, message_id: str, timeout: float = WAIT) -> dict:
        replies = await self.stub.wait_for(lambda: self.stub.replies_to(message_id), timeout,
                                           f"a reply to message {message_id}")
        return replies[0]


async def _join_heartbeats() -> None:
    """discord.py's heartbeat threads, one per connection and shard (a reconnect or a
    shard starts another): stopped by close(), but one may be waking to beat, so each is
    joined while the loop still runs, or its beat meets a closed loop ("Event loop is
    closed") under load."""
    for beats in [t for t in threading.enumerate() if t.name.startswith("keep-alive-handler")]:
        stop = getattr(beats, "stop", None)
        if stop is not None:
            stop()
        await asyncio.to_thread(beats.join, WAIT)


@pytest.fixture(name="start")
async def running_bot(monkeypatch, caplog):
    """start(settings, engine, sync=, rebuild=) -> Harness with a ready bot (with /reload when
    given `rebuild(force, cancel)`); torn down (bounded) afterwards."""
    caplog.set_level(logging.DEBUG)  # everything, to prove the token never shows up
    monkeypatch.setattr(discord.http.Route, "BASE", discord.http.Route.BASE)
    monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY",
                        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)
    made: list[Harness] = []

    async def _start(settings: Settings | None = None, engine=None, *,
                     sync: bool = False, rebuild=None) -> Harness:
        stub = DiscordStandIn(token=TOKEN, heartbeat_ms=500)
        await stub.start()
        runner.point_at_loopback(stub.url)
        engine = engine or FakeEngine()
        settings = settings or settings_for()
        bot = runner.create_bot(settings, engine, sync=sync, rebuild=rebuild)
        task = asyncio.create_task(runner.serve(settings, TOKEN, engine=engine, bot=bot))
        h = Harness(stub, bot, task, engine)
        made.append(h)
        done, _ = await asyncio.wait({task, asyncio.ensure_future(bot.wait_until_ready())},
                                     timeout=WAIT, return_when=asyncio.FIRST_COMPLETED)
        if task in done:
            task.result()  # raise what stopped the bot
        assert bot.is_ready(), "bot did not become ready"
        return h

    yield _start

    for h in made:
        if not h.bot.is_closed():
            await asyncio.wait_for(h.bot.close(), WAIT)
        h.task.cancel()
        await asyncio.wait({h.task}, timeout=WAIT)
        await h.stub.stop()
    await _join_heartbeats()
    text = caplog.text + "".join(str(r.args) for r in caplog.records)
    assert TOKEN not in text, "the token leaked into the logs"
    for h in made:
        assert not h.stub.unexpected, f"unexpected requests: {h.stub.unexpected}"
