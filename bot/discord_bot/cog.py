"""Slash commands (/ask, /speakers, /quotes, /source), the mention handler and `!ask`.

Every answer is one `engine.ask` call, the same the CLI makes; this module only decides how the
reply looks and who may see it. The engine runs on one worker thread, so a slow question never
stalls the gateway heartbeat and the (read-only) engine is never entered twice at once.
"""
from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from functools import partial
from typing import Any, TypeVar

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_bot import embeds
from bot.discord_bot.cooldown import Cooldown, notice
from bot.discord_bot.embeds import Page
from bot.discord_bot.views import Paginator, send_ephemeral
from bot.loading import LoadFailed, problem_lines
from bot.settings import Settings
from bot.text_render import valid_text
from retrieval.answering.records import Answer

log = logging.getLogger("parley.discord")
T = TypeVar("T")
NONE = discord.AllowedMentions.none()
MAX_RESULTS = 5
# Discord wants a first response within 3 s of the interaction's creation; a slower answer is
# deferred ("thinking...") first. An interaction that reached us late gets less time.
DEFER_AFTER = 2.0
RESPONSE_WINDOW = 3.0
SAFETY_MARGIN = 0.5
EMPTY_MENTION = ("Ask me a question after the mention, for example: "
                 "*what did the foreign minister say about a ceasefire?*")


def defer_after(interaction: Any, now: float | None = None) -> float:
    """Seconds to wait for an answer before deferring: DEFER_AFTER, less whatever the
    interaction spent reaching us (its id says when Discord created it). An age outside the
    response window means a skewed clock (or a token already lost): then DEFER_AFTER."""
    created = getattr(interaction, "created_at", None)
    if not isinstance(created, datetime):
        return DEFER_AFTER
    age = (now if now is not None else time.time()) - created.timestamp()
    if not 0.0 <= age < RESPONSE_WINDOW:
        return DEFER_AFTER
    return max(0.0, min(DEFER_AFTER, RESPONSE_WINDOW - SAFETY_MARGIN - age))


class Throttled(app_commands.CheckFailure):
    """A user is over the cooldown; the tree's error handler tells them privately."""

    def __init__(self, retry_after: float):
        super().__init__(f"cooldown: retry after {retry_after:.1f}s")
        self.retry_after = retry_after


class AskCog(commands.Cog, name="Parley"):
    """The question-answering commands."""

    def __init__(self, bot: commands.Bot, engine: Any, settings: Settings):
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
        if interaction is not None:
            answer = await self._in_time(interaction, self.engine.ask, question, top_k=top_k,
                                         speaker=speaker or None, ephemeral=ephemeral)
        else:
            answer = await self._call(self.engine.ask, question, top_k=top_k,
                                      speaker=speaker or None)
        log.info("answered a question via %s in %.0f ms: %d result(s)", via,
                 (time.perf_counter() - started) * 1000, len(answer.results))
        return answer

    def _speaker_choices(self, current: str) -> list[app_commands.Choice[str]]:
        names = self.engine.speaker_names()
        return [app_commands.Choice(name=n, value=v) for n, v in embeds.choices_for(names, current)]

    # ------------------------------------------------------------------ cooldown

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        """Runs before every slash command of this cog (not for autocomplete)."""
        verdict = self.cooldown.hit(interaction.user.id)
        if not verdict.allowed:
            raise Throttled(verdict.retry_after)
        return True

    # ------------------------------------------------------------------ replying

    async def _in_time(self, interaction: discord.Interaction, fn: Callable[..., T], *args: Any,
                       ephemeral: bool = False, **kwargs: Any) -> T:
        """Run an engine call; if it is slow, defer the interaction first so it does not expire."""
        future = asyncio.ensure_future(self._call(fn, *args, **kwargs))
        try:
            return await asyncio.wait_for(asyncio.shield(future), defer_after(interaction))
        except TimeoutError:
            await interaction.response.defer(ephemeral=ephemeral, thinking=True)
            return await future

    async def _send(self, interaction: discord.Interaction, *, ephemeral: bool, **kwargs: Any) -> None:
        if interaction.response.is_done():  # deferred: the first followup fills the placeholder
            await interaction.followup.send(ephemeral=ephemeral, **kwargs)
        else:
            await interaction.response.send_message(ephemeral=ephemeral, **kwargs)

    async def _send_pages(self, interaction: discord.Interaction, pages: list[Page], *,
                          ephemeral: bool = False) -> None:
        view = Paginator(pages, interaction.user.id, timeout=self.timeout) if len(pages) > 1 else None
        extra: dict[str, Any] = {"view": view} if view else {}
        await self._send(interaction, ephemeral=ephemeral, **pages[0].kwargs(), **extra)
        if view is not None:
            async def expire(v: Paginator) -> None:
                await interaction.edit_original_response(view=v, allowed_mentions=NONE)
            view.on_expire = expire

    async def _nothing(self, interaction: discord.Interaction, text: str) -> None:
        await self._send(interaction, ephemeral=True, content=text, allowed_mentions=NONE)

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

    @app_commands.command(name="speakers", description="Who is quoted in the articles, and how often")
    async def speakers(self, interaction: discord.Interaction) -> None:
        started = time.perf_counter()
        stats = await self._in_time(interaction, self.engine.speakers)
        log.info("listed speakers in %.0f ms: %d speaker(s)",
                 (time.perf_counter() - started) * 1000, len(stats))
        await self._send_pages(interaction, embeds.speakers_pages(stats))

    @app_commands.command(name="quotes", description="Everything one speaker said in the articles")
    @app_commands.describe(speaker="A person or body quoted in the articles")
    async def quotes(self, interaction: discord.Interaction, speaker: str) -> None:
        started = time.perf_counter()
        qa = await self._in_time(interaction, self.engine.quotes, speaker)
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
        articles = await self._in_time(interaction, self.engine.sources)
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
            view = Paginator(pages, message.author.id, timeout=self.timeout) if len(pages) > 1 else None
            extra: dict[str, Any] = {"view": view} if view else {}
            sent = await message.reply(**pages[0].kwargs(), **extra)
            if view is not None:
                view.message = sent
        except Exception:
            log.exception("error answering a %s", via)
            try:
                await message.reply("Sorry, something went wrong answering that.",
                                    allowed_mentions=NONE)
            except discord.HTTPException:
                pass


