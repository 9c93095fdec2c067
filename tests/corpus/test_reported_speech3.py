"""Reported speech on articles nobody tuned on (issue 12, after gold_blind5): documents and
bodies by name, organisations' statements and findings, affiliations, "add X to Y", "defend",
organisations described by a place. Each case is real prose from the BBC folder (the article
named beside it) or shaped on it, and each rule has a case where it must not fire."""
from __future__ import annotations

import pytest

from corpus.gazetteer import gazetteer
from tests.corpus.attributed import attribute, speakers


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # business/146: "the Kok report" speaks for the person of that surname
    (('That is why there was urgency in the report by the former Dutch prime minister Wim '
      'Kok.', '"Lisbon is about everything and thus about nothing," the Kok report said.'),
     [None, "Wim Kok"]),
    # must not fire: "the Iraq report" names no author
    (('Mr Straw spoke on Monday.', 'Intelligence was flawed, the Iraq report said.'),
     [None, None]),
    # business/356: a body's name joined by "and" is whole, and "the ministry" is it
    (('"Conditions are likely to remain unfavourable," the Finance and Economy Ministry '
      'said.', 'In 2004, growth will be between 4.7% and 4.8%, the ministry said.'),
     ["Finance and Economy Ministry", "Finance and Economy Ministry"]),
    # must not fire: "the leader of the Public and Commercial Services Union" is a role
    # in an apposition, and the person speaks (politics/365)
    (('Mark Serwotka, the leader of the Public and Commercial Services Union said: "We had '
      'the day of the long knives."',),
     ["Mark Serwotka"]),
])
def test_documents_and_bodies_by_name(paragraphs, expected):
    assert speakers(*paragraphs) == expected


@pytest.mark.parametrize(("role", "normalised"), [
    ("France coach", "french coach"),  # sport/296: "the French coach" is the same role
    ("French coach", "french coach"),
    ("Turkey's foreign minister", "turkish foreign minister"),
    ("England", "england"),  # must not fire: a country alone is no role's qualifier
])
def test_a_country_before_a_role_is_its_adjective(role, normalised):
    assert gazetteer().normalize_role(role) == normalised


@pytest.mark.parametrize(("paragraph", "expected"), [
    # sport/147, sport/035: an organisation's statement after the verb, and its run
    ('"He was sent off for violent conduct. "We don\'t know how many red cards he was '
     'shown," said an SFA statement.', ["SFA", "SFA"]),
    ('A Home Office statement said the plans would go ahead.', ["Home Office"]),
    # must not fire: a country's statement, or a statement of nobody named
    ('"It is bad," said a Russian statement.', [None]),
    ('"It is bad," said a statement.', [None]),
    # tech/296: a full name and where they work between a quotation and its verb
    ('"Everything is going digital," Kirsten Pfeifer from the Consumer Electronics '
     'Association, told the BBC News website.', ["Kirsten Pfeifer"]),
])
def test_statements_and_affiliations(paragraph, expected):
    assert speakers(paragraph) == expected


@pytest.mark.parametrize(("paragraph", "expected"), [
    # entertainment/153, business/116, sport/066: a thing added to another is no statement
    ("OutKast will add their awards to the four they won at the US MTV Awards.", [None]),
    ("SMFG shares climbed by 2.7%, and Daiwa added 5.3% to 740 yen.", [None]),
    ("Gardener added the Olympic relay crown to his World Indoor title.", [None]),
    ("According to Labor Department figures, US firms added only 146,000 jobs in January.",
     ["Labor Department"]),  # business/007: the findings, never the firms
    # must not fire: a clause after "added", even with a "to" in it (politics/121,
    # business/126)
    ("Ms Jane Hutt added the targets intended to ensure no-one waits a year.", ["Jane Hutt"]),
    ("Mr Brown added the tax would rise to 40%.", ["Brown"]),
    ("Mr Brown added 20 people had died.", ["Brown"]),
    ("Barclays added its bid to acquire Absa was being considered by regulators.",
     ["Barclays"]),
])
def test_added_to(paragraph, expected):
    assert speakers(paragraph) == expected


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # tech/276: "the US firm" right after the firm's statement is that firm
    (('Video game giant Electronic Arts (EA) says it wants to become the biggest '
      'entertainment firm in the world.', 'The US firm says it wants to compete with Disney.'),
     ["Electronic Arts", "Electronic Arts"]),
    # must not fire: with a sentence between, it stays the description (vague)
    (('Video game giant Electronic Arts (EA) says it wants to become the biggest '
      'entertainment firm in the world. Sony sells more consoles.',
      'The Japanese firm says it wants to compete with Disney.'),
     ["Electronic Arts", None, "the Japanese firm"]),
    # politics/386: a time phrase between the auxiliary and the verb
    (("China has in the past said it sees the weapons ban as politically driven.",),
     ["China"]),
])
def test_organisations_described_and_time_phrases(paragraphs, expected):
    assert speakers(*paragraphs) == expected


