#!/usr/bin/env python3
"""Search benchmark: Parley's BM25 index vs rank-bm25, bm25s and tantivy (when installed).

    .venv/bin/python benchmarks/bench_search.py                    # bbc + 10k, 100k, 1m
    .venv/bin/python benchmarks/bench_search.py --sizes 10k,100k   # a few minutes

Corpora: the BBC news set (paragraphs split on blank lines, headline first; queries are other
articles' headlines) and synthetic passages from a fixed seed (Zipf vocabulary, log-normal
lengths). Two query mixes, each on its own rows: the project's (BBC: other articles' headlines;
synthetic: 2-5 terms mixing very common, mid-frequency and rare ranks) and an independent one
(2-7 distinct terms drawn from a passage picked at random, so near-universal words come up as
often as the text has them). Every engine gets the same token lists (Parley's tokenizer for
BBC) and the same queries.

Reported per corpus and engine: build time, index size on disk, build peak memory (RSS high
water mark above the pre-build RSS), cold start (a fresh process: start -> saved index loaded
-> first answer, timed from outside), RSS of that process after answering every query, warm
single-query latency p50/p95 (top-k, one thread; the engines take turns in rounds over the
same queries, see `interleaved_latency`) and throughput, and ratios against Parley.
Parley's top-k documents and scores are checked against BM25Okapi.get_scores + stable argsort
for every query BM25Okapi is run on (all of them, except at sizes where `--okapi-budget`
seconds of get_scores run out: then the first ones, and the table says how many).

Not part of the test suite. Linux only for memory figures (/proc).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.search.corpora import parse_size  # noqa: E402
from benchmarks.search.engines import available_engines  # noqa: E402
from benchmarks.search.measure import cold_child  # noqa: E402
from benchmarks.search.real_start import real_child, real_cold_start, real_table  # noqa: E402
from benchmarks.search.runs import engine_child, run_corpus  # noqa: E402
from benchmarks.search.tables import machine, table  # noqa: E402

BBC_DIR = Path("/work/shared/data/bbc")
SEED = 20240229


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10k,100k,1m",
                    help="synthetic corpus sizes, comma separated (default 10k,100k,1m)")
    ap.add_argument("--no-bbc", action="store_true", help="skip the BBC corpus")
    ap.add_argument("--bbc", type=Path, default=BBC_DIR, help="BBC data folder")
    ap.add_argument("--queries", type=int, default=200, help="queries per corpus")
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--mix", choices=("project", "passages", "both"), default="both",
                    help="query mixes: the project's own (headlines; common/mid/rare ranks), "
                         "terms drawn from passages (near-universal words included), or both "
                         "(default), each reported on its own rows")
    ap.add_argument("--engines", default="parley,rank-bm25,bm25s,tantivy")
    ap.add_argument("--rounds", type=int, default=5,
                    help="timed passes over the queries per engine, engines taking turns")
    ap.add_argument("--okapi-budget", type=float, default=60.0,
                    help="seconds of BM25Okapi.get_scores per corpus for timing and again for "
                         "verification (1M passages: ~1.2 s a query)")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--json", type=Path, help="also write the raw results here")
    ap.add_argument("--real-sizes", default="100k,1m",
                    help="real-shaped corpora (the BBC set replicated) for the cold start to "
                         "first answer of `parley ask`; empty to skip")
    ap.add_argument("--real-repeats", type=int, default=3)
    ap.add_argument("--real-dir", type=Path,
                    help="build the real-shaped corpora here once and reuse them later")
    ap.add_argument("--real-compare", type=Path,
                    help="an earlier checkout whose starts are timed taking turns with this one")
    ap.add_argument("--compare", type=Path,
                    help="an earlier checkout whose Parley (its own code, this interpreter) "
                         "is timed as `parley-before`, taking turns with the engines")
    ap.add_argument("--real-only", action="store_true",
                    help="only the real-shaped cold starts")
    ap.add_argument("--cold", nargs=4, help=argparse.SUPPRESS)
    ap.add_argument("--real-child", nargs=2, help=argparse.SUPPRESS)
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.cold:
        cold_child(args.cold[0], args.cold[1], args.cold[2], int(args.cold[3]))
        return 0
    if args.child:
        engine_child(args.child[0], args.child[1], Path(args.child[2]), args)
        return 0
    if args.real_child:
        real_child(*args.real_child)
        return 0
    engines = available_engines([e.strip() for e in args.engines.split(",")])
    started = time.perf_counter()
    rows: list[dict] = []
    specs = [] if args.no_bbc or not args.bbc.is_dir() else ["bbc"]
    specs += [f"synthetic:{parse_size(s)}" for s in args.sizes.split(",") if s.strip()]
    if args.real_only:
        specs = []
    for spec in specs:
        rows.extend(run_corpus(spec, args, engines))
    real = real_cold_start(args)
    print(f"\n{machine()}; top-{args.k}, {args.queries} queries per corpus, single thread; "
          f"total {time.perf_counter() - started:.0f} s\n")
    if rows:
        print(table(rows))
    if real:
        print("\nCold start of `parley ask` from the saved cache, real-shaped corpora:\n")
        print(real_table(real))
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), "rows": rows, "real": real},
                                        indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
