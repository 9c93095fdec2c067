"""How close together a sentence holds a quote's words: a sentence that has "Chelsea" at its
start, "league" mid-way and "win" at its end ("Chelsea is the team which has conceded fewest
goals in the English league and they defend very well so I am very pleased with the win")
does not say "Chelsea would win the league" in other words, though it holds every one of
them. A quote check's `reported` verdict (and "someone else said it") needs Y's words within
a stretch of the sentence not much longer than Y's own."""
from __future__ import annotations

from collections.abc import Callable, Sequence


def compact_enough(span: int, held: int) -> bool:
    """Whether `held` distinct words of a quote found within `span` consecutive content words
    are near enough to be one thing said: up to one more than twice as many words as they
    are, or four more (a short quote paraphrased with a description between its words:
    "would now focus on areas claimed by separatists in the eastern Donbas region" says
    "would now focus on the Donbas")."""
    return span <= max(2 * held + 1, held + 4)


def shortest_span(surface: Sequence[str], wanted: Sequence[str],
                  matches: Callable[[str, int, str], bool]) -> tuple[int, int]:
    """The fewest consecutive content words of a sentence (`surface`, its terms in order)
    holding one word for each of `wanted`'s that the sentence holds at all, and how many of
    them that is: (span, held); (0, 0) when it holds none. `matches(word, i, term)` says
    whether the sentence's i-th word stands for `term`."""
    at: list[set[int]] = [set() for _ in surface]
    for i, word in enumerate(surface):
        for k, term in enumerate(wanted):
            if matches(word, i, term):
                at[i].add(k)
    present = set().union(*at) if at else set()
    if not present:
        return 0, 0
    best = len(surface)
    count: dict[int, int] = {}
    left = 0
    for right, found in enumerate(at):
        for k in found:
            count[k] = count.get(k, 0) + 1
        while len(count) == len(present):
            best = min(best, right - left + 1)
            for k in at[left]:
                count[k] -= 1
                if not count[k]:
                    del count[k]
            left += 1
    return best, len(present)
