"""A long name typed two letters off ("johannesen" for "Johannesson") is never answered with
"nobody called that appears": the closest passages are shown, with the articles' spelling."""
from __future__ import annotations

import pytest

from retrieval.answering.engine import Parley
from retrieval.answering.spelling import Vocabulary
from tests.retrieval.answering.small_corpus import parley_over

ARTICLE = ("Russia nears trade club entry\n\n"
           "Ambassador Stefan Johannesson, who chairs the working party, said there was "
           "still a lot of work to be done on the bid.\n\n"
           "Talks resume in Geneva next month.")


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, {"wto.txt": ARTICLE})


@pytest.mark.parametrize(("typed", "expected"), [
    ("johannesen", "johannesson"),  # ten letters, two off
    ("johanneson", "johannesson"),  # one off
    ("jonannesen", None),           # three off
    ("robinsen", "robinson"),       # eight letters, one off
    ("robensen", None),             # eight letters, two off: too short for two
])
def test_near_spelling_allows_two_letters_only_in_long_words(typed, expected):
    assert Vocabulary(["johannesson", "robinson", "working"]).near(typed) == expected


def test_a_long_name_two_letters_off_gets_the_closest_passages_not_absent(engine: Parley):
    answer = engine.ask("what did johannesen say about the work left on the bid")
    assert answer.claim.kind == "closest"
    assert answer.results and "Johannesson" in answer.results[0].passage.text
    assert "johannesson" in (answer.message or "") and "Nobody called" not in (answer.message or "")
