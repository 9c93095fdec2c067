"""Adding one article to an indexed folder: the next `parley ask` against a warm start, for
one or more checkouts side by side in one run (issue 16's target: within 3x).

    .venv/bin/python benchmarks/bench_add_one.py --checkout base=/tmp/base \\
        --checkout this=. [--rounds 5] [--source ../shared/data/bbc] [--cold 0] [--warm 1]

Each checkout is a folder with its own `.venv` (`python3 dev.py setup` there: it also
byte-compiles the checkout's modules, which a start otherwise compiles again every time
when PYTHONDONTWRITEBYTECODE is set, some 0.05 s of each start, so checkouts set up
differently are not compared alike), or without one, run as `PYTHON -m bot` with
`PYTHONPATH=<checkout>` (`--python`, this interpreter by default; byte-compile it with
`python -m compileall -q bot corpus retrieval`); each gets its own cache folder
(`XDG_CACHE_HOME`) and its own copy of the source folder (never written into), indexed
first (not timed).
Then each round adds one new article (an article of the source with a headline of its own,
so its bytes are new) to every copy and runs, for each checkout in turn (the order
alternating from round to round), `parley ask QUESTION` 1 + `--warm` times: the first start
finds the new file and builds, the next are warm starts from the entry just saved (the
first of them "right after": a start within two seconds of a file's change does not trust
the files' times, so it may read and hash them again; the second, "again", is the warm
start of a folder left alone). Wall time and the CPU time of the process
and its children (user + system, from `getrusage`) are recorded; the table gives the medians
and their ratio. The answers of the checkouts must be identical in every round (checked).
`--cold N` also times N forced rebuilds (`parley index --force`) per checkout, alternating.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "data" / "bbc"
QUESTION = "What did Blair say?"


@dataclass
class Checkout:
    name: str
    folder: Path
    cache: Path
    corpus: Path
    python: str
    times: dict[str, list[tuple[float, float]]] = field(default_factory=dict)  # (wall, cpu)

    @property
    def parley(self) -> Path:
        return self.folder / ".venv" / "bin" / "parley"

    def command(self) -> tuple[list[str], dict[str, str]]:
        """How a `parley` of this checkout is run, and what its environment adds."""
        if self.parley.exists():
            return [str(self.parley)], {}
        return [self.python, "-m", "bot"], {"PYTHONPATH": str(self.folder)}


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _run(co: Checkout, args: list[str]) -> tuple[float, float, str]:
    """(wall, CPU, stdout) of one `parley` process of this checkout."""
    command, extra = co.command()
    env = dict(os.environ, XDG_CACHE_HOME=str(co.cache), NO_COLOR="1", **extra)
    cpu0, t0 = _children_cpu(), time.perf_counter()
    done = subprocess.run([*command, *args], env=env, capture_output=True, text=True,
                          check=False, cwd=co.folder)
    wall, cpu = time.perf_counter() - t0, _children_cpu() - cpu0
    if done.returncode != 0:
        raise SystemExit(f"{co.name}: parley {' '.join(args)} failed: {done.stderr.strip()}")
    return wall, cpu, done.stdout


def _articles(source: Path) -> list[Path]:
    return [p for p in sorted(source.rglob("*.txt")) if not p.name.lower().startswith("readme")]


def _add_article(corpus: Path, sources: list[Path], n: int) -> None:
    """A new file: article n of the source under a headline of its own."""
    src = sources[(n * 97) % len(sources)]
    title, _, body = src.read_text("utf-8", errors="replace").partition("\n")
    folder = corpus / "added"
    folder.mkdir(exist_ok=True)
    (folder / f"new-{n:03d}.txt").write_text(f"Added {n}: {title}\n{body}", encoding="utf-8")


def _record(co: Checkout, what: str, wall: float, cpu: float) -> None:
    co.times.setdefault(what, []).append((wall, cpu))


def _table(checkouts: list[Checkout], rounds: int, warm: int) -> str:
    kinds = ["warm"] if warm == 1 else ["warm", "warm again"]
    titles = ["warm start"] if warm == 1 else ["warm start right after", "warm start again"]
    lines = [f"median of {rounds} | " + " | ".join(titles)
             + " | after adding one article | ratio" + (" to each" if warm > 1 else ""),
             "---|" + "---|" * (len(kinds) + 2)]
    for co in checkouts:
        for k, label in ((0, "wall"), (1, "CPU")):
            warms = [statistics.median(t[k] for t in co.times[w]) for w in kinds]
            add = statistics.median(t[k] for t in co.times["add"])
            lines.append(f"{co.name}, {label} | " + " | ".join(f"{w:.2f} s" for w in warms)
                         + f" | {add:.2f} s | "
                         + " / ".join(f"{add / w:.1f}x" for w in warms))
    for co in checkouts:
        if "cold" in co.times:
            walls = ", ".join(f"{w:.1f}" for w, _ in co.times["cold"])
            cpus = ", ".join(f"{c:.1f}" for _, c in co.times["cold"])
            lines.append(f"{co.name} `parley index --force`: wall {walls} s; CPU {cpus} s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--checkout", action="append", required=True, metavar="NAME=FOLDER")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--source", type=Path, default=SOURCE)
    ap.add_argument("--question", default=QUESTION)
    ap.add_argument("--cold", type=int, default=0, metavar="N")
    ap.add_argument("--warm", type=int, default=1, choices=(1, 2))
    ap.add_argument("--python", default=sys.executable)
    args = ap.parse_args(argv)
    if not args.source.is_dir():
        ap.error(f"no source folder at {args.source}")
    work = Path(tempfile.mkdtemp(prefix="bench-add-one-"))
    try:
        checkouts = []
        for spec in args.checkout:
            name, _, folder = spec.partition("=")
            co = Checkout(name, Path(folder).resolve(), work / f"cache-{name}",
                          work / f"corpus-{name}", args.python)
            checkouts.append(co)
            shutil.copytree(args.source, co.corpus)
        sources = _articles(args.source)
        for co in checkouts:
            _run(co, ["--corpus", str(co.corpus), "--quiet", "index"])
        for r in range(args.cold):
            for co in checkouts if r % 2 == 0 else checkouts[::-1]:
                wall, cpu, _ = _run(co, ["--corpus", str(co.corpus), "--quiet", "index",
                                         "--force"])
                _record(co, "cold", wall, cpu)
        for r in range(args.rounds):
            for co in checkouts:
                _add_article(co.corpus, sources, r)
            answers = set()
            for co in checkouts if r % 2 == 0 else checkouts[::-1]:
                ask = ["--corpus", str(co.corpus), "--quiet", "ask", args.question]
                for what in ("add", "warm", "warm again")[:1 + args.warm]:
                    wall, cpu, out = _run(co, ask)
                    _record(co, what, wall, cpu)
                    answers.add(out)
            if len(answers) != 1:
                raise SystemExit(f"round {r}: the answers differ between starts or checkouts")
            print(f"round {r + 1}/{args.rounds} done, load average "
                  f"{os.getloadavg()[0]:.1f}", file=sys.stderr)
        print(_table(checkouts, args.rounds, args.warm))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
