"""Rules from the ninth round on unseen articles (issue 12, attr10): names with an initial,
a position or a member's letters around them, owners inside an organisation's name, and
the months after one. Each rule with real prose and with prose where it must not fire."""
from __future__ import annotations

import pytest

from tests.corpus.attributed import attribute, speakers


@pytest.mark.parametrize("paragraph, expected", [
    # tech/348 ("Xbox frontman J. Allard said the console ..."), the verb put first: the
    # initial goes on to the surname
    ("The console looked set to be capable of one trillion calculations per second, said "
     "Xbox frontman J. Allard.", "J. Allard"),
    ("B. Satyanarayana said he expected VW to co-sign a memorandum of agreement.",
     "B. Satyanarayana"),
    # an abbreviation closing the sentence stays one word
    ('"We will not move," said the U.N.', "U.N"),
])
def test_an_initial_goes_on_to_the_surname(paragraph: str, expected: str) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # politics/396: an owner inside a name that an organisation's word ends
    ("A spokeswoman for the Information Commissioner's Office said it was examining one "
     "complaint about political calls.",
     ("Information Commissioner's Office", "organisation", "reported")),
    # a person's office is not an organisation's name
    ("A spokesman for Tony Blair's office said it was examining one complaint.",
     ("A spokesman for Tony Blair's office", "vague", "reported")),
])
def test_an_owner_inside_an_organisations_name(paragraph: str,
                                               expected: tuple[str, str, str]) -> None:
    assert attribute(paragraph)[1] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # sport/412: a position before the full name is no part of it
    ("Wing Christophe Dominici says France can claim another Six Nations Grand Slam despite "
     "two lacklustre wins so far.", "Christophe Dominici"),
    ("Prop Phil Vickery said he was ready to return to the squad.", "Phil Vickery"),
    # one name before it makes it a surname
    ("Brett Lock said the campaign would be suspended.", "Brett Lock"),
])
def test_a_position_before_a_name(paragraph: str, expected: str) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # politics/376: a member's letters after the full name are no part of it
    ("In the Commons, Tory frontbencher Andrew Tyrie MP demanded an immediate statement "
     "from the chancellor.", "Andrew Tyrie"),
    ("Tom McCabe MSP, the finance minister, said the budget was balanced.", "Tom McCabe"),
    # politics/089: the letters before the name are its role
    ('Labour MSP Christine May had said Mr McLetchie was "very clever".', "Christine May"),
    # a party and the letters are a description, not a name
    ("The Labour MP said the budget was balanced.", "Labour MP"),
])
def test_a_members_letters_around_the_name(paragraph: str, expected: str) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # business/440: the month the figures are for is no part of the department's name
    ("Figures from the Commerce Department for November showed exports down 2.3% to "
     "$95.6bn.", "Commerce Department"),
    ("The Department for Education said the figures were wrong.", "Department for Education"),
])
def test_a_month_after_an_organisations_name(paragraph: str, expected: str) -> None:
    assert speakers(paragraph)[0] == expected
