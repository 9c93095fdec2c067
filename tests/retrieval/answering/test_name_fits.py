"""Names as typed: a first name alone (one slip off too), a fuzzy spelling only when each
word is near, and an alias several people hold widened by the roles of nearby sentences."""
from __future__ import annotations

import pytest

from retrieval.answering.engine import Parley
from retrieval.answering.speakers import word_by_word
from tests.retrieval.answering.small_corpus import parley_over

ARTICLES = {
    "a.txt": "Colour row\n\nFounder Stelios Haji-Ioannou said he would fight the court case "
             "over the orange brand.\n\nMr Haji-Ioannou said the colour was no one's.",
    "b.txt": "Exchange plans\n\nLSE chief executive Clara Furse said listings were rising.",
    "c.txt": "Club news\n\nChelsea chief executive Peter Kenyon said Robben would play again."
             "\n\nMr Kenyon said the club was calm.",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


@pytest.mark.parametrize("typed", ["Stelios", "stellios"])
def test_a_first_name_alone_fits_who_has_it(engine: Parley, typed: str):
    answer = engine.ask(f"What did {typed} say about the court case?")
    assert [c.speaker.name for c in answer.claim.candidates] == ["Stelios Haji-Ioannou"]
    assert answer.results[0].speaker is not None
    assert answer.results[0].speaker.name == "Stelios Haji-Ioannou"


def test_another_organisations_chief_executive_is_not_a_spelling_of_this_one(engine: Parley):
    answer = engine.ask("What did Chelsea's chief executive say about Robben?")
    assert "Clara Furse" not in [c.speaker.name for c in answer.claim.candidates]
    assert answer.results[0].speaker is not None
    assert answer.results[0].speaker.name == "Peter Kenyon"


@pytest.mark.parametrize(("typed", "alias", "near"), [
    ("chelsea chief executive", "lse chief executive", False),
    ("recep tayip erdogan", "recep tayyip erdogan", True),
    ("zelenskiy", "zelenskyy", True), ("kaja", "kaja kallas", False),
])
def test_a_fuzzy_spelling_must_be_nearword_by_word(typed: str, alias: str, near: bool):
    assert word_by_word(typed, alias) is near
