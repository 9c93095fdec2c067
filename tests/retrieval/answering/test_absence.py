"""A question about something no article mentions says so and shows nothing, in a corpus
large enough for a missing word to mean that; slips, numbers and compounds are left alone."""
from __future__ import annotations

import pytest

from retrieval.answering.absence import MIN_PASSAGES, absent_words
from retrieval.answering.engine import Parley, open_parley
from retrieval.options import IndexOptions

TOPICS = ["markets", "harbour", "budget", "transport", "weather", "football", "election"]


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    """One article of MIN_PASSAGES paragraphs, each a speaker on one topic."""
    folder = tmp_path_factory.mktemp("corpus")
    lines = [f"Minister Ann Lee said the {TOPICS[i % len(TOPICS)]} plan number{i} was ready."
             for i in range(MIN_PASSAGES)]
    (folder / "big.txt").write_text("A long day\n\n" + "\n\n".join(lines), encoding="utf-8")
    (folder / "snow.txt").write_text("Cold week\n\nThe harbour froze in the snow.\n\n"
                                     "Mr Ray Holt said the snow would last.", encoding="utf-8")
    return open_parley([folder], IndexOptions(cache_dir=tmp_path_factory.mktemp("c")))[0]


@pytest.mark.parametrize("question", [
    "Who commented on the markets of bitcoin?", "bitcoin markets",
    "what did Ann Lee say about bitcoin",
    # "harbor" is one slip off "harbour": it weighs nothing, and "bitcoin" still decides
    "what did Ann Lee say about harbor bitcoin",
])
def test_a_question_about_a_word_no_article_has_shows_nothing(engine: Parley, question: str):
    answer = engine.ask(question)
    assert answer.results == () and answer.claim.speaker is None
    assert answer.message == "No article mentions \u201cbitcoin\u201d, so nothing in them " \
                             "answers that."


@pytest.mark.parametrize("topic", [
    "the harbor plan",  # one letter off "harbour": a slip, not a missing subject
    "the 8Mb budget",  # a number: the articles may write it otherwise
    "the far-off harbour",  # a compound
    "the postelection harbour",  # a closed compound: the articles write "election" alone
    "number1 number2 number3 wobbly",  # a small share of the question's weight
])
def test_slips_numbers_compounds_and_minor_words_are_not_absences(engine: Parley, topic: str):
    assert absent_words(topic, engine.index, engine.vocabulary.has_near) == ()


def test_a_small_corpus_decides_nothing_from_a_missing_word():
    parley = open_parley()[0]
    assert absent_words("bitcoin", parley.index, parley.vocabulary.has_near) == ()


def test_a_speaker_with_nothing_on_a_topic_even_in_its_articles_is_shown_nothing(
        engine: Parley):
    answer = engine.ask("what did Ann Lee say about the snow")
    assert answer.results == () and answer.claim.kind == "closest"
    assert answer.message == ("No statement by Ann Lee (Minister) in the articles names "
                              "\u201cthe snow\u201d, nor do they speak in the articles about it.")


def test_a_speaker_with_nothing_on_a_topic_but_its_articles_shows_their_statements(
        engine: Parley):
    answer = engine.ask("what did Ray Holt say about the harbour")  # his article is about it
    assert answer.results and answer.message.endswith(
        "their statements, first those in the articles about it:")
