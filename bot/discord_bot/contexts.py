"""Where Parley's application commands may be used, declared on every command so Discord shows
them only there: installed to servers (not to user accounts: the bot answers from the articles
loaded with it), usable in servers and in DMs with the bot, not in group DMs it is not in."""
from __future__ import annotations

from typing import TypeVar

from discord import app_commands

T = TypeVar("T")
CONTEXTS = app_commands.AppCommandContext(guild=True, dm_channel=True, private_channel=False)
INSTALLS = app_commands.AppInstallationType(guild=True, user=False)


def declared(command: T) -> T:
    """`command` with Parley's install and interaction contexts."""
    command = app_commands.allowed_installs(guilds=True, users=False)(command)
    return app_commands.allowed_contexts(guilds=True, dms=True, private_channels=False)(command)
