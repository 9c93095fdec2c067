"""Rules from the twelfth round on unseen articles (issue 12, attr12), after the misses of
gold_blind13 and the other blind sets. Each rule with real prose from the BBC folder (the
article named beside it) and with prose where it must not fire."""
from __future__ import annotations

import pytest

from corpus.gender import first_name_gender
from tests.corpus.attributed import attribute, speakers


@pytest.mark.parametrize("paragraph, expected", [
    # business/061, business/024, entertainment/031: figures a word describes speak
    ("The UK's jobless total rose for the second month in a row in December, official "
     "figures show.", "official figures"),
    ("The gap between US exports and imports hit an all-time high of $671.7bn (£484bn) in "
     "2004, latest figures show.", "latest figures"),
    ("The overnight figures showed almost 60% of the viewing public tuned into EastEnders "
     "between 2000 and 2100 GMT, leaving ITV1 with about 13%.", "The overnight figures"),
    # tech/150, business/033: research with no determiner
    ("Fast web access is encouraging more people to express themselves online, research "
     "suggests.", "research"),
    ("However, some large properties are paying less in tax as they are situated inside "
     "poor areas, government research found.", "government research"),
    # business/419, business/191: an investigation's findings
    ("Despite receiving an email, the investigation said, she did nothing to inquire "
     "further.", "the investigation"),
    ("Pfizer is still selling its Celebrex and Bextra products, though investigations have "
     "suggested that they may also be harmful to the heart.", "investigations"),
    # a report or survey with an adverb before its verb still speaks
    ("The report also showed women were 18% more likely than men to enter higher "
     "education in 2000.", "The report"),
    # business/387: figures a determiner alone refers back to are the figures given
    ("Unadjusted, the figures showed unemployment rose 206,900 to 4.64 million.", None),
    # entertainment/066: figures after "with" are no subject
    ("Ticket sales at the US box office are predicted to break records this year, with "
     "figures expected to reach $9.4 billion, beating 2002's all-time high.", None),
    # figures inside a subordinate clause are what the clause is about, nobody speaking
    ("Expectations of a rate rise have gathered pace after figures showed house prices are "
     "still rising.", None),
    ("Last July, the police were accused of Islamophobia by Muslim groups after stop and "
     "search figures showed the numbers of Asians targeted had risen by 300%.", None),
])
def test_figures_and_research_as_the_source_of_findings(paragraph: str,
                                                       expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # tech/064, tech/269: research with no determiner, and its author after "from"/"by"
    ("Mobile phones are still enjoying a boom time in sales, according to research from "
     "technology analysts Gartner.", "Gartner"),
    ("According to research from message analysts the Radicati Group, up to 45% of "
     "businesses' critical information is stored in e-mail and attachments.",
     "Radicati Group"),
    # business/184: an indefinite description names no author: the research itself
    ("Marks & Spencer has cut prices in London and the regions by an average of 24%, "
     "according to research from a City investment bank.", "research"),
])
def test_according_to_research_by_its_author(paragraph: str, expected: str) -> None:
    assert attribute(paragraph)[1][0] == expected


@pytest.mark.parametrize("paragraphs, expected", [
    # sport/081: an organisation's statement in a paragraph's second sentence
    (["The International Association of Athletics Federations will appeal.",
      "Now the IAAF will lodge an appeal with the Court of Arbitration for Sport (CAS) and "
      "has suspended both athletes. An IAAF statement said: \"The Doping Review Board "
      "concluded that the decision is erroneous.\""], "IAAF"),
    # a country's statement is no organisation's
    (["Talks went on.", "Both sides met. A British statement said: \"We are ready.\""], None),
])
def test_an_organisations_statement_after_another_sentence(paragraphs: list[str],
                                                           expected: str | None) -> None:
    assert speakers(*paragraphs)[-1] == expected


