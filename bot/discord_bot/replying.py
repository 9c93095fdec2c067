"""Getting a reply to Discord in time: the 3-second rule of interactions, and sending pages.

Discord wants a first response within 3 s of an interaction's creation; a slower answer is
deferred ("thinking...") first and then sent as the followup that fills the placeholder. A reply
gets the controls it needs (`views`): page buttons, links to the articles, the full passage,
Delete.
"""
from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Sequence
from datetime import datetime
from typing import Any, TypeVar

import discord

from bot.discord_bot.formatting import Page
from bot.discord_bot.views import Paginator

T = TypeVar("T")
NONE = discord.AllowedMentions.none()
# An interaction that reached us late gets less time than DEFER_AFTER.
DEFER_AFTER = 2.0
RESPONSE_WINDOW = 3.0
SAFETY_MARGIN = 0.5


def defer_after(interaction: object, now: float | None = None) -> float:
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


async def in_time(interaction: discord.Interaction, work: Awaitable[T], *,
                  ephemeral: bool = False) -> T:
    """Await `work`; if it is slow, defer the interaction first so it does not expire."""
    future = asyncio.ensure_future(work)
    try:
        return await asyncio.wait_for(asyncio.shield(future), defer_after(interaction))
    except TimeoutError:
        await interaction.response.defer(ephemeral=ephemeral, thinking=True)
        return await future


async def send(interaction: discord.Interaction, *, ephemeral: bool, **kwargs: Any) -> None:
    """The interaction's response, or its first followup once it was deferred."""
    if interaction.response.is_done():  # deferred: the first followup fills the placeholder
        await interaction.followup.send(ephemeral=ephemeral, **kwargs)
    else:
        await interaction.response.send_message(ephemeral=ephemeral, **kwargs)


def controls(pages: Sequence[Page], owner_id: int, timeout: float, *,
             deletable: bool) -> Paginator | None:
    """The buttons a reply needs (pages, links, full passage, delete), or None for none."""
    view = Paginator(pages, owner_id, timeout=timeout, deletable=deletable)
    return view if view.has_controls else None


async def send_pages(interaction: discord.Interaction, pages: Sequence[Page], *, timeout: float,
                     ephemeral: bool = False) -> None:
    """The first page, with its controls (a public reply can be deleted by its asker)."""
    view = controls(pages, interaction.user.id, timeout, deletable=not ephemeral)
    extra: dict[str, Any] = {"view": view} if view else {}
    await send(interaction, ephemeral=ephemeral, **pages[0].kwargs(), **extra)
    if view is not None:
        async def expire(v: Paginator) -> None:
            await interaction.edit_original_response(view=v, allowed_mentions=NONE)
        view.on_expire = expire


async def reply_pages(message: discord.Message, pages: Sequence[Page], *,
                      timeout: float) -> None:
    """The first page as a reply to a channel message, with controls for its author."""
    view = controls(pages, message.author.id, timeout, deletable=True)
    extra: dict[str, Any] = {"view": view} if view else {}
    sent = await message.reply(**pages[0].kwargs(), **extra)
    if view is not None:
        view.message = sent


async def post_pages(channel: discord.abc.Messageable, pages: Sequence[Page], owner_id: int, *,
                     timeout: float) -> None:
    """The first page as a new message in `channel` (a thread Parley opened for the answer)."""
    view = controls(pages, owner_id, timeout, deletable=True)
    extra: dict[str, Any] = {"view": view} if view else {}
    sent = await channel.send(**pages[0].kwargs(), **extra)
    if view is not None:
        view.message = sent
