"""Rules from the fourth round on unseen articles (issue 12, after `gold_blind6`): who the
story's described first source is, documents and figures by their owner, content before
"..., the Financial Times reported.", names after an employer and a role, and names the
article shows to be organisations. Each rule with real prose and with prose where it must
not fire."""
from __future__ import annotations

import pytest

from corpus.people_organisations import organisation_evidence
from tests.corpus.attributed import attribute, speakers


@pytest.mark.parametrize("paragraph, expected", [
    # an organisation's name, a lower-case role, then the full name (sport/216)
    ('"This hasn\'t happened in the Spanish league and Spain for many years," said Spanish '
     'Federation press officer Fernando Garrido.', "Fernando Garrido"),
    ('The deal was good, said Microsoft chief executive Steve Ballmer.', "Steve Ballmer"),
    # must not fire: the name is the content's subject, not the verb's
    ('He said Microsoft chief executive Steve Ballmer was wrong.', None),
])
def test_name_after_an_employer_and_a_role(paragraph: str, expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # a full name and where they work after a quotation, no comma before the verb (tech/069)
    ('"We\'re a nation of lazy so-and-sos," David Noone from Intervoice said.', "David Noone"),
    ('"It was a good year," Jane Smith of the Halifax Building Society said.', "Jane Smith"),
    # with a comma, as before (tech/296)
    ('"It is a big show," Kirsten Pfeifer from the Consumer Electronics Association, told '
     'reporters.', "Kirsten Pfeifer"),
    # must not fire: an organisation's name, a role and the person (business/286)
    ('"We need a good and feasible plan," National Bureau of Statistics chief Li Deshui told '
     'reporters.', "Li Deshui"),
])
def test_name_and_workplace_after_a_quotation(paragraph: str, expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # a full name and a possessive description after a quotation, no closing comma
    ('"What happens here today, we will see in nine months to a years\' time in the UK," '
     'Adam Hume, the BBC Broadcast\'s futurologist told the BBC News website.', "Adam Hume"),
    ('"It is good," Mary Smith, the firm\'s lawyer told reporters.', "Mary Smith"),
    # must not fire: no name before the description
    ("The deal, the firm's biggest told reporters.", None),
])
def test_name_before_a_possessive_description(paragraph: str, expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraphs, expected", [
    # business/236: the agency of the lead is named in the next paragraph
    (("New safeguards on credit and debit card payments in shops has led fraudsters to focus "
      "on internet and phone payments, an anti-fraud agency has said.",
      "Anti-fraud consultancy Retail Decisions says 'card-not-present' fraud has risen since "
      "the start of 2005."), "Retail Decisions"),
    # business/296: "a charity" and the charity condemning the move (an organisation: it
    # has a head of trade policy)
    (("Millions of the world's poorest textile trade workers will lose their jobs under new "
      "trade rules, a charity has warned.",
      "The World Trade Organisation (WTO) is to end its Multi-Fibre Agreement. Christian Aid "
      "condemned the move, saying it would see almost a million jobs in Bangladesh alone "
      "being axed.",
      '"The losers will be the most vulnerable workers," Andrew Pendleton, Christian Aid\'s '
      'head of Trade Policy, said.'), "Christian Aid"),
    # politics/216: a person's description and a person with a role
    (("The government is being naive by refusing to allow phone-tap evidence in court, a "
      "senior EU politician says.",
      "Javier Solana, EU foreign policy chief, says phone-tap evidence works in the courts of "
      "other European countries."), "Javier Solana"),
    # tech/226: a study, and its author named with the report
    (("By 2025, 40% of the UK's population will still be without internet access at home, "
      "says a study.",
      "Around 23 million Britons will miss out on essential services, predicts the report by "
      "telecoms giant BT."), "BT"),
    # must not fire: the next statement is a vague source's
    (("WorldCom's ex-head never made accounting decisions, a witness has told jurors.",
      "Prosecutors say the scheme was a fraud. David Myers said he had been told to do it."),
     None),
    # must not fire: a person's description and an organisation speaking next
    (("The plan is laughable, a clergyman has said.",
      "Acme Widgets said the plan would go ahead."), None),
    # must not fire: a study's description and a person speaking next (the study stays)
    (("Women MPs suffer shocking levels of sexist abuse, a new study shows.",
      "Minister Yvette Cooper said the findings were worrying."), "study"),
])
def test_a_described_first_source_named_next(paragraphs: tuple[str, ...],
                                             expected: str | None) -> None:
    assert speakers(*paragraphs)[0] == expected


