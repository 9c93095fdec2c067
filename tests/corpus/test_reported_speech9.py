"""Rules from the ninth round on unseen articles (issue 12, attr10): names with an initial,
a position or a member's letters around them, owners inside an organisation's name, and
the months after one. Each rule with real prose and with prose where it must not fire."""
from __future__ import annotations

import pytest

from corpus.build import attribute_article
from corpus.loader import RawArticle
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


@pytest.mark.parametrize("paragraphs, expected", [
    # tech/151: what the source is, then its one-word name
    (["According to blog analysis firm Technorati, the so-called blogosphere has doubled "
      "every five and a half months."], "Technorati"),
    (["It now estimates that the number of blogs has exceeded 4.8 million."], None),
    # a report is still its author's, never the report
    (["According to a report by Demos, most voters are undecided."], "Demos"),
])
def test_a_description_then_one_name_after_according_to(paragraphs: list[str],
                                                        expected: str | None) -> None:
    assert speakers(*paragraphs)[0] == expected


@pytest.mark.parametrize("paragraphs, expected", [
    # business/161 ("prohibited the Seattle-based company from future rocket work"): one
    # word after a firm's noun is its name, and where it is based describes it
    (["US aerospace firm Boeing has won a $1bn contract.",
      "The Seattle-based company said it was pleased with the deal."], "Boeing"),
    # a record label (entertainment/334: "his legal battles with record label Sony")
    (["Michael fought his legal battles with record label Sony.",
      "The label said it had never been told of the plans."], "Sony"),
    # a place after the noun is where, not who: the company stays a description
    (["Shares rose at firm London after the news.",
      "The company said it was pleased with the deal."], "the company"),
])
def test_a_firm_named_in_one_word_is_the_company(paragraphs: list[str],
                                                 expected: str | None) -> None:
    assert speakers(*paragraphs)[-1] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # the name, then the kind of union it is
    ("The Unison health union said nurses were angry about the pay offer.", "Unison"),
    # never a place's industry
    ("The US car industry said sales fell.", None),
])
def test_a_named_union_of_a_kind(paragraph: str, expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # entertainment/085: a role of something opening the clause, then its holder's name
    ("The director of the film, Vinod Pande, says the movie is not offensive.",
     ("Vinod Pande", "director of the film")),
    # politics/020
    ("The chief inspector of schools, David Bell, also said recently that GCSEs should go.",
     ("David Bell", "chief inspector of schools")),
    # no role, no holder: "the rest of" is nobody's office
    ("The rest of the squad, Real Madrid's reserves, said nothing.", (None, None)),
])
def test_a_role_of_something_then_the_name(paragraph: str,
                                           expected: tuple[str | None, str | None]) -> None:
    article = attribute_article(RawArticle("t", "t.txt", "A headline", (paragraph,)))
    speaker = article.passages[1].sentences[0].speaker
    assert (speaker.name if speaker else None, speaker.role if speaker else None) == expected


