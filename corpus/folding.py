"""Folding names and text for comparison: transliterated, lower-cased, single-spaced, so
"Çavuşoğlu" = "Cavusoglu" and "Zelenskyy’s" = "zelenskyy's"."""
from __future__ import annotations

from anyascii import anyascii


def fold(text: str) -> str:
    return " ".join(anyascii(text).lower().replace("’", "'").split())
