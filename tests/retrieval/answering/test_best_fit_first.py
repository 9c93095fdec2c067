"""Among near-best passages for a speaker phrase, those of the best-fitting speakers come
first; a passage of a looser fit that matches the topic much better keeps its place."""
from __future__ import annotations

import pytest

from corpus.models import Speaker
from retrieval.answering.candidates import Match, best_fit_first
from retrieval.store import SpeakerGroup


def _match(name: str, fit: float, passages: list[int]) -> Match:
    group = SpeakerGroup(name.lower(), "person", Speaker(name, "coach", "person"),
                         [(p, 0) for p in passages], len(passages), 0)
    return Match(group, "role", fit)


MATCHES = [_match("Andy Robinson", 1.0, [1, 2]), _match("Bernard Laporte", 0.75, [3, 4]),
           _match("Ken Clarke", 0.95, [5])]


@pytest.mark.parametrize(("ranked", "order"), [
    # a near-best passage of the best fit moves above a looser fit's
    ([(3, 5.75), (1, 4.66), (4, 1.0)], [1, 3, 4]),
    # far below the best it stays where BM25 put it
    ([(3, 23.8), (1, 2.2), (4, 2.1)], [3, 1, 4]),
    # fits within the tier of the best are ranked by the topic alone
    ([(5, 6.0), (2, 5.9), (3, 5.8)], [5, 2, 3]),
    ([], []),
])
def test_near_best_passages_of_the_best_fitting_speakers_come_first(ranked, order):
    assert [p for p, _ in best_fit_first(ranked, MATCHES)] == order
