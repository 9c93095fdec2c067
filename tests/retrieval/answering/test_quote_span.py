"""A quote's words held far apart in one sentence are not that sentence saying the quote:
the window (`quote_span`) and the verdicts it keeps from `reported`."""
from __future__ import annotations

import pytest

from retrieval.answering.quote_span import compact_enough, shortest_span
from retrieval.answering.quote_verdicts import QuoteClaim
from tests.retrieval.answering.small_corpus import parley_over


def _same(word: str, _i: int, term: str) -> bool:
    return word == term


@pytest.mark.parametrize(("sentence", "wanted", "found"), [
    ("a b c d", ["b", "c"], (2, 2)),
    ("b x x c x b c", ["b", "c"], (2, 2)),  # the shortest of several windows
    ("chelsea team goal league defend pleased win", ["chelsea", "win", "league"], (7, 3)),
    ("x y z", ["b"], (0, 0)),  # holds none
    ("b x x", ["b", "c"], (1, 1)),  # only the words it holds count
    ("", ["b"], (0, 0)),
])
def test_shortest_span_holds_one_of_each_held_word(sentence, wanted, found):
    assert shortest_span(sentence.split(), wanted, _same) == found


@pytest.mark.parametrize(("span", "held", "compact"), [
    (2, 2, True), (6, 2, True), (7, 2, False),
    (7, 3, True), (8, 3, False), (11, 3, False),
    (11, 5, True), (12, 5, False), (0, 0, True),
])
def test_compact_enough_allows_a_few_words_between(span, held, compact):
    assert compact_enough(span, held) is compact


FAR = ("Rivers beat Harbour at home\nSource: Test\n"
       '"Rivers is the side which has let in the fewest goals in the northern league and '
       'they defend very well so I am very pleased with the win," coach Sam Hart said.\n')

NEAR = """Rivers tipped for the title
Source: Test
Ann Lee, a pundit, said Rivers would win the league this season.
"""


@pytest.mark.parametrize(("files", "speaker", "verdict", "who"), [
    ({"far.txt": FAR}, "Hart", "close", "Sam Hart"),
    ({"far.txt": FAR, "near.txt": NEAR}, "Hart", "other_speaker", "Ann Lee"),
    ({"far.txt": FAR, "near.txt": NEAR}, "Lee", "reported", "Ann Lee"),
])
def test_words_far_apart_are_not_reported(tmp_path_factory, files, speaker, verdict, who):
    claim = parley_over(tmp_path_factory, files).check(speaker,
                                                       "Rivers would win the league").claim
    assert isinstance(claim, QuoteClaim)
    assert (claim.verdict, claim.speaker.name if claim.speaker else None) == (verdict, who)
