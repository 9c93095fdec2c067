"""`/check speaker quote` and the message menu "Check quote": did someone say it?

Both call `engine.check`, as `parley check` does, and show what its verdict record says: the
verdict's words, then the evidence passage with its speaker. The menu checks the first
quotation in the chosen message (marks of any kind: "…", “…”, ‘…’, «…»), with the speaker
the message names before it ("Kallas said 'made at gunpoint'") or, failing that, after it;
its reply is private, like "Ask Parley"'s, as the message's author did not ask for a check.
"""
from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.discord_bot import embeds
from bot.discord_bot.context_menu import MenuCog, message_text
from bot.discord_bot.contexts import declared
from bot.discord_bot.errors import Throttled
from bot.discord_bot.replying import in_time
from bot.discord_bot.views import send_ephemeral
from bot.text_render import valid_text
from retrieval.answering.quote_folding import quotations_in
from retrieval.answering.records import Answer

if TYPE_CHECKING:
    from bot.discord_bot.cog import AnyBot, AskCog

MENU_NAME = "Check quote"
NO_QUOTATION = ("That message has no quotation to check: put the words in quotation marks, "
                "e.g. Kallas said \u201cmade at gunpoint\u201d.")
NO_SPEAKER = ("That message does not say who said the quotation; try "
              "`/check speaker quote`.")
_SAID = re.compile(r"\b(?:said|says|say|told|claimed|claims|stated|insisted|warned|added|"
                   r"according\s+to|did|does|really|actually|ever|is\s+it\s+true\s+that|"
                   r"so|quote|quoted|as\s+saying)\b", re.IGNORECASE)

_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "it", "someone", "somebody"})


def speaker_and_quote(text: str) -> tuple[str | None, str] | None:
    """The speaker a message names and the first quotation in it; None without a quotation.
    The speaker is the words before the quotation less a reporting verb ("Kallas said"), or
    those after it ("…," said Mr Erdogan); None when neither names anyone."""
    quotes = quotations_in(text)
    if not quotes:
        return None
    quote = quotes[0]
    at = text.find(quote)
    before, after = text[:max(at - 1, 0)], text[at + len(quote) + 1:]
    for side in (before, after):
        name = _SAID.sub(" ", side)
        name = " ".join(re.sub(r"[^\w'’.\- ]", " ", name).split()).strip(" .")
        if name and len(name.split()) <= 6 and name.lower() not in _PRONOUNS:
            return name, quote
    return None, quote


class CheckCog(MenuCog, name="Parley check"):
    """/check, and the "Check quote" message menu."""

    def __init__(self, bot: AnyBot, ask_cog: AskCog) -> None:
        super().__init__(bot, ask_cog, MENU_NAME, self.check_message)

    def _throttle(self, interaction: discord.Interaction) -> None:
        verdict = self.ask_cog.cooldown.hit(interaction.user.id)
        if not verdict.allowed:
            raise Throttled(verdict.retry_after)

    async def _checked(self, interaction: discord.Interaction, speaker: str, quote: str,
                       via: str, ephemeral: bool) -> Answer:
        cog = self.ask_cog
        started = time.perf_counter()
        work = cog._call(cog.engine.check, valid_text(speaker), valid_text(quote),  # noqa: SLF001
                         top_k=cog.default_k)
        answer = await in_time(interaction, work, ephemeral=ephemeral)
        cog_log(via, started, answer)
        return answer

    @declared
    @app_commands.command(name="check", description="Did someone say it? Check a quote "
                                                     "against the articles")
    @app_commands.describe(speaker="Who said it, e.g. Kallas or the prime minister",
                           quote="The words, e.g. made at gunpoint",
                           private="Show the answer only to you")
    async def check(self, interaction: discord.Interaction, speaker: str, quote: str,
                    private: bool = False) -> None:
        self._throttle(interaction)
        answer = await self._checked(interaction, speaker, quote, "/check", private)
        pages = embeds.answer_pages(answer, self.ask_cog.per_page)
        if not pages:
            await send_ephemeral(interaction, embeds.nothing_found(answer))
            return
        await self.ask_cog.send_reply(interaction, pages, ephemeral=private)

    async def check_message(self, interaction: discord.Interaction,
                            message: discord.Message) -> None:
        self._throttle(interaction)
        found = speaker_and_quote(message_text(message))
        if found is None:
            await send_ephemeral(interaction, NO_QUOTATION)
            return
        speaker, quote = found
        if speaker is None:
            await send_ephemeral(interaction, NO_SPEAKER)
            return
        answer = await self._checked(interaction, speaker, quote, MENU_NAME, True)
        await self.reply_about(interaction, message, answer)


def cog_log(via: str, started: float, answer: Answer) -> None:
    """One INFO line per check, never its content (as for every question)."""
    from bot.discord_bot.cog import log

    log.info("answered a question via %s in %.0f ms: %d result(s)", via,
             (time.perf_counter() - started) * 1000, len(answer.results))
