"""Running the Discord bot: the token, the loopback override for tests, serving until stopped.

`run()` is what `parley discord` calls; it wraps `serve()`, which the end-to-end tests await
in-process against a loopback stand-in for Discord. The token is read here and handed only to
discord.py: it never appears in a log line (`redaction`), an error message or the config.
"""
from __future__ import annotations

import asyncio
import ipaddress
import logging
import logging.handlers
import os
import signal
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

import aiohttp
import discord
import yarl

from bot.discord_bot.client import ParleyBot, create_bot
from bot.discord_bot.redaction import redact_token
from bot.discord_bot.reload import Rebuild
from bot.engine import Engine
from bot.settings import LoggingSettings, Settings

log = logging.getLogger("parley.discord")

TOKEN_ENV = "DISCORD_TOKEN"
TOKEN_HELP = ("No Discord bot token: set DISCORD_TOKEN in the environment, or set "
              "discord.token_file in config.toml to a file holding it (see docs/discord.md).")
# For tests only: serve the REST API and gateway from a local stand-in. Loopback hosts only.
LOOPBACK_ENV = "PARLEY_DISCORD_LOOPBACK"
INTENT_HELP = ("Discord refused the connection (close code 4014): the bot asks for the privileged "
               "Message Content intent, which is switched off for this application. Either switch "
               "on 'Message Content Intent' under Privileged Gateway Intents on the Bot tab of the "
               "Developer Portal (https://discord.com/developers/applications), or set "
               "discord.message_content = false in config.toml (slash commands and mentions work "
               "without it).")


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


async def serve(settings: Settings, token: str, *, engine: Engine, sync: bool = False,
                bot: ParleyBot | None = None, rebuild: Rebuild | None = None,
                stop_signals: bool = False) -> None:
    """Run the bot until it is closed. discord.py handles rate limits and reconnects.

    `stop_signals` (the `parley discord` process): SIGINT and SIGTERM end the session cleanly.
    The gateway reader is cancelled first, then the bot closed: closing while discord.py is
    blocked reading the socket would send close code 4000 ("resumable") instead of 1000.
    Closing cancels a running `/reload` and answers its owner first (`ReloadCog.cog_unload`)."""
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


def _on_signals(stop: Callable[[str], None]) -> list[signal.Signals]:
    loop = asyncio.get_running_loop()
    installed = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop, sig.name)
            installed.append(sig)
        except (NotImplementedError, RuntimeError, ValueError):  # not the main thread
            pass
    return installed


def setup_logging(options: LoggingSettings) -> None:
    """discord.py's console log at the configured level, and the rotating log file when one is
    configured (the token is kept out of both: `redaction` scrubs every record)."""
    level = logging.getLevelName(options.level)
    discord.utils.setup_logging(level=level, root=True)
    if not options.file:
        return
    path = Path(options.file).expanduser()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=options.file_max_bytes, backupCount=options.file_backups,
            encoding="utf-8")
    except OSError as exc:
        log.warning("cannot write the log file %s (%s); logging to the console only", path,
                    exc.strerror or exc)
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)-8s %(name)s: %(message)s"))
    handler.setLevel(level)
    logging.getLogger().addHandler(handler)


def run(settings: Settings, corpus_paths: list[Path] | None = None, *, sync: bool = False,
        environ: Mapping[str, str] = os.environ, engine: Engine | None = None) -> int:
    """`parley discord [--sync]`: 0 on a clean stop, 1 on failure, 2 without a token."""
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
    setup_logging(settings.logging)
    if engine is None:
        engine = _load_engine(settings, corpus_paths)
        if engine is None:
            return 1

    return _serve_until_stopped(settings, token, engine, sync, _rebuilder(settings, corpus_paths))


def _rebuilder(settings: Settings, corpus_paths: list[Path] | None) -> Rebuild:
    """`/reload`'s rebuild: `force` ignores a saved index; `cancel` lets a shutdown stop it.
    What opening did (built and saved, or a saved index used) goes to the log."""
    def rebuild(force: bool, cancel: Callable[[], bool]) -> Engine:
        from bot.loading import open_engine

        engine, opened = open_engine(settings, corpus_paths, rebuild=force, cancel=cancel)
        for note in opened.messages:
            log.info("%s", note)
        if opened.from_cache:
            log.info("reload: the files are unchanged since the saved index at %s",
                     opened.entry)
        return engine
    return rebuild


def _load_engine(settings: Settings, corpus_paths: list[Path] | None) -> Engine | None:
    """The engine from the article files, its skipped files logged; None when none loads."""
    from bot.loading import LoadFailed, open_engine, problem_lines

    try:
        engine, opened = open_engine(settings, corpus_paths)
    except LoadFailed as exc:
        log.error("cannot load the articles: %s", exc)
        return None
    for line in problem_lines(list(engine.problems)):
        log.warning("%s", line)
    for note in opened.messages:
        log.info("%s", note)
    return engine


def _serve_until_stopped(settings: Settings, token: str, engine: Engine, sync: bool,
                         rebuild: Rebuild) -> int:
    """`serve()` in a fresh event loop; what went wrong, said in the log, and the exit code."""
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