@pytest.mark.parametrize("headline, paragraph, expected", [
    # politics/386, sport/046, sport/098: a stance verb after the name of the story's source
    ("Straw backs ending China embargo",
     'Jack Straw said the EU should lift its arms embargo on China. "It is time," he said.',
     "Jack Straw"),
    ("Radcliffe eyes hard line on drugs",
     'Paula Radcliffe said cheats should be banned for life.', "Paula Radcliffe"),
    ("Ronaldo considering new contract",
     'Cristiano Ronaldo said he was happy at Manchester United.', "Cristiano Ronaldo"),
    # sport/321: a stance verb choosing someone is no statement
    ("Woodward eyes Brennan for Lions",
     'Clive Woodward said the squad would be named in April.', None),
    # entertainment/238: "back" after a name is an adverb, never a stance
    ("Portishead back after eight years",
     'Portishead said they had written new songs.', None),
])
def test_a_headline_stance_of_the_storys_source(headline: str, paragraph: str,
                                                expected: str | None) -> None:
    assert attribute(paragraph, headline=headline)[0][0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # business/061, business/119, tech/243: a name, a comma and a role at where they work,
    # the closing comma left out, before the verb
    ("Marc Ostwald, a strategist at Monument Securities told Reuters that while no "
     "immediate market impact could be expected, rates would rise.", "Marc Ostwald"),
    ("Howard Archer, economist at Global Insight said the MPC may well consider rates.",
     "Howard Archer"),
    ("Ann Simpson, marketing manager at Snappy Snaps believes the convenience of high "
     "street printing will continue to attract customers.", "Ann Simpson"),
    # the role alone keeps its older reading
    ("John Connors, Microsoft's chief financial officer said sales rose.", "John Connors"),
])
def test_a_name_then_a_role_at_a_workplace_with_no_closing_comma(paragraph: str,
                                                                expected: str) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # politics/071, politics/317: a committee or commission finds as a report does
    ("Pressure was placed on staff to be efficient, rather than to do a thorough "
     "examination of an application, the Public Accounts Committee found.",
     "Public Accounts Committee"),
    ('The Audit Commission found the whole local government finance system was '
     '"fundamentally flawed".', "Audit Commission"),
    # a person finding something is no statement
    ("Mr Smith found the keys under the mat.", None),
])
def test_a_body_that_inquires_finds(paragraph: str, expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("name, gender", [
    # first names added to data/first_names.txt in this round
    ("Carl", "male"), ("Steve", "male"), ("Marc", "male"), ("Sergio", "male"),
    ("Imelda", "female"), ("Katerina", "female"), ("Alicia", "female"),
    # first names that are as often surnames stay out: "Mr Howard", "Dr Gavin"
    ("Howard", None), ("Craig", None), ("Stuart", None),
])
def test_first_names_with_a_usual_gender(name: str, gender: str | None) -> None:
    assert first_name_gender(name) == gender


def test_she_is_never_a_man_the_table_now_knows() -> None:
    # sport/057: "she" after a man's name in the paragraph before is nobody's, not his
    paragraphs = ['"It has been a great year," said Steve Cram.',
                  "Athletics fans had every reason to believe they would see Holmes again. "
                  "After her Olympic glory she emphatically denied she planned to retire."]
    assert speakers(*paragraphs)[-1] != "Steve Cram"


@pytest.mark.parametrize("paragraphs, expected", [
    # tech/071: a closed quotation, then the subject and a weak verb with words after it
    (['"Games in the classroom need to support the teacher," said Dr Carl Gavin. Professor '
      'Angela MacFarlane, based at Bristol University, has spent several years researching '
      'how games can be incorporated into classrooms.',
      '"It is perhaps in a compromise between edutainment and mainstream games that the '
      'greatest potential for classroom useable games lies," she wrote in a paper entitled '
      'Games and Learning.'], "Angela MacFarlane"),
    # a weak verb with no quotation before it and no content stays no statement
    (["Talks went on.", "She wrote in a paper entitled Games and Learning."], None),
])
def test_a_weak_verb_after_a_quotation_and_its_subject(paragraphs: list[str],
                                                       expected: str | None) -> None:
    assert speakers(*paragraphs)[-1] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # sport/105: an interview block's bullet, the speaker's name and the quotation, no colon
    ('- Bolton boss Sam Allardyce "I am bitterly disappointed with the result. "In the '
     'first half we had put them under pressure." - Newcastle boss Graeme Souness "We '
     'deserved the win. We had a really good second half."',
     ["Sam Allardyce", "Sam Allardyce", "Graeme Souness", "Graeme Souness"]),
    # a single name after a bullet names no speaker: a team, a place
    ('- Bolton "the best side" in the league this year.', [None]),
])
def test_a_bullet_then_a_speaker_and_a_quotation(paragraph: str,
                                                 expected: list[str | None]) -> None:
    assert speakers("Bolton lost 2-1.", paragraph)[1:] == expected


