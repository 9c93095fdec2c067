"""The bot object: a discord.py `AutoShardedBot` that carries Parley's engine and settings, adds
the cogs and registers the application commands (slash commands and the "Ask Parley" message
menu)."""
from __future__ import annotations

import logging
from typing import Any

import discord
from discord.ext import commands

from bot.discord_bot.cog import AnyBot, AskCog, PrefixCog, ReloadCog
from bot.discord_bot.context_menu import MessageMenu
from bot.discord_bot.errors import ParleyTree, prefix_command_failed
from bot.discord_bot.reload import Rebuild
from bot.discord_bot.unanswered import Unanswered
from bot.engine import Engine
from bot.settings import Settings

log = logging.getLogger("parley.discord")


class ParleyBot(commands.AutoShardedBot):
    """Always auto-sharded: with `discord.shards` unset, Discord's /gateway/bot says how many
    shards to run (one below 2,500 servers), so a bot that grows shards itself."""

    def __init__(self, *, engine: Engine, settings: Settings, sync: bool,
                 rebuild: Rebuild | None, **options: Any) -> None:
        super().__init__(**options)
        self.engine = engine
        self.settings = settings
        self.sync_commands = sync
        self.rebuild = rebuild
        self.unanswered = Unanswered()  # channels whose last reply Discord refused

    async def setup_hook(self) -> None:
        ask = AskCog(self, self.engine, self.settings, self.unanswered)
        await self.add_cog(ask)
        await self.add_cog(MessageMenu(self, ask))
        if self.settings.discord.message_content:
            await self.add_cog(PrefixCog(ask))
        if self.rebuild is not None:
            await self.add_cog(ReloadCog(self, ask, self.rebuild))
        if self.sync_commands:
            await sync_tree(self, self.settings.discord.guild_id)

    async def on_ready(self) -> None:
        log.info("ready as %s in %d server(s)", self.user, len(self.guilds))

    async def on_command_error(self, ctx: commands.Context[Any],
                               error: commands.CommandError) -> None:
        await prefix_command_failed(ctx, error)


async def sync_tree(bot: AnyBot, guild_id: int | None) -> None:
    """Register the application commands with Discord: to one server when configured, else
    globally."""
    if guild_id:
        guild = discord.Object(id=guild_id)
        bot.tree.copy_global_to(guild=guild)
        synced = await bot.tree.sync(guild=guild)
        log.info("synced %d application command(s) to server %s", len(synced), guild_id)
    else:
        synced = await bot.tree.sync()
        log.info("synced %d application command(s) globally (may take a while to appear)",
                 len(synced))


def intents_for(settings: Settings) -> discord.Intents:
    intents = discord.Intents.default()  # no members, no presences
    intents.typing = False
    intents.message_content = settings.discord.message_content  # privileged: prefix commands only
    return intents


def create_bot(settings: Settings, engine: Engine, *, sync: bool = False,
               rebuild: Rebuild | None = None) -> ParleyBot:
    """The bot exactly as `parley discord` runs it. `rebuild(force, cancel)` (optional) returns a
    fresh engine from the article files; with it the owner-only `/reload` command is added."""
    d = settings.discord
    # Without Message Content there are no prefix commands (mentions are handled by the cog);
    # `when_mentioned` keeps discord.py from warning about a prefix that cannot work.
    prefix: Any = d.command_prefix if d.message_content else commands.when_mentioned
    discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False  # no voice: no warning
    options: dict[str, Any] = dict(
        command_prefix=prefix,
        intents=intents_for(settings),
        help_command=None,
        tree_cls=ParleyTree,
        allowed_mentions=discord.AllowedMentions.none(),
        max_messages=None,
        engine=engine, settings=settings, sync=sync, rebuild=rebuild,
    )
    return ParleyBot(shard_count=d.shards, **options)
