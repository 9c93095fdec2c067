"""The benchmark's Markdown tables and machine line."""
from __future__ import annotations

import contextlib
import os
import platform
from pathlib import Path

import numpy as np


def fmt(v, spec=".1f", none="–"):
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return none
    return format(v, spec)


def _ms_spec(ms: float) -> str:
    """Three significant figures or so: 0.0128, 0.731, 4.26, 87.0, 822."""
    return ".4f" if ms < 0.1 else ".3f" if ms < 1 else ".2f" if ms < 10 else \
        ".1f" if ms < 100 else ".0f"


def table(rows: list[dict]) -> str:
    head = ("| corpus | engine | build s | index MB | build peak MB | cold start s | "
            "RSS answering MB | p50 ms | p95 ms | queries/s | p50 vs Parley | checked vs "
            "BM25Okapi |")
    lines = [head, "|" + "---|" * head.count("|")[:-1] if False else
             "|" + "|".join(["---"] * (head.count("|") - 1)) + "|"]
    by_corpus: dict[str, dict] = {}
    for r in rows:
        if r["engine"] == "parley":
            by_corpus[r["corpus"]] = r
    for r in rows:
        base = by_corpus.get(r["corpus"])
        ratio = (r["p50_ms"] / base["p50_ms"]) if base else None
        p50 = fmt(r["p50_ms"], _ms_spec(r["p50_ms"]))
        if r.get("queries_timed") and r["queries_timed"] < r.get("queries", 0):
            p50 += f" ({r['queries_timed']} q)"
        lines.append("| " + " | ".join([
            f"{r['corpus']} ({r['passages']:,})", r["engine"], fmt(r["build_s"]),
            fmt(r.get("index_mb")), fmt(r["build_peak_mb"], ".0f"), fmt(r.get("cold_s"), ".2f"),
            fmt(r.get("rss_answering_mb"), ".0f"), p50,
            fmt(r["p95_ms"], _ms_spec(r["p95_ms"])), fmt(r["qps"], ".0f"),
            "1.0" if r["engine"] == "parley" else (f"{ratio:.2f}x" if ratio else "–"),
            r.get("verified", "–")]) + " |")
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    with contextlib.suppress(OSError, ValueError, IndexError):
        mem = f", {int(Path('/proc/meminfo').read_text().split()[1]) / 1024 / 1024:.0f} GB RAM"
    return (f"nproc {os.cpu_count()}, {cpu}{mem}, Python {platform.python_version()}, "
            f"numpy {np.__version__}, {platform.system()} {platform.release()}")
