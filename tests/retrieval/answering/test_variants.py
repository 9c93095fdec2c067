"""A place and its proper adjective share a search ("crimea" finds "Crimean"), only where the
articles write the other form as a proper word ("media" never meets "median")."""
from __future__ import annotations

import pytest

from retrieval.answering.engine import Parley
from retrieval.answering.variants import is_proper, widened
from tests.retrieval.answering.small_corpus import parley_over

ARTICLES = {
    "a.txt": "Talks go on\n\nUkraine said talks could include the future of the Crimean "
             "peninsula.\n\nThe median wage rose, officials said.",
    "b.txt": "Markets calm\n\nShares rose in Kyiv. Bob Stone said the social media were calm.",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


@pytest.mark.parametrize(("term", "texts", "proper"), [
    ("crimean", ["the future of the Crimean peninsula", "Crimean Tatars said"], True),
    ("median", ["The median wage rose", "a median of ten"], False),
    # capitalised only where a sentence begins: nothing told, so not proper
    ("median", ["Median pay rose."], False),
])
def test_a_word_is_proper_when_capitalised_inside_sentences(term, texts, proper):
    assert is_proper(term, texts) is proper


def test_a_query_grows_by_each_terms_variants_once():
    found = {"crimea": ("crimean",), "korea": ("korean",)}
    assert widened(["crimea", "talk", "crimea"], lambda t: found.get(t, ())) == [
        "crimea", "talk", "crimea", "crimean"]


def test_a_place_finds_its_proper_adjective(engine: Parley):
    answer = engine.ask("what did ukraine say about crimea")
    assert answer.claim.kind == "said" and answer.claim.speaker is not None
    assert answer.claim.speaker.name == "Ukraine"
    assert "Crimean" in answer.results[0].passage.text


def test_a_common_word_does_not_meet_its_lookalike(engine: Parley):
    answer = engine.ask("social media")
    assert all("median" not in h.passage.text for h in answer.results)
