"""Replies Discord refused after discord.py's retries: the bounded per-channel memory, the note,
the one log line, and the mention and slash-command paths that use them (spec'd mocks)."""
from __future__ import annotations

import logging
from unittest.mock import create_autospec

import aiohttp
import discord
import pytest
from discord import app_commands
from discord.ext import commands
from parley_discord_fakes import (
    CHANNEL_ID,
    FakeEngine,
    make_channel,
    make_interaction,
    make_message,
)

from bot.discord_bot import errors
from bot.discord_bot.client import create_bot
from bot.discord_bot.cog import AskCog
from bot.discord_bot.errors import ParleyTree, channel_label, refused_after_retries, reply_refused
from bot.discord_bot.formatting import MESSAGE_LIMIT, Page
from bot.discord_bot.unanswered import NOTE, Unanswered, with_note
from bot.settings import DiscordSettings, Settings

BOT_ID = 555000000000000001


def http_error(status: int, code: int = 0, cls: type[discord.HTTPException] = discord.HTTPException
               ) -> discord.HTTPException:
    response = create_autospec(aiohttp.ClientResponse, instance=True)
    response.status = status
    response.reason = "Too Many Requests" if status == 429 else "Error"
    return cls(response, {"message": "You are being rate limited.", "code": code})


def refusal_lines(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.getMessage().startswith("could not send the reply")]


# ------------------------------------------------------------------ the memory


def test_refused_channel_gets_the_note_once_then_nothing():
    memory = Unanswered()
    memory.refused(7)
    memory.refused(7)
    assert memory.take(7) == NOTE
    assert memory.take(7) is None and 7 not in memory


def test_channel_without_a_refusal_or_without_an_id_gets_no_note():
    memory = Unanswered()
    memory.refused(None)
    assert len(memory) == 0
    assert memory.take(8) is None and memory.take(None) is None


def test_memory_is_bounded_and_forgets_the_oldest_channel_first():
    memory = Unanswered(limit=3)
    for channel in (1, 2, 3):
        memory.refused(channel)
    memory.refused(1)  # refused again: now the most recent
    memory.refused(4)
    assert len(memory) == 3
    assert 2 not in memory and all(c in memory for c in (1, 3, 4))


@pytest.mark.parametrize(("content", "starts"), [
    (None, NOTE),
    ("**Q:** ceasefire", NOTE + "\n**Q:** ceasefire"),
], ids=["embeds only", "with content"])
def test_note_is_the_first_line_of_a_copy_of_the_page(content, starts):
    page = Page(content)
    noted = with_note(page, NOTE)
    assert noted.content == starts and page.content == content  # the paginator's page unchanged


def test_note_keeps_the_message_within_discords_limit():
    noted = with_note(Page("word " * 500), NOTE)
    assert noted.content is not None and noted.content.startswith(NOTE)
    assert len(noted.content) <= MESSAGE_LIMIT


def test_no_note_leaves_the_page_as_it_is():
    page = Page("text")
    assert with_note(page, None) is page


# ------------------------------------------------------------------ which errors, what is logged


@pytest.mark.parametrize(("status", "code", "cls", "refused"), [
    (429, 0, discord.HTTPException, True),
    (500, 0, discord.DiscordServerError, True),
    (503, 0, discord.DiscordServerError, True),
    (400, 50035, discord.HTTPException, False),  # Parley's bug: a traceback, not a notice
    (403, 50013, discord.Forbidden, False),
    (404, 10062, discord.NotFound, False),
], ids=["429", "500", "503", "400", "403", "404-expired"])
def test_only_errors_discord_py_retries_count_as_refused_replies(status, code, cls, refused):
    error = http_error(status, code, cls)
    assert (refused_after_retries(error) is error) is refused


def test_an_error_that_is_not_discords_is_not_a_refused_reply():
    assert refused_after_retries(RuntimeError("boom")) is None


@pytest.mark.parametrize(("channel", "label"), [
    (make_channel(123, "general"), "#general (123)"),
    (discord.Object(id=456), "channel 456"),
    (None, "an unknown channel"),
], ids=["named", "id-only", "none"])
def test_channel_label_names_the_channel_when_known(channel, label):
    assert channel_label(channel) == label


