"""Start-up of the Discord bot: token, logging, the bot object, command sync, running.

`run()` is what `parley discord` calls; it wraps `serve()`, which the end-to-end tests await
in-process against a loopback stand-in for Discord. The token is read here and handed only to
discord.py: it never appears in a log line, an error message or the config.
"""
from __future__ import annotations

import asyncio
import ipaddress
import logging
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import aiohttp
import discord
import yarl
from discord import app_commands
from discord.ext import commands

from bot.discord_bot.cog import AskCog, PrefixCog, ReloadCog, Throttled
from bot.discord_bot.cooldown import notice
from bot.discord_bot.views import send_ephemeral
from bot.settings import Settings

log = logging.getLogger("parley.discord")

TOKEN_ENV = "DISCORD_TOKEN"
TOKEN_HELP = ("No Discord bot token: set DISCORD_TOKEN in the environment, or set "
              "discord.token_file in config.toml to a file holding it (see docs/discord.md).")
# For tests only: serve the REST API and gateway from a local stand-in. Loopback hosts only.
LOOPBACK_ENV = "PARLEY_DISCORD_LOOPBACK"
GENERIC_ERROR = "Sorry, something went wrong answering that. The error has been logged."
INTENT_HELP = ("Discord refused the connection (close code 4014): the bot asks for the privileged "
               "Message Content intent, which is switched off for this application. Either switch "
               "on 'Message Content Intent' under Privileged Gateway Intents on the Bot tab of the "
               "Developer Portal (https://discord.com/developers/applications), or set "
               "discord.message_content = false in config.toml (slash commands and mentions work "
               "without it).")
REDACTED = "[token redacted]"
# Discord error codes of an interaction whose token is no longer valid (answered too late)
EXPIRED_CODES = {10062, 10015}


class TokenError(Exception):
    """No usable token; the message says how to provide one (and never contains a token)."""


def read_token(settings: Settings, environ: Mapping[str, str] = os.environ) -> str:
    """The bot token from DISCORD_TOKEN, else from the file named by discord.token_file."""
    token = environ.get(TOKEN_ENV, "").strip()
    if token:
        return token
    name = settings.discord.token_file
    if not name:
        raise TokenError(TOKEN_HELP)
    path = Path(name).expanduser()
    if not path.is_absolute() and settings.source is not None:
        path = settings.source.resolve().parent / path
    try:
        token = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "not readable text"
        raise TokenError(f"Cannot read the Discord token file {path} ({reason}). "
                         + TOKEN_HELP) from None
    if not token:
        raise TokenError(f"The Discord token file {path} is empty. " + TOKEN_HELP)
    return token


def point_at_loopback(base: str) -> None:
    """Send discord.py's REST calls and gateway connection to a stand-in at `base`
    (e.g. http://127.0.0.1:8123). Refuses anything that is not a loopback IP address."""
    url = yarl.URL(base)
    try:
        ok = url.scheme == "http" and ipaddress.ip_address(url.host or "").is_loopback
    except ValueError:
        ok = False
    if not ok or url.port is None:
        raise ValueError(f"{LOOPBACK_ENV} must be http://127.0.0.1:PORT (loopback only), "
                         f"not {base!r}")
    host = f"[{url.host}]" if ":" in (url.host or "") else url.host
    discord.http.Route.BASE = f"http://{host}:{url.port}/api/v10"
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(f"ws://{host}:{url.port}/gateway")


class ParleyTree(app_commands.CommandTree):
    """The central error handler of every slash command: a short ephemeral message for the
    user, the traceback in the log, and the bot keeps running."""

    async def on_error(self, interaction: discord.Interaction,
                       error: app_commands.AppCommandError) -> None:
        if isinstance(error, Throttled):
            # Every refused slash command gets the notice: only the asker sees it, and an
            # interaction left unanswered shows them "The application did not respond".
            await send_ephemeral(interaction, notice(error.retry_after))
            return
        if isinstance(error, app_commands.CheckFailure):
            await send_ephemeral(interaction, "You can't use that command here.")
            return
        name = interaction.command.qualified_name if interaction.command else "unknown"
        original = getattr(error, "original", error)
        if isinstance(original, discord.NotFound) and original.code in EXPIRED_CODES:
            # Too late: Discord has forgotten the interaction, so no reply can reach the user.
            log.warning("/%s: the interaction expired before the reply was sent (%s %s)", name,
                        original.status, original.code)
            return
        log.error("error in /%s", name, exc_info=(type(original), original, original.__traceback__))
        await send_ephemeral(interaction, GENERIC_ERROR)


