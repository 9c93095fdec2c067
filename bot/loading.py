"""Building the engine for a front end, with load problems said on stderr."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from bot.engine import Engine
from bot.labels import counted
from bot.settings import Settings
from bot.terminal_text import Style, terminal_width
from corpus.build import CorpusError
from corpus.cancelling import Cancel
from corpus.listing import left_out_files
from corpus.models import LoadProblem
from retrieval.answering.engine import Parley, open_parley
from retrieval.store import Opened

MAX_DUPLICATE_LINES = 5
SKIPPED_LIST = "`parley sources --skipped`"


def _is_duplicate(problem: LoadProblem) -> bool:
    return problem.reason.startswith("duplicate of")


def problem_lines(problems: list[LoadProblem]) -> list[str]:
    """One line per unusable file; duplicates (harmless, and a large archive has many) are
    summarised after the first few."""
    duplicates = [p for p in problems if _is_duplicate(p)]
    lines = [f"skipped {p}" for p in problems if p not in duplicates]
    shown = duplicates if len(duplicates) <= MAX_DUPLICATE_LINES else duplicates[:3]
    lines += [f"skipped {p}" for p in shown]
    if len(shown) < len(duplicates):
        lines.append(f"skipped {len(duplicates) - len(shown)} more duplicate files "
                     f"({len(duplicates)} in all; each article indexed once)")
    return lines


class LoadFailed(Exception):
    """Nothing could be loaded; the message is for the user."""


def corpus_paths(args: argparse.Namespace, settings: Settings) -> list[Path]:
    """`--corpus` when given, else the configured corpus."""
    return list(args.corpus) if getattr(args, "corpus", None) else list(settings.corpus_paths)


def left_out(args: argparse.Namespace, settings: Settings) -> list[str]:
    """The files in the corpus folders that are not read as articles, for `sources`."""
    return [str(p) for p in left_out_files(corpus_paths(args, settings))]


def open_engine(settings: Settings, paths: Sequence[Path] | None = None, *,
                progress: bool = False, rebuild: bool = False,
                cancel: Cancel | None = None, jobs: int | None = None
                ) -> tuple[Parley, Opened]:
    """The one way every front end builds its engine (the settings become the core's plain
    values here), with what opening it did. `rebuild` builds from the files whatever is saved;
    `cancel()` returning True stops a build (BuildCancelled). Raises LoadFailed when no
    article loads."""
    try:
        return open_parley(paths or settings.corpus_paths, settings.index_options,
                           top_k=settings.top_k, progress=progress, rebuild=rebuild,
                           cancel=cancel, jobs=jobs)
    except CorpusError as exc:
        raise LoadFailed(str(exc)) from None


def engine_for(settings: Settings, paths: Sequence[Path] | None = None, *,
               rebuild: bool = False, cancel: Cancel | None = None) -> Parley:
    """`open_engine`'s engine alone, for callers that report nothing of the load."""
    return open_engine(settings, paths, rebuild=rebuild, cancel=cancel)[0]


def notice_lines(problems: Sequence[LoadProblem], notes: list[str],
                 from_cache: bool = False) -> list[str]:
    """What a load tells the user: the unusable files, then what the index did. The files are
    named when the index is built from them; a start that loads the saved index was told so
    already, and says it in one line (`skipped_summary`)."""
    if from_cache:
        summary = skipped_summary(problems)
        return ([summary] if summary else []) + list(notes)
    return problem_lines(list(problems)) + list(notes)


def skipped_summary(problems: Sequence[LoadProblem]) -> str | None:
    """'98 duplicate files indexed once; `parley sources --skipped` lists them', or None."""
    if not problems:
        return None
    duplicates = sum(1 for p in problems if _is_duplicate(p))
    parts = []
    if len(problems) > duplicates:
        parts.append(f"{counted(len(problems) - duplicates, 'file')} skipped as unusable")
    if duplicates:
        parts.append(f"{counted(duplicates, 'duplicate file')} indexed once")
    return f"{', '.join(parts)}; {SKIPPED_LIST} lists {'it' if len(problems) == 1 else 'them'}"


def print_notices(lines: list[str]) -> None:
    """Load notices on stderr, each wrapped to the terminal's width when stderr is one."""
    width = terminal_width(sys.stderr) if sys.stderr.isatty() else 10_000
    style = Style(False, width)
    for line in lines:
        print(style.paragraph(f"parley: {line}", rest="  "), file=sys.stderr)


def load_engine(args: argparse.Namespace, settings: Settings) -> Parley:
    quiet = getattr(args, "quiet", False)
    engine, opened = open_engine(settings, corpus_paths(args, settings), progress=not quiet)
    if not quiet:
        print_notices(notice_lines(engine.problems, opened.messages, opened.from_cache))
    return engine


def with_engine(command: Callable[[argparse.Namespace, Settings, Engine], int]
                 ) -> Callable[[argparse.Namespace, Settings], int]:
    """Load the engine for a command; a corpus that cannot be loaded is one line, exit 1."""
    def run(args: argparse.Namespace, settings: Settings) -> int:
        try:
            engine = load_engine(args, settings)
        except LoadFailed as exc:
            print(f"parley: corpus error: {exc}", file=sys.stderr)
            return 1
        return command(args, settings, engine)
    return run
