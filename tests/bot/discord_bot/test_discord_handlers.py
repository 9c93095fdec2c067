"""Each command handler, the error handler, cooldown, pagination and mentions, with spec'd mocks
(`create_autospec(discord.Interaction)`, as python-discord's bot tests do)."""
from __future__ import annotations

import logging
from dataclasses import replace
from unittest.mock import AsyncMock, MagicMock, create_autospec

import discord
import pytest
from discord import app_commands
from discord.ext import commands
from parley_discord_fakes import FakeEngine, make_interaction, make_message

from bot.discord_bot import replying
from bot.discord_bot.client import create_bot
from bot.discord_bot.cog import AskCog, PrefixCog
from bot.discord_bot.cooldown import Cooldown, notice
from bot.discord_bot.errors import GENERIC_ERROR, ParleyTree, Throttled
from bot.discord_bot.formatting import Page
from bot.discord_bot.views import NOT_YOURS, Paginator
from bot.settings import DiscordSettings, Settings

NONE = discord.AllowedMentions.none().to_dict()
BOT_ID = 555000000000000001


def make_settings(**discord_kw) -> Settings:
    return Settings(top_k=3, discord=replace(DiscordSettings(), **discord_kw))




@pytest.fixture
def engine():
    return FakeEngine()


@pytest.fixture
def cog(engine):
    bot = create_autospec(commands.Bot, instance=True)
    bot.user = create_autospec(discord.ClientUser, instance=True)
    bot.user.id = BOT_ID
    c = AskCog(bot, engine, make_settings(results_per_page=2, cooldown_rate=3, cooldown_seconds=30))
    yield c
    c._executor.shutdown(wait=False)


def replied(msg) -> str:
    """The content of the (last) reply to a channel message."""
    return msg.reply.await_args.kwargs["content"]


def sent(inter) -> dict:
    inter.response.send_message.assert_awaited_once()
    return inter.response.send_message.await_args


# ------------------------------------------------------------------ /ask


async def test_ask_calls_engine_like_the_cli_and_sends_embeds(cog, engine):
    inter = make_interaction()
    await cog.ask.callback(cog, inter, "what did Kuleba say about the ceasefire")
    assert engine.calls == [("ask", "what did Kuleba say about the ceasefire", 3, None)]
    kw = sent(inter).kwargs
    assert kw["ephemeral"] is False
    assert kw["allowed_mentions"].to_dict() == NONE
    assert 1 <= len(kw["embeds"]) <= 2
    assert any("**ceasefire**" in e.description for e in kw["embeds"])
    assert "**Q:**" in kw["content"]


async def test_ask_results_speaker_private_and_pagination(cog, engine):
    inter = make_interaction(user_id=7)
    await cog.ask.callback(cog, inter, "kuleba lavrov kremlin said ceasefire",
                           speaker="Dmytro Kuleba",
                           results=5, private=True)
    assert engine.calls[-1] == ("ask", "kuleba lavrov kremlin said ceasefire", 5, "Dmytro Kuleba")
    kw = sent(inter).kwargs
    assert kw["ephemeral"] is True


async def test_ask_more_results_than_a_page_get_buttons_for_the_asker(cog):
    inter = make_interaction(user_id=7)
    await cog.ask.callback(cog, inter, "said ceasefire talks kuleba lavrov", results=5)
    kw = sent(inter).kwargs
    view = kw["view"]
    assert isinstance(view, Paginator) and view.owner_id == 7 and len(view.pages) == 3
    assert view.timeout == 180.0
    assert len(kw["embeds"]) == 2


async def test_ask_default_results_clipped_to_five(engine):
    bot = create_autospec(commands.Bot, instance=True)
    c = AskCog(bot, engine, replace(make_settings(), top_k=20))
    await c.ask.callback(c, make_interaction(), "ceasefire")
    assert engine.calls[-1][2] == 5


async def test_ask_nothing_found_is_short_friendly_and_ephemeral(cog):
    inter = make_interaction()
    await cog.ask.callback(cog, inter, "zebras giraffes")
    kw = sent(inter).kwargs
    assert kw["ephemeral"] is True and kw["allowed_mentions"].to_dict() == NONE
    assert "Nothing in the articles" in kw["content"] and len(kw["content"]) < 200


async def test_ask_logs_one_info_line_without_content(cog, caplog):
    caplog.set_level(logging.INFO, logger="parley.discord")
    await cog.ask.callback(cog, make_interaction(), "secret words ceasefire")
    lines = [r for r in caplog.records if r.name == "parley.discord" and r.levelno == logging.INFO]
    assert len(lines) == 1
    msg = lines[0].getMessage()
    assert "result" in msg and " ms" in msg and "secret" not in msg and "ceasefire" not in msg


async def test_speaker_autocomplete_is_fuzzy_with_roles(cog):
    choices = await cog._speaker_choices(make_interaction(), "lavrv")
    assert [c.value for c in choices] == ["Sergei Lavrov"]
    assert choices[0].name == "Sergei Lavrov, Russia's foreign minister"
    assert all(isinstance(c, app_commands.Choice) for c in choices)


