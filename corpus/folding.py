"""Folding names and text for comparison: transliterated, lower-cased, single-spaced, so
"Çavuşoğlu" = "Cavusoglu" and "Zelenskyy’s" = "zelenskyy's"."""
from __future__ import annotations

from functools import lru_cache

from anyascii import anyascii

# Texts up to this long (names, roles, places: folded again and again while articles are
# attributed) are remembered; a longer text is folded each time, never kept.
_REMEMBERED = 80


def fold(text: str) -> str:
    return _fold_short(text) if len(text) <= _REMEMBERED else _fold(text)


def _fold(text: str) -> str:
    return " ".join(anyascii(text).lower().replace("’", "'").split())


_fold_short = lru_cache(maxsize=1 << 14)(_fold)


@lru_cache(maxsize=1 << 16)
def fold_name(name: str) -> str:
    """`fold` for names and name words: short, and folded again and again while an article's
    people are matched (millions of calls over a large corpus), so cached."""
    return fold(name)
