"""Building the engine for a front end, with load problems said on stderr."""
from __future__ import annotations

import argparse
import sys

from parley.answering.engine import Parley, build_parley
from parley.config import Settings
from parley.corpus.build import CorpusError


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
        for problem in engine.problems:
            print(f"parley: skipped {problem}", file=sys.stderr)
        for note in notes:
            print(f"parley: {note}", file=sys.stderr)
    return engine
