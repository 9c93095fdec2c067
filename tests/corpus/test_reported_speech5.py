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


@pytest.mark.parametrize("paragraph, expected", [
    # tech/371: a generic source before a form of "be", then ", predicting" and a clause
    ("Other analysts were less optimistic, predicting consumers would now be less likely to "
     "sign up for pay-TV subscriptions.", "analysts"),
    ("Economists were gloomy, forecasting that growth would slow.", "Economists"),
    # must not fire: no generic source, no clause, or the participle only "with"'s
    ("Sales were strong, predicting a good year.", None),
    ("Analysts were surprised, suggesting that the figures were wrong.", None),
])
def test_a_generic_source_before_a_speech_participle(paragraph: str,
                                                     expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # politics/082, sport/235: a deed done by speaking
    ("The foreign secretary Jack Straw hit back by saying Tory attitudes to Europe had helped "
     "keep the party out of power for more than a decade.", "Jack Straw"),
    ("Arsene Wenger has stepped up his feud with Sir Alex Ferguson by claiming the Manchester "
     "United manager is guilty of bringing football into disrepute.", "Arsene Wenger"),
    # business/471
    ("President Chandrika Kumaratunga has launched a reconstruction drive worth $3.5bn by "
     "appealing for peace and national unity.", "Chandrika Kumaratunga"),
    # must not fire: the writer's guess at a statement to come (politics/227), a deed
    ("Mr Clarke is expected to try and win over opponents to the scheme by saying officials "
     "would face up to two years in jail.", None),
    ("Arsene Wenger won the league by playing attacking football.", None),
])
def test_a_deed_done_by_speaking(paragraph: str, expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # politics/361: a lower-case role before the name after "with"
    ("The Tories are also thought likely to propose increased thresholds, with shadow "
     'chancellor Oliver Letwin branding stamp duty a "classic Labour stealth tax".',
     "Oliver Letwin"),
    # politics/275
    ("The Liberal Democrats launched their pre-election platform, with leader Charles Kennedy "
     'saying his party was the "authentic opposition".', "Charles Kennedy"),
    # must not fire: lower-case words that are no role
    ("Sales rose, with strong demand Europe saying little.", None),
])
def test_with_a_role_and_a_name_and_a_speech_participle(paragraph: str,
                                                         expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected
