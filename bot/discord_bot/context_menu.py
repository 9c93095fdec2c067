"""The message menu "Ask Parley" (Apps -> Ask Parley on any message): what the articles hold
about that message's words -- who said them, and where they are.

It asks the engine exactly as /ask does, with the message's text as the question, and shows the
engine's own claim: "X said it" only when a statement in the articles covers the words,
otherwise the closest passages, saying that none says it. The answer is private (ephemeral):
the person asking chose someone else's message, which its author did not ask to be checked.
"""
from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_bot import embeds
from bot.discord_bot.contexts import CONTEXTS, INSTALLS
from bot.discord_bot.errors import Throttled
from bot.discord_bot.formatting import MESSAGE_LIMIT, escape, fit_text, shorten
from bot.discord_bot.views import send_ephemeral

if TYPE_CHECKING:
    from bot.discord_bot.cog import AnyBot, AskCog
    from retrieval.answering.records import Answer

MENU_NAME = "Ask Parley"
MenuCallback = Callable[[discord.Interaction[Any], discord.Message], Coroutine[Any, Any, None]]
NO_TEXT = "That message has no text I could look up in the articles."


def message_text(message: discord.Message) -> str:
    """The words to look up: the message's text, else its embeds' titles and descriptions."""
    parts = [message.content or ""]
    if not parts[0].strip():
        parts = [f"{e.title or ''} {e.description or ''}" for e in message.embeds]
    return " ".join(" ".join(parts).split())


def about_line(message: discord.Message) -> str:
    name = fit_text(message.author.display_name, 80, render=escape)
    return f"*About a message by {name}:*"


class MenuCog(commands.Cog):
    """A cog that brings one message menu with it: a context menu cannot live in a cog's body,
    so the cog adds it to the tree on load and removes it on unload."""

    def __init__(self, bot: AnyBot, ask_cog: AskCog, name: str, callback: MenuCallback) -> None:
        self.bot = bot
        self.ask_cog = ask_cog
        self.menu = app_commands.ContextMenu(name=name, callback=callback,
                                             allowed_contexts=CONTEXTS,
                                             allowed_installs=INSTALLS)

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.menu)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)

    async def reply_about(self, interaction: discord.Interaction, message: discord.Message,
                          answer: Answer) -> None:
        """The answer's pages, privately, each opening with whose message it is about."""
        pages = embeds.answer_pages(answer, self.ask_cog.per_page)
        if not pages:
            await send_ephemeral(interaction, embeds.nothing_found(answer))
            return
        about = about_line(message)
        pages = [replace(p, content=shorten(f"{about}\n{p.content or ''}", MESSAGE_LIMIT))
                 for p in pages]
        await self.ask_cog.send_reply(interaction, pages, ephemeral=True)


class MessageMenu(MenuCog, name="Parley message menu"):
    """The "Ask Parley" message command."""

    def __init__(self, bot: AnyBot, ask_cog: AskCog) -> None:
        super().__init__(bot, ask_cog, MENU_NAME, self.ask_about)

    async def ask_about(self, interaction: discord.Interaction, message: discord.Message) -> None:
        cog = self.ask_cog
        verdict = cog.cooldown.hit(interaction.user.id)
        if not verdict.allowed:
            raise Throttled(verdict.retry_after)
        text = message_text(message)
        if not text:
            await send_ephemeral(interaction, NO_TEXT)
            return
        answer = await cog.answer(text, top_k=cog.default_k, speaker=None, via="Ask Parley",
                                  interaction=interaction, ephemeral=True)
        await self.reply_about(interaction, message, answer)


