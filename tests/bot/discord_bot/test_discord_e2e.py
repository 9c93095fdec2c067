"""End to end: the real, unmodified discord.py client, built and run by the same `serve()`
that `parley discord` runs, against the loopback stand-in for Discord (127.0.0.1 only).

Every wait is bounded; the whole module is marked integration.
"""
from __future__ import annotations

import logging

import discord
import pytest
from parley_discord_fakes import KULEBA, FakeEngine, make_article
from parley_discord_harness import TOKEN, WAIT, running_bot, settings_for  # noqa: F401  (`start`)
from parley_discord_loopback import INTENT_MESSAGE_CONTENT

from bot.discord_bot import errors, replying
from bot.discord_bot import formatting as F
from bot.discord_bot.views import NOT_YOURS

pytestmark = pytest.mark.integration

EPHEMERAL = 64
LINK_STYLE = 5
NONE = {"parse": []}


def assert_reply_ok(data: dict) -> None:
    """A message body Discord would accept: limits kept, no mentions allowed."""
    assert data.get("allowed_mentions") == NONE
    assert len(data.get("content") or "") <= F.MESSAGE_LIMIT
    embeds = data.get("embeds") or []
    assert len(embeds) <= F.EMBEDS_PER_MESSAGE
    total = 0
    for e in embeds:
        assert len(e.get("title", "")) <= F.EMBED_TITLE_LIMIT
        assert len(e.get("description", "")) <= F.EMBED_DESCRIPTION_LIMIT
        assert len(e.get("fields", [])) <= F.EMBED_FIELDS_LIMIT
        assert all(len(f["value"]) <= F.EMBED_FIELD_VALUE_LIMIT for f in e.get("fields", []))
        assert len(e.get("author", {}).get("name", "")) <= F.EMBED_AUTHOR_LIMIT
        assert len(e.get("footer", {}).get("text", "")) <= F.EMBED_FOOTER_LIMIT
        total += (len(e.get("title", "")) + len(e.get("description", ""))
                  + len(e.get("author", {}).get("name", ""))
                  + len(e.get("footer", {}).get("text", ""))
                  + sum(len(f["name"]) + len(f["value"]) for f in e.get("fields", [])))
    assert total <= F.EMBED_TOTAL_LIMIT


def buttons(message: dict) -> dict[str, dict]:
    return {c.get("label"): c for row in message.get("components", []) for c in row["components"]}


# ---------------------------------------------------------------------------- start-up


async def test_startup_identifies_heartbeats_and_syncs_to_the_guild(start):
    h = await start(settings_for(guild_id=4242), sync=True)
    stub = h.stub
    assert len(stub.identifies) == 1
    ident = stub.identifies[0]
    assert ident["intents"] & INTENT_MESSAGE_CONTENT == 0  # no privileged intent by default
    assert ident["intents"] & (1 << 1) == 0  # no members intent
    put = [r for r in stub.requests if r.method == "PUT"]
    assert [r.path for r in put] == [f"/api/v10/applications/{stub.app_id}/guilds/4242/commands"]
    assert {c["name"] for c in put[0].json} == {"ask", "speakers", "quotes", "source", "help",
                                                "Ask Parley", "check", "Check quote"}
    ask = next(c for c in put[0].json if c["name"] == "ask")
    opts = {o["name"]: o for o in ask["options"]}
    assert opts["speaker"]["autocomplete"] is True
    assert (opts["results"]["min_value"], opts["results"]["max_value"]) == (1, 5)
    assert all(r.headers.get("Authorization") == f"Bot {TOKEN}" for r in stub.requests
               if r.path in ("/api/v10/users/@me",))
    await stub.wait_for(lambda: stub.heartbeats >= 1, WAIT, "a heartbeat")


