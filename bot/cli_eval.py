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

    q = targets.add_parser(
        "questions", help="answers against a question set (right passage, speaker, false claims)",
        description="Ask every question of a set (the format of ../shared/eval/README.md) and "
                    "score the answers: the right passage among the first k, the right passage "
                    "and speaker in the top 3, and false claims; plain rank-bm25 on the bare "
                    "paragraphs beside it.")
    add_file_options(q, "a JSON question set", "questions",
                     "list every question answered wrongly or with a false claim")
    q.set_defaults(func=run_eval_questions)

    _register_compare(targets)
    _register_checks(targets)


def add_file_options(p: argparse.ArgumentParser, file_help: str, items: str,
                     verbose_help: str) -> None:
    """FILE, --bbc, --json and --verbose: what every `eval` of a file of cases takes."""
    p.add_argument("file", type=Path, metavar="FILE", help=file_help)
    p.add_argument("--bbc", type=Path, default=None, metavar="DIR",
                   help=f"folder of the BBC articles for 'bbc' {items} (default: "
                        "../shared/data/bbc next to the project); skipped when absent")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--verbose", action="store_true", help=verbose_help)


def _register_compare(targets: Any) -> None:
    """Add `eval compare FILE [--bbc DIR] [--json] [--verbose]`."""
    c = targets.add_parser(
        "compare", help="comparisons against a file's \"comparisons\" list",
        description="Ask every comparison of a file and score each side: the expected speaker "
                    "and an evidence phrase among its top statements, or \"nothing\" reported "
                    "for a side that says nothing on the topic; overall accuracy.")
    add_file_options(c, "a JSON file with \"comparisons\"", "comparisons",
                     "list every side scored wrong")
    c.set_defaults(func=run_eval_compare)


def run_eval_compare(args: argparse.Namespace, settings: Any = None) -> int:
    from corpus.evaluation.gold import default_bbc_dir
    from retrieval.evaluation.compare_eval import (
        CompareFileError,
        format_report,
        load_comparisons,
        report_json,
        run,
    )

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


def _register_checks(targets: Any) -> None:
    """Add `eval checks FILE [--bbc DIR] [--json] [--verbose]`."""
    p = targets.add_parser(
        "checks", help="quote-check verdicts against a checks file",
        description="Check every quote of a checks file (\"did X say Y?\") and score the "
                    "verdicts: accuracy per verdict and overall, the confusion table, and "
                    "verdicts stronger than the gold's.")
    add_file_options(p, "a JSON checks file", "checks", "list every wrong verdict")
    p.set_defaults(func=run_eval_checks)


def run_eval_checks(args: argparse.Namespace, settings: Any = None) -> int:
    from corpus.evaluation.gold import default_bbc_dir
    from retrieval.evaluation.checks_eval import (
        ChecksFileError,
        load_checks,
        render,
        score,
        summary,
    )

    try:
        checks = load_checks(args.file)
    except ChecksFileError as exc:
        print(f"parley: {exc} (see 'parley eval checks --help')", file=sys.stderr)
        return 2
    options = settings.index_options if settings is not None else None
    scored = score(checks, args.bbc or default_bbc_dir(), options)
    if not scored:
        print("parley: no check could be run (is the BBC folder there?)", file=sys.stderr)
        return 1
    result = summary(scored)
    wrong = [s for s in scored if s.system != s.check.verdict]
    if args.json:
        result["file"] = str(args.file)
        result["wrong"] = [{"id": s.check.id, "gold": s.check.verdict, "system": s.system,
                            "speaker": s.speaker} for s in wrong]
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    print(render(result, args.file))
    if args.verbose:
        for s in wrong:
            print(f"- {s.check.id}: {s.check.speaker!r} / {s.check.quote!r}: gold "
                  f"{s.check.verdict}, system {s.system}"
                  f"{' (' + s.speaker + ')' if s.speaker else ''}")
    return 0


def _ratio(pair: list[int]) -> str:
    return f"{100 * pair[0] / pair[1]:.1f}% ({pair[0]}/{pair[1]})" if pair[1] else "-"


def run_eval_questions(args: argparse.Namespace, settings: Any = None) -> int:
    from corpus.evaluation.gold import default_bbc_dir
    from retrieval.evaluation.cases import CaseFileError, load_cases
    from retrieval.evaluation.runner import score_cases

    try:
        cases = load_cases(args.file)
    except CaseFileError as exc:
        print(f"parley: {exc} (see 'parley eval questions --help')", file=sys.stderr)
        return 2
    bbc = args.bbc or default_bbc_dir()
    options = settings.index_options if settings is not None else None
    scored = score_cases(cases, bbc, options)
    if not scored.results:
        print("parley: no question could be asked (is the BBC folder there?)", file=sys.stderr)
        return 1
    if args.json:
        out = {"file": str(args.file),
               "groups": {g: t.as_dict() for g, t in scored.tallies.items()},
               "false_claims": [{"id": r.case.id, "why": r.false_claim}
                                for r in scored.results if r.false_claim]}
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    print(f"{len(scored.results)} questions from {args.file}")
    head = ("group", "passage in first k", "passage+speaker, top 3", "nothing-answers right",
            "false claims", "plain rank-bm25 passage", "said it, right speaker")
    rows = [head] + [(g, _ratio(t.passage), _ratio(t.both), _ratio(t.empty),
                      f"{t.false_claims}/{t.questions}", _ratio(t.baseline_passage),
                      _ratio(t.said))
                     for g, t in scored.tallies.items()]
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    if args.verbose:
        for r in scored.results:
            if r.false_claim or r.passage_ok is False or r.both_ok is False or r.empty_ok is False:
                print(f"- {r.case.id}: {r.case.question!r} -> {r.claim}"
                      f"{' ' + r.claimed_speaker if r.claimed_speaker else ''}; "
                      f"passage {r.passage_ok}, speaker {r.both_ok}, empty {r.empty_ok}"
                      f"{'; FALSE: ' + r.false_claim if r.false_claim else ''}")
    return 0


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
        print(f"parley eval: {exc} (see 'parley eval attribution --help')", file=sys.stderr)
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
