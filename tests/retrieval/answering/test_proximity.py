"""Phrase proximity breaks near-ties among BM25's candidates; the scores stay BM25's."""
from __future__ import annotations

import pytest

from retrieval.answering.proximity import by_phrase
from retrieval.tokenizer import terms

TEXTS = {
    0: "Blair and Brown met. Brown said the vote was close.",
    1: "I have a new slogan. Vote Blair, get Brown.",
    2: "Brown and Blair get on, the vote shows.",
}


def terms_of(p: int) -> list[str]:
    return terms(TEXTS[p])


@pytest.mark.parametrize(("scores", "order"), [
    ({0: 10.0, 2: 9.0, 1: 8.0}, [1, 0, 2]),  # the run "vote blair get" and "blair get brown"
    ({0: 10.0, 2: 9.0, 1: 5.0}, [0, 2, 1]),  # too far below the best to move
])
def test_a_near_top_passage_with_the_question_words_in_a_row_comes_first(scores, order):
    ranked = list(scores.items())
    moved = by_phrase(ranked, "vote Blair, get Brown", terms_of)
    assert [p for p, _ in moved] == order
    assert dict(moved) == scores  # the scores are left as they were


def test_a_topic_shorter_than_a_run_keeps_the_bm25_order():
    ranked = [(0, 3.0), (1, 2.9)]
    assert by_phrase(ranked, "Blair Brown", terms_of) == ranked
