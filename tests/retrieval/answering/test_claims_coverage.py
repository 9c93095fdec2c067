"""Coverage, the share by IDF of the question's terms a statement holds: a word the articles
never use weighs as much as their rarest word, so a statement cannot cover a question about
it by holding its common words."""
from __future__ import annotations

import pytest

from retrieval.answering import claims
from retrieval.answering.claims import COVERAGE_TO_SAY, coverage

IDF = {"united": 2.0, "supporters": 3.0, "stop": 2.5, "glazer": 6.0, "taking": 2.0}


@pytest.mark.parametrize(("query", "held", "covered"), [
    # every word held but one the articles never use ("powerless"): not covered
    (["united", "supporters", "powerless", "stop", "glazer", "taking"],
     {"united", "supporters", "stop", "glazer", "taking"}, False),
    # the words the articles use, all held: covered
    (["united", "supporters", "stop", "glazer", "taking"],
     {"united", "supporters", "stop", "glazer", "taking"}, True),
    # the rarest word missing: not covered
    (["united", "supporters", "glazer"], {"united", "supporters"}, False),
])
def test_a_statement_covers_a_question_by_the_idf_of_the_words_it_holds(query, held, covered):
    unseen = 9.0  # log((N - 0.5) / 1.5) for some twelve thousand passages
    share = coverage(query, held, IDF.get, unseen)
    assert (share >= COVERAGE_TO_SAY) is covered


def test_an_unseen_word_weighs_what_it_is_given():
    assert coverage(["glazer", "powerless"], {"glazer"}, IDF.get, 6.0) == pytest.approx(0.5)


@pytest.mark.parametrize(("held", "share"), [({"talks"}, 1.0), (set(), 0.0)])
def test_words_that_all_weigh_nothing_count_alike(held, share):
    # "the talks" on one article: "talks" is in half its passages, IDF 0
    assert coverage(["talks"], held, {"talks": 0.0}.get, 2.0) == share


NONE = "Parley finds no statement that says that"


@pytest.mark.parametrize("unmatched, message", [
    ((), f"{NONE}."),
    (("constructive",), f"{NONE}: \u201cconstructive\u201d is in none of the articles."),
    (("moon", "cheese"),
     f"{NONE}: \u201cmoon\u201d, \u201ccheese\u201d are in none of the articles."),
])
def test_no_statement_message_names_the_words_no_article_has(unmatched, message):
    assert claims.no_statement_message(unmatched) == message
