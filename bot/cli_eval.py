"""`parley eval attribution`: score the attributor (and a naive baseline) against gold.

Registered on the main parser by `register(subparsers)`; the handler has the common
signature `func(args, settings) -> int`. Exit status: 0 scored, 1 nothing could be scored,
2 bad gold files.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    """Add `eval attribution [--gold DIR] [--baseline] [--json] [--verbose]`."""
    p_eval = subparsers.add_parser("eval", help="measure Parley against gold annotations",
                                   description="Measure Parley against gold annotations.")
    targets = p_eval.add_subparsers(dest="eval_target", metavar="TARGET")
    targets.required = True
    p = targets.add_parser(
        "attribution", help="who-said-it accuracy against tests/corpus/gold",
        description="Score the attributor on the gold articles: speaker accuracy per gold "
                    "speech act (direct and reported), kind agreement, and false "
                    "attributions on sentences where nobody speaks.")
    p.add_argument("--gold", type=Path, default=None, metavar="DIR",
                   help="folder of gold *.json files (default: tests/corpus/gold in the "
                        "project)")
    p.add_argument("--bbc", type=Path, default=None, metavar="DIR",
                   help="folder of the BBC articles (default: ../shared/data/bbc next to the "
                        "project); BBC gold files are skipped when it is absent")
    p.add_argument("--baseline", action="store_true",
                   help="also score the naive cue-word baseline, side by side")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--verbose", action="store_true",
                   help="list every miss with its excerpt, gold and system speakers")
    p.set_defaults(func=run_eval_attribution)


def run_eval_attribution(args: argparse.Namespace, settings: Any = None) -> int:
    # Imported here so that other commands do not load the scorer and the sentence splitter.
    from corpus.evaluation import baseline
    from corpus.evaluation.gold import GoldError, default_bbc_dir, default_gold_dir, load_gold
    from corpus.evaluation.runner import (
        Report,
        format_misses,
        format_table,
        load_articles,
        run,
        system_attributor,
    )

    gold_dir = args.gold or default_gold_dir()
    try:
        golds = load_gold(gold_dir)
    except GoldError as exc:
        print(f"parley eval: {exc}", file=sys.stderr)
        return 2
    loaded, notes = load_articles(golds, bbc_dir=args.bbc or default_bbc_dir())
    if not loaded:
        print("parley eval: no gold article could be loaded", file=sys.stderr)
        for n in notes:
            print(f"note: {n}", file=sys.stderr)
        return 1
    reports: list[Report] = []
    system, why = system_attributor()
    if system is not None:
        reports.append(run("system", system, loaded))
    else:
        notes.append(f"{why}; scoring the baseline only")
    if args.baseline or system is None:
        reports.append(run("baseline", baseline.attribute_article, loaded))
    if args.json:
        by_label = {r.label: r.as_dict() for r in reports}
        if args.verbose:
            for r in reports:
                by_label[r.label]["misses"] = [m.__dict__ for a in r.articles for m in a.misses]
        out = {"gold": str(gold_dir), "notes": notes, "reports": by_label}
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    print(format_table(reports, notes))
    if args.verbose:
        for r in reports:
            print()
            print(format_misses(r))
    return 0
