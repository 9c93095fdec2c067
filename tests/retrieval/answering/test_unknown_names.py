"""A typed name of proper words that no article writes together is nobody in them, and the
answer says so with nothing shown; descriptions, slips and names the articles write are
left to the other rules."""
from __future__ import annotations

import pytest

from retrieval.answering.engine import Parley, open_parley
from retrieval.answering.unknown_names import unwritten_name
from retrieval.options import IndexOptions

ARTICLE = """Harbour plan approved

Minister Ann Lee said the harbour plan was ready for the vote.

"It is a swift and fair plan," said Joe Taylor, the council's chairman.

The harbour workers were not consulted, Mr Taylor added.

Critics said the plan was rushed through the council.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "harbour.txt").write_text(ARTICLE, encoding="utf-8")
    return open_parley([folder], IndexOptions(cache_dir=tmp_path_factory.mktemp("c")))[0]


def _unwritten(engine: Parley, typed: str) -> bool:
    return unwritten_name(typed, engine.index, lambda p: engine.corpus.passages[p].text,
                          engine.vocabulary.has_near)


@pytest.mark.parametrize(("typed", "unwritten"), [
    ("Ann Taylor", True),  # both words are the articles' proper words, never together
    ("ann taylor's", True),  # as typed in lower case, with a possessive
    ("Zed Quimby", True),  # words no article uses at all
    ("Joe Taylor", False),  # written together
    ("Ann Lee", False),
    ("Taylor", False),  # one word: a first name or surname, found otherwise
    ("harbour workers", False),  # a description: the articles write "harbour" in lower case
    ("Ann Tayler", False),  # "tayler" is one slip off "taylor": perhaps written otherwise
    ("the Taylor council", False),  # "the": a description
])
def test_a_name_no_article_writes(engine: Parley, typed: str, unwritten: bool):
    assert _unwritten(engine, typed) is unwritten


def test_asking_about_a_name_no_article_writes_shows_nothing(engine: Parley):
    answer = engine.ask("what did Ann Taylor say about the harbour plan?")
    assert answer.results == ()
    assert answer.claim.kind == "absent"
    assert answer.message == "Nobody called \u201cAnn Taylor\u201d appears in the articles."


def test_a_description_nobody_fits_still_shows_the_closest_passages(engine: Parley):
    answer = engine.ask("what did the harbour workers say about the plan?")
    assert answer.results and answer.claim.kind != "absent"


@pytest.mark.parametrize("question", ["ann taylor on the harbour plan",
                                      "Zed Quimby about the harbour vote"])
def test_a_name_no_article_writes_then_a_topic_shows_nothing(engine: Parley, question: str):
    answer = engine.ask(question)
    assert answer.results == () and answer.claim.kind == "absent"
    assert "appears in the articles" in (answer.message or "")


@pytest.mark.parametrize("question", ["harbour workers on the plan", "critics on the vote"])
def test_a_description_then_a_topic_is_still_searched(engine: Parley, question: str):
    assert engine.ask(question).results
