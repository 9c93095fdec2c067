"""Discord faults through the loopback stand-in and the real discord.py client: REST 429/500 on
replies, an expired interaction (404, 10062), an interaction that reached the bot late, a gateway
dropped mid-answer, close code 4014, floods from one user and from many, and SIGINT/SIGTERM on
the `parley discord` process. Every wait is bounded."""
from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
import time
from datetime import UTC
from pathlib import Path
from types import SimpleNamespace

import pytest
from limits import check_payload
from parley_discord_fakes import FakeEngine
from parley_discord_harness import WAIT, running_bot, settings_for  # noqa: F401  (`start`)
from parley_discord_loopback import DiscordStandIn

from bot.discord_bot import replying, runner, unanswered
from bot.discord_bot.reload import RELOAD_CANCELLED

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]
EPHEMERAL = 64


@pytest.fixture
def fast_retries(monkeypatch):
    """discord.py sleeps 1, 3, 5, 7 s between its retries of a 5xx; the same retries, faster."""
    import discord.webhook.async_  # noqa: F401
    real = asyncio

    class Fast:
        def __getattr__(self, name):
            return getattr(real, name)

        @staticmethod
        async def sleep(delay, result=None):
            return await real.sleep(min(delay, 0.05), result)

    monkeypatch.setattr(discord.http, "asyncio", Fast())
    monkeypatch.setattr(discord.webhook.async_, "asyncio", Fast())  # interaction callbacks


