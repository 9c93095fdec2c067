"""Folding names and text for comparison: transliterated, lower-cased, single-spaced, so
"Çavuşoğlu" = "Cavusoglu" and "Zelenskyy’s" = "zelenskyy's"."""
from __future__ import annotations

from functools import lru_cache

from anyascii import anyascii


def fold(text: str) -> str:
    return " ".join(anyascii(text).lower().replace("’", "'").split())


@lru_cache(maxsize=1 << 16)
def fold_name(name: str) -> str:
    """`fold` for names and name words: short, and folded again and again while an article's
    people are matched (millions of calls over a large corpus), so cached."""
    return fold(name)