@pytest.mark.parametrize(("paragraph", "expected"), [
    # politics/316, politics/386: "defended" before a determiner, a possessive or plans
    ("Mr Tony Blair also defended his party's attitude towards the mayor.", ["Tony Blair"]),
    ("UK Foreign Secretary Jack Straw has defended plans to end the embargo.", ["Jack Straw"]),
    # must not fire: a team or a player defending, a title defended (sport/407)
    ("Arsenal defended magnificently and held on.", [None]),
    ("Roger Federer defended his Wimbledon title.", [None]),
    ("Scotland defended the initial thrusts but on 20 minutes Italy equalised.", [None]),
])
def test_defended(paragraph, expected):
    assert speakers(paragraph) == expected


@pytest.mark.parametrize(("paragraph", "expected"), [
    # tech/296: an organisation's findings speak for it
    ("More than 57% of the market is made up of female buyers, according to CEA research.",
     ["CEA"]),
    ("Sales rose, according to a TUC report.", ["TUC"]),
    # must not fire: a country's research names no author
    ("Sales rose, according to US research.", [None]),
])
def test_according_to_an_organisation_s_findings(paragraph, expected):
    assert speakers(paragraph) == expected


@pytest.mark.parametrize(("paragraph", "expected"), [
    # politics/166, business/379, entertainment/339: "spoken of", "described how",
    # "talked about how"
    ("David Blunkett has spoken of his love for married publisher Kimberly Quinn.",
     ["David Blunkett"]),
    ("Mr David Blunkett described how it affected his friends and personal life.",
     ["David Blunkett"]),
    ("Mr David Blunkett talked about how he fell in love.", ["David Blunkett"]),
    # must not fire: "described" without "how" or "as" is no statement, nor "spoke of" a
    # day
    ("Mr David Blunkett described the house.", [None]),
    ("Mr David Blunkett spoke of Monday's events.", [None]),
])
def test_spoke_of_and_described_how(paragraph, expected):
    assert speakers(paragraph) == expected


@pytest.mark.parametrize(("paragraph", "expected"), [
    # tech/386: an inverted full name with a lower-case role after it, no comma
    ("The revenue streams will grow with 3G, thinks Paolo Pescatore mobile industry "
     "specialist for analysts IDC.", ["Paolo Pescatore"]),
    # must not fire: the name is an object when no role follows ("warned Mr Brown not to")
    ("The bank warned Mr Gordon Brown not to raise taxes.", ["the bank"]),
])
def test_an_inverted_name_with_its_role(paragraph, expected):
    assert speakers(paragraph) == expected


@pytest.mark.parametrize(("paragraph", "kind"), [
    # business/356: a quotation right after "blamed" is its object, so the act is reported
    ('The ministry blamed "continuing uncertainties such as fluctuating oil prices".',
     "reported"),
    # must not fire: a quotation after "said" or "added that" is the statement, direct
    ('The ministry said "growth will slow".', "direct"),
    ('The ministry added that "growth will slow".', "direct"),
])
def test_a_quoted_object_is_reported(paragraph, kind):
    assert attribute(paragraph)[1][2] == kind
