"""The build side by side: this checkout against an earlier one, per stage and as a whole.

    .venv/bin/python benchmarks/bench_build.py stages  --base /tmp/base --corpus /tmp/bbc
    .venv/bin/python benchmarks/bench_build.py profile --base /tmp/base --corpus /tmp/bbc
    .venv/bin/python benchmarks/bench_build.py index   --base /tmp/base --corpus /tmp/bbc --jobs 1,2

`--base` is another checkout of Parley (`git worktree add` or `git archive` of the earlier
commit; its C modules copied in or built). Each measurement runs in a fresh process with
that checkout first on `PYTHONPATH`, the checkouts taking turns round by round, so both meet
the same load; the figures are medians over the rounds and the ratio is base / this.

- stages: CPU time per article of splitting sentences, reading the mentions (the people
  table) and attributing (`ArticleAttributor.run`), and, in another process, of the whole
  `attribute_article` (the function the build's workers run); every article of the corpus
  once per process, so what is remembered across articles is measured as a build meets it.
- profile: cProfile's cumulative time per article for the same functions, over `--sample`
  articles spread through the corpus.
- index: `parley index --force --jobs N` as a process, wall and CPU time (all its processes),
  each checkout with its own cache folder (never the corpus folder).
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

ROOT = Path(__file__).resolve().parent.parent

_STAGES = r"""
import json, sys, time
from pathlib import Path
from corpus.attribution import ArticleAttributor
from corpus.build import attribute_article
from corpus.loader import read_articles
from corpus.sentences import split_sentences
raws, _ = read_articles([Path(sys.argv[1])])
clock = time.process_time
n = len(raws)
if sys.argv[2] == "whole":  # the function the build's workers run, each article once
    t0 = clock()
    for r in raws:
        attribute_article(r)
    print(json.dumps({"attribute_article": 1e3 * (clock() - t0) / n}))
    sys.exit(0)
split = mentions = run = 0.0
for r in raws:
    texts = [r.title, *r.paragraphs]
    t0 = clock(); spans = [split_sentences(t) for t in texts]; t1 = clock()
    a = ArticleAttributor(texts, spans, list(r.aliases)); t2 = clock()
    a.run(); t3 = clock()
    split += t1 - t0; mentions += t2 - t1; run += t3 - t2
print(json.dumps({"split sentences": 1e3 * split / n, "people table (mentions)":
                  1e3 * mentions / n, "attribution (run)": 1e3 * run / n}))
"""

_PROFILE = r"""
import cProfile, json, pstats, sys, time
from pathlib import Path
from corpus.build import attribute_article
from corpus.loader import read_articles
raws, _ = read_articles([Path(sys.argv[1])])
n = int(sys.argv[2])
step = max(1, len(raws) // n)
attribute_article(raws[1])  # imports and data files read before profiling (1 is never sampled)
raws = raws[::step][:n]
profile = cProfile.Profile(time.process_time)  # CPU time: the machine may be shared
profile.enable()
for r in raws:
    attribute_article(r)
profile.disable()
wanted = {"split_sentences": "sentences.py", "__init__": "article.py", "run": "article.py",
          "attribute_article": "build.py", "add_mentions": "people.py",
          "find_acts": "acts.py", "note_subject": "focus.py"}
out = {}
for (path, _line, name), (_cc, _nc, _tt, cum, _callers) in pstats.Stats(profile).stats.items():
    if wanted.get(name) and path.endswith(wanted[name]):
        out[name] = 1e3 * cum / len(raws)
print(json.dumps(out))
"""


def _child(checkout: Path, script: str, *args: str) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(checkout))
    done = subprocess.run([sys.executable, "-c", script, *args], cwd=checkout, env=env,
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _index(checkout: Path, corpus: Path, jobs: int, cache: Path) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(checkout), XDG_CACHE_HOME=str(cache))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bot", "index", "--force", "--jobs", str(jobs),
                    "--corpus", str(corpus), "--quiet"], cwd=checkout, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall s": wall, "cpu s": cpu}


def _table(runs: dict[str, list[dict[str, float]]]) -> None:
    names = list(runs)
    keys = [k for k in runs[names[0]][0] if k != "articles"]
    print(f"{'':32}" + "".join(f"{n:>12}" for n in names) + f"{'ratio':>9}")
    for key in keys:
        medians = [statistics.median(r[key] for r in runs[n]) for n in names]
        ratio = medians[0] / medians[1] if len(medians) == 2 and medians[1] else float("nan")
        print(f"{key:32}" + "".join(f"{m:12.3f}" for m in medians) + f"{ratio:8.2f}x")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("mode", choices=["stages", "profile", "index"])
    ap.add_argument("--base", type=Path, required=True, help="a checkout of the earlier code")
    ap.add_argument("--corpus", type=Path, required=True, help="a folder of articles")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--sample", type=int, default=300, help="articles profiled (profile)")
    ap.add_argument("--jobs", default="1,2", help="worker counts to time (index)")
    args = ap.parse_args()
    checkouts = {"base": args.base.resolve(), "this": ROOT}
    with tempfile.TemporaryDirectory() as tmp:
        for jobs in ([int(j) for j in args.jobs.split(",")] if args.mode == "index" else [0]):
            runs: dict[str, list[dict[str, float]]] = {name: [] for name in checkouts}
            for _ in range(args.rounds):
                for name, checkout in checkouts.items():
                    if args.mode == "stages":
                        found = _child(checkout, _STAGES, str(args.corpus), "stages")
                        found.update(_child(checkout, _STAGES, str(args.corpus), "whole"))
                        runs[name].append(found)
                    elif args.mode == "profile":
                        runs[name].append(_child(checkout, _PROFILE, str(args.corpus),
                                                 str(args.sample)))
                    else:
                        runs[name].append(_index(checkout, args.corpus, jobs,
                                                 Path(tmp) / name))
            unit = f"jobs={jobs}" if args.mode == "index" else "ms per article"
            print(f"{args.mode} ({unit}), medians of {args.rounds}, corpus {args.corpus}")
            _table(runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
