"""Words that say the same widen a search ("dodging hard decisions" meets "ducking tough
choices"), only when the words as asked find no statement that covers the question, and a
synonym holds a word at half its weight, so paraphrase alone never makes "X said it"."""
from __future__ import annotations

import pytest

from retrieval.answering import synonyms
from retrieval.answering.claims import COVERAGE_TO_SAY
from retrieval.answering.engine import Parley
from retrieval.tokenizer import terms
from tests.retrieval.answering.small_corpus import parley_over

ARTICLES = {
    "budget.txt": "Budget row\n\nVince Cable accused the chancellor of ducking tough choices "
                  "on the budget.\n\nThe chancellor said the budget was fair to families.\n\n"
                  "Analysts said markets were calm.",
    "club.txt": "Club news\n\nThe club said its fans would be consulted on the new stadium.\n\n"
                "Supporters' groups met on Monday.",
    "war.txt": "War goes on\n\nMaria Stone said the war had cost the region dearly.\n\n"
               "Officials said the conflict would end in spring.",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


def test_every_line_of_the_shipped_table_reads():
    table = synonyms.table()
    assert tuple(terms("duck")) in table[tuple(terms("dodge"))]
    assert tuple(terms("dodge")) in table[tuple(terms("duck"))]  # read both ways


@pytest.mark.parametrize("line", ["dodge", "dodge\t", "dodge\tthe", "\tduck"])
def test_a_line_without_a_lemma_and_words_is_refused_with_its_number(line: str):
    with pytest.raises(synonyms.SynonymFileError, match="line 2"):
        synonyms.parse(["# comment", line])


@pytest.mark.parametrize(("question", "added"), [
    ("dodging hard decisions", {"duck", "tough", "choic"}),
    ("regulation and red tape", {"regulatori", "bureaucraci"}),  # a phrase as a member
    ("small firms", {"smaller", "smallest", "compani"}),
])
def test_a_query_grows_by_its_synonyms_that_the_articles_use(question: str, added: set[str]):
    query = terms(question)
    grown = synonyms.widened(query, lambda t: True)
    assert grown[:len(query)] == query and added <= set(grown[len(query):])


def test_a_phrase_leaving_one_term_is_searched_for_but_never_looked_up():
    table = synonyms.parse(["unchanged\tsteady, on hold"])
    assert ("hold",) in table[("unchang",)] and ("hold",) not in table  # "hold talks"


def test_a_synonym_the_articles_never_use_is_not_searched():
    assert synonyms.widened(terms("dodging"), lambda t: t == "duck") == ["dodg", "duck"]


@pytest.mark.parametrize(("question", "held", "through"), [
    ("dodging hard decisions", {"duck", "tough"}, {"dodg", "hard"}),
    ("dodging hard decisions", {"dodg"}, set()),  # the word itself: not through a synonym
    ("more red tape", {"bureaucraci"}, {"red", "tape"}),
])
def test_a_term_is_held_through_a_synonym_only_when_the_statement_lacks_it(
        question: str, held: set[str], through: set[str]):
    assert synonyms.held_through(terms(question), held) == through


def test_a_paraphrase_finds_the_statement_but_is_not_claimed_said(engine: Parley):
    # no word of the question's topic is in the statement as asked
    answer = engine.ask("Who said someone kept dodging hard decisions?")
    assert answer.results and answer.results[0].speaker is not None
    assert answer.results[0].speaker.name == "Vince Cable"
    assert answer.claim.kind == "closest"  # held through synonyms: half their weight
    assert answer.claim.coverage is not None and answer.claim.coverage < COVERAGE_TO_SAY


def test_words_that_answer_as_asked_are_not_moved_by_a_synonym(engine: Parley):
    answer = engine.ask("Who said the war had cost the region dearly?")
    assert answer.claim.kind == "said" and answer.claim.speaker is not None
    assert answer.claim.speaker.name == "Maria Stone"


def test_a_speakers_paraphrased_topic_finds_their_statement(engine: Parley):
    answer = engine.ask("What did the club say about supporters?")
    assert any("fans would be consulted" in h.passage.text for h in answer.results[:3])
