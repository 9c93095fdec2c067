"""Answering in a new thread (`/ask ... thread:True`, or `discord.answer_in_thread`), so the
follow-up questions stay together: a one-line reply in the channel starts the thread, and the
answer is posted inside it. Where no thread can be opened (a DM, a channel that is already a
thread, a missing permission) the answer stays where it was asked."""
from __future__ import annotations

from collections.abc import Sequence

import discord

from bot.discord_bot.embeds import question_line
from bot.discord_bot.formatting import MESSAGE_LIMIT, Page, fit_text, shorten
from bot.discord_bot.replying import NONE, post_pages, send

THREAD_NAME_LIMIT = 100
STARTER = "\U0001f9f5 The answer is in the thread below."


def can_open_thread(interaction: discord.Interaction) -> bool:
    """A public thread can be started here: a server text channel where Parley may do so."""
    perms = interaction.app_permissions
    return (isinstance(interaction.channel, discord.TextChannel)
            and bool(perms.create_public_threads and perms.send_messages_in_threads))


def thread_name(question: str) -> str:
    return fit_text(" ".join(question.split()), THREAD_NAME_LIMIT) or "Parley"


async def answer_in_thread(interaction: discord.Interaction, question: str,
                           pages: Sequence[Page], *, note: str | None, timeout: float) -> None:
    """The starter reply (with `note`, an earlier refusal in the channel), then the thread
    holding the answer."""
    starter = "\n".join(part for part in (note, question_line(question), STARTER) if part)
    await send(interaction, ephemeral=False, content=shorten(starter, MESSAGE_LIMIT),
               allowed_mentions=NONE)
    message = await interaction.original_response()
    thread = await message.create_thread(name=thread_name(question),
                                         auto_archive_duration=1440)
    await post_pages(thread, pages, interaction.user.id, timeout=timeout)