async def test_no_sync_unless_asked_and_global_sync_without_guild(start):
    h = await start(settings_for())
    assert not [r for r in h.stub.requests if r.method == "PUT"]
    h2 = await start(settings_for(), sync=True)
    put = [r.path for r in h2.stub.requests if r.method == "PUT"]
    assert put == [f"/api/v10/applications/{h2.stub.app_id}/commands"]


# ---------------------------------------------------------------------------- commands


async def test_slash_ask_replies_with_highlighted_embeds(start):
    h = await start(settings_for(guild_id=4242), sync=True)
    iid = await h.stub.slash("ask", question="what did Kuleba say about the ceasefire")
    cb = await h.callback(iid)
    assert cb["type"] == 4
    data = cb["data"]
    assert_reply_ok(data)
    assert not (data.get("flags") or 0) & EPHEMERAL
    assert h.engine.calls[-1] == ("ask", "what did Kuleba say about the ceasefire", 3, None)
    first = data["embeds"][0]
    assert first["author"]["name"] == KULEBA.label()
    assert "**ceasefire**" in first["description"]
    assert "paragraph 1" in first["footer"]["text"]


async def test_autocomplete_offers_speaker_names(start):
    h = await start()
    iid = await h.stub.autocomplete("ask", "speaker", "lav", question="x")
    cb = await h.callback(iid)
    assert cb["type"] == 8
    assert cb["data"]["choices"] == [{"name": "Sergei Lavrov, Russia's foreign minister",
                                      "value": "Sergei Lavrov"}]


async def test_mention_answers_like_ask(start, caplog):
    h = await start()
    mid = await h.stub.say(f"<@{h.stub.app_id}> what did Lavrov say about guarantees?")
    reply = await h.reply(mid)
    assert h.engine.calls[-1] == ("ask", "what did Lavrov say about guarantees?", 3, None)
    assert reply["_allowed_mentions"] == NONE  # parse nothing; replied_user defaults to false
    assert reply["embeds"][0]["author"]["name"].startswith("Sergei Lavrov")
    assert "**guarantees**" in reply["embeds"][0]["description"]
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING
                and r.name.startswith(("parley", "discord.ext"))]


async def test_buttons_turn_pages_for_the_asker_only(start):
    h = await start()
    # a slow answer to the first callback: its buttons are registered only once it returns
    h.stub.slow("POST", r"/interactions/\d+/.+/callback", 0.3)
    iid = await h.stub.slash("ask", question="said ceasefire talks kuleba lavrov", results=5)
    cb = await h.completed(iid)  # pressed before then, the buttons would find no view
    msg_id = h.stub._interactions[iid]["_original"]
    message = h.stub.messages[msg_id]
    b = buttons(message)
    assert {"First", "Previous", "1/3", "Next", "Last", "Delete"} <= set(b)
    assert b["Previous"].get("disabled") is True and b["First"].get("disabled") is True
    assert len(cb["data"]["embeds"]) == 2
    first_page = [e["description"] for e in cb["data"]["embeds"]]

    other = await h.stub.press(msg_id, b["Next"]["custom_id"], user=h.stub.other)
    refused = await h.callback(other)
    assert refused["type"] == 4 and refused["data"]["flags"] & EPHEMERAL
    assert refused["data"]["content"] == NOT_YOURS

    press = await h.stub.press(msg_id, b["Next"]["custom_id"])
    turned = await h.callback(press)
    assert turned["type"] == 7  # update the message in place
    assert_reply_ok(turned["data"])
    assert "Page 2 of 3" in turned["data"]["content"]
    assert [e["description"] for e in turned["data"]["embeds"]] != first_page
    assert buttons(turned["data"])["2/3"]


