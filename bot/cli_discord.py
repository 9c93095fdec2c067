"""`parley discord [--sync]`: run the Discord bot on the configured corpus.

discord.py is imported only inside the subcommand, so the CLI and REPL never load it.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "discord",
        help="run the Discord bot (token from DISCORD_TOKEN or discord.token_file)",
        description="Run Parley as a Discord bot on the configured articles. The bot token comes "
                    "from the DISCORD_TOKEN environment variable, or from the file named by "
                    "discord.token_file in config.toml; never from the command line.",
    )
    parser.add_argument(
        "--sync", action="store_true",
        help="register the slash commands with Discord at start-up (once after install or "
             "after commands change): to discord.guild_id when set, otherwise globally",
    )
    parser.set_defaults(func=run_discord)
    return parser


def run_discord(args: argparse.Namespace, settings: Any) -> int:
    from bot.discord_bot.runner import run  # lazy: imports discord.py

    corpus = getattr(args, "corpus", None)
    paths = [Path(p) for p in corpus] if corpus else None
    return run(settings, paths, sync=bool(getattr(args, "sync", False)))