def parley_errors(caplog):
    return [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_500_once_on_a_reply_is_retried_and_delivered(start, fast_retries):
    h = await start()
    h.stub.fail("POST", r"/interactions/\d+/.+/callback", status=500, times=1)
    cb = await h.callback(await h.stub.slash("ask", question="ceasefire"))
    assert cb["data"]["embeds"] and len(h.stub.failed) == 1
    check_payload(cb["data"])


def refused_lines(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.getMessage().startswith("could not send the reply")]


async def test_500_on_every_try_is_logged_once_and_the_next_reply_says_so(start, fast_retries,
                                                                          caplog):
    h = await start(settings_for(cooldown_seconds=0))
    stub = h.stub
    # the /ask reply: every one of discord.py's 5 tries fails; no second message is attempted
    stub.fail("POST", r"/interactions/\d+/.+/callback", status=500, times=5)
    iid = await stub.slash("ask", question="ceasefire")
    await stub.wait_for(lambda: refused_lines(caplog), WAIT, "the refusal to be logged")
    assert len(stub.failed) == 5 and stub.callback_for(iid) is None
    [line] = refused_lines(caplog)
    assert "/ask in #general" in line.getMessage() and "500" in line.getMessage()
    assert line.levelno == logging.ERROR and line.exc_info is None
    # a channel message reply failing with 500 on every try: one line, no crash
    stub.fail("POST", r"/channels/\d+/messages", status=500, times=5)
    await stub.say(f"<@{stub.app_id}> ceasefire")
    await stub.wait_for(lambda: len(refused_lines(caplog)) == 2, WAIT, "the mention refusal")
    assert "mention in #general" in refused_lines(caplog)[1].getMessage()
    assert len(stub.failed) == 10 and not parley_errors(caplog)[2:]
    # the next questions are answered on both paths; only the first says one went unanswered
    cb = await h.callback(await stub.slash("ask", question="guarantees"))
    assert cb["data"]["embeds"] and cb["data"]["content"].startswith(unanswered.NOTE)
    mid = await stub.say(f"<@{stub.app_id}> guarantees")
    reply = await h.reply(mid)
    assert reply["embeds"] and unanswered.NOTE not in reply["content"]
    assert not h.task.done()


async def test_429_on_a_deferred_followup_is_waited_out(start, monkeypatch):
    monkeypatch.setattr(replying, "DEFER_AFTER", 0.05)
    engine = FakeEngine()
    engine.delay = 0.3
    h = await start(engine=engine)
    h.stub.rate_limit("POST", r"/webhooks/\d+/", times=1, retry_after=0.3)
    iid = await h.stub.slash("ask", question="ceasefire")
    assert (await h.callback(iid))["type"] == 5
    ids = await h.stub.wait_for(lambda: h.stub._interactions[iid].get("_followups"), WAIT,
                                "the followup")
    assert h.stub.messages[ids[0]]["embeds"] and len(h.stub.rate_limited) == 1


async def test_expired_interaction_is_logged_not_crashed(start, caplog):
    h = await start()
    iid = await h.stub.slash("ask", question="ceasefire", expired=True)
    await h.stub.wait_for(lambda: iid in h.stub.expired_hits, WAIT, "the 10062")
    await h.stub.wait_for(lambda: any("expired" in r.getMessage() for r in caplog.records),
                          WAIT, "the warning")
    warning = next(r for r in caplog.records if "expired" in r.getMessage())
    assert warning.levelno == logging.WARNING and warning.exc_info is None
    assert not parley_errors(caplog)  # no traceback for a reply nobody can receive
    assert h.stub.expired_hits == [iid]  # no second attempt with a dead token
    cb = await h.callback(await h.stub.slash("ask", question="ceasefire"))
    assert cb["type"] == 4 and cb["data"]["embeds"]


async def test_late_interaction_is_deferred_within_discords_3_seconds(start):
    engine = FakeEngine()
    engine.delay = 1.5
    h = await start(engine=engine)
    age = 1.8  # it spent 1.8 s reaching the bot (gateway lag, a busy loop)
    sent = time.monotonic()
    iid = await h.stub.slash("ask", question="ceasefire", age=age)
    cb = await h.callback(iid)
    record = next(r for r in h.stub.requests if r.path.endswith("/callback")
                  and f"/{iid}/" in r.path)
    assert cb["type"] == 5
    assert record.at - (sent - age) < 3.0, "deferred too late: Discord would have expired it"
    ids = await h.stub.wait_for(lambda: h.stub._interactions[iid].get("_followups"), WAIT,
                                "the followup")
    assert h.stub.messages[ids[0]]["embeds"]


def test_defer_budget_counts_the_interactions_age():
    from datetime import datetime
    now = 1_800_000_000.0

    def at(age: float) -> SimpleNamespace:
        return SimpleNamespace(created_at=datetime.fromtimestamp(now - age, UTC))

    assert replying.defer_after(at(0.0), now) == replying.DEFER_AFTER
    assert replying.defer_after(at(1.8), now) == pytest.approx(0.7)
    assert replying.defer_after(at(2.9), now) == 0.0
    assert replying.defer_after(at(40), now) == replying.DEFER_AFTER  # skewed clock
    assert replying.defer_after(at(-5), now) == replying.DEFER_AFTER
    assert replying.defer_after(object(), now) == replying.DEFER_AFTER


async def test_gateway_dropped_while_answering_resumes_and_delivers(start):
    engine = FakeEngine()
    engine.delay = 0.5
    h = await start(engine=engine)
    stub = h.stub
    iid = await stub.slash("ask", question="ceasefire")
    await stub.wait_for(lambda: engine.calls or None, WAIT, "the question to be taken")
    await stub.drop()  # mid-answer
    cb = await h.callback(iid)  # REST does not need the gateway
    assert cb["data"]["embeds"]
    await stub.wait_for(lambda: stub.resumes, WAIT, "a RESUME")
    await stub.drop()  # and once more
    iid2 = await stub.slash("ask", question="guarantees")
    assert (await h.callback(iid2))["data"]["embeds"]
    assert len(stub.identifies) == 1 and len(stub.resumes) == 2


async def test_flood_from_one_user_is_held_others_still_answered(start):
    h = await start(settings_for(cooldown_rate=3, cooldown_seconds=60))
    stub = h.stub
    friend = stub.make_user("friend")
    spam = []
    others = []
    for i in range(30):
        spam.append(await stub.slash("ask", question="ceasefire"))
        if i % 10 == 0:
            others.append(await stub.slash("ask", user=friend, question="guarantees"))
            others.append(await stub.slash("ask", user=stub.other, question="prisoners"))
    await stub.wait_for(lambda: all(stub.callback_for(i) for i in others), WAIT, "the others")
    await stub.wait_for(lambda: all(stub.callback_for(i) for i in spam), WAIT,
                        "3 answers and 27 notices")
    got = [stub.callback_for(i) for i in spam]
    answered = [g for g in got if g["data"].get("embeds")]
    notices = [g for g in got if "please wait" in (g["data"].get("content") or "")]
    assert len(answered) == 3 and len(notices) == 27  # every command answered, none twice
    assert all(n["data"]["flags"] & EPHEMERAL for n in notices)
    for i in others:
        assert stub.callback_for(i)["data"]["embeds"]


def bot_tasks() -> int:
    """Tasks of this event loop, less the stand-in's own HTTP server connections (discord.py
    may open more keep-alive connections under load; those are the server's, not the bot's)."""
    return sum(1 for t in asyncio.all_tasks()
               if not t.get_coro().__qualname__.startswith("RequestHandler."))


async def test_flood_from_many_users_all_answered_in_order_without_task_leak(start):
    # each reply's buttons (Delete, the article's link) live until view_timeout_seconds: short
    # here, so the count below also proves the views' own tasks end
    h = await start(settings_for(results_per_page=3, cooldown_rate=3, cooldown_seconds=60,
                                 view_timeout_seconds=1))
    stub = h.stub
    await asyncio.sleep(0.2)
    before = bot_tasks()
    users = [stub.make_user(f"user{i}") for i in range(50)]
    questions = ["ceasefire", "guarantees"]
    asked = []  # (message id, question) in the order they were posted
    for q in questions:
        for u in users:
            asked.append((await stub.say(f"<@{stub.app_id}> {q}", user=u), q))
    await stub.wait_for(lambda: all(stub.replies_to(mid) for mid, _ in asked), 25,
                        "all 100 replies")
    replies = [stub.replies_to(mid)[0] for mid, _ in asked]
    for reply, (_, q) in zip(replies, asked, strict=True):
        assert reply["embeds"], reply.get("content")
        assert f"**{q}**" in reply["embeds"][0]["description"]
        check_payload(reply, allowed_key="_allowed_mentions")
    order = [int(r["id"]) for r in replies]
    assert order == sorted(order), "replies in one channel came out of order"
    assert len(h.engine.calls) == 100
    # settle, then count: every per-event task has finished, and every view has expired
    deadline = time.monotonic() + WAIT
    while bot_tasks() > before and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    after = bot_tasks()
    print(f"\nflood: 100 questions from 50 users answered; tasks before {before}, after {after}")
    assert after <= before, f"task leak: {before} -> {after}"


# ------------------------------------------------------------------ the process: 4014, signals


def _env(stub: DiscordStandIn, token: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    env.update({"DISCORD_TOKEN": token, runner.LOOPBACK_ENV: stub.url, "PYTHONUNBUFFERED": "1",
                "NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"})
    for proxy in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY"):
        env.pop(proxy, None)
    return env


async def _run_bot(stub, tmp_path, *extra: str, token: str):
    log = tmp_path / "bot.log"
    out = log.open("wb")
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "discord", *extra, cwd=tmp_path,
        env=_env(stub, token), stdout=out, stderr=subprocess.STDOUT)
    return proc, log, out


async def _finish(proc, timeout=20.0):
    try:
        return await asyncio.wait_for(proc.wait(), timeout)
    except TimeoutError:
        proc.kill()
        await proc.wait()
        raise AssertionError("the bot did not exit in time") from None


async def test_close_code_4014_exits_nonzero_telling_the_owner_what_to_switch(tmp_path):
    token = "intent-token.NOT-REAL.4014"
    stub = DiscordStandIn(token=token, heartbeat_ms=1000)
    stub.refuse_identify = 4014
    await stub.start()
    config = tmp_path / "config.toml"
    config.write_text("[discord]\nmessage_content = true\n")
    try:
        proc, log, out = await _run_bot(stub, tmp_path, "--config", str(config), token=token)
        code = await _finish(proc, 40)
        out.close()
    finally:
        await stub.stop()
    text = log.read_text()
    assert code == 1, text
    assert stub.refusals == [4014] and not stub.identifies
    assert "Message Content Intent" in text and "Developer Portal" in text
    assert "discord.message_content = false" in text
    assert "Traceback" not in text and token not in text


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
async def test_signal_closes_the_gateway_cleanly(tmp_path, sig):
    token = f"signal-token.NOT-REAL.{sig.name}"
    stub = DiscordStandIn(token=token, heartbeat_ms=1000)
    await stub.start()
    try:
        proc, log, out = await _run_bot(stub, tmp_path, "--sync", token=token)
        try:
            await stub.wait_for(lambda: (stub.identifies and stub.commands)
                                or proc.returncode is not None, 40, "the bot to start")
            assert proc.returncode is None, log.read_text()
            assert "reload" in stub.commands  # `parley discord` offers the owner /reload
            cb = None
            iid = await stub.slash("ask", question="What did Erdogan say?")
            cb = await stub.wait_for(lambda: stub.callback_for(iid), 30, "an answer")
            proc.send_signal(sig)
            code = await _finish(proc)
        finally:
            if proc.returncode is None:
                proc.kill()
                await proc.wait()
            out.close()
        await stub.wait_for(lambda: stub.close_codes, WAIT, "the websocket close")
    finally:
        await stub.stop()
    text = log.read_text()
    assert code == 0, text
    assert stub.close_codes == [1000], stub.close_codes  # a clean close, not a dropped socket
    assert "Traceback" not in text and token not in text
    assert f"{sig.name} received" in text
    assert cb["data"]["embeds"]


SEED = ROOT / "corpus" / "articles" / "istanbul-talks.txt"


def write_articles(folder: Path, n: int, start: int = 0) -> None:
    """`n` distinct articles (the seed's paragraphs under a headline of their own)."""
    body = SEED.read_text(encoding="utf-8").split("\n", 1)[1].replace("\n", "\n\n")
    for i in range(start, start + n):
        (folder / f"talks-{i:05d}.txt").write_text(f"Talks, day {i}\n\n{body}", encoding="utf-8")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
async def test_signal_during_a_real_reload_force_cancels_it_and_answers_the_owner(tmp_path, sig):
    """`parley discord` on a real corpus: `/reload force` over 3,000 articles (a build of many
    seconds), then the signal. Measured: signal to exit, and the owner's reply."""
    token = f"reload-signal-token.NOT-REAL.{sig.name}"
    folder = tmp_path / "articles"
    folder.mkdir()
    write_articles(folder, 1)
    config = tmp_path / "config.toml"
    config.write_text(f'[corpus]\ncache_dir = "{tmp_path / "cache"}"\n')
    stub = DiscordStandIn(token=token, heartbeat_ms=1000)
    await stub.start()
    try:
        proc, log, out = await _run_bot(stub, tmp_path, "--sync", "--config", str(config),
                                        "--corpus", str(folder), token=token)
        try:
            await stub.wait_for(lambda: (stub.identifies and stub.commands)
                                or proc.returncode is not None, 40, "the bot to start")
            assert proc.returncode is None, log.read_text()
            write_articles(folder, 3000, start=1)
            iid = await stub.slash("reload", force=True)
            await stub.wait_for(lambda: "reloading the articles" in log.read_text(), 30,
                                "the rebuild to start")
            await asyncio.sleep(0.3)  # well into the build
            sent = time.monotonic()
            proc.send_signal(sig)
            code = await _finish(proc)
            took = time.monotonic() - sent
        finally:
            if proc.returncode is None:
                proc.kill()
                await proc.wait()
            out.close()
        await stub.wait_for(lambda: stub.close_codes, WAIT, "the websocket close")
    finally:
        await stub.stop()
    text = log.read_text()
    print(f"\n{sig.name} during /reload force of 3,001 articles: exited in {took:.2f} s")
    assert code == 0, text
    followups = stub._interactions[iid].get("_followups") or []
    assert [stub.messages[m]["content"] for m in followups] == [RELOAD_CANCELLED], text
    assert stub.close_codes == [1000], stub.close_codes
    assert "reload cancelled" in text and "Traceback" not in text and token not in text


# ------------------------------------------------------------------ hostile questions, end to end


async def test_hostile_questions_through_the_real_client(start, real_engine):
    h = await start(settings_for(cooldown_seconds=0), engine=real_engine)
    stub = h.stub
    cases = ["@everyone @here <@&1> <@1> ```py\nx\n``` **ceasefire** Киев Çavuşoğlu",
             "\x00\u202e ceasefire\x1b[31m discord.gg/abc",
             "what did Erdogan say " * 300,  # 6,300 characters: over MAX_QUESTION_CHARS
             "😀🔥", ""]
    for q in cases:
        cb = await h.callback(await stub.slash("ask", question=q))
        check_payload(cb["data"])
        if len(q) > 1000:
            assert "Your question was long" in cb["data"]["content"]
    for q in cases:
        mid = await stub.say(f"<@{stub.app_id}> {q}")
        reply = await h.reply(mid)
        check_payload(reply, allowed_key="_allowed_mentions")
        assert "went wrong" not in reply["content"]
    assert not h.task.done()
