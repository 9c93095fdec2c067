"""The plain values the core takes from a front end: BM25Okapi's parameters, where a saved
index may live, and how many results an answer shows. The front ends read `config.toml`
and pass these; nothing in the core reads a config file."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_TOP_K = 3
MAX_TOP_K = 50  # the most results any answer shows; a larger request is cut to this


@dataclass(frozen=True)
class BM25Params:
    """rank-bm25's BM25Okapi parameters: term-frequency saturation, length normalisation, and
    the floor for the IDF of very common terms (a fraction of the average IDF)."""

    k1: float = 1.5
    b: float = 0.75
    epsilon: float = 0.25


@dataclass(frozen=True)
class IndexOptions:
    """What a saved index depends on besides the files (the BM25 parameters) and where it is
    kept (`cache_dir`; None: the user cache folder)."""

    bm25: BM25Params = field(default_factory=BM25Params)
    cache_dir: Path | None = None


def clamp_top_k(value: int | None, default: int = DEFAULT_TOP_K) -> int:
    """A result count within 1..MAX_TOP_K; None or 0 takes `default`."""
    return max(1, min(int(value or default), MAX_TOP_K))
