"""An organisation's side holds the people a sentence names as of it, right after their name."""
from __future__ import annotations

import pytest

from retrieval.answering.engine import Parley
from retrieval.answering.side_members import side_matches
from tests.retrieval.answering.small_corpus import parley_over

ARTICLES = {
    "asylum.txt": "Charities fear for returned children\n\n"
                  "Jane Holt of Help the Young said there were grave concerns about the plan. "
                  "\"We do not think the homes are ready,\" she said.\n\n"
                  "Home Office minister Tom Reed said the plan would protect children.\n\n"
                  "Mark Dale, formerly a trustee, said of Help the Young that it was right.\n",
}


@pytest.fixture(scope="module")
def parley(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


@pytest.mark.parametrize("typed", ["Help the Young", "help the young", "the Help the Young"])
def test_a_person_written_of_the_body_is_its_side(parley: Parley, typed: str) -> None:
    assert [m.group.speaker.name for m in side_matches(parley, typed, "the plan")] == [
        "Jane Holt"]


def test_a_body_named_after_the_words_is_not_their_body(parley: Parley) -> None:
    names = {m.group.speaker.name for m in side_matches(parley, "Help the Young", "")}
    assert "Mark Dale" not in names