@pytest.mark.parametrize("paragraph, expected", [
    # business/278 and politics/152: names ending in a word that can qualify a role
    # ("communications director") name organisations
    ("US phone company SBC Communications said it expects to cut around 12,800 jobs.",
     ("SBC Communications", "organisation", "reported")),
    ("But the League Against Cruel Sports claimed the new act had been broken.",
     ("League Against Cruel Sports", "organisation", "reported")),
])
def test_organisations_ending_in_a_role_qualifier(paragraph: str,
                                                  expected: tuple[str, str, str]) -> None:
    assert attribute(paragraph)[1] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # (no sentence of the BBC folder outside the gold has these shapes: written for the
    # test) a share of a group polled with the ages it covers
    ("In the poll, 22% of people aged over 65 said they had never used the internet.",
     "people aged over 65"),
    # the group the share is of, opening the clause
    ("Among the under-25s, 40% said they would not vote.", "the under-25s"),
    ("Among those questioned, a third said they would switch banks.", "those questioned"),
    # "among" with no group polled
    ("Among other things, 40% said it was too late.", None),
])
def test_a_share_of_a_group_by_age_or_among(paragraph: str, expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraphs, expected", [
    # politics/282: a statement ending its paragraph, narration, then a quotation with no
    # attribution of its own: the same speaker goes on
    (["Mr Blair added: \"They have learned nothing.\" By contrast, he said, New Labour had "
      "listened to its electorate.",
      "Mr Blair went on to list his government's achievements. \"So now we have a choice, "
      "we can defend this record or give up and go back."], "Blair"),
    # a quotation closed in its sentence, with words after it, has its own attribution
    (["Mr Blair added: \"They have learned nothing.\" By contrast, he said, New Labour had "
      "listened to its electorate.",
      "Mr Blair went on to list his government's achievements. \"They were able to move so "
      "quickly,\" the newspaper quoted an insider as saying."], None),
])
def test_a_quotation_after_narration_goes_on_with_the_speaker(paragraphs: list[str],
                                                              expected: str | None) -> None:
    assert speakers(*paragraphs)[-1] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # politics/090, tech/039, sport/029: the progressive of a speech verb
    ('Ecologists are warning MSPs that Scotland may have to accept "significant intrusion" '
     "from wind farms.", "Ecologists"),
    ("The US Federal Bureau of Investigation is warning that a computer virus is being "
     "spread via e-mails.", "US Federal Bureau of Investigation"),
    ("The organisers are hoping that Isinbayeva's main rival will also take part in the "
     "event.", "The organisers"),
    # a hope with no content, and what someone says as a thing, are no statement
    ("He is hoping to play on Saturday.", None),
    ("What he is saying is nonsense.", None),
])
def test_the_progressive_of_a_speech_verb(paragraph: str, expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraphs, expected", [
    # politics/298: a definite description of the source in the lead, named next
    (["A cap on donations to political parties should not be introduced yet, the elections "
      "watchdog has said.",
      "In a new report, the Electoral Commission says it is worth debating a £10,000 cap."],
     "Electoral Commission"),
    # a source of another kind next leaves the lead as it was
    (["A cap on donations to political parties should not be introduced yet, the elections "
      "watchdog has said.",
      "Tory MP John Smith says it is worth debating a £10,000 cap."], None),
])
def test_a_definite_description_in_the_lead(paragraphs: list[str],
                                            expected: str | None) -> None:
    assert speakers(*paragraphs)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # entertainment/050: a lawsuit states its plaintiff's case (a document: its author when
    # the article gives one, else the lawsuit)
    ('The lawsuit said Willis has endured "extreme mental, physical and emotional pain and '
     'suffering."', "The lawsuit"),
    ("A lawsuit filed by the EFF claims the firm broke the law.", "EFF"),
    # lawsuits as a topic say nothing
    ("Lawsuits are expensive and slow.", None),
])
def test_a_lawsuit_speaks(paragraph: str, expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # tech/109: a share after a place that opens the clause with no comma, or after "where"
    ("In the UK 69% of those questioned said they turned to their fixed phone.",
     "those questioned"),
    ("The move to mobile was most pronounced in South Korea where 65% of those questioned "
     "said they already make most of their calls from a mobile.", "those questioned"),
    # tech/183: "barely" qualifies a share
    ("Barely 5% of those questioned said they wanted a player that could play back both "
     "music and movies.", "those questioned"),
    # tech/109: a quantity of a group polled
    ("Many of those questioned said they had an emotional connection to their fixed phone.",
     "those questioned"),
    # never a quantity of anyone else
    ("Most of the players said nothing.", None),
])
def test_more_shares_of_a_group_polled(paragraph: str, expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # business/058, business/029, business/432: an "it" opening a subordinate or relative
    # clause is the organisation the sentence opens with
    ("Electrolux saw its shares rise 14% on Tuesday after it said it would be shifting more "
     "of its manufacturing to low-cost countries.", "Electrolux"),
    ("The government is cracking down on so-called latifundios, or large rural estates, "
     "which it says are lying idle.", "the government"),
    ('BA will now suspend the Saudi flights - which it says will remain "under constant '
     'review" - from 27 March.', "BA"),
    # a person's sentence: "it" is something else
    ("Mr Smith sold his car after it said nothing.", None),
])
def test_it_in_a_clause_is_the_organisation_the_sentence_opens_with(
        paragraph: str, expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraphs, expected", [
    # tech/214: another name in the clause before "the company" may be the one meant
    (["Net monitoring firm Netcraft measured the sites.",
      "In a statement from Lycos Europe announcing the scrapping of the scheme, the company "
      "denied that this was its fault."], "the company"),
    # the one organisation named before, and nobody else in the clause
    (["Net monitoring firm Netcraft measured the sites.",
      "In a statement on Friday, the company denied that this was its fault."], "Netcraft"),
])
def test_the_company_with_another_name_in_its_clause(paragraphs: list[str],
                                                     expected: str | None) -> None:
    assert speakers(*paragraphs)[-1] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # politics/181: "said that" and a time or reason clause: the clause after it is
    # content, never a second speaker
    ("But the Conservatives warned of rising obesity levels and said that since only a "
     "third of children do two hours of sport a week currently, the government is promising "
     "something it cannot guarantee.", ["Conservatives"]),
    # a second speaker after "while" still has a clause of its own
    ("Ukraine said that it would attend, while Moscow said it would not.",
     ["Ukraine", "Moscow"]),
])
def test_a_clause_after_that_and_a_reason_is_content(paragraph: str,
                                                     expected: list[str]) -> None:
    assert speakers(paragraph) == expected
