"""Rules from the eighth round on unseen articles (issue 12, attr9): a concern with its
content clause and no "that". Each rule with real prose and with prose where it must not
fire."""
from __future__ import annotations

import pytest

from tests.corpus.attributed import attribute, speakers


@pytest.mark.parametrize("paragraphs, expected", [
    # politics/114: a quantity opens the content clause, with no "that"
    (["The Green Party is concerned thousands of residents may not be able to vote in "
      "Edinburgh's transport referendum."], "Green Party"),
    # sport/011: a description of the person named before
    (["Paula Radcliffe has yet to answer the call.",
      "The 31-year-old is concerned the event, which starts on 19 March in France, could "
      "upset her preparations."], "Paula Radcliffe"),
    (["Ms Kelly is worried that the plan could be scuppered."], "Kelly"),
    # never a concern about or for something: no content
    (["The Green Party is concerned about the ballot."], None),
    (["The club was worried by the injury."], None),
])
def test_concern_before_a_content_clause_without_that(paragraphs: list[str],
                                                     expected: str | None) -> None:
    assert speakers(*paragraphs)[-1] == expected


@pytest.mark.parametrize("paragraphs, expected", [
    # entertainment/031: an apology is a statement
    (["Leslie Grantham has left the show.",
      'He apologised for his "deplorable actions" and "a moment\'s stupidity".'],
     "Leslie Grantham"),
    (["Tony Blair has apologised to two families who suffered a miscarriage of justice."],
     "Tony Blair"),
    # an apology still to come, or refused, says nothing
    (["Mr Livingstone refused to apologise for the remarks."], None),
    (["Critics said the mayor should apologise."], "Critics"),
])
def test_apology_is_a_statement(paragraphs: list[str], expected: str | None) -> None:
    assert speakers(*paragraphs)[-1] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # tech/044: a request with its addressee and what they are to do
    ("The EFF, representing the reporters, has asked California's Supreme Court to rule on "
     "the case.", "EFF"),
    ("The case began in December 2004 when Apple asked a local court to get the journalists "
     "to reveal their sources.", "Apple"),
    ("Menatep has already asked Rosneft to repay a $900m loan.", "Menatep"),
    # the one asked, and a question about something, make no request of anyone
    ("Mr Smith was asked to leave the room.", None),
    ("He has been asked to lead the team.", None),
    ("Mr Smith asked about plans to build a road.", None),
    ("The firm asked for time to prepare.", None),
])
def test_request_with_an_addressee_and_an_infinitive(paragraph: str,
                                                     expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # sport/014: a first verb in a past tense not in -ed, then "and then claimed"
    ("Russian Dmitriy Bogdanov won at the same Madrid venue last week and then claimed the "
     "race would be his.", "Dmitriy Bogdanov"),
    # the BBC folder (Heineken): a first verb in -ed with an object, and with none
    ("Dutch firm Heineken saw its annual profits drop 33% and warned that earnings may "
     "slide.", "Heineken"),
    ("Mr Smith resigned and said he had no regrets.", "Smith"),
    # another subject before the speech verb is its own
    ("Chelsea won the match and Jose Mourinho said the title was close.", "Jose Mourinho"),
])
def test_speech_verb_joined_to_a_first_verb_of_its_subject(paragraph: str,
                                                           expected: str) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # match reports: a goal, a try or a penalty added is no statement
    ("Chelsea had been continually frustrated but Joe Cole added a second with a 20-yard "
     "shot in injury-time.", None),
    ("Hodgson converted and added a penalty after one of several French infringements.", None),
    # still speech: a clause after the thing added
    ("Mr Smith added a warning for investors that prices would fall.", "Smith"),
    ("Mr Smith added that prices would fall.", "Smith"),
])
def test_thing_added_in_a_match_is_no_statement(paragraph: str, expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # the BBC folder: a person's name, "from" and where they work, before the verb
    ("Nigel McCune from the Musicians' Union said British musicians are \"disadvantaged\".",
     "Nigel McCune"),
    ("But Mr Hirsch from Retail Banking Research said the number of machines at risk was low.",
     "Hirsch"),
    # still the organisation: no named person before "from"
    ("A spokesman from the Audit Commission said the number was low.", "Audit Commission"),
])
def test_person_from_a_workplace_speaks(paragraph: str, expected: str) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # tech/011: a firm named "... Research", with no comma after "According to X"
    ("According to Jupiter Research 40% of homes with broadband say it helps them pick and "
     "choose the programmes they want to see.", "Jupiter Research"),
    ("A study by analysts Jupiter Research suggested that broadband was challenging "
     "television viewing habits.", "Jupiter Research"),
    ("The number of computers is expected to double by 2010, according to a report by "
     "analysts Forrester Research.", "Forrester Research"),
])
def test_capitalised_research_ends_an_organisation_name(paragraph: str, expected: str) -> None:
    assert speakers(paragraph)[0] == expected