async def test_slow_answer_is_deferred_then_sent_as_followup(cog, engine, monkeypatch):
    monkeypatch.setattr(replying, "DEFER_AFTER", 0.05)
    engine.delay = 0.3
    inter = make_interaction()
    inter.response.defer.side_effect = \
        lambda **kw: setattr(inter.response.is_done, "return_value", True)
    await cog.ask.callback(cog, inter, "ceasefire", private=True)
    inter.response.defer.assert_awaited_once_with(ephemeral=True, thinking=True)
    inter.response.send_message.assert_not_awaited()
    kw = inter.followup.send.await_args.kwargs
    assert kw["embeds"] and kw["ephemeral"] is True and kw["allowed_mentions"].to_dict() == NONE


# ------------------------------------------------------------------ other commands


async def test_speakers(cog):
    inter = make_interaction()
    await cog.speakers.callback(cog, inter)
    kw = sent(inter).kwargs
    assert "Dmytro Kuleba" in kw["embeds"][0].description
    assert kw["allowed_mentions"].to_dict() == NONE


async def test_quotes_found_and_not_found(cog):
    inter = make_interaction()
    await cog.quotes.callback(cog, inter, "Dmytro Kuleba")
    kw = sent(inter).kwargs
    assert kw["embeds"][0].author.name.startswith("Dmytro Kuleba")
    inter = make_interaction()
    await cog.quotes.callback(cog, inter, "@everyone Nobody")
    kw = sent(inter).kwargs
    assert kw["ephemeral"] is True and "@everyone" not in kw["content"]


async def test_source(cog):
    inter = make_interaction()
    await cog.source.callback(cog, inter)
    field = sent(inter).kwargs["embeds"][0].fields[0]
    assert "Talks in Istanbul" in field.name and "<https://example.org/istanbul>" in field.value


# ------------------------------------------------------------------ cooldown & errors


def test_cooldown_window_and_single_notice():
    now = [100.0]
    cd = Cooldown(2, 30, clock=lambda: now[0])
    assert cd.hit(1).allowed and cd.hit(1).allowed
    v = cd.hit(1)
    assert not v.allowed and v.notify and v.retry_after == pytest.approx(30)
    now[0] += 10
    v2 = cd.hit(1)
    assert not v2.allowed and not v2.notify and v2.retry_after == pytest.approx(20)
    assert cd.hit(2).allowed  # other users unaffected
    now[0] += 20
    assert cd.hit(1).allowed  # new window
    assert "20 seconds" in notice(19.6) and "1 second " in notice(0.2)


async def test_cooldown_check_raises_throttled_with_the_wait_once_over_the_rate(cog):
    inter = make_interaction(user_id=9)
    for _ in range(3):
        assert await cog.interaction_check(inter)
    for _ in range(2):
        with pytest.raises(Throttled) as refused:
            await cog.interaction_check(inter)
        assert 0 < refused.value.retry_after <= cog.cooldown.per


async def test_tree_error_handler_answers_every_throttled_command_privately():
    """Not only the first: an unanswered interaction shows "The application did not respond"."""
    tree = ParleyTree(discord.Client(intents=discord.Intents.none()))
    for retry in (12.0, 11.0):
        inter = make_interaction()
        await tree.on_error(inter, Throttled(retry))
        args, kw = sent(inter)
        assert kw["ephemeral"] and f"{int(retry)} seconds" in args[0]


async def test_tree_error_handler_logs_traceback_and_tells_user(caplog):
    tree = ParleyTree(discord.Client(intents=discord.Intents.none()))
    inter = make_interaction()
    try:
        raise RuntimeError("kaboom")
    except RuntimeError as exc:
        error = app_commands.CommandInvokeError(MagicMock(), exc)
    with caplog.at_level(logging.ERROR, logger="parley.discord"):
        await tree.on_error(inter, error)
    args, kw = sent(inter)
    assert args[0] == GENERIC_ERROR and kw["ephemeral"] is True
    rec = [r for r in caplog.records if r.levelno == logging.ERROR][0]
    assert rec.exc_info and rec.exc_info[0] is RuntimeError
    # already answered: the notice goes as a followup
    inter = make_interaction()
    inter.response.is_done.return_value = True
    await tree.on_error(inter, error)
    inter.followup.send.assert_awaited_once()
    assert inter.followup.send.await_args.kwargs["ephemeral"] is True


# ------------------------------------------------------------------ pagination


def _pages(n):
    return [Page(f"page {i}", [discord.Embed(description=f"body {i}")]) for i in range(n)]


async def test_paginator_next_previous_only_owner():
    view = Paginator(_pages(3), owner_id=1, timeout=60)
    assert view.previous.disabled and not view.next.disabled and view.counter.label == "1/3"
    owner = make_interaction(1)
    assert await view.interaction_check(owner)
    await view.next.callback(owner)
    kw = owner.response.edit_message.await_args.kwargs
    assert kw["content"] == "page 1" and kw["allowed_mentions"].to_dict() == NONE
    assert view.counter.label == "2/3"
    stranger = make_interaction(2)
    assert not await view.interaction_check(stranger)
    args, kw = sent(stranger)
    assert args[0] == NOT_YOURS and kw["ephemeral"]
    owner = make_interaction(1)
    await view.next.callback(owner)
    assert view.next.disabled and view.index == 2
    owner = make_interaction(1)
    await view.previous.callback(owner)
    assert view.index == 1


