"""Memory (Linux /proc), latency and cold-start measurements."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from benchmarks.search import SCRIPT
from benchmarks.search.engines import BM25S, Parley, Tantivy


def _status(field: str) -> float:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024  # MB
    except OSError:
        pass
    return float("nan")


def rss_mb() -> float:
    return _status("VmRSS")


def peak_mb() -> float:
    return _status("VmHWM")


def reset_peak() -> None:
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def dir_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file()) / 1e6


def latency_stats(lat_ms) -> dict:
    """p50/p95/p99 and throughput over per-query latencies in milliseconds."""
    lat = np.asarray(lat_ms, dtype=float)
    if not len(lat):
        return {}
    return {"p50_ms": float(np.percentile(lat, 50)), "p95_ms": float(np.percentile(lat, 95)),
            "p99_ms": float(np.percentile(lat, 99)),
            "qps": float(len(lat) / (lat.sum() / 1000)), "queries_timed": int(len(lat))}


def time_queries(search, queries, k, budget: float | None = None) -> list[float]:
    """Each query's latency in ms, one pass, until `budget` seconds are used up."""
    lat = []
    start = time.perf_counter()
    for q in queries:
        t = time.perf_counter()
        search(q, k)
        lat.append((time.perf_counter() - t) * 1000)
        if budget is not None and time.perf_counter() - start > budget:
            break
    return lat


def interleaved_latency(children: dict[str, subprocess.Popen], rounds: int
                        ) -> dict[str, np.ndarray]:
    """Every query timed `rounds` times per engine, the engines taking turns round by round
    (each round starting with the next engine): a load spike on a shared machine then hits
    every engine alike instead of whichever ran at that moment. A query's latency (ms) is its
    median over the rounds. One discarded round warms up first."""
    names = list(children)
    per: dict[str, list[list[float]]] = {name: [] for name in names}
    for r in range(rounds + 1):
        for name in names[r % len(names):] + names[:r % len(names)]:
            proc = children[name]
            proc.stdin.write("round\n")
            proc.stdin.flush()
            lat = json.loads(proc.stdout.readline())
            if r:
                per[name].append(lat)
    return {name: np.median(np.array(runs), axis=0) * 1000 for name, runs in per.items()}


def cold_start(engine: str, folder: Path, qfile: Path, k: int) -> dict:
    """Spawn a fresh interpreter: load the saved index, answer the first query (timed from
    outside), then every query; report its RSS."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(SCRIPT), "--cold", engine, str(folder), str(qfile),
                             str(k)], stdout=subprocess.PIPE, text=True)
    first = proc.stdout.readline()
    elapsed = time.perf_counter() - t0
    rest = proc.stdout.read()
    proc.wait()
    if not first.startswith("FIRST"):
        return {"cold_s": float("nan")}
    info = json.loads(rest.strip().splitlines()[-1])
    return {"cold_s": elapsed, **info}


def cold_child(engine: str, folder: str, qfile: str, k: int) -> None:
    queries = json.loads(Path(qfile).read_text())
    cls = {c.name: c for c in (Parley, BM25S, Tantivy)}[engine]
    search = cls.cold_load(Path(folder))
    search(queries[0], k)
    print("FIRST", flush=True)
    for q in queries:
        search(q, k)
    print(json.dumps({"rss_answering_mb": rss_mb(), "peak_answering_mb": peak_mb()}),
          flush=True)
