"""The buttons under a reply, as RoboDanny's and Red's paginators have them: first / previous /
page n of m / next / last, a menu to jump to a page (named by its first and last entry on the
long lists), a link button to each article shown, "Full passage" when an embed had to shorten
one, and Delete. Turning pages and deleting are for the person who asked; anyone may read the
full passage (it is shown only to them)."""
from __future__ import annotations

import logging
import secrets
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from typing import Any

import discord

from bot.discord_bot.formatting import SELECT_LABEL_LIMIT, SELECT_OPTIONS_LIMIT, Page, fit_text

log = logging.getLogger(__name__)

NONE = discord.AllowedMentions.none()
NOT_YOURS = "These buttons belong to the person who asked. Ask your own question with /ask."
Handler = Callable[[discord.Interaction], Coroutine[Any, Any, None]]
NAV_ROW, JUMP_ROW, LINK_ROW, ACTION_ROW = 0, 1, 2, 3
JUMP_FROM = 3  # pages: below this, the arrows are enough


def _button(label: str, handler: Handler, *, emoji: str | None = None, row: int = NAV_ROW,
            style: discord.ButtonStyle = discord.ButtonStyle.secondary) -> discord.ui.Button[Any]:
    """A button with its own random custom id (two replies' buttons never collide)."""
    button: discord.ui.Button[Any] = discord.ui.Button(
        label=label, emoji=emoji, style=style, row=row,
        custom_id=f"parley:{label.lower().replace(' ', '-')}:{secrets.token_hex(8)}")
    button.callback = handler  # type: ignore[method-assign,assignment]
    return button


