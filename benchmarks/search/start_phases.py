"""Where one `parley ask` start goes, from exec to exit: fresh processes of each checkout
taking turns, each marking the wall time since it was spawned and its CPU time (the whole
process, and its main thread) as it enters and leaves each phase; medians per mark.

    .venv/bin/python -m benchmarks.search.start_phases CONFIG CORPUS [--compare DIR]
        [--rounds 9]

CONFIG and CORPUS are a real-shaped corpus of `bench_search.py --real-dir` (its
`real-<size>/config.toml` and `real-<size>/corpus`). Each checkout runs as its own code
(PYTHONPATH and working folder), with the phases wrapped from outside as their modules
import, so nothing in Parley is changed for it; the marks cost a few microseconds each.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.search import ROOT
from benchmarks.search.real_start import REAL_QUESTION

# (module, attribute, class or "", label): wrapped when the module is imported
PHASES = [
    ("bot.cli", "build_parser", "", "the command line's parser"),
    ("bot.settings", "load_settings", "", "settings"),
    ("retrieval.store.file_walk", "stream", "", "walk of the corpus files (its thread)"),
    ("retrieval.store.cache", "open_index", "", "open_index"),
    ("retrieval.store.file_signature", "settings_header", "", "code and settings hashed"),
    ("retrieval.store.entry", "load_entry", "", "entry checked and loaded"),
    ("retrieval.answering.engine", "__init__", "Parley", "Parley()"),
    ("retrieval.answering.engine", "ask", "Parley", "first answer"),
    ("bot.text_render", "render_answer", "", "answer rendered"),
    ("bot.cli_ask", "_emit", "", "answer printed"),
]

CHILD = r"""
import functools, importlib.abc, importlib.machinery, json, os, sys, time
T0 = int(os.environ["PHASES_T0"]); MARKS = []
def mark(name):
    MARKS.append((name, time.monotonic_ns() - T0, time.process_time(), time.thread_time()))
mark("interpreter and site ready")
PHASES = json.loads(os.environ["PHASES"])
def wrapped(fn, label):
    @functools.wraps(fn)
    def run(*a, **k):
        mark(label + " >")
        try:
            return fn(*a, **k)
        finally:
            mark(label + " <")
    return run
class Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        mine = [p for p in PHASES if p[0] == name]
        spec = importlib.machinery.PathFinder.find_spec(name, path) if mine else None
        if spec is None:
            return None
        run = spec.loader.exec_module
        def exec_module(module):
            run(module)
            for _, attr, cls, label in mine:
                owner = getattr(module, cls) if cls else module
                setattr(owner, attr, wrapped(getattr(owner, attr), label))
        spec.loader.exec_module = exec_module
        return spec
sys.meta_path.insert(0, Finder())
mark("bot.cli >")
from bot.cli import main
mark("bot.cli <")
import atexit
def last():
    mark("exit handlers done")
    with open(os.environ["PHASES_OUT"], "w") as f:
        json.dump(MARKS, f)
code = main(sys.argv[1:])
mark("main returned")
atexit.register(last)
sys.exit(code)
"""


def one_start(code: Path, config: str, corpus: str) -> tuple[float, float, list]:
    """One fresh start of `code`: wall and CPU seen from here, and its marks."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        env = dict(os.environ, PYTHONPATH=str(code), PHASES=json.dumps(PHASES),
                   PHASES_OUT=out.name)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.monotonic_ns()
        env["PHASES_T0"] = str(t0)
        r = subprocess.run([sys.executable, "-c", CHILD, "ask", "--config", config,
                            "--corpus", corpus, REAL_QUESTION], cwd=code, env=env,
                           capture_output=True, text=True, timeout=120)
        wall = (time.monotonic_ns() - t0) / 1e9
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if r.returncode != 0 or "Blair" not in r.stdout:
            raise SystemExit(f"parley ask failed in {code}:\n{r.stderr[-2000:]}")
        marks = json.loads(Path(out.name).read_text(encoding="utf-8"))
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu, marks


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    ap.add_argument("config")
    ap.add_argument("corpus")
    ap.add_argument("--compare", type=Path, help="an earlier checkout, timed in turns")
    ap.add_argument("--rounds", type=int, default=9)
    args = ap.parse_args()
    codes = ([args.compare.resolve()] if args.compare else []) + [ROOT]
    runs: dict[Path, list] = {c: [] for c in codes}
    for r in range(-1, args.rounds):  # one untimed round, then each round in turn first
        for code in codes[r % len(codes):] + codes[:r % len(codes)]:
            got = one_start(code, args.config, args.corpus)
            if r >= 0:
                runs[code].append(got)
    for code, got in runs.items():
        print(f"== {code}: start to exit, wall median {statistics.median(g[0] for g in got):.3f}"
              f" s, CPU median {statistics.median(g[1] for g in got):.3f} s "
              f"({len(got)} starts)")
        print(f"  {'mark':44s} {'wall s':>7s} {'CPU s':>7s} {'main thread CPU s':>18s}")
        for name, cols in _medians([g[2] for g in got]):
            print(f"  {name:44s} {cols[0] / 1e9:7.3f} {cols[1]:7.3f} {cols[2]:18.3f}")


def _medians(starts: list[list]) -> list[tuple[str, list[float]]]:
    """Each mark's medians (wall ns, CPU, main thread CPU) over the starts that reached it,
    by name (the walk's thread ends at a different point of each start), in wall order."""
    seen: dict[str, list[list[float]]] = {}
    for marks in starts:
        count: dict[str, int] = {}
        for name, *values in marks:
            count[name] = count.get(name, 0) + 1
            key = name if count[name] == 1 else f"{name} ({count[name]})"
            seen.setdefault(key, []).append(values)
    rows = [(name, [statistics.median(v[j] for v in values) for j in range(3)])
            for name, values in seen.items()]
    return sorted(rows, key=lambda row: row[1][0])

if __name__ == "__main__":
    main()
