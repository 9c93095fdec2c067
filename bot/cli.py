"""`parley`: the command line. No subcommand opens the REPL.

Each subcommand lives in a module with `register(subparsers)`; this file only wires them,
loads settings and turns expected failures into one-line messages and exit codes
(0 answered, 1 bad config or corpus, or a missing optional part such as discord.py, 2 bad
usage).
"""
from __future__ import annotations

import argparse
import atexit
import contextlib
import gc
import importlib
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import NoReturn

from bot.paths import path_problem
from bot.settings import ConfigError, Settings, load_settings
from corpus.shipped import SHIPPED_CORPUS

SUBCOMMAND_MODULES = (
    "bot.cli_ask",
    "bot.cli_check",
    "bot.cli_index",
    "bot.cli_eval",
    "bot.cli_discord",
)


class UsageError(Exception):
    """Bad command-line usage (exit 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, exit 2, no traceback
        raise UsageError(f"{message} (see '{self.prog} --help')")


class _VersionAction(argparse.Action):
    """`--version`, read only when asked: importlib.metadata costs some 30 ms a start."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS,
                 **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="print Parley's version and exit")

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        print(f"parley {parley_version()}")
        parser.exit()


def parley_version() -> str:
    """The one version string, `project.version` in pyproject.toml (through the install)."""
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("parley")
    except PackageNotFoundError:
        return "unknown (not installed; run python3 dev.py setup)"


def _corpus_path(text: str) -> Path:
    problem = path_problem(text)
    if problem:
        raise argparse.ArgumentTypeError(f"{text!r} {problem}")
    return Path(text).expanduser()


def add_common_options(parser: argparse.ArgumentParser, after: bool = False) -> None:
    """Options every command takes, before or after the subcommand's name.

    After the name they land in `*_after` fields (argparse would otherwise let the
    subcommand's copy overwrite what came before it); `main` merges the two.
    """
    suffix = "_after" if after else ""
    parser.add_argument("--corpus", action="append", type=_corpus_path, metavar="PATH",
                        dest=f"corpus{suffix}", default=None,
                        help="article file or folder (repeatable); overrides the config")
    parser.add_argument("--config", type=Path, metavar="FILE", dest=f"config{suffix}",
                        default=None, help="config file (default: ./config.toml)")
    parser.add_argument("--quiet", action="store_true", dest=f"quiet{suffix}", default=False,
                        help="no progress bars or load notes")
    parser.add_argument("--no-color", action="store_true", dest=f"no_color{suffix}",
                        default=False, help="no colour (also when NO_COLOR is set, or not on "
                                            "a terminal)")


def _merge_common(args: argparse.Namespace) -> None:
    args.corpus = (args.corpus or []) + (getattr(args, "corpus_after", None) or []) or None
    args.config = getattr(args, "config_after", None) or args.config
    args.quiet = args.quiet or getattr(args, "quiet_after", False)
    args.no_color = args.no_color or getattr(args, "no_color_after", False)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="parley",
                     description="Ask who said what in news articles about the "
                                 "Russia-Ukraine peace talks. With no command: the REPL.")
    parser.add_argument("--version", action=_VersionAction)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    for name in SUBCOMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue  # an optional front end that is not part of this build
            raise
        module.register(sub)
    add_common_options(parser)
    for subparser in _all_subparsers(parser):
        add_common_options(subparser, after=True)
        subparser.set_defaults(help_prog=subparser.prog)  # the innermost command's wins
    return parser


def _all_subparsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """Every subcommand parser, nested ones too (`parley eval attribution`)."""
    found: list[argparse.ArgumentParser] = []
    for action in parser._actions:  # noqa: SLF001 - argparse offers no public walk
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for child in action.choices.values():
                found.append(child)
                found.extend(_all_subparsers(child))
    return found


def _walking_ahead(args: argparse.Namespace, settings: Settings
                   ) -> contextlib.AbstractContextManager[None]:
    """For a command that opens the corpus (and the REPL): the walk of its files for the
    start-up check, begun before the command's modules (numpy, rich, the answering code) are
    imported, which then import while it runs (`file_walk.walking_ahead`)."""
    if not getattr(args, "opens_corpus", getattr(args, "func", None) is None):
        return contextlib.nullcontext()
    from retrieval.store.file_walk import walking_ahead
    return walking_ahead(args.corpus or settings.corpus_paths or [SHIPPED_CORPUS])


def main(argv: Sequence[str] | None = None) -> int:
    if sys.stdout is None:  # started with stdout closed: nowhere to answer
        if sys.stderr is not None:
            print("parley: standard output is closed, so there is nowhere to write the answer",
                  file=sys.stderr)
        return 1
    if sys.stderr is None:
        return 1
    # At exit, everything alive is moved out of the collector's reach before the interpreter
    # shuts down: its collections walked every module's objects once more (about 90 ms of
    # CPU after an answer at a million passages), only to free memory the process gives
    # back anyway. Registered once; handlers registered before it (logging's) still run.
    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)
    try:
        return _run(argv)
    except OSError as exc:  # the answer could not be written: a full disk, a closed pipe
        _stop_writing_stdout()
        print(f"parley: cannot write the output ({exc.strerror or exc})", file=sys.stderr)
        return 1


def _stop_writing_stdout() -> None:
    """Point stdout at /dev/null, so that the flush at exit does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _run(argv: Sequence[str] | None) -> int:
    try:
        args, extra = build_parser().parse_known_args(argv)
        if extra:  # argparse would say so for the top parser: name the command's own help
            raise UsageError(f"unrecognized arguments: {' '.join(extra)} "
                             f"(see '{getattr(args, 'help_prog', 'parley')} --help')")
    except UsageError as exc:
        print(f"parley: {exc}", file=sys.stderr)
        return 2
    _merge_common(args)
    try:
        settings = load_settings(args.config, explicit=args.config is not None)
    except ConfigError as exc:
        print(f"parley: config error: {exc}", file=sys.stderr)
        return 1
    if args.no_color:
        settings = replace(settings, repl=replace(settings.repl, color=False))
    if not args.quiet:
        for warning in settings.warnings:
            print(f"parley: warning: {warning}", file=sys.stderr)
    func = getattr(args, "func", None)
    try:
        with _walking_ahead(args, settings):
            if func is None:
                from bot.repl import run_repl
                return run_repl(args, settings)
            code: int = func(args, settings)
        sys.stdout.flush()  # a write that fails (a full disk) fails here, not at exit
        return code
    except UsageError as exc:
        print(f"parley: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except ModuleNotFoundError as exc:
        if exc.name != "discord":
            raise
        print(f"parley: 'parley {args.command}' needs discord.py, which is not installed; "
              "python3 dev.py setup installs it, or: pip install 'discord.py>=2.4'",
              file=sys.stderr)
        return 1
    except BrokenPipeError:
        _stop_writing_stdout()
        return 0


if __name__ == "__main__":
    sys.exit(main())
