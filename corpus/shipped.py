"""Where the shipped articles live: the seed article, byte for byte, is the default corpus."""
from __future__ import annotations

from pathlib import Path

SHIPPED_CORPUS = Path(__file__).resolve().parent / "articles"