@pytest.mark.parametrize("paragraphs, expected", [
    # tech/105, sport/079: a role opening a narration sentence, then the holder's full
    # name in commas: the person is in focus, and "he" after it is them
    (["The IAEA wants new tools.",
      "Computer specialist at the IAEA, Peter Smith, would like to be able to incorporate "
      'visualisation techniques into the toolkit. "The commercials you now see have people '
      'moving around in a virtual world," he said.'], "Peter Smith"),
    # a role with no name in the commas after it stays a role
    (["The IAEA wants new tools.",
      "Computer specialist at the IAEA, a UN agency, would like to be able to incorporate "
      'visualisation techniques. "We need it," he said.'], "Computer specialist at the IAEA"),
])
def test_a_role_then_its_holder_in_commas_takes_the_focus(paragraphs: list[str],
                                                          expected: str | None) -> None:
    assert speakers(*paragraphs)[-1] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # politics/389, politics/373, sport/111: a party or a person noun before a first name
    # of the table describes the speaker, no part of the name
    ("But fellow Tory David Heathcoat-Amory said the folly of the system was in trying to "
     "run Europe's varied economies on one set of rules.", "David Heathcoat-Amory"),
    ('Earlier Conservative Graham Brady said the rebate was a "crucial test".',
     "Graham Brady"),
    ('"We are ready," said youngster Ben Hudell.', "Ben Hudell"),
    ("Veteran John Smith said he was ready.", "John Smith"),
    # a role noun before a first name keeps its role ("Striker Wayne Rooney")
    ("Striker Wayne Rooney said he was ready.", "Wayne Rooney"),
])
def test_a_party_or_person_noun_before_a_first_name(paragraph: str, expected: str) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraphs, expected", [
    # tech/031, tech/137: the speaker's statement, one sentence of narration naming nobody,
    # then a paragraph opening with a quotation: the same speaker goes on
    (["Steve Ash, from Activcard, told the BBC News website there are two parts to the "
      "process of identification. The most difficult is to ascertain whether an individual "
      "is who they say they are when they are online.",
      '"The end solution is to provide a method where you combine something the user knows '
      'with something they have and present those both."'], "Steve Ash"),
    # the sentence between names someone else the article knows: nobody
    (["Steve Ash, from Activcard, told the BBC News website there are two parts to the "
      "process of identification. Tony Blair, the prime minister, is a customer.",
      '"The end solution is to combine something the user knows with something they have."'],
     None),
])
def test_a_paragraph_of_quotation_after_one_sentence_of_narration(paragraphs: list[str],
                                                                  expected: str | None) -> None:
    assert speakers(*paragraphs)[-1] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # business/061, business/121, tech/114: the people a verb moves to speak are the
    # infinitive's speakers
    ("The figures prompted some analysts to forecast that the Bank of England will almost "
     "certainly raise rates this year.", "analysts"),
    ("The Bank of England (BoE) has kept interest rates on hold at 4.75% for the past three "
     "months, leading some commentators to argue that rates may have peaked.",
     "commentators"),
    ("Those new deals were further delayed, leading Argonaut to warn in mid-October that it "
     "was running out of cash.", "Argonaut"),
    # politics/303: moved to ask someone to do something is a request, no statement
    ("But it partly collapsed over the Conservative leader's own role, prompting the Queen to "
     "ask Harold Wilson to form a Labour government.", None),
])
def test_the_people_moved_to_speak(paragraph: str, expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraphs, expected", [
    # entertainment/151: '"...," a BBC statement read.' is the organisation's, and the quote
    # run after it, never the last speaker's
    (['The performance led 12 viewers to complain he was "lewd".',
      '"The performer had been asked to tone his act down," a BBC statement read. '
      '"His gestures had gone beyond what is expected."'], ["BBC", "BBC"]),
    # politics/303: '"...," reads a telephone memo for Mr Heath.' is the memo's
    (["Documents released after 30 years reveal the failed negotiations.",
      '"Jeremy said he was encountering a rather embarrassing problem with his colleagues," '
      'reads a telephone memo for Mr Heath.'], ["a telephone memo"]),
    # "read the statement" after an organisation's quotation stays with them
    (['"We will appeal," Valve said.',
      '"The method used was extremely easy for Valve to trace," read the statement.'],
     ["Valve"]),
])
def test_a_quotation_a_document_reads(paragraphs: list[str],
                                      expected: list[str | None]) -> None:
    assert speakers(*paragraphs)[len(speakers(paragraphs[0])):] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # tech/064, politics/346: a backshifted "they would/could" right after a person's
    # reported statement goes on reporting it
    ("Ms Milanesi said more models would likely be released in the coming year with hard "
     "drives. But they would be more likely to compete with the smaller capacity music "
     "players.", "Milanesi"),
    ("Alan Milburn said Labour would win. Nobody, he claimed, could picture Liberal Democrat "
     "leader Charles Kennedy walking up Downing Street. They could, however, picture Michael "
     "Howard doing it.", "Alan Milburn"),
    # a "they would" with no statement before it is narration
    ("The shops opened early. They would close at noon.", None),
])
def test_a_backshifted_modal_goes_on_reporting(paragraph: str, expected: str | None) -> None:
    assert speakers(paragraph)[-1] == expected
