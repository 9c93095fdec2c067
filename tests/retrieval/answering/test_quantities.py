"""A question for a number ("how many spectators …") is answered by a passage that gives
one right before what is counted, when it scores near the best; otherwise BM25's order."""
from __future__ import annotations

import pytest

from retrieval.answering.engine import Parley
from retrieval.answering.quantities import asked, gives_figure
from retrieval.tokenizer import terms
from tests.retrieval.answering.small_corpus import parley_over

ARTICLES = {
    "final.txt": "Spain win the tennis final\n\nSpectators at the tennis final in Corvera "
                 "sang as Spain won; spectators from Corvera filled the tennis final.\n\n"
                 "The tennis final in Corvera saw the hosts win the final rubber.\n\nThe "
                 "stadium in Corvera was rebuilt for a record crowd of 27,000 spectators.",
    "other.txt": "Rain\n\nRain fell on the north, forecasters said.\n\nSnow fell too.",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


@pytest.mark.parametrize(("question", "counted"), [
    ("how many spectators were at the final", "spectators"),
    ("How many broadband customers did the firm have?", "broadband customers"),
    ("how much of manchester united do they own", "manchester united"),
    ("so how many medals did she win", "medals"),
    ("how much did lord drayson give labour", None),  # nothing named is counted
    ("who won the final", None),
])
def test_what_a_question_counts(question: str, counted: str | None):
    assert asked(question) == (frozenset(terms(counted)) if counted else None)


@pytest.mark.parametrize(("sentence", "counted", "gives"), [
    ("a record crowd of 27,000 spectators", "spectators", True),
    ("It has 1.3 million broadband subscribers", "broadband", True),
    ("They own 29% of United", "united", True),
    ("Jones won three gold medals", "medals", True),
    ("a £2m donation to the party", "donation", True),
    ("the 2004 Davis Cup final", "final", False),  # a year counts nothing
    ("her 800m gold medal", "medal", False),  # a distance
    ("spectators: 27,000", "spectators", False),  # the figure must come first
    ("27,000 fans were in the stadium that day with many spectators", "spectators", False),
])
def test_a_sentence_gives_a_figure_right_before_what_is_counted(sentence: str, counted: str,
                                                                gives: bool):
    assert gives_figure(sentence, frozenset(terms(counted))) is gives


def test_the_passage_giving_the_figure_comes_first(engine: Parley):
    first = engine.ask("how many spectators were at the tennis final in corvera").results[0]
    assert "27,000 spectators" in first.passage.text


def test_a_question_for_no_number_keeps_bm25s_order(engine: Parley):
    answer = engine.ask("what happened at the tennis final in corvera")
    assert [h.score for h in answer.results] == sorted((h.score for h in answer.results),
                                                        reverse=True)
