""""What did X say about <person>?" is not claimed through a statement that names the person
only in the narration around X's words (`speaker_answer._named_only_around`)."""
from __future__ import annotations

import pytest

from retrieval.answering.engine import Parley
from tests.retrieval.answering.small_corpus import parley_over

ARTICLES = {
    "rally.txt": "Rally row\n\n"
                 "Tory chairman Ann Lee was speaking after Prime Minister Tom Holt told party "
                 "members the opposition offered a hard right agenda.\n\n"
                 "\"If you are willing to mislead on that, you will mislead on anything,\" "
                 "Ann Lee said.\n",
    "budget.txt": "Budget clash\n\n"
                  "Prime Minister Tom Holt said Ann Lee had got her sums badly wrong on the "
                  "budget.\n",
}


@pytest.fixture(scope="module")
def frame_only(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, {"rally.txt": ARTICLES["rally.txt"]})


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


def test_a_person_named_only_in_the_frame_is_not_what_was_said(frame_only: Parley) -> None:
    answer = frame_only.ask("what did tom holt say about ann lee")
    assert answer.results and answer.claim.kind == "closest"


def test_a_person_named_in_what_was_said_is_still_claimed(both: Parley) -> None:
    answer = both.ask("what did tom holt say about ann lee")
    assert answer.claim.kind == "said"
    assert "sums" in answer.results[0].sentence.text
