"""One corpus: every engine built in its own process (clean memory figures), timed in
interleaved rounds, checked against BM25Okapi, saved and started cold."""
from __future__ import annotations

import gc
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.search import SCRIPT
from benchmarks.search.corpora import make_corpus
from benchmarks.search.engines import BM25S, Parley, RankBM25, Tantivy
from benchmarks.search.measure import (
    cold_start,
    dir_mb,
    interleaved_latency,
    latency_stats,
    peak_mb,
    reset_peak,
    rss_mb,
    time_queries,
)

ENGINES = {c.name: c for c in (Parley, RankBM25, BM25S, Tantivy)}
# The earlier checkout's Parley (`--compare`), run by its own bench_search.py.
BEFORE = "parley-before"


def engine_child(engine: str, spec: str, workdir: Path, args) -> None:
    """One engine on one corpus, in its own process (clean memory figures): build, then
    answer commands on stdin. `round`: time every query once, print the latencies as one
    JSON line. `finish`: save the index into workdir/engine and write the row (rank-bm25 also
    verifies Parley's results; it is timed here, being far too slow for rounds)."""
    label, docs, queries, mixes = make_corpus(spec, args)
    if not (workdir / "queries.json").is_file():
        (workdir / "queries.json").write_text(json.dumps(queries))
        (workdir / "mixes.json").write_text(json.dumps(mixes))
    k = args.k
    n = len(docs)
    cls = ENGINES[engine]
    eng = cls()
    gc.collect()
    before = rss_mb()
    reset_peak()
    t = time.perf_counter()
    eng.build(docs)
    build_s = time.perf_counter() - t
    row = {"corpus": label, "passages": n, "engine": engine, "build_s": build_s,
           "build_peak_mb": peak_mb() - before, "queries": len(queries)}
    print(f"  {engine}: built in {build_s:.1f} s", file=sys.stderr)
    # The token lists are the harness's, not the engine's (a served index does not keep
    # them): drop them, and freeze what is left so the collector does not walk it while a
    # query is timed. Every engine alike.
    del docs
    gc.collect()
    gc.freeze()
    print("READY", flush=True)
    _serve_rounds(eng, queries, k)
    if cls is RankBM25:
        budget = args.okapi_budget
        for q in queries[:10]:  # warm up
            eng.search(q, k)
            if n >= 500_000:
                break
        row["lat_ms"] = time_queries(eng.search, queries, k, budget)
    if cls is Parley:
        (workdir / "parley-results.json").write_text(
            json.dumps([eng.search(q, k) for q in queries]))
    results_file = workdir / "parley-results.json"
    if cls is RankBM25 and results_file.is_file():
        row.update(_verify(eng, queries, json.loads(results_file.read_text()), k,
                           args.okapi_budget))
    if hasattr(eng, "save"):
        folder = workdir / engine
        folder.mkdir()
        eng.save(folder)
        row["index_mb"] = dir_mb(folder)
    eng.free()
    (workdir / f"{engine}-row.json").write_text(json.dumps(row))


def _serve_rounds(eng, queries, k) -> None:
    """Time every query once per `round` line on stdin, until another line comes."""
    for line in sys.stdin:
        if line.strip() != "round":
            break
        lat = []
        for q in queries:
            t = time.perf_counter()
            eng.search(q, k)
            lat.append(time.perf_counter() - t)
        print(json.dumps(lat), flush=True)


def _verify(eng: RankBM25, queries, parley_results, k, budget: float) -> dict:
    """Parley's top k against BM25Okapi.get_scores, for as many queries as `budget` seconds
    allow."""
    checked = same = 0
    worst = 0.0
    t = time.perf_counter()
    for q, got in zip(queries, parley_results, strict=True):
        want = eng.reference(q, k)
        checked += 1
        ok = [d for d, _ in got] == [d for d, _ in want]
        if ok:
            for (_, a), (_, b) in zip(got, want, strict=True):
                worst = max(worst, abs(a - b) / max(abs(b), 1e-300))
            ok = worst <= 1e-9
        same += ok
        if time.perf_counter() - t > budget:
            break
    print(f"  verified Parley top-{k} == BM25Okapi.get_scores on {same}/{checked} queries "
          f"(max relative score difference {worst:.1e})", file=sys.stderr)
    return {"verified": f"{same}/{checked} of {len(queries)}", "max_rel_diff": worst}


def run_corpus(spec: str, args, engines) -> list[dict]:
    workdir = Path(tempfile.mkdtemp(prefix="bench-search-"))
    rows = []
    print(f"\n== {spec}", file=sys.stderr)
    children: dict[str, subprocess.Popen] = {}
    try:
        qfile = workdir / "queries.json"
        # Build one engine at a time (build figures undisturbed); all stay up for the rounds.
        runs = [(cls.name, cls.name, SCRIPT, workdir) for cls in engines]
        if args.compare:
            before_dir = workdir / BEFORE
            before_dir.mkdir()
            runs.append((BEFORE, Parley.name, args.compare / "benchmarks" / "bench_search.py",
                         before_dir))
        for name, engine, script, folder in runs:
            cmd = [sys.executable, str(script), "--child", engine, spec, str(folder),
                   "--queries", str(args.queries), "--k", str(args.k), "--seed", str(args.seed),
                   "--okapi-budget", str(args.okapi_budget), "--bbc", str(args.bbc),
                   "--mix", args.mix]
            proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                    text=True, cwd=script.parent.parent)
            if proc.stdout.readline().strip() != "READY":
                print(f"  {name} failed on {spec}", file=sys.stderr)
                proc.wait()
                continue
            children[name] = proc
        mixes = json.loads((workdir / "mixes.json").read_text())
        timed = [name for name in children if name != RankBM25.name]
        latency = interleaved_latency({n: children[n] for n in timed}, args.rounds)
        # Parley first: it writes the results rank-bm25 checks.
        for name in sorted(children, key=lambda n: n != Parley.name):
            proc = children.pop(name)
            proc.stdin.write("finish\n")
            proc.stdin.close()
            if proc.wait() != 0:
                print(f"  {name} failed on {spec}", file=sys.stderr)
                continue
            if name == BEFORE:
                rows.extend(_before_rows(workdir / BEFORE, latency[name], mixes))
                continue
            row = json.loads((workdir / f"{name}-row.json").read_text())
            folder = workdir / name
            if folder.is_dir():
                row.update(cold_start(name, folder, qfile, args.k))
                shutil.rmtree(folder, ignore_errors=True)
            lat = latency[name] if name in latency else row.pop("lat_ms", [])
            rows.extend(_rows_per_mix(row, lat, mixes))
    finally:
        for proc in children.values():
            proc.kill()
        shutil.rmtree(workdir, ignore_errors=True)
    order = [BEFORE] + [cls.name for cls in engines]
    return sorted(rows, key=lambda r: (r["mix"], order.index(r["engine"])))


def _before_rows(folder: Path, lat_ms, mixes: list[str]) -> list[dict]:
    """The earlier checkout's rows: its build and index figures and its latencies (no cold
    start), and whether its results are this code's."""
    row = json.loads((folder / f"{Parley.name}-row.json").read_text())
    row["engine"] = BEFORE
    after = folder.parent / "parley-results.json"
    if after.is_file():
        same = json.loads((folder / "parley-results.json").read_text()) == \
            json.loads(after.read_text())
        row["verified"] = "results == after" if same else "results differ from after"
    return _rows_per_mix(row, lat_ms, mixes)


def _rows_per_mix(row: dict, lat_ms, mixes: list[str]) -> list[dict]:
    """One row per query mix, its latency figures over that mix's queries (rank-bm25 times
    only the first queries its budget allows)."""
    rows = []
    for mix in dict.fromkeys(mixes):
        picked = [lat for lat, m in zip(lat_ms, mixes, strict=False) if m == mix]
        rows.append({**row, "mix": mix, "queries": mixes.count(mix), **latency_stats(picked)})
    return rows
