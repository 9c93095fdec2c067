"""A closed compound the articles never write may be written as its last part: a question
about the "floodlights" meets a player who "lost it in the lights". Only the search widens by
that part; what a statement must hold for a claim is the question's own word (`evidence`).
"""
from __future__ import annotations

from collections.abc import Callable

HEAD_MIN = 5  # the last part: shorter ones ("coin" of "bitcoin", "exit") are too loose
LEAD_MIN = 3  # what comes before it ("flood" of "floodlight")


def known_head(term: str, known: Callable[[str], bool]) -> str | None:
    """The longest last part of an unknown term that is a known term, if any."""
    if known(term) or not term.isalpha():
        return None
    for cut in range(LEAD_MIN, len(term) - HEAD_MIN + 1):
        if known(term[cut:]):
            return term[cut:]
    return None