class _ParleyBotMixin:
    """Shared by the plain and the auto-sharded bot."""

    engine: Any
    settings: Settings
    sync_commands: bool

    def _init_parley(self, engine: Any, settings: Settings, sync: bool,
                     rebuild: Any = None) -> None:
        self.engine = engine
        self.settings = settings
        self.sync_commands = sync
        self.rebuild = rebuild

    async def setup_hook(self) -> None:
        bot: commands.Bot = self  # type: ignore[assignment]
        ask = AskCog(bot, self.engine, self.settings)
        await bot.add_cog(ask)
        if self.settings.discord.message_content:
            await bot.add_cog(PrefixCog(ask))
        if self.rebuild is not None:
            await bot.add_cog(ReloadCog(bot, ask, self.rebuild))
        if self.sync_commands:
            await sync_tree(bot, self.settings.discord.guild_id)

    async def on_ready(self) -> None:
        bot: commands.Bot = self  # type: ignore[assignment]
        log.info("ready as %s in %d server(s)", bot.user, len(bot.guilds))

    async def on_command_error(self, ctx: commands.Context, error: commands.CommandError) -> None:
        if isinstance(error, (commands.CommandNotFound, commands.CheckFailure)):
            return
        original = getattr(error, "original", error)
        log.error("error in %s%s", ctx.prefix, ctx.command,
                  exc_info=(type(original), original, original.__traceback__))
        try:
            await ctx.reply(GENERIC_ERROR, allowed_mentions=discord.AllowedMentions.none())
        except discord.HTTPException:
            pass


class ParleyBot(_ParleyBotMixin, commands.Bot):
    pass


class ParleyShardedBot(_ParleyBotMixin, commands.AutoShardedBot):
    pass


async def sync_tree(bot: commands.Bot, guild_id: int | None) -> None:
    """Register the slash commands with Discord: to one server when configured, else globally."""
    if guild_id:
        guild = discord.Object(id=guild_id)
        bot.tree.copy_global_to(guild=guild)
        synced = await bot.tree.sync(guild=guild)
        log.info("synced %d slash command(s) to server %s", len(synced), guild_id)
    else:
        synced = await bot.tree.sync()
        log.info("synced %d slash command(s) globally (may take a while to appear)", len(synced))


def intents_for(settings: Settings) -> discord.Intents:
    intents = discord.Intents.default()  # no members, no presences
    intents.typing = False
    intents.message_content = settings.discord.message_content  # privileged: prefix commands only
    return intents


def create_bot(settings: Settings, engine: Any, *, sync: bool = False,
               rebuild: Any = None) -> commands.Bot:
    """The bot exactly as `parley discord` runs it. `rebuild()` (optional) returns a fresh engine
    from the article files; with it the owner-only `/reload` command is added."""
    d = settings.discord
    # Without Message Content there are no prefix commands (mentions are handled by the cog);
    # `when_mentioned` keeps discord.py from warning about a prefix that cannot work.
    prefix: Any = d.command_prefix if d.message_content else commands.when_mentioned
    discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False  # no voice: no warning
    kwargs: dict[str, Any] = dict(
        command_prefix=prefix,
        intents=intents_for(settings),
        help_command=None,
        tree_cls=ParleyTree,
        allowed_mentions=discord.AllowedMentions.none(),
        max_messages=None,
    )
    bot: commands.Bot
    if d.shards:
        bot = ParleyShardedBot(shard_count=d.shards, **kwargs)
    else:
        bot = ParleyBot(**kwargs)
    bot._init_parley(engine, settings, sync, rebuild)  # type: ignore[attr-defined]
    return bot


_SECRETS: list[str] = []  # tokens of the bots running in this process
_FACTORY_INSTALLED = False


def _scrub(value: Any) -> Any:
    if isinstance(value, (int, float, bool, type(None))):
        return value
    text = value if isinstance(value, str) else None
    for secret in _SECRETS:
        if text is None:
            try:
                text = str(value)
            except Exception:
                return value
        if secret in text:
            text = text.replace(secret, REDACTED)
            value = text
    return value


