#!/usr/bin/env python3
"""Which queries make Parley's slow tail, and which path they take.

    .venv/bin/python -m benchmarks.search.tail --size 1m --cache /tmp/tail-1m

Builds (or loads, with `--cache`) Parley's index of the benchmark's synthetic corpus, draws
both query mixes exactly as `bench_search.py` does, times every query `--rounds` times
(median), and prints the slowest `--share` of each mix with its terms' document frequencies,
its postings and the path `InvertedIndex.top` took. Not part of the test suite.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from benchmarks.search.corpora import parse_size, passage_queries, synthetic_corpus  # noqa: E402
from retrieval import inverted, maxscore  # noqa: E402
from retrieval.bm25_index import BM25Index  # noqa: E402

SEED = 20240229


def load_or_build(size: int, n_queries: int, cache: Path | None
                  ) -> tuple[BM25Index, dict[str, list[list[str]]]]:
    """The index and both mixes' queries, from `cache` when it holds them."""
    from retrieval.store.index_files import load_index, save_index
    if cache is not None and (cache / "part.json").is_file():
        index = load_index(cache, json.loads((cache / "part.json").read_text()))
        mixes = json.loads((cache / "queries.json").read_text())
        return index, mixes
    docs, project = synthetic_corpus(size, n_queries, SEED)
    mixes = {"project": project, "passages": passage_queries(docs, n_queries, SEED)}
    index = BM25Index(docs, 1.5, 0.75, 0.25)
    del docs
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        (cache / "part.json").write_text(json.dumps(save_index(index, cache)))
        (cache / "queries.json").write_text(json.dumps(mixes))
    return index, mixes


def path_of(inv: inverted.InvertedIndex, q: list[str]) -> tuple[str, int]:
    """The path `top` takes for query q without `allowed`, and its postings."""
    qids = inv.query_ids(q)
    total = sum(inv.term(t)[3] for t in qids)
    if inverted.USE_COMPILED and (total <= inverted.COMPILED_POSTINGS
                                  or total > inverted.DENSE_POSTINGS * inv.size):
        return ("compiled" if total <= inverted.COMPILED_POSTINGS else "dense"), total
    if not all(inv.term(t)[5] for t in dict.fromkeys(qids)):
        return "exhaustive", total
    gave_up = []
    real = maxscore.top_pruned

    def spy(*a, **kw):  # type: ignore[no-untyped-def]
        r = real(*a, **kw)
        gave_up.append(r is None)
        return r
    maxscore.top_pruned = spy
    try:
        inv.top(qids, 5)
    finally:
        maxscore.top_pruned = real
    return ("maxscore->full" if gave_up and gave_up[0] else "maxscore"), total


def timed(index: BM25Index, queries: list[list[str]], rounds: int, k: int) -> np.ndarray:
    """ms per query, median over rounds (one untimed round first)."""
    runs = []
    for r in range(rounds + 1):
        lat = []
        for q in queries:
            t = time.perf_counter()
            index.top(q, k)
            lat.append(time.perf_counter() - t)
        if r:
            runs.append(lat)
    return np.median(np.array(runs), axis=0) * 1000


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", default="1m")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--share", type=float, default=0.05, help="slowest share shown per mix")
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--cache", type=Path, help="save the index here once, load it later")
    args = ap.parse_args(argv)
    index, mixes = load_or_build(parse_size(args.size), args.queries, args.cache)
    inv = index.inverted
    n = inv.size
    for mix, queries in mixes.items():
        lat = timed(index, queries, args.rounds, args.k)
        p = np.percentile(lat, [50, 95, 99])
        print(f"\n{mix}: p50 {p[0]:.3f} p95 {p[1]:.3f} p99 {p[2]:.3f} ms")
        paths: dict[str, list[float]] = {}
        for q, ms in zip(queries, lat, strict=True):
            paths.setdefault(path_of(inv, q)[0], []).append(float(ms))
        for name, ms_list in sorted(paths.items()):
            print(f"  {name:15s} {len(ms_list):4d} queries, median {np.median(ms_list):.3f} "
                  f"max {max(ms_list):.3f} ms")
        show = max(1, int(round(len(queries) * args.share)))
        for i in np.argsort(-lat)[:show].tolist():
            q = queries[i]
            dfs = [int(inv.df[inv.term_ids[t]]) if t in inv.term_ids else 0 for t in q]
            name, total = path_of(inv, q)
            print(f"  {lat[i]:8.3f} ms {name:15s} postings {total:>9,} "
                  f"({total / n:.2f}/passage) df% {[round(100 * d / n, 1) for d in dfs]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