@pytest.mark.parametrize("paragraphs, expected", [
    # business/236: an owner's survey with words after it, and an owner's figures
    (("Retail Decisions' survey on the implementation of chip and pin found that shoppers "
      "had adapted easily to the new system.",), "Retail Decisions"),
    (("Within this, internet fraud totalled £43m, Apacs' figures show.",), "Apacs"),
    # politics/112: a words between the owner's inquiry and its verb
    (("Sir Alan Budd's inquiry also found Mr Blunkett's account of events had been wrong.",),
     "Alan Budd"),
    # tech/226: the report's author, named with the report, concludes
    (("Around 23 million Britons will miss out, predicts the report by telecoms giant BT.",
      'The idea that the digital divide will evaporate with time is "wishful thinking", the '
      'report concludes.'), "BT"),
    (("Gaming on the move is one of the fastest-growing activities in India, says a report.",),
     "a report"),
    # must not fire: "claim" is a noun in a thing the inquiry did
    (("Sir Alan Budd's inquiry linked the ex-home secretary to the speeding up of a visa "
      "claim by his ex-lover's nanny.",), None),
    # must not fire: "show" as a noun, and people showing something
    (("The new TV show was a hit. Viewers show their love.",), None),
])
def test_documents_and_figures_speak_for_their_owner(paragraphs: tuple[str, ...],
                                                     expected: str | None) -> None:
    assert speakers(*paragraphs)[-1] == expected


def test_an_owned_poll_is_no_headline_statement() -> None:
    """politics/402: "Brown's poll campaign move denied" (someone denied his move)."""
    assert attribute("The Treasury said nothing.",
                     headline="Brown's poll campaign move denied")[0][0] is None


