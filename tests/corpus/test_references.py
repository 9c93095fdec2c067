"""Role phrases and descriptions linked to their person, organisations' statements, and
reports speaking for their author (issue 12, item 2). Each case is real prose from the
BBC folder (cut to the sentences that matter; the article in the comment)."""
from __future__ import annotations

import pytest

from corpus.attribution.documents import document_authors
from corpus.build import attribute_article
from corpus.loader import RawArticle
from corpus.references import reference_noun


def speakers(*paragraphs: str, title: str = "A headline with no speaker") -> list[str | None]:
    article = attribute_article(RawArticle("t", "t.txt", title, tuple(paragraphs)))
    return [s.speaker.name if s.speaker else None
            for p in article.passages[1:] for s in p.sentences]


def kinds(*paragraphs: str) -> list[tuple[str | None, str | None]]:
    article = attribute_article(RawArticle("t", "t.txt", "A headline", tuple(paragraphs)))
    return [(s.speaker.kind if s.speaker else None, s.kind)
            for p in article.passages[1:] for s in p.sentences]


@pytest.mark.parametrize(("words", "refers_to"), [
    ("the company", "organisation"), ("The firm", "organisation"), ("the bank", "organisation"),
    ("the 30-year-old", "person"), ("The marathon world record holder", "person"),
    ("the heavy metal star", "person"),
    ("the parent company", None),  # another firm than the one speaking, maybe
    ("a company", None), ("the Tory leader", None),
])
def test_referring_nouns(words, refers_to):
    ref = reference_noun(words.split())
    assert (ref.refers_to if ref else None) == refers_to


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # tech/015: the one organisation that has spoken
    (("Microsoft has said it will replace more than 14 million power cables for its Xbox "
      "consoles due to safety concerns.",
      'The company said the move was a "preventative step" after reports of fire hazard '
      "problems with the cables. Microsoft said it had received 30 reports of minor injury. "
      "The firm said fewer than one in 10,000 consoles had experienced component failures."),
     ["Microsoft", "Microsoft", "Microsoft", "Microsoft"]),
    # business/405: "the bank" fits a name with "Bank" in it
    (("The Bank of England said house prices had risen by 0.4% in December.",
      "The bank said that the recent pattern of house prices rising the fastest in the north "
      "of England continued in December."),
     ["Bank of England", "Bank of England"]),
    # business/003: never an organisation the sentence names
    (("Yukos' owner Menatep Group says it will ask Rosneft to repay a loan that Yugansk had "
      "secured on its assets.",
      "But the company has said it intends to take action against Menatep to recover some of "
      "the tax claims and debts owed by Yukos."),
     ["Menatep Group", "the company"]),
    # business/102: two organisations have spoken in the last paragraphs: nobody is sure
    (("Titan, a California-based company, pleaded guilty to falsifying its accounts.",
      "The SEC had accused Titan of illegally paying $2.1m to an unnamed agent in Benin. "
      "The company says it no longer tolerates such practices."),
     ["Titan", "SEC", "the company"]),
    # business/001: no organisation has spoken: the noun stays a vague source
    (("The firm, which is now one of the biggest investors in Google, benefited from sales "
      "of high-speed internet connections.", "The firm said sales rose 2%."),
     [None, "the firm"]),
])
def test_organisation_nouns_refer_to_the_organisation_that_spoke(paragraphs, expected):
    assert speakers(*paragraphs) == expected


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # sport/046: a description and an age of the person in focus
    (("Paula Radcliffe has called for all athletes found guilty on drugs charges to be "
      "treated as criminals.",
      'The marathon world record holder believes more needs to be done to rid athletics of '
      'the "suspicions and innuendoes" which greet any fast time. "Doping in sport is a '
      'criminal offence and should be treated as such," the 30-year-old told the Sunday '
      "Times."),
     ["Paula Radcliffe", "Paula Radcliffe", "Paula Radcliffe"]),
    # sport/450: the subject of the sentence before, not the last speaker
    (('"It just keeps getting better and better every year," Lleyton Hewitt said of his win '
      "over Ivo Minar.",
      "Minar, ranked 158th in the world, was forced to pull out of the Australian Open "
      'qualifying draw. "For me, this was a big success," said the 20-year-old.'),
     ["Lleyton Hewitt", None, "Ivo Minar"]),
    # entertainment/354: someone else named since the last statement: nobody
    (("Wearing a caramel-coloured floaty frock, actress Sienna Miller told reporters the red "
      "carpet was exciting.",
      "The younger stars of British film were also represented in the shape of Emma "
      "Watson, who plays Hermione. The 14-year-old said she was hoping to meet DiCaprio."),
     ["Sienna Miller", None, None]),
    # an age the article gives someone else (politics/040's "Mr Mubanga, 32,")
    (("Martin Mubanga, 32, from Wembley, said he had been mistreated.",
      "Tom Jones said the case was closed. The 32-year-old added that he was innocent."),
     ["Martin Mubanga", "Tom Jones", None]),
])
def test_person_descriptions_refer_to_the_person_in_focus(paragraphs, expected):
    assert speakers(*paragraphs) == expected


def test_a_party_role_right_after_the_lead_is_the_lead_speaker():
    # politics/300: the headline and the lead name nobody else
    rows = speakers("Michael Howard has denied his shadow cabinet was split over its decision "
                    "to back controversial Labour plans to introduce ID cards.",
                    'The Tory leader said his front bench team had reached a "collective '
                    'view" after holding a "good discussion".',
                    title="Howard denies split over ID cards")
    assert rows == ["Michael Howard", "Michael Howard"]


def test_a_party_role_is_not_linked_when_the_lead_names_someone_else():
    # politics/110: Tony Blair is in the lead too; the role stays a role
    rows = speakers("Tony Blair has had the chance to tackle the problems facing Britain and "
                    "has failed, Michael Howard has said.",
                    '"Britain is heading in the wrong direction", the Conservative leader said '
                    "in his New Year message.")
    assert rows == ["Michael Howard", "Conservative leader"]


def test_a_role_nobody_fits_is_typed_vague():
    assert kinds("A Russian spokesman said no.") == [("vague", "reported")]


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # politics/049: "X's statement said" is X
    (("Lynton Crosby is the Conservatives' campaign director.",
      'Mr Crosby\'s statement said: "The Conservative Party has been making an impact on '
      'the issues of lower tax and controlled immigration over the past week."'),
     [None, "Lynton Crosby"]),
    # business/458: a quotation, then the statement
    (("Calisto Tanzi said he would co-operate fully with prosecutors.",
      '"I apologise to all who have suffered so much damage as a result of my schemes," Mr '
      "Tanzi's statement said."),
     ["Calisto Tanzi", "Calisto Tanzi"]),
    # sport/199
    (('Chelsea\'s statement added: "This applies to both performance-enhancing drugs or '
      "so-called 'recreational' drugs.\"",), ["Chelsea"]),
    # a day's statement names nobody (sport/047: "Wednesday's statement said ...")
    (("Wednesday's statement said the Greek Federation would convene a disciplinary "
      "hearing.",), [None]),
    # "read a statement from X": X speaks, never the reader
    (('Outside the court his solicitor read a statement from Mr Tanzi: "I apologise to all '
      'who have suffered."',), ["Tanzi"]),
    # tech/015: "In a statement, it added"
    (("Microsoft said it had received 30 reports of minor injury.",
      'In a statement, it added: "In almost all instances, any damage was contained within '
      'the console itself."'), ["Microsoft", "Microsoft"]),
])
def test_statements_speak_for_their_author(paragraphs, expected):
    assert speakers(*paragraphs) == expected


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # business/030: "In its latest report, the OECD ..."; then "the report" is the OECD
    (("In its latest bi-annual report, the OECD cut its growth predictions for the world's "
      "main industrialised regions.",
      "Overall, the report forecast total growth of 3.6% in 2004 for the 30 member countries "
      "of the OECD."),
     [None, "OECD"]),
    # tech/150: "according to a report by UK think-tank Demos", then "It said"
    (("A quarter of broadband users in Britain regularly upload content and have personal "
      "sites, according to a report by UK think-tank Demos. It said that having an "
      "always-on, fast connection is changing the way people use the internet.",),
     ["Demos", "Demos"]),
    # business/067: "the FAO report" is the FAO
    (("The FAO report said that support for farmers in industrialised nations was equivalent "
      "to 30 times the amount provided as aid.",), ["FAO"]),
    # tech/206: a document after "by" is no subject
    (("Meanwhile companies contacted by the BBC News website insist that they were not "
      "directly aware of where their ads have been appearing.",), [None]),
    # two authors for the same noun: "the report" stays the report
    (("A report by the OECD said growth would slow. A report by the IMF said it would not.",
      "The report said inflation would rise."),
     ["OECD", "IMF", "The report"]),
])
def test_reports_speak_for_the_author_the_article_names(paragraphs, expected):
    assert speakers(*paragraphs) == expected


@pytest.mark.parametrize(("paragraphs", "expected"), [
    (["In its latest bi-annual report, the OECD cut its growth predictions."],
     {"report": "OECD"}),
    (["Fraud is rising, says a report from the National Audit Office."],
     {"report": "National Audit Office"}),
    (["The FAO report said so. The Food & Agriculture Organisation report agreed."],
     {"report": "FAO"}),  # an acronym and its full name are one author
    (["A survey by US firm Gartner found a rise."], {"survey": "Gartner"}),
    (["The research, by the Licensed Taxi Drivers Association and Pointsec, found ..."], {}),
    (["A report on Thursday said so; a UK-based report agreed."], {}),
])
def test_document_authors(paragraphs, expected):
    assert document_authors(paragraphs) == expected