def test_the_research_is_no_organisation() -> None:
    # "the research" is a document, never an organisation named by its common noun
    out = attribute("The research indicated that about 10% of production companies are "
                    "minority ethnic led.")
    assert out[1][1] != "organisation"


@pytest.mark.parametrize("paragraph, expected", [
    # business/024: an institution named by its common noun after who leads it, after a
    # lead-in
    ("Meanwhile, the Bush administration argues that the US deficit reflects the fact the "
     "America is growing faster.", "the Bush administration"),
    ("Earlier this year, the NBC network claimed that the show had been hurriedly produced.",
     "the NBC network"),
    # never a court: a ruling, here inside another's content
    ("Yukos argued that since it had a US subsidiary, the US court could declare it "
     "bankrupt.", "Yukos"),
])
def test_institution_named_by_its_common_noun_after_a_name(paragraph: str,
                                                           expected: str) -> None:
    assert [who for who in speakers(paragraph) if who is not None] == [expected]


@pytest.mark.parametrize("paragraphs, which, expected", [
    # the BBC folder: one trader, dealer or broker is an unnamed source, never the person
    # speaking before nor the one named after
    (["Analysts said the market was calm.",
      '"It is not that the community is indifferent," one Bombay trader said this week.'],
     1, "Bombay trader"),
    (['"Obviously we\'ll have to wait and see," said one London-based broker.',
      '"We prefer a sensible solution," said Rolf Dress, a spokesman for Union Investment.'],
     0, "London-based broker"),
])
def test_trader_dealer_broker_are_unnamed_sources(paragraphs: list[str], which: int,
                                                  expected: str) -> None:
    assert speakers(*paragraphs)[which] == expected


@pytest.mark.parametrize("paragraphs, expected", [
    # tech/011: "The X reports said" after the organisation X has been named
    (["Web tracking company Envisional said 18% of downloaders were from within the UK.",
      "The Envisional reports said that the TV industry should consider a legal way."],
     "Envisional"),
    (["British TV viewers lead the trend, according to a report by Envisional.",
      "The Envisional report said that the TV industry should act."], "Envisional"),
    # a document named after nobody the article has named speaks for no one
    (["The Iraq report said that the war was legal."], None),
])
def test_document_named_after_an_organisation_met(paragraphs: list[str],
                                                  expected: str | None) -> None:
    assert speakers(*paragraphs)[-1] == expected


@pytest.mark.parametrize("paragraphs, expected", [
    # sport/014: "And" and a name with a relative clause after it puts the name in focus
    (["Northern Ireland man James McIlroy is confident he can win.",
      "Russian Dmitriy Bogdanov said the race would be his.",
      "And McIlroy, whose time in Erfurt elevated him to sixth place, is also already "
      "looking beyond Madrid.",
      'He said: "I have been much more focused this year."'], "James McIlroy"),
    # the BBC folder: "But" and a name with an apposition
    (["Mr Bell argues that Westminster has its share of odd balls.",
      "But Sir Bernard Ingham, Margaret Thatcher's former press secretary, took a less "
      "charitable view.",
      "He said the producers would not achieve their aim."], "Bernard Ingham"),
])
def test_conjunction_and_a_name_put_the_name_in_focus(paragraphs: list[str],
                                                      expected: str) -> None:
    assert speakers(*paragraphs)[-1] == expected


@pytest.mark.parametrize("paragraphs, expected", [
    # sport/014: the subject of a closing "but" clause with no speech takes the focus
    (["Northern Ireland man James McIlroy is confident he can win.",
      "Russian Dmitriy Bogdanov won at the same Madrid venue last week and then claimed the "
      "race would be between himself and Antonio Reina of Spain but McIlroy is unfazed.",
      'He admitted: "He looked quite good in his win."'], "James McIlroy"),
    # never a club the article has typed as a person (no gender): the speaker keeps it
    (["Newcastle boss Graeme Souness spoke to BBC Newcastle.",
      "The Peruvian was sold to Aston Villa a year ago but Souness said he tried to re-sign "
      "him, but Villa were not interested in selling.",
      '"I am after three new players," he said.'], "Graeme Souness"),
])
def test_closing_but_clause_subject_takes_the_focus(paragraphs: list[str],
                                                    expected: str) -> None:
    assert speakers(*paragraphs)[-1] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # business/044, politics/024: pointing to a fact or a plan argues it
    ("Ministers pointed to the fact that consumer spending had been depressed by one-off "
     "factors.", "Ministers"),
    ("Mr Kennedy also points to the fact that 40% of the party's candidates are women.",
     "Kennedy"),
    # "points" as a noun after a word in -ing or a number
    ("Sticking points to membership have included limits on foreign ownership.", None),
    ("Leeds needed three points to widen the gap.", None),
])
def test_pointing_to_something_argues_it(paragraph: str, expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # entertainment/044: a statement issued, with what it says after it
    ("The Actors' Equity Association issued a statement calling Davis \"an icon in the "
     "American theatre\".", "Actors Equity Association"),
    ("Mr Magnier issued a statement late on Friday saying that he remained a long-term "
     "investor.", "Magnier"),
    # the statement only mentioned says nothing here
    ("Mr Tanzi, 66, issued a statement through his lawyer after five hours of questioning.",
     None),
])
def test_statement_issued_with_what_it_says(paragraph: str, expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # the BBC folder: a condition opening the sentence reports nobody's view
    ("If Alex Kapranos genuinely thinks that the industry should have government funding "
     "then his own education was lacking, Mr Howells said.", "Howells"),
    ("If Mr Smith said that, he was wrong.", None),
    # still speech: the condition inside what is said
    ("Mr Smith said that if prices rose, sales would fall.", "Smith"),
])
def test_condition_opening_the_sentence_is_no_statement(paragraph: str,
                                                        expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # politics/114: an attitude verb before a content clause with a longer subject
    ("But Green MSP Mark Ballard fears people not on the council's edited electoral register "
     "may miss out.", "Mark Ballard"),  # attr10: "MSP" is the role
    ("Middlesbrough boss Steve McClaren believes his side can clinch a top-four spot.",
     "Steve McClaren"),
    # never a plain object with a preposition after it
    ("Fans feel the pressure of the big games.", None),
    ("Mr Smith fears for the safety of his family.", None),
])
def test_attitude_verb_before_a_clause_with_a_longer_subject(paragraph: str,
                                                             expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # business/044: figures opening the sentence, released by an owner's organisation
    ("Figures released by the government's Cabinet Office showed that GDP fell 0.5% in the "
     "last three months of 2004.", "Cabinet Office"),
    ("Data from the CML showed lending fell to just over £25bn in November.", "CML"),
    # never a place
    ("Figures from the US showed that sales fell.", None),
])
def test_figures_opening_the_sentence_speak_for_their_author(paragraph: str,
                                                             expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected
