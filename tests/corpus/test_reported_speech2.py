"""Reported speech on articles nobody tuned on (issue 12, after gold_blind4): quotation marks
that do not pair, reporting verbs and frames, organisations referred back to. Each case is
real prose from the BBC folder (the article named beside it), and each rule has a case where
it must not fire."""
from __future__ import annotations

import pytest

from corpus.quotes import quote_spans
from tests.corpus.attributed import attribute, speakers


@pytest.mark.parametrize(("text", "quoted"), [
    # politics/386: a closing mark whose opener was lost closes its own sentence only
    ('He said Mr Straw was "naive beyond belief" if he accepted it. The French want the '
     'embargo lifted; the Chinese want it lifted too." When he was in Tokyo, he spoke.',
     ['"naive beyond belief"', 'The French want the embargo lifted; the Chinese want it '
      'lifted too."']),
    # entertainment/280: a single mark closing a double-quoted sentence ends the quotation
    ('"All the important people. "I guess it\'s just a television show but we always think '
     'it\'s a bit more.\' The orchestra strikes up more than 110 times.',
     ['"All the important people. ', '"I guess it\'s just a television show but we always '
      'think it\'s a bit more.\'']),
    # politics/234: the quotation whose opener was lost holds the quotations inside it
    ('Police forces were already "buried" under existing initiatives and there was little '
     'to reassure them," said Mr Davis. Earlier Mark Oaten said so.',
     ['Police forces were already "buried" under existing initiatives and there was little '
      'to reassure them,"']),
    # tech/206: opened with a single mark, closed with a double one
    ("The BPI is quick to condemn them. 'Networks like eDonkey facilitate illegal "
     'filesharing. The BPI strongly believes it," it said.',
     ["'Networks like eDonkey facilitate illegal filesharing. The BPI strongly believes "
      'it,"']),
    # a single quotation inside a double one stays inside it
    ('He said: "They told me \'no way.\' Then I left." And so on.',
     ['"They told me \'no way.\' Then I left."']),
    # apostrophes of possession and elision are no marks
    ('The players\' union said "it\'s fine" today.', ['"it\'s fine"']),
])
def test_quotation_marks_that_do_not_pair(text, quoted):
    assert [text[a:b] for a, b in quote_spans(text)] == quoted


def test_narration_after_a_lost_opener_is_nobody_s():
    # politics/386
    rows = speakers('Tory foreign affairs spokesman Michael Ancram said lifting the arms '
                    'embargo would be "irresponsible". He said Mr Straw was "naive beyond '
                    'belief" if he accepted that. The French want the embargo lifted because '
                    'they want to sell arms to China." The US is bound by law to help Taiwan '
                    'defend itself.')
    assert rows[:2] == ["Michael Ancram", "Michael Ancram"]
    assert rows[-1] is None


def test_narration_after_a_mismatched_close_is_nobody_s():
    # entertainment/280
    rows = speakers('"The excitement is a live performance as a musician," says Bill '
                    'Conti. "All the important people. "I guess it\'s just a '
                    'television show but we always think it\'s a bit more.\' The orchestra '
                    'strikes up more than 110 times during the average Oscars show.')
    assert rows == ["Bill Conti", "Bill Conti", "Bill Conti", None]


@pytest.mark.parametrize(("paragraph", "speaker"), [
    # business/126: caution, with a clause
    ("Barclays cautioned that growth this year may be slower than in 2004.", "Barclays"),
    # politics/126: the progressive of urge
    ("Tony Blair is urging European leaders to wake up from their \"state of denial\".",
     "Tony Blair"),
    # politics/301: make (it) clear, before a clause
    ("Mr Kennedy made it clear he was determined to counter that accusation.",
     "Kennedy"),
    # politics/276: give one's support to
    ("In a separate development, Robin Cook gave his support to Mr Brown's prime "
     "ministerial ambitions.", "Robin Cook"),
])
def test_reporting_verbs_and_frames(paragraph, speaker):
    assert speakers(paragraph) == [speaker]


@pytest.mark.parametrize("paragraph", [
    # a caution that is a deed, clear as an adjective, urging after a noun (entertainment/035)
    "Police cautioned the driver.",
    "The referee cautioned him for a late tackle.",
    "He made clear progress in the second half.",
    "Studios took out adverts in trade publications such as Variety urging them to "
    "remember particular films.",
])
def test_the_same_verbs_where_nobody_speaks(paragraph):
    assert speakers(paragraph) == [None]


def test_a_name_the_article_shows_to_be_a_firm_is_it_and_the_firm():
    # business/386: "Shares in X" types X; "It" and "the firm" then take it up
    rows = speakers("Shares in Krispy Kreme Doughnuts have taken a dunking.",
                    "Krispy Kreme said accounting errors had forced the move.",
                    "It also warned it might have to further restate results.",
                    "In a further blow, the firm said it had been advised of it.")
    assert rows == [None] + ["Krispy Kreme Doughnuts"] * 3


def test_a_bracketed_acronym_of_the_initials_is_the_firm():
    # tech/276
    rows = attribute("Video game giant Electronic Arts (EA) says it wants to become the "
                     "biggest entertainment firm.", "EA said the video game industry was now "
                     "bigger than the music industry.")
    assert [(who, kind) for who, kind, _ in rows[1:]] == [("Electronic Arts", "organisation"),
                                                          ("Electronic Arts", "organisation")]


@pytest.mark.parametrize("paragraph", [
    # a first name or a title keeps a person a person
    "Shares in John Lewis rose. John Lewis said he was pleased.",
    "Mr Tony Blair (TB) said he was pleased.",
])
def test_people_stay_people(paragraph):
    rows = attribute(paragraph)
    assert all(kind in (None, "person") for _, kind, _ in rows)


def test_a_name_with_a_quotation_after_it_opens_the_content_not_the_subject():
    # sport/276: "says Juninho" is what is said, the president before the verb says it
    rows = speakers("Mexican outfit Red Sharks Veracruz hope to sign Juninho if he leaves.",
                    'Their president, Gustavo Parente Sanchez, says Juninho "does not wish '
                    'to remain in Scottish football anymore".')
    assert rows[1] == "Gustavo Parente Sanchez"


def test_an_inverted_subject_closing_its_clause_still_speaks():
    assert speakers('"We will win," said Mr Smith.') == ["Smith"]


def test_the_company_before_any_firm_has_spoken_is_the_one_named():
    # business/386
    rows = speakers("Shares in Krispy Kreme Doughnuts have taken a dunking.",
                    "The company warned the move would cut its profits.")
    assert rows == [None, "Krispy Kreme Doughnuts"]


@pytest.mark.parametrize("paragraphs", [
    # another firm named, or the firm named only after the sentence: unsure, so the noun
    ("Shares in Krispy Kreme Doughnuts and in Dunkin Donuts Group fell.",
     "The company warned the move would cut its profits."),
    ("The company warned the move would cut its profits.",
     "Shares in Krispy Kreme Doughnuts have taken a dunking."),
])
def test_the_company_stays_a_noun_when_unsure(paragraphs):
    assert "Krispy Kreme Doughnuts" not in speakers(*paragraphs)


@pytest.mark.parametrize(("paragraph", "speaker"), [
    # tech/386: the owner's things are the agent, never the owner
    ("The move was as a result of a code of practice agreed by the UK's six largest mobile "
     "phone operators in January.", None),
    # a possessive before a name or a role is still an agent
    ("The plan was backed by Labour's Paul Flynn.", "Paul Flynn"),
])
def test_a_passive_agent_with_a_possessive(paragraph, speaker):
    assert speakers(paragraph) == [speaker]


@pytest.mark.parametrize(("paragraph", "expected"), [
    # sport/257: the splitter gives the next sentence the quotation's closing mark; the rest
    # of that sentence is narration
    ('"I never intended to offend anyone," Luis Aragones said at the time. "I\'m obliged to '
     'motivate my players. "As part of that job, I use colloquial language. " England\'s '
     'players made a point of wearing anti-racism t-shirts in Madrid last month.',
     "narration"),
    # sport/500: a new quotation opened right after the stale mark still goes on quoting
    ('"I am delighted to have been given the chance," said Jeremy Bates. "It is a great '
     'honour. " "Looking to the future, this decision marks a watershed."',
     "quoted"),
])
def test_a_closing_mark_left_at_a_sentence_start_carries_nobody_on(paragraph, expected):
    rows = attribute(paragraph)
    first, last = rows[1], rows[-1]
    assert first[2] == "direct" and first[0] is not None
    if expected == "narration":
        assert last[2] != "direct"
    else:
        assert last == first