async def test_expired_buttons_are_greyed_out(start):
    h = await start(settings_for(view_timeout_seconds=0.5))
    stub = h.stub
    iid = await stub.slash("ask", question="said ceasefire talks kuleba lavrov", results=5)
    await h.callback(iid)
    mid = await stub.say(f"<@{stub.app_id}> said ceasefire talks kuleba lavrov kremlin observers")
    reply = await h.reply(mid)
    assert buttons(reply), "the mention reply should have page buttons"
    edits = await stub.wait_for(
        lambda: len([r for r in stub.requests if r.method == "PATCH"]) >= 2 and
        [r for r in stub.requests if r.method == "PATCH"], WAIT, "both messages to be edited")
    paths = sorted(r.path for r in edits)
    assert any(p.endswith("/messages/@original") for p in paths)  # webhook: edit original
    assert any(p.startswith(f"/api/v10/channels/{stub.channel_id}/messages/") for p in paths)
    for r in edits:
        assert r.json["allowed_mentions"] == NONE
        assert all(c.get("disabled") for row in r.json["components"] for c in row["components"]
                   if c.get("style") != LINK_STYLE)  # a link to the article keeps working


async def test_nothing_found_is_a_short_ephemeral(start):
    h = await start()
    iid = await h.stub.slash("ask", question="zebras and giraffes")
    cb = await h.callback(iid)
    assert cb["type"] == 4 and cb["data"]["flags"] & EPHEMERAL
    assert "Nothing in the articles" in cb["data"]["content"]
    assert not cb["data"].get("embeds")


async def test_everyone_in_question_is_escaped_and_never_pings(start):
    h = await start()
    iid = await h.stub.slash("ask", question="@everyone @here what about the ceasefire?")
    data = await h.answer(iid)
    assert data["allowed_mentions"] == NONE
    assert "@everyone" not in data["content"] and "@here" not in data["content"]
    assert "@\u200beveryone" in data["content"]
    mid = await h.stub.say(f"<@{h.stub.app_id}> @everyone ceasefire")
    reply = await h.reply(mid)
    assert "@everyone" not in reply["content"] and reply["_allowed_mentions"]["parse"] == []


async def test_oversized_answer_is_shortened_within_limits(start):
    giant = "Kuleba said the ceasefire " + "very " * 4000 + "long."
    article = make_article([("Headline " * 80, None)] + [(giant, KULEBA)] * 6,
                           title="Headline " * 80)
    h = await start(settings_for(results_per_page=5), engine=FakeEngine(article=article))
    iid = await h.stub.slash("ask", question="ceasefire " * 300, results=5)
    data = await h.answer(iid)
    assert len(data["embeds"]) == 5
    assert_reply_ok(data)
    assert all(e["description"].endswith("\u2026") for e in data["embeds"])


async def test_speakers_quotes_and_source(start):
    h = await start()
    data = await h.answer(await h.stub.slash("speakers"))
    assert_reply_ok(data)
    assert "Dmytro Kuleba" in data["embeds"][0]["description"]
    data = await h.answer(await h.stub.slash("quotes", speaker="Sergei Lavrov"))
    assert_reply_ok(data)
    assert data["embeds"][0]["author"]["name"].startswith("Sergei Lavrov")
    data = await h.answer(await h.stub.slash("source"))
    assert_reply_ok(data)
    assert data["embeds"][0]["fields"][0]["value"].startswith("Example News")


# ---------------------------------------------------------------------------- under pressure


async def test_rate_limited_interaction_callback_is_retried_and_delivered(start):
    h = await start()
    h.stub.rate_limit("POST", r"/interactions/\d+/.+/callback", times=1, retry_after=0.4)
    iid = await h.stub.slash("ask", question="ceasefire")
    cb = await h.callback(iid)
    assert cb["type"] == 4 and cb["data"]["embeds"]
    assert len(h.stub.rate_limited) == 1
    delivered = next(r for r in h.stub.requests if "/callback" in r.path)
    assert delivered.at - h.stub.rate_limited[0].at >= 0.35  # waited retry_after


async def test_rate_limited_channel_message_is_retried_and_delivered(start):
    h = await start()
    h.stub.rate_limit("POST", r"/channels/\d+/messages", times=2, retry_after=0.2)
    mid = await h.stub.say(f"<@{h.stub.app_id}> ceasefire")
    reply = await h.reply(mid)
    assert reply["embeds"] and len(h.stub.rate_limited) == 2


