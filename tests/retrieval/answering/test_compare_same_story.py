"""A side with nothing on the topic is given its own quoted words in a story about the
topic (its headline holds a word of it) where another side speaks on it; never in a story
about something else, and never a reported sentence."""
from __future__ import annotations

import pytest

from retrieval.answering.engine import Parley
from retrieval.answering.sides_records import SidesAnswer
from tests.retrieval.answering.small_corpus import parley_over

STORIES = {
    "mini.txt": "Carmaker to build more Minis\n\nThe firm will spend more on its small car.\n\n"
                "\"Our decision to build a new Mini was not liked at first,\" said Ann Lee, "
                "a board member.\n\n\"The risk is that demand tapers off,\" said Tom Vale, "
                "an analyst.\n\nSam Cole said the brand would last.",
    "vans.txt": "Van sales fall\n\nVan sales fell.\n\n\"Our Mini van is doing well,\" said "
                "Joe Reed.\n\n\"The weather was bad,\" said Sam Cole.",
}


@pytest.fixture(scope="module")
def parley(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, STORIES)


def _statements(parley: Parley, question: str, side: str) -> list[str]:
    answer = parley.ask(question)
    assert isinstance(answer, SidesAnswer) and answer.comparison is not None
    found = next(s for s in answer.comparison.sides if s.typed == side)
    return [h.sentence.text for h in found.statements]


def test_quoted_words_in_the_story_about_the_topic_are_on_it(parley: Parley):
    said = _statements(parley, "What do Ann Lee and Tom Vale say about the Mini?", "Tom Vale")
    assert said and said[0].startswith("\"The risk is that demand tapers off")


@pytest.mark.parametrize(("question", "side"), [
    ("What do Ann Lee and Sam Cole say about the Mini?", "Sam Cole"),  # reported; vans quote
    ("What do Joe Reed and Sam Cole say about the Mini?", "Sam Cole"),  # "Van sales fall"
])
def test_words_elsewhere_or_reported_stay_nothing(parley: Parley, question: str, side: str):
    assert _statements(parley, question, side) == []


SHARED = {
    "deal.txt": "Dawes set for new club contract\n\nThe club will offer Dawes a new deal.\n\n"
                "\"We have not yet offered Matt a contract but we will,\" said coach Ray Gale."
                "\n\nMatt Dawes, 31, joined in the summer. \"Rugby is still my priority,\" he "
                "said.\n\nMr Gale said the squad was fit.",
    "cup.txt": "Cup draw made\n\nThe draw was made.\n\n\"It is a hard draw,\" said coach Ray "
               "Gale.",
}


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, SHARED)


@pytest.mark.parametrize(("side", "first"), [
    ("Ray Gale", "\"We have not yet offered Matt"),
    ("Matt Dawes", "\"Rugby is still my priority"),
])
def test_when_no_side_holds_the_topic_the_story_both_are_quoted_in_is_on_it(
        shared: Parley, side: str, first: str):
    said = _statements(shared, "compare what Ray Gale and Matt Dawes said about Dawes's "
                       "future", side)
    assert said and said[0].startswith(first) and len(said) == 1  # quoted, not reported


def test_a_story_whose_headline_is_not_the_topic_gives_nothing(shared: Parley):
    assert _statements(shared, "compare what Ray Gale and Matt Dawes said about the weather",
                       "Ray Gale") == []
