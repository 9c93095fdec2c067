"""A passage is ranked with its article: among BM25's candidates, one whose story matches the
question comes before one that repeats a word of it in a story about something else; the
scores shown stay BM25Okapi's over the passage."""
from __future__ import annotations

import numpy as np
import pytest

from retrieval.answering.article_context import with_their_articles
from retrieval.answering.engine import Parley
from retrieval.article_index import article_index
from retrieval.bm25_index import BM25Index
from retrieval.tokenizer import terms
from tests.retrieval.answering.small_corpus import parley_over

# From the BBC folder: business/149.txt and business/099.txt, cut short, and two others.
SAAB = ("Saab to build Cadillacs in Sweden\n\n"
        "General Motors, the world's largest car maker, has confirmed that it will build a new "
        "medium-sized Cadillac BLS at its loss-making Saab factory in Sweden.\n\n"
        "The car, unveiled at the Geneva motor show, is intended to compete in the "
        "medium-sized luxury car market. It will not be sold in the US, said GM Europe "
        "president Carl-Peter Forster. As part of its efforts to make the US marque appeal to "
        "European drivers, the car will be the first Cadillac with a diesel engine.\n")
GM_FORD = ("GM, Ford cut output as sales fall\n\n"
           "US car firms General Motors (GM) and Ford have been forced to cut production in "
           "the face of falling car sales.\n\n"
           "GM added that US truck sales fell 9% in February while car business tumbled "
           "17%, however it did acknowledge that some new products - such as the Pontiac G6 "
           "and Chevrolet Cobalt - had put in solid performances.\n")
INK = ("Ink helps drive democracy in Asia\n\n"
       "The Kyrgyz Republic, a small, mountainous state of the former Soviet republic, is "
       "using invisible ink and ultraviolet readers in the country's elections as part of a "
       "drive to prevent multiple voting.\n")
CLAXTON = ("Claxton hunting first major medal\n\n"
           "British hurdler Sarah Claxton is confident she can win her first major medal at "
           "next month's European Indoor Championships in Madrid.\n")
QUESTION = "will the new cadillac BLS go on sale in america"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, {"saab.txt": SAAB, "gm.txt": GM_FORD,
                                          "ink.txt": INK, "claxton.txt": CLAXTON})


def test_the_paragraph_of_the_story_about_the_question_is_among_the_three_shown(
        engine: Parley):
    # Its own words hold only "Cadillac" (5th of the passages by BM25, under paragraphs of
    # the story about falling sales); its article holds the rest.
    texts = [h.passage.text for h in engine.ask(QUESTION, top_k=3).results]
    assert any("not be sold in the US" in t for t in texts)


def test_the_scores_shown_stay_bm25okapis_over_the_passage(engine: Parley):
    shown = engine.ask(QUESTION).results
    by_bm25 = dict(engine.index.top(terms(QUESTION), engine.index.size))
    assert shown and all(h.score == by_bm25[next(
        p for p in by_bm25 if engine.corpus.passages[p].text == h.passage.text)] for h in shown)


PASSAGES = [terms(t) for t in (
    "Saab to build Cadillacs in Sweden",
    "It will not be sold in the US, said GM Europe president Carl-Peter Forster.",
    "GM, Ford cut output as sales fall",
    "GM added that US truck sales fell 9% in February while car business tumbled 17%.",
    "Ink helps drive democracy in Asia",
    "Claxton hunting first major medal",
)]
OWNERS = np.asarray([0, 0, 1, 1, 2, 3])


@pytest.mark.parametrize(("found", "query", "order"), [
    # "sold" in the Saab story beats "sales" twice in a story about falling sales
    ([(3, 2.0), (1, 1.8)], "cadillac sold us sales", [1, 3]),
    # an article that matches no better leaves BM25's order
    ([(3, 2.0), (2, 1.8)], "gm sales", [3, 2]),
    ([(1, 1.0)], "cadillac", [1]),  # one candidate
    ([], "cadillac", []),
])
def test_candidates_are_ordered_by_their_own_score_and_their_articles_together(
        found: list[tuple[int, float]], query: str, order: list[int]):
    articles = article_index(BM25Index(PASSAGES), OWNERS)
    moved = with_their_articles(found, terms(query), articles, OWNERS)
    assert [p for p, _ in moved] == order
    assert dict(moved) == dict(found)  # the scores are left as they were
