"""The commands: /ask, /speakers, /quotes, /source, the mention handler, `!ask`, and the
owner's /reload -- what each one calls and who may call it.

Every answer is one `engine.ask` call, the same the CLI makes; `embeds` decides how the reply
looks, `replying` gets it to Discord in time. The engine runs on one worker thread, so a slow
question never stalls the gateway heartbeat and the (read-only) engine is never entered twice
at once.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_bot import embeds
from bot.discord_bot.cooldown import Cooldown, notice
from bot.discord_bot.errors import Throttled
from bot.discord_bot.formatting import Page, choices_for
from bot.discord_bot.reload import rebuild_engine
from bot.discord_bot.replying import NONE, in_time, reply_pages, send, send_pages
from bot.discord_bot.views import send_ephemeral
from bot.engine import Engine
from bot.settings import Settings
from bot.text_render import valid_text
from retrieval.answering.records import Answer

if TYPE_CHECKING:
    from bot.discord_bot.client import ParleyBotBase

log = logging.getLogger("parley.discord")
T = TypeVar("T")
MAX_RESULTS = 5
EMPTY_MENTION = ("Ask me a question after the mention, for example: "
                 "*what did the foreign minister say about a ceasefire?*")
MENTION_FAILED = "Sorry, something went wrong answering that."
RELOAD_NOT_OWNER = "Only the bot's owner can reload the articles."
RELOAD_BUSY = "A reload is already running; the current articles stay in use until it ends."


class AskCog(commands.Cog, name="Parley"):
    """The question-answering commands."""

    def __init__(self, bot: commands.Bot, engine: Engine, settings: Settings):
        self.bot = bot
        self.engine = engine
        self.settings = settings
        d = settings.discord
        self.per_page = max(1, min(d.results_per_page, MAX_RESULTS))
        self.timeout = float(d.view_timeout_seconds)
        self.default_k = max(1, min(settings.top_k, MAX_RESULTS))
        self.cooldown = Cooldown(d.cooldown_rate, d.cooldown_seconds)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="parley-answer")

    async def cog_unload(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)

    # ------------------------------------------------------------------ engine calls

    async def _call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, partial(fn, *args, **kwargs))

    async def answer(self, question: str, *, top_k: int | None, speaker: str | None, via: str,
                     interaction: discord.Interaction | None = None,
                     ephemeral: bool = False) -> Answer:
        """`engine.ask` exactly as `parley ask` calls it; one INFO line, never the content."""
        started = time.perf_counter()
        question = valid_text(question if isinstance(question, str) else "")
        speaker = valid_text(speaker) if isinstance(speaker, str) else None
        work = self._call(self.engine.ask, question, top_k=top_k, speaker=speaker or None)
        if interaction is not None:
            answer = await in_time(interaction, work, ephemeral=ephemeral)
        else:
            answer = await work
        log.info("answered a question via %s in %.0f ms: %d result(s)", via,
                 (time.perf_counter() - started) * 1000, len(answer.results))
        return answer

    def _speaker_choices(self, current: str) -> list[app_commands.Choice[str]]:
        names = self.engine.speaker_names()
        return [app_commands.Choice(name=n, value=v) for n, v in choices_for(names, current)]

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        """The cooldown: runs before every slash command of this cog (not for autocomplete)."""
        verdict = self.cooldown.hit(interaction.user.id)
        if not verdict.allowed:
            raise Throttled(verdict.retry_after)
        return True

    async def _send_pages(self, interaction: discord.Interaction, pages: list[Page], *,
                          ephemeral: bool = False) -> None:
        await send_pages(interaction, pages, timeout=self.timeout, ephemeral=ephemeral)

    async def _nothing(self, interaction: discord.Interaction, text: str) -> None:
        await send(interaction, ephemeral=True, content=text, allowed_mentions=NONE)

    # ------------------------------------------------------------------ slash commands

    @app_commands.command(name="ask", description="Ask a question about the news articles")
    @app_commands.describe(
        question="Your question, e.g. what did Zelensky say about a ceasefire?",
        speaker="Only passages where this person or body speaks",
        results="How many passages to show (1-5)",
        private="Show the answer only to you",
    )
    async def ask(self, interaction: discord.Interaction, question: str,
                  speaker: str | None = None,
                  results: app_commands.Range[int, 1, MAX_RESULTS] | None = None,
                  private: bool = False) -> None:
        answer = await self.answer(question, top_k=results or self.default_k, speaker=speaker,
                                   via="/ask", interaction=interaction, ephemeral=private)
        pages = embeds.answer_pages(answer, self.per_page)
        if not pages:
            await self._nothing(interaction, embeds.nothing_found(answer))
            return
        await self._send_pages(interaction, pages, ephemeral=private)

    @ask.autocomplete("speaker")
    async def _ask_speaker(self, interaction: discord.Interaction,
                           current: str) -> list[app_commands.Choice[str]]:
        return self._speaker_choices(current)

    @app_commands.command(name="speakers",
                          description="Who is quoted in the articles, and how often")
    async def speakers(self, interaction: discord.Interaction) -> None:
        started = time.perf_counter()
        stats = await in_time(interaction, self._call(self.engine.speakers))
        log.info("listed speakers in %.0f ms: %d speaker(s)",
                 (time.perf_counter() - started) * 1000, len(stats))
        await self._send_pages(interaction, embeds.speakers_pages(stats))

    @app_commands.command(name="quotes", description="Everything one speaker said in the articles")
    @app_commands.describe(speaker="A person or body quoted in the articles")
    async def quotes(self, interaction: discord.Interaction, speaker: str) -> None:
        started = time.perf_counter()
        qa = await in_time(interaction, self._call(self.engine.quotes, speaker))
        log.info("listed quotes in %.0f ms: %d statement(s)",
                 (time.perf_counter() - started) * 1000, len(qa.statements))
        pages = embeds.quotes_pages(qa)
        if not pages:
            await self._nothing(interaction, embeds.nothing_found(qa))
            return
        await self._send_pages(interaction, pages)

    @quotes.autocomplete("speaker")
    async def _quotes_speaker(self, interaction: discord.Interaction,
                              current: str) -> list[app_commands.Choice[str]]:
        return self._speaker_choices(current)

    @app_commands.command(name="source", description="The articles I answer from")
    async def source(self, interaction: discord.Interaction) -> None:
        articles = await in_time(interaction, self._call(self.engine.sources))
        log.info("listed %d source article(s)", len(articles))
        await self._send_pages(interaction, embeds.sources_pages(articles))

    # ------------------------------------------------------------------ mentions and !ask

    def mention_question(self, message: discord.Message) -> str | None:
        """The question in a message that mentions the bot, or None if it does not mention it."""
        me = self.bot.user
        if me is None or message.author.bot or message.webhook_id is not None:
            return None
        pattern = re.compile(rf"<@!?{me.id}>")
        if not pattern.search(message.content or ""):
            return None
        return " ".join(pattern.sub(" ", message.content).split())

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        question = self.mention_question(message)
        if question is None:
            return
        d = self.settings.discord
        if d.message_content and message.content.startswith(d.command_prefix):
            return  # a prefix command that also mentions the bot: !ask answers it
        await self.answer_message(message, question, via="mention")

    async def answer_message(self, message: discord.Message, question: str, *, via: str) -> None:
        """Answer a question asked in a channel message (mention or !ask); never raises."""
        try:
            verdict = self.cooldown.hit(message.author.id)
            if not verdict.allowed:
                if verdict.notify:
                    await message.reply(notice(verdict.retry_after), allowed_mentions=NONE)
                return
            if not question:
                await message.reply(EMPTY_MENTION, allowed_mentions=NONE)
                return
            answer = await self.answer(question, top_k=self.default_k, speaker=None, via=via)
            pages = embeds.answer_pages(answer, self.per_page)
            if not pages:
                await message.reply(embeds.nothing_found(answer), allowed_mentions=NONE)
                return
            await reply_pages(message, pages, timeout=self.timeout)
        except Exception:
            log.exception("error answering a %s", via)
            with contextlib.suppress(discord.HTTPException):
                await message.reply(MENTION_FAILED, allowed_mentions=NONE)


class PrefixCog(commands.Cog, name="Parley prefix"):
    """`!ask question` (prefix from config) -- only loaded when message_content is true."""

    def __init__(self, ask_cog: AskCog):
        self.ask_cog = ask_cog

    @commands.command(name="ask", help="Ask a question about the news articles")
    async def ask(self, ctx: commands.Context[Any], *, question: str = "") -> None:
        await self.ask_cog.answer_message(ctx.message, question.strip(), via="!ask")


class ReloadCog(commands.Cog, name="Parley admin"):
    """`/reload`: re-read the article files while the bot runs (the bot's owner only).

    Until the new engine is ready the old one keeps answering, and a failed build keeps the old
    one and says why (`reload`). Only loaded when the bot was given a way to rebuild
    (`parley discord` always is)."""

    def __init__(self, bot: ParleyBotBase, ask_cog: AskCog, rebuild: Callable[[], Engine]):
        self.bot = bot
        self.ask_cog = ask_cog
        self.rebuild = rebuild
        self._lock = asyncio.Lock()

    @app_commands.command(name="reload", description="Re-read the article files (bot owner only)")
    @app_commands.default_permissions(administrator=True)
    async def reload(self, interaction: discord.Interaction) -> None:
        if not await self.bot.is_owner(interaction.user):
            log.warning("refused /reload from a user who is not the bot's owner")
            await send_ephemeral(interaction, RELOAD_NOT_OWNER)
            return
        if self._lock.locked():
            await send_ephemeral(interaction, RELOAD_BUSY)
            return
        async with self._lock:
            await interaction.response.defer(ephemeral=True, thinking=True)
            text = await self.reload_now()
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=NONE)

    async def reload_now(self) -> str:
        """Build a new engine, swap it in on success; the text for the owner."""
        reloaded = await rebuild_engine(self.rebuild)
        if reloaded.engine is not None:
            self.ask_cog.engine = reloaded.engine
            self.bot.engine = reloaded.engine
        return reloaded.text
