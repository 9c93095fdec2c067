"""Previous/Next buttons over the pages of a reply, usable only by the person who asked."""
from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import discord

from bot.discord_bot.formatting import Page

log = logging.getLogger(__name__)

NOT_YOURS = "These buttons belong to the person who asked. Ask your own question with /ask."


class Paginator(discord.ui.View):
    """Turns pages of one reply. `on_expire` (if set) is awaited with the view on time-out,
    to grey the buttons out on the message (the caller knows how to edit it)."""

    def __init__(self, pages: Sequence[Page], owner_id: int, *, timeout: float = 180.0):
        super().__init__(timeout=timeout)
        if not pages:
            raise ValueError("a paginator needs at least one page")
        self.pages = list(pages)
        self.owner_id = owner_id
        self.index = 0
        self.message: discord.Message | discord.InteractionMessage | None = None
        self.on_expire: Callable[[Paginator], Awaitable[Any]] | None = None
        self._update_buttons()

    # ---------------------------------------------------------------- state

    @property
    def page(self) -> Page:
        return self.pages[self.index]

    def _update_buttons(self) -> None:
        """Buttons for the current page. (Not `_refresh`: discord.py's View has one, which it
        calls with a message's components when the message is edited.)"""
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index >= len(self.pages) - 1
        self.counter.label = f"{self.index + 1}/{len(self.pages)}"

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(
            NOT_YOURS, ephemeral=True, allowed_mentions=discord.AllowedMentions.none())
        return False

    async def _show(self, interaction: discord.Interaction) -> None:
        self._update_buttons()
        await interaction.response.edit_message(view=self, **self.page.kwargs())

    # ---------------------------------------------------------------- buttons

    @discord.ui.button(label="Previous", emoji="\u25c0\ufe0f", style=discord.ButtonStyle.secondary)
    async def previous(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        self.index = max(0, self.index - 1)
        await self._show(interaction)

    @discord.ui.button(label="1/1", style=discord.ButtonStyle.secondary, disabled=True)
    async def counter(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await interaction.response.defer()  # never enabled; here for completeness

    @discord.ui.button(label="Next", emoji="\u25b6\ufe0f", style=discord.ButtonStyle.secondary)
    async def next(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        self.index = min(len(self.pages) - 1, self.index + 1)
        await self._show(interaction)

    # ---------------------------------------------------------------- lifecycle

    async def on_timeout(self) -> None:
        for item in self.children:
            if isinstance(item, discord.ui.Button):
                item.disabled = True
        try:
            if self.on_expire is not None:
                await self.on_expire(self)
            elif self.message is not None:
                await self.message.edit(view=self, allowed_mentions=discord.AllowedMentions.none())
        except discord.HTTPException as exc:  # message deleted, token expired: nothing to grey out
            log.debug("could not disable expired buttons: %s", exc)

    async def on_error(self, interaction: discord.Interaction, error: Exception,
                       item: discord.ui.Item[Any]) -> None:
        log.error("error in a page button", exc_info=error)
        await send_ephemeral(interaction, "Sorry, I could not turn the page.")


async def send_ephemeral(interaction: discord.Interaction, text: str) -> None:
    """An ephemeral reply whether or not the interaction was already answered; never raises."""
    try:
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True,
                                            allowed_mentions=discord.AllowedMentions.none())
        else:
            await interaction.response.send_message(
                text, ephemeral=True, allowed_mentions=discord.AllowedMentions.none())
    except discord.HTTPException as exc:
        log.warning("could not send an error notice: %s", exc)
