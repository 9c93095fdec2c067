"""What the user and the log get when a command fails: a short message for the user (privately
for a slash command), the traceback in the log, and the bot keeps running. A reply Discord
refused even after discord.py's retries is one log line naming the channel, and the channel is
remembered (`unanswered`) so its next reply says an earlier question went unanswered."""
from __future__ import annotations

import contextlib
import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_bot.cooldown import notice
from bot.discord_bot.unanswered import Unanswered
from bot.discord_bot.views import send_ephemeral

log = logging.getLogger("parley.discord")

GENERIC_ERROR = "Sorry, something went wrong answering that. The error has been logged."
NOT_HERE = "You can't use that command here."
# Discord error codes of an interaction whose token is no longer valid (answered too late)
EXPIRED_CODES = {10062, 10015}


class Throttled(app_commands.CheckFailure):
    """A user is over the cooldown; the tree's error handler tells them privately."""

    def __init__(self, retry_after: float):
        super().__init__(f"cooldown: retry after {retry_after:.1f}s")
        self.retry_after = retry_after


def channel_label(channel: object) -> str:
    """`#name (id)`, or `channel id` when Discord sent no name (a DM, an uncached thread)."""
    cid = getattr(channel, "id", None)
    name = getattr(channel, "name", None)
    if isinstance(name, str) and name:
        return f"#{name} ({cid})"
    return f"channel {cid}" if cid is not None else "an unknown channel"


def reply_refused(unanswered: Unanswered | None, channel: object, exc: discord.HTTPException,
                  via: str) -> None:
    """Discord refused a reply after discord.py's retries (429s, 5xx): one line, no traceback
    (nothing in Parley failed), and the channel remembered for its next reply."""
    log.error("could not send the reply to a %s in %s: Discord answered %s %s (code %s) after "
              "retries; the next reply there will say an earlier question went unanswered",
              via, channel_label(channel), exc.status, exc.text[:200] or "-", exc.code)
    if unanswered is not None:
        unanswered.refused(getattr(channel, "id", None))


def unanswered_of(client: object) -> Unanswered | None:
    """The bot's memory of refused replies (a bare `commands.Bot` in a test has none)."""
    memory = getattr(client, "unanswered", None)
    return memory if isinstance(memory, Unanswered) else None


def refused_after_retries(error: BaseException) -> discord.HTTPException | None:
    """The error when it is one discord.py retries (429, 5xx) and so only raises once the
    retries ran out; None for anything else (a 400 is Parley's bug and gets a traceback)."""
    if isinstance(error, discord.HTTPException) and (error.status == 429 or error.status >= 500):
        return error
    return None


class ParleyTree(app_commands.CommandTree):
    """The central error handler of every slash command."""

    async def on_error(self, interaction: discord.Interaction,
                       error: app_commands.AppCommandError) -> None:
        if isinstance(error, Throttled):
            # Every refused slash command gets the notice: only the asker sees it, and an
            # interaction left unanswered shows them "The application did not respond".
            await send_ephemeral(interaction, notice(error.retry_after))
            return
        if isinstance(error, app_commands.CheckFailure):
            await send_ephemeral(interaction, NOT_HERE)
            return
        name = interaction.command.qualified_name if interaction.command else "unknown"
        original = getattr(error, "original", error)
        if isinstance(original, discord.NotFound) and original.code in EXPIRED_CODES:
            # Too late: Discord has forgotten the interaction, so no reply can reach the user.
            log.warning("/%s: the interaction expired before the reply was sent (%s %s)", name,
                        original.status, original.code)
            return
        refused = refused_after_retries(original)
        if refused is not None:
            # Another message now would meet the same 429s or 5xx: the channel's next reply
            # carries the notice instead.
            reply_refused(unanswered_of(self.client), interaction.channel, refused, f"/{name}")
            return
        log.error("error in /%s", name, exc_info=(type(original), original, original.__traceback__))
        await send_ephemeral(interaction, GENERIC_ERROR)


async def prefix_command_failed(ctx: commands.Context[Any], error: commands.CommandError) -> None:
    """A failed `!ask`: logged with its traceback, a short public reply (unknown commands and
    failed checks are ignored: the message was not meant for the bot)."""
    if isinstance(error, (commands.CommandNotFound, commands.CheckFailure)):
        return
    original = getattr(error, "original", error)
    log.error("error in %s%s", ctx.prefix, ctx.command,
              exc_info=(type(original), original, original.__traceback__))
    with contextlib.suppress(discord.HTTPException):
        await ctx.reply(GENERIC_ERROR, allowed_mentions=discord.AllowedMentions.none())
