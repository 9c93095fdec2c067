"""Building the engine for a front end, with load problems said on stderr."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from parley.answering.engine import Parley, build_parley
from parley.config import Settings
from parley.corpus.build import CorpusError
from parley.corpus.models import LoadProblem


MAX_DUPLICATE_LINES = 5


def problem_lines(problems: list[LoadProblem]) -> list[str]:
    """One line per unusable file; duplicates (harmless, and a large archive has many) are
    summarised after the first few."""
    duplicates = [p for p in problems if p.reason.startswith("duplicate of")]
    lines = [f"skipped {p}" for p in problems if p not in duplicates]
    shown = duplicates if len(duplicates) <= MAX_DUPLICATE_LINES else duplicates[:3]
    lines += [f"skipped {p}" for p in shown]
    if len(shown) < len(duplicates):
        lines.append(f"skipped {len(duplicates) - len(shown)} more duplicate files "
                     f"({len(duplicates)} in all; each article indexed once)")
    return lines


class LoadFailed(Exception):
    """Nothing could be loaded; the message is for the user."""


def load_engine(args: argparse.Namespace, settings: Settings) -> Parley:
    paths = list(args.corpus) if getattr(args, "corpus", None) else None
    quiet = getattr(args, "quiet", False)
    notes: list[str] = []
    try:
        engine = build_parley(settings, paths, progress=not quiet, notes=notes)
    except CorpusError as exc:
        raise LoadFailed(str(exc)) from None
    if not quiet:
        for line in problem_lines(engine.problems):
            print(f"parley: {line}", file=sys.stderr)
        for note in notes:
            print(f"parley: {note}", file=sys.stderr)
    return engine


def with_engine(command: Callable[[argparse.Namespace, Settings, Parley], int]
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