def _install_redacting_factory() -> None:
    """Wrap the log record factory (once per process): every record created anywhere has each
    running bot's token replaced by REDACTED, in its message, its arguments and its traceback
    text, before any handler sees it."""
    global _FACTORY_INSTALLED
    if _FACTORY_INSTALLED:
        return
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        if not _SECRETS:
            return record
        try:
            record.msg = _scrub(record.msg)
            if isinstance(record.args, tuple):
                record.args = tuple(_scrub(a) for a in record.args)
            elif isinstance(record.args, dict):
                record.args = {k: _scrub(v) for k, v in record.args.items()}
            if record.exc_info and record.exc_info[1] is not None:
                text = logging.Formatter().formatException(record.exc_info)
                if any(secret in text for secret in _SECRETS):
                    for secret in _SECRETS:
                        text = text.replace(secret, REDACTED)
                    record.exc_text, record.exc_info = text, None
        except Exception:  # logging itself must never fail
            pass
        return record

    logging.setLogRecordFactory(factory)
    _FACTORY_INSTALLED = True


class redact_token:
    """While active, the token is redacted from every log record (see above)."""

    def __init__(self, token: str):
        self.token = token

    def __enter__(self) -> redact_token:
        if self.token:
            _install_redacting_factory()
            _SECRETS.append(self.token)
        return self

    def __exit__(self, *exc: Any) -> None:
        if self.token in _SECRETS:
            _SECRETS.remove(self.token)


async def serve(settings: Settings, token: str, *, engine: Any, sync: bool = False,
                bot: commands.Bot | None = None, rebuild: Any = None,
                stop_signals: bool = False) -> None:
    """Run the bot until it is closed. discord.py handles rate limits and reconnects.

    `stop_signals` (the `parley discord` process): SIGINT and SIGTERM end the session cleanly.
    The gateway reader is cancelled first, then the bot closed: closing while discord.py is
    blocked reading the socket would send close code 4000 ("resumable") instead of 1000."""
    bot = bot or create_bot(settings, engine, sync=sync, rebuild=rebuild)
    with redact_token(token):
        async with bot:  # leaving it closes the bot: websocket close 1000, HTTP session
            running = asyncio.ensure_future(bot.start(token, reconnect=True))
            stopping: list[str] = []

            def stop(name: str) -> None:
                if not stopping:
                    stopping.append(name)
                    log.info("%s received: closing the connection to Discord", name)
                    running.cancel()

            installed = _on_signals(stop) if stop_signals else []
            try:
                await running
            except asyncio.CancelledError:
                if not stopping:
                    raise
            finally:
                loop = asyncio.get_running_loop()
                for sig in installed:
                    loop.remove_signal_handler(sig)


def _on_signals(stop: Any) -> list[Any]:
    import signal

    loop = asyncio.get_running_loop()
    installed = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop, sig.name)
            installed.append(sig)
        except (NotImplementedError, RuntimeError, ValueError):  # not the main thread
            pass
    return installed


def setup_logging(level: int = logging.INFO) -> None:
    discord.utils.setup_logging(level=level, root=True)


def run(settings: Settings, corpus_paths: list[Path] | None = None, *, sync: bool = False,
        environ: Mapping[str, str] = os.environ, engine: Any = None) -> int:
    """`parley discord [--sync]`: 0 on a clean stop, 1 on failure, 2 without a token."""
    import sys

    try:
        token = read_token(settings, environ)
    except TokenError as exc:
        print(exc, file=sys.stderr)
        return 2
    loopback = environ.get(LOOPBACK_ENV)
    if loopback:
        try:
            point_at_loopback(loopback)
        except ValueError as exc:
            print(exc, file=sys.stderr)
            return 2
    setup_logging()
    if engine is None:
        from bot.loading import LoadFailed, engine_for, problem_lines

        try:
            engine = engine_for(settings, corpus_paths)
        except LoadFailed as exc:
            log.error("cannot load the articles: %s", exc)
            return 1

        for line in problem_lines(list(getattr(engine, "problems", []))):
            log.warning("%s", line)

    def rebuild() -> Any:
        from bot.loading import engine_for

        return engine_for(settings, corpus_paths)

    try:
        asyncio.run(serve(settings, token, engine=engine, sync=sync, rebuild=rebuild,
                          stop_signals=True))
    except KeyboardInterrupt:
        log.info("stopped")
        return 0
    except discord.LoginFailure:
        log.error("Discord refused the token. Check DISCORD_TOKEN (or discord.token_file); "
                  "reset it in the developer portal if it leaked.")
        return 1
    except discord.PrivilegedIntentsRequired:
        log.error(INTENT_HELP)
        return 1
    except discord.HTTPException as exc:
        log.error("Discord API error during start-up: %s %s", exc.status, exc.text[:200])
        return 1
    except (OSError, aiohttp.ClientError, discord.GatewayNotFound) as exc:
        log.error("cannot reach Discord: %s", exc)
        return 1
    return 0