async def test_paginator_timeout_disables_buttons_and_survives_http_errors():
    view = Paginator(_pages(2), owner_id=1, timeout=60)
    expire = AsyncMock()
    view.on_expire = expire
    await view.on_timeout()
    expire.assert_awaited_once_with(view)
    assert all(b.disabled for b in view.children)
    view2 = Paginator(_pages(2), owner_id=1, timeout=60)
    response = MagicMock(status=404, reason="Not Found")
    view2.on_expire = AsyncMock(side_effect=discord.NotFound(response, "gone"))
    await view2.on_timeout()  # does not raise


# ------------------------------------------------------------------ mentions and !ask


async def test_mention_question_parsing(cog):
    assert cog.mention_question(make_message(f"<@{BOT_ID}> what about the ceasefire?")) \
        == "what about the ceasefire?"
    assert cog.mention_question(make_message(f"hey <@!{BOT_ID}>  ceasefire")) == "hey ceasefire"
    assert cog.mention_question(make_message("no mention here")) is None
    assert cog.mention_question(make_message(f"<@{BOT_ID}> hi", bot_author=True)) is None


async def test_mention_answers_like_ask(cog, engine):
    msg = make_message(f"<@{BOT_ID}> @everyone what did Lavrov say about guarantees")
    await cog.on_message(msg)
    assert engine.calls == [("ask", "@everyone what did Lavrov say about guarantees", 3, None)]
    kw = msg.reply.await_args.kwargs
    assert kw["allowed_mentions"].to_dict() == NONE
    assert "@everyone" not in kw["content"] and "@\u200beveryone" in kw["content"]
    assert any("Lavrov" in e.author.name for e in kw["embeds"])


async def test_mention_nothing_found_and_empty(cog):
    msg = make_message(f"<@{BOT_ID}> zebras")
    await cog.on_message(msg)
    assert "Nothing in the articles" in replied(msg)
    msg = make_message(f"<@{BOT_ID}>")
    await cog.on_message(msg)
    assert "Ask me a question" in replied(msg)


async def test_mention_cooldown_one_notice(cog):
    replies = []
    for _ in range(6):
        msg = make_message(f"<@{BOT_ID}> ceasefire", author_id=77)
        await cog.on_message(msg)
        replies.append(replied(msg) if msg.reply.await_args else None)
    notices = [r for r in replies[3:] if r is not None]
    assert len(notices) == 1 and "please wait" in notices[0]


async def test_mention_error_is_logged_and_reported(cog, engine, caplog):
    engine.fail_on = "explode"
    msg = make_message(f"<@{BOT_ID}> explode please")
    with caplog.at_level(logging.ERROR, logger="parley.discord"):
        await cog.on_message(msg)
    assert "went wrong" in replied(msg)
    assert any(r.exc_info for r in caplog.records)


async def test_prefix_command_uses_same_path(cog, engine):
    prefix = PrefixCog(cog)
    ctx = create_autospec(commands.Context, instance=True)
    ctx.message = make_message("!ask ceasefire talks")
    await prefix.ask.callback(prefix, ctx, question="ceasefire talks")
    assert engine.calls == [("ask", "ceasefire talks", 3, None)]
    ctx.message.reply.assert_awaited_once()


# ------------------------------------------------------------------ the bot object


async def test_create_bot_is_auto_sharded_with_intents_and_prefix(engine):
    bot = create_bot(make_settings(), engine)
    assert isinstance(bot, commands.AutoShardedBot) and bot.shard_count is None  # Discord's advice
    assert bot.intents.message_content is False and bot.intents.members is False
    assert bot.allowed_mentions.to_dict() == NONE
    assert bot.command_prefix is commands.when_mentioned  # no prefix commands without content
    assert isinstance(bot.tree, ParleyTree)
    bot2 = create_bot(make_settings(shards=2, message_content=True, command_prefix="?"), engine)
    assert isinstance(bot2, commands.AutoShardedBot) and bot2.shard_count == 2
    assert bot2.intents.message_content is True and bot2.command_prefix == "?"


async def test_setup_hook_adds_commands_menu_and_prefix_only_with_message_content(engine):
    async with create_bot(make_settings(), engine) as bot:
        await bot.setup_hook()
        names = {c.name for c in bot.tree.get_commands(type=discord.AppCommandType.chat_input)}
        assert names == {"ask", "speakers", "quotes", "source", "help", "check"}
        menus = bot.tree.get_commands(type=discord.AppCommandType.message)
        assert sorted(m.name for m in menus) == ["Ask Parley", "Check quote"]
        assert bot.get_command("ask") is None
    async with create_bot(make_settings(message_content=True), engine) as bot2:
        await bot2.setup_hook()
        assert bot2.get_command("ask") is not None
