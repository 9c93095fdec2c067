"""`parley eval compare FILE`: the subcommand of `parley eval` (scoring in bot.eval_compare,
imported only when it runs). Exit status: 0 scored, 1 nothing could be asked, 2 a bad file."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def register(targets: Any) -> None:
    c = targets.add_parser(
        "compare", help="comparisons against a file's \"comparisons\" list",
        description="Ask every comparison of a file and score each side: the expected speaker "
                    "and an evidence phrase among its top statements, or \"nothing\" reported "
                    "for a side that says nothing on the topic; overall accuracy.")
    c.add_argument("file", type=Path, metavar="FILE", help="a JSON file with \"comparisons\"")
    c.add_argument("--bbc", type=Path, default=None, metavar="DIR",
                   help="folder of the BBC articles for 'bbc' comparisons (default: "
                        "../shared/data/bbc next to the project); skipped when absent")
    c.add_argument("--json", action="store_true", help="print the scores as JSON")
    c.add_argument("--verbose", action="store_true", help="list every side scored wrong")
    c.set_defaults(func=run_eval_compare)


def run_eval_compare(args: argparse.Namespace, settings: Any = None) -> int:
    from bot.eval_compare import CompareFileError, format_report, load_comparisons, report_json, run
    from corpus.evaluation.gold import default_bbc_dir

    try:
        cases = load_comparisons(args.file)
    except CompareFileError as exc:
        print(f"parley: {exc} (see 'parley eval compare --help')", file=sys.stderr)
        return 2
    options = settings.index_options if settings is not None else None
    report, rows = run(cases, args.bbc or default_bbc_dir(), options)
    if not rows:
        print("parley: no comparison could be asked (is the BBC folder there?)",
              file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps({"file": str(args.file), **report_json(report, rows)}, indent=2,
                         ensure_ascii=False))
    else:
        print(format_report(report, rows, args.verbose))
    return 0