class PrefixCog(commands.Cog, name="Parley prefix"):
    """`!ask question` (prefix from config) -- only loaded when message_content is true."""

    def __init__(self, ask_cog: AskCog):
        self.ask_cog = ask_cog

    @commands.command(name="ask", help="Ask a question about the news articles")
    async def ask(self, ctx: commands.Context, *, question: str = "") -> None:
        await self.ask_cog.answer_message(ctx.message, question.strip(), via="!ask")


RELOAD_NOT_OWNER = "Only the bot's owner can reload the articles."
RELOAD_BUSY = "A reload is already running; the current articles stay in use until it ends."


class ReloadCog(commands.Cog, name="Parley admin"):
    """`/reload`: re-read the article files while the bot runs (the bot's owner only).

    The new engine is built on a worker thread (`asyncio.to_thread`); until it is ready the old
    one keeps answering, and a failed build keeps the old one and says why. Only loaded when the
    bot was given a way to rebuild (`parley discord` always is)."""

    def __init__(self, bot: commands.Bot, ask_cog: AskCog, rebuild: Callable[[], Any]):
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
        """Build a new engine off the event loop, swap it in on success; the text for the owner."""
        started = time.perf_counter()
        try:
            new = await asyncio.to_thread(self.rebuild)
        except LoadFailed as exc:
            log.error("reload failed, still using the previous articles: %s", exc)
            return embeds.fit_text("Reload failed, so I am still answering from the previous "
                                   f"articles: {exc}", embeds.MESSAGE_LIMIT, render=embeds.escape)
        except Exception as exc:
            log.exception("reload failed, still using the previous articles")
            return (f"Reload failed ({type(exc).__name__}; the details are in the log), so I am "
                    "still answering from the previous articles.")
        self.ask_cog.engine = new
        self.bot.engine = new
        problems = list(getattr(new, "problems", []))
        skipped = problem_lines(problems)
        for line in skipped:
            log.warning("%s", line)
        corpus = getattr(new, "corpus", None)
        n_articles = len(getattr(corpus, "articles", ()))
        n_passages = len(getattr(corpus, "passages", ()))
        log.info("reloaded in %.0f ms: %d article(s), %d passage(s), %d skipped",
                 (time.perf_counter() - started) * 1000, n_articles, n_passages, len(problems))
        lines = [f"Reloaded: {n_articles} article{'s' if n_articles != 1 else ''}, "
                 f"{n_passages} passages."]
        if problems:
            lines.append(f"Skipped {len(problems)} file{'s' if len(problems) != 1 else ''}:")
            lines += [f"\u2022 {line.removeprefix('skipped ')}" for line in skipped]
        return embeds.fit_text("\n".join(lines), embeds.MESSAGE_LIMIT, render=embeds.escape)
