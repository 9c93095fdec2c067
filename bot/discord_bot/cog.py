"""The commands: /ask, /speakers, /quotes, /source, /help, the mention handler, `!ask`, and the
owner's /reload -- what each one calls and who may call it, and the notice a channel's next
reply carries when Discord refused an earlier one (`unanswered`).

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

from bot.discord_bot import embeds, lists
from bot.discord_bot.choices import Choices
from bot.discord_bot.contexts import declared
from bot.discord_bot.cooldown import Cooldown, notice
from bot.discord_bot.errors import Throttled, refused_after_retries, reply_refused
from bot.discord_bot.formatting import Page
from bot.discord_bot.help import help_page
from bot.discord_bot.plain import interaction_embeds, message_embeds, plain_page, plain_pages
from bot.discord_bot.reload import RELOAD_CANCELLED, Rebuild, Rebuilder
from bot.discord_bot.replying import NONE, in_time, reply_pages, send, send_pages
from bot.discord_bot.sides_embeds import by_date_pages
from bot.discord_bot.threads import answer_in_thread, can_open_thread
from bot.discord_bot.unanswered import Unanswered, with_note
from bot.discord_bot.views import send_ephemeral
from bot.engine import Engine
from bot.settings import Settings
from bot.text_render import valid_text
from retrieval.answering.records import Answer

if TYPE_CHECKING:
    from bot.discord_bot.client import ParleyBot

log = logging.getLogger("parley.discord")
T = TypeVar("T")
AnyBot = commands.Bot | commands.AutoShardedBot  # AutoShardedBot is not a Bot subclass
MAX_RESULTS = 5
EMPTY_MENTION = ("Ask me a question after the mention, for example: "
                 "*what did the foreign minister say about a ceasefire?*")
MENTION_FAILED = "Sorry, something went wrong answering that."
RELOAD_NOT_OWNER = "Only the bot's owner can reload the articles."
NO_ARTICLE = "No article's title fits that; `/source` lists them all."
RELOAD_BUSY = "A reload is already running; the current articles stay in use until it ends."
REPLY_WAIT = 2.0  # at shutdown: the longest wait for the owner's reply to reach Discord


class AskCog(commands.Cog, name="Parley"):
    """The question-answering commands."""

    def __init__(self, bot: AnyBot, engine: Engine, settings: Settings,
                 unanswered: Unanswered | None = None):
        self.bot = bot
        self.engine = engine
        self.settings = settings
        self.unanswered = unanswered if unanswered is not None else Unanswered()
        d = settings.discord
        self.per_page = max(1, min(d.results_per_page, MAX_RESULTS))
        self.timeout = float(d.view_timeout_seconds)
        self.default_k = max(1, min(settings.top_k, MAX_RESULTS))
        self.cooldown = Cooldown(d.cooldown_rate, d.cooldown_seconds)
        self.choices = Choices()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="parley-answer")

    async def cog_load(self) -> None:
        from bot.discord_bot.check import CheckCog  # /check and the "Check quote" menu

        await self.bot.add_cog(CheckCog(self.bot, self))

    async def cog_unload(self) -> None:
        await self.bot.remove_cog("Parley check")
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

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        """The cooldown: runs before every slash command of this cog but /help (not for
        autocomplete)."""
        if interaction.command is not None and interaction.command.name == "help":
            return True
        verdict = self.cooldown.hit(interaction.user.id)
        if not verdict.allowed:
            raise Throttled(verdict.retry_after)
        return True

    async def send_reply(self, interaction: discord.Interaction, pages: list[Page], *,
                         ephemeral: bool = False) -> None:
        """The pages, as plain text where embeds are not allowed; a public reply first says so
        if an earlier one in the channel was refused (a send that fails reaches the tree's
        error handler, which remembers the channel)."""
        if not interaction_embeds(interaction):
            pages = plain_pages(pages)
        note = None if ephemeral else self.unanswered.take(interaction.channel_id)
        first = with_note(pages[0], note)
        await send_pages(interaction, [first, *pages[1:]], timeout=self.timeout,
                         ephemeral=ephemeral)

    async def _nothing(self, interaction: discord.Interaction, text: str) -> None:
        await send(interaction, ephemeral=True, content=text, allowed_mentions=NONE)

    async def _speaker_choices(self, interaction: discord.Interaction,
                               current: str) -> list[app_commands.Choice[str]]:
        return self.choices.speakers(self.engine, current)

    # ------------------------------------------------------------------ slash commands

    @declared
    @app_commands.command(name="ask", description="Ask a question about the news articles")
    @app_commands.describe(
        question="Your question, e.g. what did Zelensky say about a ceasefire?",
        speaker="Only passages where this person or body speaks",
        results="How many passages to show (1-5)",
        private="Show the answer only to you",
        thread="Answer in a new thread, so follow-ups stay together",
    )
    @app_commands.autocomplete(speaker=_speaker_choices)
    async def ask(self, interaction: discord.Interaction, question: str,
                  speaker: str | None = None,
                  results: app_commands.Range[int, 1, MAX_RESULTS] | None = None,
                  private: bool = False, thread: bool | None = None) -> None:
        answer = await self.answer(question, top_k=results or self.default_k, speaker=speaker,
                                   via="/ask", interaction=interaction, ephemeral=private)
        pages = embeds.answer_pages(answer, self.per_page)
        if not pages:
            await self._nothing(interaction, embeds.nothing_found(answer))
            return
        wanted = self.settings.discord.answer_in_thread if thread is None else thread
        if wanted and not private and can_open_thread(interaction):
            if not interaction_embeds(interaction):
                pages = plain_pages(pages)
            await answer_in_thread(interaction, answer.question, pages, timeout=self.timeout,
                                   note=self.unanswered.take(interaction.channel_id))
            return
        await self.send_reply(interaction, pages, ephemeral=private)

    @declared
    @app_commands.command(name="speakers",
                          description="Who is quoted in the articles, most statements first")
    @app_commands.describe(filter="Only the speakers whose name or role fits this")
    @app_commands.autocomplete(filter=_speaker_choices)
    async def speakers(self, interaction: discord.Interaction, filter: str = "") -> None:
        started = time.perf_counter()
        stats = await in_time(interaction, self._call(self.engine.speakers))
        log.info("listed speakers in %.0f ms: %d speaker(s)",
                 (time.perf_counter() - started) * 1000, len(stats))
        await self.send_reply(interaction, lists.speakers_pages(stats, valid_text(filter)))

    @declared
    @app_commands.command(name="quotes", description="Everything one speaker said in the articles")
    @app_commands.describe(speaker="A person or body quoted in the articles",
                           by_date="Grouped by article, oldest date first (undated last)")
    @app_commands.autocomplete(speaker=_speaker_choices)
    async def quotes(self, interaction: discord.Interaction, speaker: str,
                     by_date: bool = False) -> None:
        if by_date:  # the timeline `parley quotes NAME --by-date` prints
            line = await in_time(interaction, self._call(self.engine.over_time, speaker))
            await self.send_reply(interaction, by_date_pages(line))
            return
        started = time.perf_counter()
        qa = await in_time(interaction, self._call(self.engine.quotes, speaker))
        log.info("listed quotes in %.0f ms: %d statement(s)",
                 (time.perf_counter() - started) * 1000, len(qa.statements))
        pages = embeds.quotes_pages(qa)
        if not pages:
            await self._nothing(interaction, embeds.nothing_found(qa))
            return
        await self.send_reply(interaction, pages)

    async def _article_choices(self, interaction: discord.Interaction,
                               current: str) -> list[app_commands.Choice[str]]:
        return self.choices.articles(self.engine, current)

    @declared
    @app_commands.command(name="source", description="The articles I answer from")
    @app_commands.describe(article="Only this article (type part of its title)")
    @app_commands.autocomplete(article=_article_choices)
    async def source(self, interaction: discord.Interaction, article: str = "") -> None:
        articles = await in_time(interaction, self._call(self.engine.sources))
        log.info("listed %d source article(s)", len(articles))
        if not article.strip():
            await self.send_reply(interaction, lists.sources_pages(articles))
            return
        found = lists.matching_articles(articles, valid_text(article))
        if not found:
            await self._nothing(interaction, NO_ARTICLE)
            return
        await self.send_reply(interaction, [lists.article_page(a) for a in found])

    @declared
    @app_commands.command(name="help", description="What Parley does, and how to ask it")
    async def help(self, interaction: discord.Interaction) -> None:
        page = help_page()
        if not interaction_embeds(interaction):
            page = plain_page(page)
        await send(interaction, ephemeral=True, **page.kwargs())

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
        """Answer a question asked in a channel message (mention or !ask); never raises. A reply
        Discord refuses after its retries is logged once and the channel remembered."""
        try:
            pages = await self._message_reply(message, question, via)
            if pages:
                await self._reply(message, pages)
            return
        except Exception as exc:
            if self._refused(message, exc, via):
                return
            log.exception("error answering a %s", via)
        try:
            await self._reply(message, [Page(MENTION_FAILED)])
        except discord.HTTPException as exc:
            if not self._refused(message, exc, via):
                log.warning("could not send an error notice: %s", exc)

    def _refused(self, message: discord.Message, exc: Exception, via: str) -> bool:
        """True (logged, channel remembered) when Discord refused the reply after retries."""
        refused = refused_after_retries(exc)
        if refused is not None:
            reply_refused(self.unanswered, message.channel, refused, via)
        return refused is not None

    async def _message_reply(self, message: discord.Message, question: str,
                             via: str) -> list[Page]:
        """What to reply to a channel message: the answer pages or a short text; nothing for a
        message over the cooldown that was already told."""
        verdict = self.cooldown.hit(message.author.id)
        if not verdict.allowed:
            return [Page(notice(verdict.retry_after))] if verdict.notify else []
        if not question:
            return [Page(EMPTY_MENTION)]
        answer = await self.answer(question, top_k=self.default_k, speaker=None, via=via)
        return embeds.answer_pages(answer, self.per_page) or [Page(embeds.nothing_found(answer))]

    async def _reply(self, message: discord.Message, pages: list[Page]) -> None:
        """Reply in the message's channel, first saying so if an earlier reply there was
        refused."""
        if not message_embeds(message):
            pages = plain_pages(pages)
        note = self.unanswered.take(message.channel.id)
        await reply_pages(message, [with_note(pages[0], note), *pages[1:]], timeout=self.timeout)


class PrefixCog(commands.Cog, name="Parley prefix"):
    """`!ask question` (prefix from config) -- only loaded when message_content is true."""

    def __init__(self, ask_cog: AskCog):
        self.ask_cog = ask_cog

    @commands.command(name="ask", help="Ask a question about the news articles")
    async def ask(self, ctx: commands.Context[Any], *, question: str = "") -> None:
        await self.ask_cog.answer_message(ctx.message, question.strip(), via="!ask")


class ReloadCog(commands.Cog, name="Parley admin"):
    """`/reload [force]`: re-read the article files while the bot runs (the bot's owner only).

    Until the new engine is ready the old one keeps answering, and a failed build keeps the old
    one and says why (`reload`). When the bot closes mid-build (SIGTERM, SIGINT, `bot.close()`:
    discord.py unloads the cogs before it closes the connection), the build is cancelled and
    the owner told so. Only loaded when the bot was given a way to rebuild (`parley discord`
    always is)."""

    def __init__(self, bot: ParleyBot, ask_cog: AskCog, rebuild: Rebuild):
        self.bot = bot
        self.ask_cog = ask_cog
        self.rebuilder = Rebuilder(rebuild)
        self._lock = asyncio.Lock()
        self._waiting: discord.Interaction | None = None  # the deferred /reload to answer
        self._task: asyncio.Task[Any] | None = None  # the command answering it

    @declared
    @app_commands.command(name="reload", description="Re-read the article files (bot owner only)")
    @app_commands.describe(force="Rebuild from the files even if a saved index matches them")
    @app_commands.default_permissions(administrator=True)
    async def reload(self, interaction: discord.Interaction, force: bool = False) -> None:
        if not await self.bot.is_owner(interaction.user):
            log.warning("refused /reload from a user who is not the bot's owner")
            await send_ephemeral(interaction, RELOAD_NOT_OWNER)
            return
        if self._lock.locked():
            await send_ephemeral(interaction, RELOAD_BUSY)
            return
        async with self._lock:
            await interaction.response.defer(ephemeral=True, thinking=True)
            self._waiting, self._task = interaction, asyncio.current_task()
            try:
                text = await self.reload_now(force)
                if self._claim(interaction):
                    await interaction.followup.send(text, ephemeral=True, allowed_mentions=NONE)
            finally:
                self._waiting = self._task = None

    async def reload_now(self, force: bool = False) -> str:
        """Build a new engine, swap it in on success; the text for the owner."""
        reloaded = await self.rebuilder.run(force)
        if reloaded.engine is not None:
            self.ask_cog.engine = reloaded.engine
            self.bot.engine = reloaded.engine
        return reloaded.text

    def _claim(self, interaction: discord.Interaction) -> bool:
        """True once per deferred /reload: whoever claims it (the command or a shutdown) sends
        its one followup."""
        if self._waiting is not interaction:
            return False
        self._waiting = None
        return True

    async def cog_unload(self) -> None:
        """The bot is closing: cancel a running build, and make sure the owner hears why."""
        task, interaction = self._task, self._waiting
        stopped = await self.rebuilder.stop()
        if task is None or interaction is None:
            return
        if stopped:  # the command is answering "Reload cancelled" itself
            await asyncio.wait({task}, timeout=REPLY_WAIT)
        if self._claim(interaction):  # the build ignored cancel(), or the answer is stuck
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(send_ephemeral(interaction, RELOAD_CANCELLED),
                                       REPLY_WAIT)
