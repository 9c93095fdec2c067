"""Rules from the fifth round on unseen articles (issue 12, after `gold_blind7`): documents
with their author in the subject, speech participles after a vague source or "by", names a
possessive cannot explain, "whose" clauses, and verbs by lemma. Each rule with real prose
and with prose where it must not fire."""
from __future__ import annotations

import pytest

from tests.corpus.attributed import speakers


@pytest.mark.parametrize("paragraph, expected", [
    # tech/371: a survey and figures with their author after "by" / "from"
    ("A recent survey by Mediametrie found that 70% of people interviewed were aware of DTT, "
     "and 25% were planning to buy a digital receiver.", "Mediametrie"),
    ("Recent figures from the UK's regulator Ofcom showed Freeview was more popular than the "
     "Sky digital satellite service.", "Ofcom"),
    # business/154
    ('A review by the ONS found it had made a mistake by "double counting" some spending on '
     'roads since 1998/9.', "ONS"),
    # must not fire: two authors (tech/250), a place, a generic source
    ("A recent survey by Earthlink and Webroot found that 90% of PCs are infested with the "
     "surreptitious software.", None),
    ("A survey from Britain found that most people were happy.", None),
    ("A study by researchers found that the drug worked.", None),
    # nor a finding with no author given ("the survey" of a person is no statement)
    ("Figures from last year showed sales had fallen.", None),
])
def test_a_document_speaks_for_the_author_it_names(paragraph: str,
                                                   expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected
