"""An organisation is found by its initials or its name spelt out, whichever the articles
use ("the MPAA" is the Motion Picture Association of America); a person never is, and a
question that names no speaker after "how did" stays a plain search."""
from __future__ import annotations

import pytest

from retrieval.answering.candidates import initials
from retrieval.answering.engine import Parley
from tests.retrieval.answering.small_corpus import parley_over

ARTICLES = {
    "films.txt": "Film pirates\n\nThe Motion Picture Association of America said it had "
                 "closed a network called LokiTorrent.\n\nThe MPAA said later that more "
                 "cases would follow.\n\nPaul Adams Adler said piracy was falling.",
    "shares.txt": "Markets\n\nShares rose sharply after the talks, traders noted.\n\n"
                  "Labour said the poster was making a serious point about tax.",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


@pytest.mark.parametrize(("name", "letters"), [
    ("motion picture association of america", "mpaa"),
    ("national hi-tech crime unit", "nhtcu"),  # each part of a hyphenated word
    ("the bank", ""),  # fewer than three words spell nothing
])
def test_initials_skip_small_words_and_need_three_words(name: str, letters: str):
    assert initials(name) == letters


@pytest.mark.parametrize(("typed", "other"), [
    ("the MPAA", "Motion Picture Association of America"),
    ("the motion picture association of america", "MPAA"),
])
def test_a_body_is_found_by_its_initials_and_by_its_name_spelt_out(engine: Parley,
                                                                   typed: str, other: str):
    names = {m.group.speaker.name for m in engine.finder.find(typed)}
    assert other in names


def test_a_persons_initials_fit_nobody(engine: Parley):
    assert all(m.group.speaker.name != "Paul Adams Adler" for m in engine.finder.find("PAA"))


def test_what_the_initials_said_includes_the_spelt_out_name(engine: Parley):
    answer = engine.ask("what did the MPAA say about LokiTorrent")
    assert answer.results and "LokiTorrent" in answer.results[0].passage.text


@pytest.mark.parametrize(("question", "speaker"), [
    ("how did labour defend the poster", "Labour"),
    ("How did Labour explain the poster?", "Labour"),
])
def test_how_a_speaker_defended_something_asks_for_their_statements(engine: Parley,
                                                                    question: str,
                                                                    speaker: str):
    answer = engine.ask(question)
    assert answer.intent == "speaker" and answer.results
    assert answer.results[0].speaker is not None
    assert answer.results[0].speaker.name == speaker


def test_how_something_reacted_is_a_plain_search_when_it_is_no_speaker(engine: Parley):
    answer = engine.ask("how did shares react to the talks")
    assert answer.intent == "search" and "Shares rose" in answer.results[0].passage.text
