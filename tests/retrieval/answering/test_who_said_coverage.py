""""Who said Y?" and "what did X say about Y?" among passages scoring near the best: the
statement holding more of Y first, not the passage whose narration holds Y's words."""
from __future__ import annotations

import pytest

from retrieval.answering.engine import Parley
from tests.retrieval.answering.small_corpus import parley_over

ARTICLES = {
    "a.txt": "Striker out\n\nChelsea sacked the Chelsea striker at Chelsea. Bob Stone said "
             "the sacking of the striker was a shock to the striker.",
    "b.txt": "Expert backs club\n\nAnn Lee said sacking the striker was a boost to the "
             "reputation of the club, in a statement given on a wet evening.",
    "c.txt": "Other news\n\nThe weather was fine.\n\nCarl Dean said the match was dull.\n\n"
             "Dan Fox said the pitch was wet.",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


def test_the_statement_holding_more_of_the_question_comes_first(engine: Parley):
    answer = engine.ask("who said chelsea's reputation got a boost from sacking the striker")
    scores = {h.passage.document: h.score for h in answer.results}
    assert scores["a"] > scores["b"] >= 0.75 * scores["a"]  # near the best, below it
    assert answer.results[0].speaker is not None
    assert answer.results[0].speaker.name == "Ann Lee"



SPEAKER_ARTICLES = {
    "a.txt": "Striker out\n\nChelsea sacked the Chelsea striker at Chelsea. Ann Lee said "
             "the sacking of the striker was a shock to the striker.",
    "b.txt": "Expert backs club\n\nAnn Lee said sacking the striker was a boost to the "
             "reputation of the club, in a statement given on a wet evening.",
    "c.txt": "Other news\n\nThe weather was fine.\n\nCarl Dean said the match was dull.\n\n"
             "Dan Fox said the pitch was wet.",
}


def test_a_speakers_statement_holding_more_of_the_topic_comes_first(
        tmp_path_factory: pytest.TempPathFactory):
    engine = parley_over(tmp_path_factory, SPEAKER_ARTICLES)
    answer = engine.ask("what did ann lee say about chelsea's reputation getting a boost "
                        "from sacking the striker")
    scores = {h.passage.document: h.score for h in answer.results}
    assert scores["a"] > scores["b"] >= 0.75 * scores["a"]
    assert answer.results[0].passage.document == "b"
