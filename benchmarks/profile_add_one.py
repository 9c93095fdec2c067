"""Where an add-one start goes: the start in process (`bot.cli.main([... "ask", QUESTION])`)
after adding one new article to an indexed folder, each build stage wrapped and its CPU time
summed, for one or more checkouts side by side (issue 16, part 1).

    .venv/bin/python benchmarks/profile_add_one.py --checkout base=/tmp/base \\
        --checkout this=. [--rounds 5] [--source ../shared/data/bbc] [--python PY]

Each checkout gets its own copy of the source folder and its own cache folder (a config file
of its own naming it), indexed once first (not timed); then each round adds one new article
(a politics article of the source under a headline of its own, the same for every checkout)
to every copy and runs one start per checkout, in a process of its own
(`PYTHONPATH=<checkout>`), the order alternating from round to round. The table gives each
stage's median CPU seconds (inclusive: a stage holds those called inside it), and the whole
start's (`getrusage` of the process, from before `bot.cli` is imported). A stage a checkout
does not have is left blank. Byte-compile the checkouts first (`python -m compileall -q bot
corpus retrieval` in each): a start otherwise compiles them every time when
PYTHONDONTWRITEBYTECODE is set.
"""
from __future__ import annotations

import argparse
import functools
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "data" / "bbc"
QUESTION = "What did Blair say?"

# (module, attribute, label): what is wrapped, where the build finds it; a dotted attribute
# is a method of a class of that module. Two with one label: whichever the checkout has.
STAGES = (
    ("retrieval.store.cache", "read_snapshot", "reading the files (read_snapshot)"),
    ("corpus.build", "read_articles", "parsing the files (read_articles)"),
    ("corpus.build", "read_known_articles", "parsing the files (read_articles)"),
    ("retrieval.store.article_cache", "ArticleCache.held", "reading back the cached rows (held)"),
    ("corpus.build", "attribute_article", "attributing the new article"),
    ("corpus.build", "_Held.corpus", "the merge (_Held.corpus)"),
    ("retrieval.store.cache", "build_index", "the BM25 arrays (build_index)"),
    ("retrieval.store.article_cache", "ArticleCache.commit", "the article cache's commit"),
    ("retrieval.store.cache", "save_entry", "the records and index save (save_entry)"),
    ("retrieval.store.records_stream", "digest_rows", "... of which the speaker digest"),
    ("retrieval.store.cache", "_serve_saved", "loading the entry just saved (_serve_saved)"),
)
WHOLE = "whole start, in process (getrusage)"


def _wrap(times: dict[str, float], module: str, attribute: str, label: str) -> None:
    import importlib

    try:
        owner: Any = importlib.import_module(module)
    except ImportError:
        return
    *path, name = attribute.split(".")
    for part in path:
        owner = getattr(owner, part, None)
        if owner is None:
            return
    f = getattr(owner, name, None)
    if f is None:
        return

    @functools.wraps(f)
    def timed(*args: Any, **kwargs: Any) -> Any:
        t = time.process_time()
        try:
            return f(*args, **kwargs)
        finally:
            times[label] = times.get(label, 0.0) + time.process_time() - t
    setattr(owner, name, timed)


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def one_start(corpus: Path, config: Path, question: str) -> dict[str, float]:
    """The stages of one start in this process (the article already added)."""
    import contextlib
    import io

    c0 = _cpu()
    import bot.cli

    times: dict[str, float] = {}
    for module, attribute, label in STAGES:
        _wrap(times, module, attribute, label)
    with contextlib.redirect_stdout(io.StringIO()):
        bot.cli.main(["--corpus", str(corpus), "--config", str(config), "--quiet", "ask",
                      question])
    times[WHOLE] = _cpu() - c0
    return times


def add_article(corpus: Path, source: Path, n: int) -> None:
    """A new file: a politics article of the source under a headline of its own."""
    politics = sorted((source / "politics").glob("*.txt"))
    src = politics[(n * 7) % len(politics)]
    title, _, body = src.read_text("utf-8", errors="replace").partition("\n")
    folder = corpus / "added"
    folder.mkdir(exist_ok=True)
    (folder / f"new-{n:03d}.txt").write_text(f"Added {n}: {title}\n{body}", encoding="utf-8")


def _config(path: Path, cache: Path) -> None:
    path.write_text(f'[corpus]\ncache_dir = "{cache}"\n', encoding="utf-8")


def _child(python: str, folder: Path, args: list[str]) -> str:
    env = dict(os.environ, PYTHONPATH=str(folder), NO_COLOR="1")
    done = subprocess.run([python, *args], env=env, capture_output=True, text=True,
                          check=False, cwd=folder)
    if done.returncode != 0:
        raise SystemExit(f"{folder}: {' '.join(args[:3])} failed:\n{done.stderr.strip()}")
    return done.stdout


def _table(results: dict[str, list[dict[str, float]]]) -> str:
    names = list(results)
    lines = [f"stage (CPU, median of {len(next(iter(results.values())))}) | "
             + " | ".join(names), "---|" + "---|" * len(names)]
    for label in (WHOLE, *dict.fromkeys(s[2] for s in STAGES)):
        cells = []
        for name in names:
            got = [r[label] for r in results[name] if label in r]
            cells.append(f"{statistics.median(got):.3f} s" if got else "")
        lines.append(f"{label} | " + " | ".join(cells))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--checkout", action="append", metavar="NAME=FOLDER")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--source", type=Path, default=SOURCE)
    ap.add_argument("--question", default=QUESTION)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--one", nargs=2, metavar=("CORPUS", "CONFIG"), type=Path,
                    help=argparse.SUPPRESS)  # a child: one start, its stages as JSON
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(one_start(args.one[0], args.one[1], args.question)))
        return 0
    if not args.checkout:
        ap.error("give --checkout NAME=FOLDER (one or more)")
    work = Path(tempfile.mkdtemp(prefix="profile-add-one-"))
    me = str(Path(__file__).resolve())
    try:
        checkouts: list[tuple[str, Path, Path, Path]] = []
        for spec in args.checkout:
            name, _, folder = spec.partition("=")
            corpus, config = work / f"corpus-{name}", work / f"{name}.toml"
            shutil.copytree(args.source, corpus)
            _config(config, work / f"cache-{name}")
            checkouts.append((name, Path(folder).resolve(), corpus, config))
        for _, folder, corpus, config in checkouts:  # indexed once, not timed
            _child(args.python, folder, ["-m", "bot", "--corpus", str(corpus), "--config",
                                         str(config), "--quiet", "index"])
        results: dict[str, list[dict[str, float]]] = {c[0]: [] for c in checkouts}
        for r in range(args.rounds):
            for _, _, corpus, _ in checkouts:
                add_article(corpus, args.source, r)
            order: Callable[[list[Any]], list[Any]] = (lambda x: x) if r % 2 == 0 else \
                (lambda x: x[::-1])
            for name, folder, corpus, config in order(checkouts):
                out = _child(args.python, folder, [me, "--question", args.question,
                                                   "--one", str(corpus), str(config)])
                results[name].append(json.loads(out.strip().splitlines()[-1]))
            print(f"round {r + 1}/{args.rounds} done, load average "
                  f"{os.getloadavg()[0]:.1f}", file=sys.stderr)
        print(_table(results))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