async def test_dropped_gateway_is_resumed_and_missed_events_answered(start):
    h = await start()
    stub = h.stub
    await stub.drop()
    # asked while the bot is disconnected: replayed by the stand-in after RESUME
    iid = await stub.slash("ask", question="ceasefire")
    await stub.wait_for(lambda: stub.resumes, WAIT, "a RESUME")
    assert stub.resumes[0]["session_id"] == "session-1" and stub.resumes[0]["seq"] >= 2
    cb = await h.callback(iid)
    assert cb["data"]["embeds"]
    assert len(stub.identifies) == 1 and stub.connections == 2  # resumed, not re-identified
    iid2 = await stub.slash("ask", question="guarantees")
    assert (await h.answer(iid2))["embeds"]


async def test_slow_answer_is_deferred_and_followed_up(start, monkeypatch):
    monkeypatch.setattr(replying, "DEFER_AFTER", 0.1)
    engine = FakeEngine()
    engine.delay = 0.6
    h = await start(engine=engine)
    iid = await h.stub.slash("ask", question="ceasefire")
    cb = await h.callback(iid)
    assert cb["type"] == 5  # deferred: "Parley is thinking..."
    msg = await h.answer(iid)  # the followup
    assert msg["embeds"] and msg["allowed_mentions"] == NONE
    assert_reply_ok(msg)


async def test_cooldown_answers_every_refused_command_privately(start):
    h = await start(settings_for(cooldown_rate=2, cooldown_seconds=60))
    ids = [await h.stub.slash("ask", question="ceasefire") for _ in range(5)]
    await h.stub.wait_for(lambda: all(h.stub.callback_for(i) for i in ids), WAIT,
                          "two answers and three notices")
    got = [h.stub.callback_for(i) for i in ids]
    assert got[0]["data"]["embeds"] and got[1]["data"]["embeds"]
    for refused in got[2:]:  # none left for Discord to call "did not respond"
        assert refused["data"]["flags"] & EPHEMERAL and "please wait" in refused["data"]["content"]
    assert len(h.engine.calls) == 2


async def test_error_in_command_is_reported_and_bot_keeps_running(start, caplog):
    engine = FakeEngine(fail_on="explode")
    h = await start(engine=engine)
    cb = await h.callback(await h.stub.slash("ask", question="explode now"))
    assert cb["data"]["flags"] & EPHEMERAL and cb["data"]["content"] == errors.GENERIC_ERROR
    assert any(r.levelno == logging.ERROR and r.exc_info for r in caplog.records)
    cb = await h.callback(await h.stub.slash("ask", question="ceasefire"))
    assert cb["data"]["embeds"]


async def test_one_info_line_per_question_without_content(start, caplog):
    h = await start()
    caplog.clear()
    await h.callback(await h.stub.slash("ask", question="ceasefire talks"))
    lines = [r.getMessage() for r in caplog.records
             if r.name == "parley.discord" and r.levelno == logging.INFO]
    assert len(lines) == 1 and "result" in lines[0] and "ceasefire" not in lines[0]


async def test_sharded_bot_when_shards_configured(start):
    h = await start(settings_for(shards=1))
    assert isinstance(h.bot, discord.AutoShardedClient)
    assert h.stub.identifies[0]["shard"] == [0, 1]
    cb = await h.callback(await h.stub.slash("ask", question="ceasefire"))
    assert cb["data"]["embeds"]


async def test_prefix_command_only_with_message_content(start):
    h = await start(settings_for(message_content=True, command_prefix="!"))
    assert h.stub.identifies[0]["intents"] & INTENT_MESSAGE_CONTENT
    mid = await h.stub.say("!ask what did Lavrov say about guarantees", mention_bot=False)
    reply = await h.reply(mid)
    assert reply["embeds"][0]["author"]["name"].startswith("Sergei Lavrov")
