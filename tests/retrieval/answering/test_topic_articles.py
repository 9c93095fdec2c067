""""X on Y" when X's words there miss Y's: their other statements in the articles about Y
come after those holding Y's words, never the claim; the same statement filed in two
stories is shown once; a nationality alone is never named as having said it."""
from __future__ import annotations

import pytest

from corpus.models import Speaker
from retrieval.answering.claims import names_someone
from retrieval.answering.engine import Parley
from tests.retrieval.answering.small_corpus import parley_over

ARTICLES = {
    "a.txt": "Detainees freed\n\nFour Guantanamo detainees were flown home on Tuesday.\n\n"
             "The Guantanamo camp has held them for three years.\n\n"
             "Menzies Campbell said the four had been rescued from a legal limbo.",
    "b.txt": "Transfer questions\n\nMenzies Campbell said it was vital to know who approved "
             "the transfer to Guantanamo.",
    "c.txt": "Tax plans\n\nMenzies Campbell said the tax rise was unfair.\n\n"
             "Mr Campbell said the budget was a mistake.",
    "d.txt": "Band tipped\n\nOne of the experts to tip the band was critic Paul Cole, who said "
             "they were spiky but in love with pop.\n\nThe poll is held every year.",
    "e.txt": "Poll result\n\nOne of the experts to tip the band was critic Paul Cole, who said "
             "they were spiky but in love with pop. The group toured Japan and Korea in "
             "autumn with a new drummer, two singers and four dancers.\n\n"
             "Editor Tess Kay said the band had a nimble ear for pop.",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


def test_their_statement_in_the_article_about_the_topic_follows_the_ones_holding_it(
        engine: Parley):
    answer = engine.ask("menzies campbell on the guantanamo detainees")
    shown = [(h.passage.document, h.passage.index) for h in answer.results]
    assert shown[0] == ("b", 1) or shown[0][0] == "b"
    assert ("a", 3) in shown  # holds none of the topic's words, in the article about it
    assert all(doc != "c" for doc, _ in shown)  # an article about something else
    assert answer.claim.kind != "said"


def test_the_same_statement_in_two_stories_is_shown_once(engine: Parley):
    answer = engine.ask("who said the band were spiky but in love with pop")
    sentences = [(h.speaker.name if h.speaker else None, h.sentence.text)
                 for h in answer.results]
    assert len(sentences) == len(set(sentences))


@pytest.mark.parametrize(("name", "named"), [
    ("American", False), ("the American", False), ("Scots", False),
    ("Russia", True),  # a country speaks for its government
    ("Lindsay Davenport", True), ("Turkish Foreign Minister", True),
])
def test_a_nationality_alone_names_nobody(name: str, named: bool):
    assert names_someone(Speaker(name)) is named


@pytest.mark.parametrize("question", ["according to reports, was the tax rise unfair",
                                      "how did markets react to the tax rise"])
def test_a_phrase_fitting_no_speaker_asks_the_whole_question(engine: Parley, question: str):
    answer = engine.ask(question)
    assert answer.intent == "search"
    assert answer.results and answer.results[0].passage.document == "c"