@pytest.mark.parametrize("paragraph, expected", [
    # the content, a comma, then the source and a weak verb closing the sentence
    ("Some 2,000 jobs at MG Rover's Midlands plant may be cut if investment in the firm goes "
     "ahead, the Financial Times has reported.", "Financial Times"),
    ("Economic growth is likely to be constrained during the next few years by rising taxes, "
     "Deloitte believes.", "Deloitte"),
    ('"If you think of a robot as a companion, you can think of 20 years into the future," '
     'concluded Professor Dautenhahn.', "Dautenhahn"),
    # must not fire: a plain object, or no content at all
    ("The police concluded the investigation on Monday.", None),
    ("In the end, the team agreed.", None),
])
def test_content_before_a_weak_verb(paragraph: str, expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


def test_a_publication_reporting_is_not_the_company() -> None:
    """tech/268: "the company" after "..., the New York Times reports." is still IBM."""
    got = speakers("Computer giant IBM says 500 of its software patents will be released.",
                   "IBM was granted 3,248 patents in 2004, more than any other firm in the US, "
                   "the New York Times reports.",
                   "The company said it wanted to encourage other firms to release patents.")
    assert got == ["IBM", "New York Times", "IBM"]


@pytest.mark.parametrize("text, organisation", [
    ("Andrew Pendleton, Christian Aid's head of Trade Policy, said.", "christian aid"),
    ("Retail Decisions chief executive Carl Clump told the BBC.", "retail decisions"),
    ("Manchester United boss Alex Ferguson said.", "manchester united"),
    ("Anti-fraud consultancy Retail Decisions says fraud has risen.", "retail decisions"),
    # must not fire: a person's aide, a person before a role
    ("Tony Blair's chief of staff said it.", None),
    ("Gordon Brown chief of nothing.", None),
])
def test_organisations_shown_by_their_offices(text: str, organisation: str | None) -> None:
    found = organisation_evidence([text])
    assert (next(iter(found), None)) == organisation


def test_it_after_an_organisation_shown_by_an_office() -> None:
    """business/296: Christian Aid, a charity with a head of trade policy, is "it"."""
    got = speakers("Christian Aid has called on British firms not to simply cut and run.",
                   "It added that many sacked garment workers could end up in far worse jobs.",
                   '"The losers will be the most vulnerable workers," Andrew Pendleton, '
                   "Christian Aid's head of Trade Policy, said.")
    assert got[:2] == ["Christian Aid", "Christian Aid"]


_POLL = ('"The main issue is that not everyone has the pins they need," said Mr Clump. Nearly '
         "two thirds - 65% - of the 1,000 people interviewed said they had used chip and pin to "
         "make payments. Of these, 83% were happy with the experience, though nearly a quarter "
         "said they struggled to remember their pin number. However, only 34% said they had "
         "received replacement cards.")


def test_a_share_of_the_people_polled_and_the_shares_after_it() -> None:
    """business/236: the group polled speaks, and the bare shares after it are theirs."""
    assert speakers(_POLL) == ["Clump", *["the people interviewed"] * 3]


@pytest.mark.parametrize("paragraph, expected", [
    ("More than a third of respondents said they were concerned that spam e-mails contained "
     "viruses.", "respondents"),
    ("And 4% of those questioned thought the Conservatives were in power.", "those questioned"),
    ("More than 50% of mobile owners reported they had had their phone stolen.",
     "mobile owners"),
    # must not fire: a number, not a share of a group
    ("Almost a quarter of a million US consumers complained of being targeted for identity "
     "theft in 2004, official figures suggest.", "official figures"),
    # must not fire: a bare share with no group polled before it, or after a firm
    ("Three-quarters said Mr Blunkett was right to go to court.", None),
    ("Sales rose 5%, the firm said. Only 30% said it was good.", "the firm"),
    # must not fire: a share of things, which say nothing
    ("Some 40% of the company's sales said little about its future.", None),
])
def test_shares_of_a_group_speak_for_it(paragraph: str, expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


def test_a_bare_share_after_a_firm_is_nobody() -> None:
    assert speakers("Sales rose 5%, the firm said. Only 30% said it was good.") == \
        ["the firm", None]


@pytest.mark.parametrize("paragraph, expected", [
    # unveil before a plan or a stance (then_determiner, as defend)
    ("Fox had unveiled a new strategy last year promising to launch new shows every season.",
     "Fox"),
    ("The Liberal Democrats have unveiled plans to build 100,000 new homes.",
     "Liberal Democrats"),
    # must not fire: a thing unveiled
    ("The museum unveiled a statue of Nelson.", None),
    ("Man Utd unveil new kit.", None),
])
def test_unveiled_plans_are_statements(paragraph: str, expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


_BROWN = ("The chancellor, Gordon Brown, said he was proud of his party's record on the "
          "economy, and would strive for continuing stability if elected.")


@pytest.mark.parametrize("headline, paragraphs, expected", [
    # a quoted fragment after the name, the speaker's own words below
    ("Brown 'proud of economy record'", (_BROWN,), ("Gordon Brown", "direct")),
    # the speaker's speech noun after the possessive
    ("Blair's hope for Blunkett return",
     ("On Wednesday Tony Blair said he hoped the former home secretary would serve again.",),
     ("Tony Blair", "reported")),
    # a headline's present tense
    ("Howard unveils Tory asylum plans",
     ("Tory leader Michael Howard said the plans would cut asylum claims.",),
     ("Michael Howard", "reported")),
    # must not fire: scare quotes about someone, whose own words say otherwise
    ("Ebbers 'aware' of WorldCom fraud",
     ("Mr Bernie Ebbers has denied all the charges, saying he was unaware of the fraud.",),
     (None, None)),
    # must not fire: a quotation reporting their words is someone else's claim
    ("Blair 'said he would stand down'",
     ("Tony Blair said he would stand down before the next election, a new book claims.",),
     (None, None)),
    # must not fire: a deal, no statement; a name nobody below speaks as
    ("O'Leary agrees new Villa contract",
     ("David O'Leary said he was delighted to stay at the club.",), (None, None)),
    ("Brown's poll campaign move denied",
     ("Gordon Brown said he had not moved the campaign.",), (None, None)),
])
def test_headlines_naming_their_speaker_first(headline: str, paragraphs: tuple[str, ...],
                                              expected: tuple[str | None, str | None]) -> None:
    who, _, kind = attribute(*paragraphs, headline=headline)[0]
    assert (who, kind) == expected


def test_a_regulator_is_not_the_company() -> None:
    """business/252: Ofcom spoke, but "the company" of a story about BT is not Ofcom."""
    got = speakers("The move comes after telecom regulator Ofcom said in November that the "
                   "firm must offer competitors equal access.",
                   "BT wants lighter regulation in exchange for the changes.",
                   "The company also unveiled plans to cut the wholesale prices of its "
                   "broadband product by about 8%.")
    assert got == ["Ofcom", None, "the company"]


@pytest.mark.parametrize("paragraph, expected", [
    # "with X <participle>" after a possessive place and before a publication's noun
    ("At its peak, The Osbournes had a regular audience of eight million, with America's TV "
     'Guide magazine describing the series as "a cross between The Simpsons and This Is '
     'Spinal Tap".', ("TV Guide", "organisation")),
    ("More plaudits are given to the home team, with Jaime Vargas lauding the manner in which "
     '"Spain dominated England with order and quality".', ("Jaime Vargas", "person")),
    # must not fire: a deed, no statement
    ("The team won, with Wayne Rooney scoring twice.", (None, None)),
])
def test_with_a_name_and_a_speech_participle(paragraph: str,
                                             expected: tuple[str | None, str | None]) -> None:
    who, kind, _ = attribute(paragraph)[1]
    assert (who, kind) == expected


@pytest.mark.parametrize("paragraph, expected", [
    # a paper's headline speaks for the paper (document_noun)
    ('Marca\'s headline says it all: "Wayne Rooney became crazy in the Bernabeu"', "Marca"),
    # a panel is a generic source (vague_head), and "recognised" with content before it
    ("That is according to an expert panel which gathered at the annual Consumer Electronics "
     "Show.", "an expert panel"),
    ("But it might not suit everyone, the panel recognised.", "the panel"),
    # must not fire: a court's panel rules; a club recognises a talent; an adverb is no name
    ("Earlier this month, a three-judge appeal court panel rejected the claim - filed in 1999 "
     "- in a 2-1 decision.", None),
    ("The club recognised his talent.", None),
    ("Internationally recognized regulation is now a key part of China's plans for its "
     "economy.", None),
])
def test_papers_panels_and_courts(paragraph: str, expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


def test_a_quotation_inside_a_report_is_the_inner_speakers() -> None:
    """sport/206: the paper reports (reported), Anelka's quotation is his (direct), and the
    run after it goes on with him."""
    rows = attribute('The News of the World reports that Nicolas Anelka told a French '
                     'magazine: "I either decide to win titles or to have an easy life. "I '
                     'think I will always choose football."')[1:]
    assert [(who, kind) for who, _, kind in rows] == [
        ("News of the World", "reported"), ("Nicolas Anelka", "direct"),
        ("Nicolas Anelka", "direct")]


@pytest.mark.parametrize("paragraph, expected", [
    # the statement closed by ", said <speaker>" is theirs, whatever verbs it holds
    ("The BBC recognises that TV over broadband is a reality and aims to innovate with it, "
     "said Rahul Chakkara, controller of BBCi.", ["Rahul Chakkara"]),
    ('The barrister who had represented Mr Martin had said the rules were "weighted '
     'overwhelmingly" in favour of the householder, said Mr Clarke.', ["Clarke"]),
    # must not fire: two clauses, two speakers
    ("Ukraine said the talks were useful, while Moscow said they were not.",
     ["Ukraine", "Moscow"]),
])
def test_a_closing_attribution_takes_the_whole_statement(paragraph: str,
                                                         expected: list[str]) -> None:
    assert speakers(paragraph) == expected


@pytest.mark.parametrize("paragraph, expected", [
    # hope with a clause after it (weak)
    ("The government hopes its new policy will create employment for construction workers.",
     "The government"),
    ("Mr Glazer, who owns the Tampa Bay Buccaneers team, hopes this will lead to a formal bid "
     "being accepted.", "Glazer"),
    # must not fire: hope as a noun after a demonym, or with no clause
    ("British hope Imelda Staunton is one of the favourites to land the best actress award.",
     None),
    ("Fans hope for a win.", None),
])
def test_hopes_with_a_clause(paragraph: str, expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("headline", ["Henman hopes ended in Dubai",
                                      "Clijsters hope on Aussie Open"])
def test_a_weak_verbs_form_opens_no_headline_statement(headline: str) -> None:
    """A weak verb's form is as often a noun in a headline ("Henman hopes ended")."""
    rows = attribute("Tim Henman said he hoped to play again soon.", headline=headline)
    assert rows[0][0] is None and rows[1][0] == "Tim Henman"


def test_neither_opens_no_name() -> None:
    """politics/344: "Neither Mr Howard nor Mr Letwin would say ..." names no "Neither
    Howard"; the Tory leader's statements are Michael Howard's."""
    got = speakers("Tory leader Michael Howard said taxes would fall.",
                   "Neither Mr Howard nor Mr Letwin would say exactly how they would use that "
                   "cash. So, Mr Howard hopes his message will start to hit home.")
    assert got[0] == got[2] == "Michael Howard"
    assert not any(who and who.startswith("Neither") for who in got)


@pytest.mark.parametrize("paragraphs, expected", [
    # narration about its subject, a colon, and a quotation to the sentence's end
    (("Ozzy Osbourne said he had had enough. Osbourne himself was at a loss to explain its "
      'popularity: "I suppose Americans get a kick out of watching a crazy Brit family."',),
     ("Ozzy Osbourne", "direct")),
    (('Some Liverpool fans would find such a move highly controversial, but Parry countered: '
      '"I recognise it would be an emotive issue for many supporters."',), ("Parry", "direct")),
    (("Barbara Roche said the figures were wrong. She went on: \"What I would like to see is "
      'a body which looked at the figures."',), ("Barbara Roche", "direct")),
    # must not fire: a question put to them, a quoted plan, a sign, a description; a long
    # narration whose "he" is anyone's guess
    (('Mr Blair was asked: "Will you stay?"',), (None, None)),
    (('Immigration minister Des Browne quoted its five-year plan for immigration and asylum, '
      'as saying: "We are implementing our existing powers."',), (None, None)),
    (('The sign outside Anfield read: "This is Anfield."',), (None, None)),
    (('But a Department for Education and Skills spokesman had a view: "Every day counts."',),
     (None, None)),
    (('Charles Kennedy spoke. He is prepared to go this far: "A clear conclusion has been '
      'reached."',), (None, None)),
])
def test_a_quotation_after_its_subjects_narration(paragraphs: tuple[str, ...],
                                                  expected: tuple[str | None, str | None]
                                                  ) -> None:
    who, _, kind = attribute(*paragraphs)[-1]
    assert (who, kind) == expected


def test_an_indefinite_spokeswoman_is_not_the_next_speaker() -> None:
    """entertainment/168: "a spokeswoman for MTV" is not the campaigner quoted next; "X,
    spokeswoman for the DEC" is still X."""
    got = speakers('But a spokeswoman for MTV said it was "unfair and inaccurate" to single out '
                   "MTV for criticism.",
                   'Brent Bozell, PTC president and conservative activist said: "MTV is '
                   'blatantly selling raunchy sex to kids."')
    assert got[0] != "Brent Bozell" and got[1] == "Brent Bozell"
    assert speakers("Patricia Sanders, spokeswoman for the Disaster Emergency Committee said it "
                    "was aware of the site. Ms Sanders said the committee had contacted US net "
                    "registrars.")[0] == "Patricia Sanders"
