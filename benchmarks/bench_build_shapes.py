"""Whether building a corpus costs in proportion to its text, whatever shape the text has.

    .venv/bin/python benchmarks/bench_build_shapes.py [--rounds 3] [--timeout 120]

Makes, in a temporary folder, the same ~200 KB of news text as one paragraph in one file, as
one article of 100 paragraphs and as 100 small files; a 5 MB paragraph; and 10,000 short
quoted paragraphs, as one article and as 10,000 files. The text comes from the BBC folder
(../shared/data/bbc) when it exists, else from the seed article repeated. Each round times
`corpus.build.build_corpus` once on every shape, in turn, each in a fresh subprocess with a
time limit (a run over it shows as "> N s" and the shape is not run again); the table gives
the median of the rounds and the ratio to the 100-files shape (the quoted article to the
quoted files). Nothing is written outside the temporary folder.
"""
from __future__ import annotations

import argparse
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BBC = ROOT.parent / "shared" / "data" / "bbc"
SEED = ROOT / "corpus" / "articles" / "istanbul-talks.txt"
SHAPE_TEXT = 200_000
CHUNKS = 100
BIG_PARAGRAPH = 5_000_000
QUOTED = 10_000
QUOTED_MAX_CHARS = 200
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+|(?<=[.?!][\"”])\s+")


def _articles() -> list[list[str]]:
    """The paragraphs (headline left out) of every source article, in a stable order."""
    files = sorted(BBC.rglob("*.txt")) if BBC.is_dir() else [SEED]
    out: list[list[str]] = []
    for f in files:
        if f.name.lower().startswith("readme"):
            continue
        lines = f.read_text("utf-8", errors="replace").split("\n")[1:]
        paragraphs = [p.strip() for p in lines if p.strip()]
        if paragraphs:
            out.append(paragraphs)
    return out


def _paragraphs(articles: list[list[str]]) -> list[str]:
    return [p for a in articles for p in a]


def _text_of(paragraphs: list[str], size: int) -> list[str]:
    """Paragraphs, cycling through the source, until `size` characters."""
    out: list[str] = []
    total, k = 0, 0
    while total < size:
        p = paragraphs[k % len(paragraphs)]
        out.append(p)
        total += len(p) + 1
        k += 1
    return out


def _chunks(paragraphs: list[str], n: int) -> list[str]:
    """The paragraphs joined into `n` chunks of about the same length."""
    size = sum(len(p) + 1 for p in paragraphs) / n
    chunks: list[list[str]] = [[]]
    length = 0
    for p in paragraphs:
        if length >= size * len(chunks) and len(chunks) < n:
            chunks.append([])
        chunks[-1].append(p)
        length += len(p) + 1
    return [" ".join(c) for c in chunks]


def _quoted(paragraphs: list[str]) -> list[str]:
    """Short paragraphs of quotation: the source's sentences that open with a quotation mark
    (each a paragraph of its own), cycled to QUOTED of them."""
    sentences = (t for p in paragraphs for t in _SENTENCE_END.split(p))
    quoted = list(dict.fromkeys(t for t in sentences
                                if t[:1] in "\"“" and len(t) <= QUOTED_MAX_CHARS))
    if not quoted:
        quoted = [f'"{p[:QUOTED_MAX_CHARS]}," he said.' for p in paragraphs]
    return [quoted[k % len(quoted)] for k in range(QUOTED)]


def _write(folder: Path, name: str, title: str, paragraphs: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", "utf-8")


def make_shapes(root: Path) -> dict[str, Path]:
    """Write every shape into its own folder under `root`; the folders by shape name."""
    paragraphs = _paragraphs(_articles())
    chunks = _chunks(_text_of(paragraphs, SHAPE_TEXT), CHUNKS)
    quoted = _quoted(paragraphs)
    shapes = {name: root / name for name in (
        "one paragraph", "100 paragraphs", "100 files", "5 MB paragraph",
        "10,000 quoted paragraphs", "10,000 quoted files")}
    _write(shapes["one paragraph"], "a.txt", "News", [" ".join(chunks)])
    _write(shapes["100 paragraphs"], "a.txt", "News", chunks)
    for k, chunk in enumerate(chunks):
        _write(shapes["100 files"], f"{k:03}.txt", f"News {k}", [chunk])
    _write(shapes["5 MB paragraph"], "a.txt", "News",
           [" ".join(_text_of(paragraphs, BIG_PARAGRAPH))])
    _write(shapes["10,000 quoted paragraphs"], "a.txt", "Quotes", quoted)
    for k, p in enumerate(quoted):  # the headline keeps files unique (no duplicates)
        _write(shapes["10,000 quoted files"], f"{k:05}.txt", f"Quotes {k}", [p])
    return shapes


_CHILD = """
import sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from corpus.build import build_corpus
t = time.perf_counter()
build_corpus([Path(sys.argv[2])])
print(time.perf_counter() - t)
"""


def time_build(folder: Path, timeout: float) -> float | None:
    """Seconds `build_corpus` takes on `folder` in a fresh interpreter (imports and the
    data files' first reading excluded from the time); None past `timeout`."""
    try:
        done = subprocess.run([sys.executable, "-c", _CHILD, str(ROOT), str(folder)],
                              capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    return float(done.stdout.strip().splitlines()[-1])


@dataclass
class Timings:
    runs: list[float]
    over: bool = False  # a run passed the time limit

    def cell(self, timeout: float) -> str:
        return f"> {timeout:.0f} s" if self.over else f"{statistics.median(self.runs):.2f} s"


def run_rounds(shapes: dict[str, Path], rounds: int, timeout: float,
               say: Callable[[str], None]) -> dict[str, Timings]:
    """Every shape once per round, in turn (the order rotates each round)."""
    timings = {name: Timings([]) for name in shapes}
    names = list(shapes)
    for r in range(rounds):
        order = names[r % len(names):] + names[:r % len(names)]
        for name in order:
            if timings[name].over:
                continue
            took = time_build(shapes[name], timeout)
            if took is None:
                timings[name].over = True
            else:
                timings[name].runs.append(took)
            say(f"round {r + 1}: {name}: {'over' if took is None else f'{took:.2f} s'}")
    return timings


_BASES = {"10,000 quoted paragraphs": "10,000 quoted files",
          "10,000 quoted files": "10,000 quoted files"}


def table(shapes: dict[str, Path], timings: dict[str, Timings], timeout: float) -> str:
    lines = [f"{'shape':<26}{'size':>10}{'median':>11}{'ratio':>8}  ratio to",
             "-" * 70]
    for name, folder in shapes.items():
        size = sum(f.stat().st_size for f in folder.iterdir())
        base = _BASES.get(name, "100 files")
        t, b = timings[name], timings[base]
        ratio = "-" if t.over or b.over else \
            f"{statistics.median(t.runs) / statistics.median(b.runs):.2f}x"
        lines.append(f"{name:<26}{size / 1000:>8.0f}KB{t.cell(timeout):>11}{ratio:>8}  {base}")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=3, help="runs per shape (median)")
    ap.add_argument("--timeout", type=float, default=120.0,
                    help="seconds one run may take before the shape counts as '> N s'")
    ap.add_argument("--quiet", action="store_true", help="no line per run")
    args = ap.parse_args()
    # Stopped with SIGTERM, still remove the temporary folder (and the running child).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    with tempfile.TemporaryDirectory(prefix="parley-shapes-") as tmp:
        shapes = make_shapes(Path(tmp))
        say: Callable[[str], None] = (lambda _: None) if args.quiet else \
            (lambda line: print(line, file=sys.stderr, flush=True))
        started = time.perf_counter()
        timings = run_rounds(shapes, args.rounds, args.timeout, say)
        print(f"source: {BBC if BBC.is_dir() else SEED}; rounds: {args.rounds}; "
              f"time limit: {args.timeout:.0f} s; wall {time.perf_counter() - started:.0f} s")
        print(table(shapes, timings, args.timeout))
    return 0


if __name__ == "__main__":
    sys.exit(main())
