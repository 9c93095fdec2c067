"""The parts of `benchmarks/bench_search.py`: corpora, engines, measuring, the runs of each
engine in its own process, the real-shaped cold start, and the tables.

May import: the standard library, numpy, Parley's packages, and the engines compared
(rank-bm25, bm25s, tantivy) where installed. Not part of the test suite.
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The script every child process runs (`--child`, `--cold`, `--real-child`).
SCRIPT = ROOT / "benchmarks" / "bench_search.py"


