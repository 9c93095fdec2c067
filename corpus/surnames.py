"""Spelling variants of one surname (Zelenskyy, Zelenskiy), and the surnames met so far that
are variants of one asked about.

Why the memory: a long article asks about the same surnames again and again while the set of
surnames met keeps growing; comparing each pair once keeps the cost in proportion to the
text instead of to the square of the people in it.
"""
from __future__ import annotations

from rapidfuzz import fuzz

SURNAME_SIMILARITY = 88  # rapidfuzz ratio for spelling variants: Zelenskyy ~ Zelenskiy
# Shorter surnames must match exactly: Brown and Browne are two people.
MIN_FUZZY_SURNAME = 7


def close_spelling(a: str, b: str) -> bool:
    """Spelling variants of one surname: long, same initial, close."""
    return (min(len(a), len(b)) >= MIN_FUZZY_SURNAME and a[:1] == b[:1]
            and fuzz.ratio(a, b) >= SURNAME_SIMILARITY)


class CloseSurnames:
    """The surnames met, by initial; for each surname asked about, the other surnames met
    that are spelling variants of it."""

    def __init__(self) -> None:
        self._known: set[str] = set()
        self._by_initial: dict[str, list[str]] = {}
        self._asked: dict[str, tuple[int, list[str]]] = {}  # compared so far, variants

    def add(self, surname: str) -> None:
        if len(surname) >= MIN_FUZZY_SURNAME and surname not in self._known:
            self._known.add(surname)
            self._by_initial.setdefault(surname[:1], []).append(surname)

    def variants(self, surname: str) -> list[str]:
        """The surnames met, other than `surname`, that `close_spelling` joins to it."""
        if len(surname) < MIN_FUZZY_SURNAME:
            return []
        met = self._by_initial.get(surname[:1], [])
        compared, found = self._asked.get(surname, (0, []))
        found.extend(s for s in met[compared:] if s != surname and close_spelling(surname, s))
        self._asked[surname] = (len(met), found)
        return found
