"""How long an answer takes: `Parley.ask` in process (per development question), and
`parley ask` as a whole command (start-up, load, index, answer).

    .venv/bin/python benchmarks/bench_answer.py [--rounds 200] [--cli-runs 10]
    .venv/bin/python benchmarks/bench_answer.py --corpus ../shared/data/bbc \
        --questions tests/retrieval/answering/data/heldout_answers.json --rounds 20 --cli-runs 0

The engine is built once on the shipped corpus with the shipped config; each question is
warmed up, then timed `--rounds` times with time.perf_counter_ns. Times are in microseconds
(in process) and milliseconds (subprocess wall time).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.loading import engine_for  # noqa: E402
from bot.settings import load_settings  # noqa: E402

QUESTION_FILES = (ROOT / "tests" / "retrieval" / "answering" / "data" / "dev_questions.json",
                  ROOT.parent / "shared" / "eval" / "dev_questions.json")
CLI_QUESTION = "What did Erdogan say?"


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100)."""
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def load_questions(given: Path | None) -> tuple[Path, list[dict]]:
    for path in ([given] if given else QUESTION_FILES):
        if path.is_file():
            return path, json.loads(path.read_text(encoding="utf-8"))
    sys.exit("no dev_questions.json found in: " + ", ".join(map(str, QUESTION_FILES)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=200, help="timed calls per question")
    ap.add_argument("--warmup", type=int, default=20, help="untimed calls per question first")
    ap.add_argument("--cli-runs", type=int, default=10, help="timed `parley ask` runs")
    ap.add_argument("--corpus", type=Path, default=None,
                    help="article file or folder (default: the configured corpus)")
    ap.add_argument("--questions", type=Path, default=None,
                    help="a JSON question list (default: the development questions)")
    args = ap.parse_args()

    nproc = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"Machine: {nproc} CPUs (nproc), {cpu_model()}")
    print(f"Python:  {platform.python_implementation()} {platform.python_version()} "
          f"({sys.executable})")

    settings = load_settings()
    t0 = time.perf_counter_ns()
    engine = engine_for(settings, [args.corpus] if args.corpus else None)
    build_ms = (time.perf_counter_ns() - t0) / 1e6
    qpath, questions = load_questions(args.questions)
    print(f"Corpus:  {len(engine.corpus.articles)} article(s), {len(engine.corpus.passages)} "
          f"passages; engine built in {build_ms:.1f} ms")
    print(f"Questions: {len(questions)} from {qpath}; {args.warmup} warm-up + {args.rounds} "
          f"timed calls each\n")

    all_us: list[float] = []
    rows = []
    for q in questions:
        text = q["q"]
        for _ in range(args.warmup):
            engine.ask(text)
        times = []
        for _ in range(args.rounds):
            start = time.perf_counter_ns()
            engine.ask(text)
            times.append((time.perf_counter_ns() - start) / 1000)
        all_us += times
        rows.append((q.get("id", text[:20]), statistics.median(times), percentile(times, 95),
                     len(engine.ask(text).results)))

    width = max(len(r[0]) for r in rows)
    print(f"{'question':<{width}}  {'median µs':>10}  {'p95 µs':>10}  hits")
    for name, med, p95, hits in rows:
        print(f"{name:<{width}}  {med:>10.1f}  {p95:>10.1f}  {hits:>4}")
    print(f"{'ALL':<{width}}  {statistics.median(all_us):>10.1f}  "
          f"{percentile(all_us, 95):>10.1f}  ({len(all_us)} calls)\n")
    if args.cli_runs <= 0:
        return 0

    cmd = [sys.executable, "-m", "bot.cli", "ask", CLI_QUESTION]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run(cmd, capture_output=True, cwd=ROOT, env=env, check=True)  # warm file cache
    wall = []
    for _ in range(args.cli_runs):
        start = time.perf_counter_ns()
        proc = subprocess.run(cmd, capture_output=True, cwd=ROOT, env=env)
        wall.append((time.perf_counter_ns() - start) / 1e6)
        if proc.returncode != 0:
            sys.exit(f"`parley ask` failed ({proc.returncode}): {proc.stderr.decode()}")
    print(f"`parley ask \"{CLI_QUESTION}\"` (subprocess wall time, {args.cli_runs} runs): "
          f"median {statistics.median(wall):.0f} ms, min {min(wall):.0f} ms, "
          f"max {max(wall):.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
