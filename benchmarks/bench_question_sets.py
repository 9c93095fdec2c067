"""How long the BBC questions of question sets take in process: each asked once (first
asking: nothing about it remembered yet), then again. Run it from each checkout's own folder,
taking turns, to compare two versions side by side.

    .venv/bin/python benchmarks/bench_question_sets.py \\
        tests/retrieval/answering/data/heldout1{1,2,3}_answers.json
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from retrieval.answering.engine import open_parley  # noqa: E402


def questions(files: list[Path]) -> list[str]:
    """The BBC questions of the sets (a checks file's checks too), in order."""
    out: list[str] = []
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        cases = data if isinstance(data, list) else data.get("checks", [])
        out += [case["q"] for case in cases if case.get("corpus") == "bbc"]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", type=Path, nargs="+", help="question sets (JSON)")
    ap.add_argument("--bbc", type=Path, default=ROOT.parent / "shared" / "data" / "bbc")
    args = ap.parse_args()
    if not args.bbc.is_dir():
        print(f"No BBC folder at {args.bbc}", file=sys.stderr)
        return 1
    asked = questions(args.files)
    parley = open_parley([args.bbc])[0]
    parley.ask("warm up the engine")
    for label in ("first asking", "asked again"):
        times = []
        for q in asked:
            start = time.perf_counter()
            parley.ask(q)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        print(f"{label}: {len(times)} questions, median {statistics.median(times):.1f} ms, "
              f"p95 {times[int(0.95 * len(times))]:.1f} ms, sum {sum(times):.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