def test_refused_reply_is_one_error_line_with_the_channel_and_no_traceback(caplog):
    memory = Unanswered()
    with caplog.at_level(logging.DEBUG, logger="parley.discord"):
        reply_refused(memory, make_channel(123, "general"), http_error(429), "mention")
    [line] = refusal_lines(caplog)
    assert line.levelno == logging.ERROR and line.exc_info is None
    assert "mention in #general (123)" in line.getMessage() and "429" in line.getMessage()
    assert 123 in memory


# ------------------------------------------------------------------ the mention path


@pytest.fixture
def cog():
    bot = create_autospec(commands.Bot, instance=True)
    bot.user = create_autospec(discord.ClientUser, instance=True)
    bot.user.id = BOT_ID
    settings = Settings(top_k=3, discord=DiscordSettings(cooldown_seconds=0))
    c = AskCog(bot, FakeEngine(), settings, Unanswered())
    yield c
    c._executor.shutdown(wait=False)


async def test_refused_mention_reply_is_logged_once_and_not_retried_by_parley(cog, caplog):
    msg = make_message(f"<@{BOT_ID}> ceasefire")
    msg.reply.side_effect = http_error(429)
    with caplog.at_level(logging.DEBUG, logger="parley.discord"):
        await cog.on_message(msg)
    msg.reply.assert_awaited_once()  # no "something went wrong" into the same 429s
    assert len(refusal_lines(caplog)) == 1 and CHANNEL_ID in cog.unanswered


async def test_next_mention_reply_in_the_channel_starts_with_the_note_and_only_that_one(cog):
    cog.unanswered.refused(CHANNEL_ID)
    first, second = make_message(f"<@{BOT_ID}> ceasefire"), make_message(f"<@{BOT_ID}> ceasefire")
    await cog.on_message(first)
    await cog.on_message(second)
    assert first.reply.await_args.kwargs["content"].startswith(NOTE)
    assert NOTE not in second.reply.await_args.kwargs["content"]


async def test_reply_in_another_channel_carries_no_note(cog):
    cog.unanswered.refused(CHANNEL_ID)
    msg = make_message(f"<@{BOT_ID}> ceasefire", channel_id=CHANNEL_ID + 1)
    await cog.on_message(msg)
    assert NOTE not in msg.reply.await_args.kwargs["content"]
    assert CHANNEL_ID in cog.unanswered


async def test_engine_error_still_gets_the_short_notice_with_a_traceback_logged(cog, caplog):
    cog.engine.fail_on = "explode"
    msg = make_message(f"<@{BOT_ID}> explode")
    with caplog.at_level(logging.ERROR, logger="parley.discord"):
        await cog.on_message(msg)
    assert "went wrong" in msg.reply.await_args.kwargs["content"]
    assert any(r.exc_info for r in caplog.records) and not refusal_lines(caplog)


# ------------------------------------------------------------------ the slash-command path


async def test_public_slash_answer_carries_the_note_a_private_one_does_not(cog):
    cog.unanswered.refused(CHANNEL_ID)
    private = make_interaction()
    await cog.ask.callback(cog, private, "ceasefire", private=True)
    assert NOTE not in (private.response.send_message.await_args.kwargs["content"] or "")
    public = make_interaction()
    await cog.ask.callback(cog, public, "ceasefire")
    assert public.response.send_message.await_args.kwargs["content"].startswith(NOTE)


async def test_tree_handler_remembers_a_refused_slash_reply_without_another_message(caplog):
    bot = create_bot(Settings(), FakeEngine())
    assert isinstance(bot.tree, ParleyTree)
    inter = make_interaction()
    inter.command = create_autospec(app_commands.Command, instance=True)
    inter.command.name = inter.command.qualified_name = "ask"
    refused = http_error(503, cls=discord.DiscordServerError)
    with caplog.at_level(logging.DEBUG, logger="parley.discord"):
        await bot.tree.on_error(inter, app_commands.CommandInvokeError(inter.command, refused))
    inter.response.send_message.assert_not_awaited()
    inter.followup.send.assert_not_awaited()
    [line] = refusal_lines(caplog)
    assert "/ask in #general" in line.getMessage()
    assert CHANNEL_ID in bot.unanswered
    await bot.http.close()  # never started: only its HTTP session to close


def test_unanswered_of_a_client_without_one_is_none():
    assert errors.unanswered_of(create_autospec(commands.Bot, instance=True)) is None
