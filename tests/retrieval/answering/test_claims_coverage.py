"""Coverage, the share by IDF of the question's terms a statement holds: a word the articles
never use weighs as much as their rarest word, so a statement cannot cover a question about
it by holding its common words."""
from __future__ import annotations

import pytest

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