class Paginator(discord.ui.View):
    """The controls of one reply. `deletable`: a public reply its asker may delete.
    `on_expire` (if set) is awaited with the view on time-out, to grey the controls out on the
    message (the caller knows how to edit it)."""

    def __init__(self, pages: Sequence[Page], owner_id: int, *, timeout: float = 180.0,
                 deletable: bool = False):
        super().__init__(timeout=timeout)
        if not pages:
            raise ValueError("a paginator needs at least one page")
        self.pages = list(pages)
        self.owner_id = owner_id
        self.deletable = deletable
        self.index = 0
        self.message: discord.Message | discord.InteractionMessage | None = None
        self.on_expire: Callable[[Paginator], Awaitable[Any]] | None = None
        self.first = _button("First", self._first, emoji="\u23ee\ufe0f")
        self.previous = _button("Previous", self._previous, emoji="\u25c0\ufe0f")
        self.counter = _button("1/1", self._first)
        self.counter.disabled = True
        self.next = _button("Next", self._next, emoji="\u25b6\ufe0f")
        self.last = _button("Last", self._last, emoji="\u23ed\ufe0f")
        self.jump: discord.ui.Select[Any] = discord.ui.Select(
            placeholder="Jump to a page\u2026", row=JUMP_ROW,
            custom_id=f"parley:jump:{secrets.token_hex(8)}")
        self.jump.callback = self._jump  # type: ignore[method-assign]
        self.full = _button("Full passage", self._full, row=ACTION_ROW,
                            style=discord.ButtonStyle.primary)
        self.delete = _button("Delete", self._delete, emoji="\U0001f5d1\ufe0f", row=ACTION_ROW,
                              style=discord.ButtonStyle.danger)
        self._update_items()

    @property
    def page(self) -> Page:
        return self.pages[self.index]

    @property
    def has_controls(self) -> bool:
        """Whether the reply needs this view at all."""
        return bool(self.children)

    # ---------------------------------------------------------------- layout

    def _update_items(self) -> None:
        """The controls for the current page. (Not `_refresh`: discord.py's View has one, which
        it calls with a message's components when the message is edited.)"""
        self.clear_items()
        last = len(self.pages) - 1
        if last > 0:
            self.first.disabled = self.previous.disabled = self.index == 0
            self.next.disabled = self.last.disabled = self.index >= last
            self.counter.label = f"{self.index + 1}/{len(self.pages)}"
            for item in (self.first, self.previous, self.counter, self.next, self.last):
                self.add_item(item)
        if len(self.pages) >= JUMP_FROM:
            self.jump.options = self._jump_options()
            self.add_item(self.jump)
        for link in self.page.links[:5]:
            self.add_item(discord.ui.Button(label=link.label, url=link.url, row=LINK_ROW))
        if self.page.full_text:
            self.add_item(self.full)
        if self.deletable:
            self.add_item(self.delete)

    def _jump_options(self) -> list[discord.SelectOption]:
        """Up to 25 pages around the current one, each named by its label."""
        start = max(0, min(self.index - SELECT_OPTIONS_LIMIT // 2,
                           len(self.pages) - SELECT_OPTIONS_LIMIT))
        options = []
        for i in range(start, min(len(self.pages), start + SELECT_OPTIONS_LIMIT)):
            label = fit_text(self.pages[i].label or f"Page {i + 1}", SELECT_LABEL_LIMIT)
            options.append(discord.SelectOption(label=label, value=str(i), default=i == self.index,
                                                description=f"Page {i + 1} of {len(self.pages)}"))
        return options

    # ---------------------------------------------------------------- who may press

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        data = getattr(interaction, "data", None)
        pressed = data.get("custom_id") if isinstance(data, dict) else None
        if interaction.user.id == self.owner_id or pressed == self.full.custom_id:
            return True
        await interaction.response.send_message(NOT_YOURS, ephemeral=True, allowed_mentions=NONE)
        return False

    # ---------------------------------------------------------------- controls

    async def _show(self, interaction: discord.Interaction, index: int) -> None:
        self.index = max(0, min(index, len(self.pages) - 1))
        self._update_items()
        await interaction.response.edit_message(view=self, **self.page.kwargs())

    async def _first(self, interaction: discord.Interaction) -> None:
        await self._show(interaction, 0)

    async def _previous(self, interaction: discord.Interaction) -> None:
        await self._show(interaction, self.index - 1)

    async def _next(self, interaction: discord.Interaction) -> None:
        await self._show(interaction, self.index + 1)

    async def _last(self, interaction: discord.Interaction) -> None:
        await self._show(interaction, len(self.pages) - 1)

    async def _jump(self, interaction: discord.Interaction) -> None:
        await self._show(interaction, int(self.jump.values[0]))

    async def _full(self, interaction: discord.Interaction) -> None:
        """The whole passages of this page, only to whoever pressed."""
        first, *rest = self.page.full_text
        await interaction.response.send_message(first, ephemeral=True, allowed_mentions=NONE)
        for text in rest:
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=NONE)

    async def _delete(self, interaction: discord.Interaction) -> None:
        """The asker takes the reply back: the message goes, and so do its controls."""
        self.stop()
        await interaction.response.defer()
        await interaction.delete_original_response()

    # ---------------------------------------------------------------- lifecycle

    async def on_timeout(self) -> None:
        for item in self.children:
            if isinstance(item, (discord.ui.Button, discord.ui.Select)) and not getattr(
                    item, "url", None):
                item.disabled = True
        try:
            if self.on_expire is not None:
                await self.on_expire(self)
            elif self.message is not None:
                await self.message.edit(view=self, allowed_mentions=NONE)
        except discord.HTTPException as exc:  # message deleted, token expired: nothing to grey out
            log.debug("could not disable expired buttons: %s", exc)

    async def on_error(self, interaction: discord.Interaction, error: Exception,
                       item: discord.ui.Item[Any]) -> None:
        log.error("error in a reply's button", exc_info=error)
        await send_ephemeral(interaction, "Sorry, that button did not work.")


async def send_ephemeral(interaction: discord.Interaction, text: str) -> None:
    """An ephemeral reply whether or not the interaction was already answered; never raises."""
    try:
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=NONE)
        else:
            await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NONE)
    except discord.HTTPException as exc:
        log.warning("could not send an error notice: %s", exc)
