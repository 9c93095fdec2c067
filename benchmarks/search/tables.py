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
    head = ("| corpus | queries | engine | build s | index MB | build peak MB | cold start s | "
            "RSS answering MB | p50 ms | p95 ms | p99 ms | queries/s | p50 vs Parley | "
            "p99 vs Parley | checked vs BM25Okapi |")
    lines = [head, "|" + "|".join(["---"] * (head.count("|") - 1)) + "|"]
    base = {(r["corpus"], r["mix"]): r for r in rows if r["engine"] == "parley"}
    for r in rows:
        ref = base.get((r["corpus"], r["mix"]))
        p50 = _ms(r.get("p50_ms"))
        if r.get("queries_timed") and r["queries_timed"] < r.get("queries", 0):
            p50 += f" ({r['queries_timed']} q)"
        lines.append("| " + " | ".join([
            f"{r['corpus']} ({r['passages']:,})", r["mix"], r["engine"], fmt(r["build_s"]),
            fmt(r.get("index_mb")), fmt(r["build_peak_mb"], ".0f"), fmt(r.get("cold_s"), ".2f"),
            fmt(r.get("rss_answering_mb"), ".0f"), p50, _ms(r.get("p95_ms")),
            _ms(r.get("p99_ms")), fmt(r.get("qps"), ".0f"),
            _ratio(r, ref, "p50_ms"), _ratio(r, ref, "p99_ms"),
            r.get("verified", "–")]) + " |")
    return "\n".join(lines)


def _ms(ms: float | None) -> str:
    return "–" if ms is None else fmt(ms, _ms_spec(ms))


def _ratio(row: dict, ref: dict | None, key: str) -> str:
    """This engine's figure over Parley's: above 1.0 means Parley is faster."""
    if row["engine"] == "parley":
        return "1.0"
    if not ref or row.get(key) is None or not ref.get(key):
        return "–"
    return f"{row[key] / ref[key]:.2f}x"


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
