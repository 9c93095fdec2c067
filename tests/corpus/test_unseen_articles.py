"""Rules made for articles nobody tuned on (issue 12): each case is real prose from the BBC
folder (the article named beside it), and each rule has cases where it must not fire."""
from __future__ import annotations

import pytest

from corpus.build import attribute_article
from corpus.loader import RawArticle
from corpus.quotes import quote_spans


def attribute(*paragraphs: str) -> list[tuple[str | None, str | None, str | None]]:
    article = attribute_article(RawArticle("t", "t.txt", "A headline with no speaker",
                                           tuple(paragraphs)))
    return [(s.speaker.name if s.speaker else None, s.speaker.kind if s.speaker else None,
             s.kind) for p in article.passages[1:] for s in p.sentences]


def speakers(*paragraphs: str) -> list[str | None]:
    return [who for who, _, _ in attribute(*paragraphs)]


@pytest.mark.parametrize(("paragraph", "speaker"), [
    # business/330
    ('"Agriculture and tourism are helping," said entrepreneur Drayton Valentine.',
     "Drayton Valentine"),
    # business/260
    ("Thailand may lose 30bn baht in earnings from tourism over the next three months, "
     "according to tourism minister Sontaya Kunplome.", "Sontaya Kunplome"),
    ('"Calculators will have to wait," said an IMF official in a briefing on Wednesday.',
     "An IMF official"),
    # tech/014
    ("The bill was backed by some hi-tech firms, saying they needed protections it offered "
     "to make research worthwhile.", "hi-tech firms"),
    # politics/411
    ('"It has been a fantastic few weeks," said 20-year-old politics student Nick Vaughan.',
     "Nick Vaughan"),
    # entertainment/327
    ('"Nicole would like to make it clear that she acknowledges she is a public figure," '
     "said Kidman's publicist Wendy Day.", "Wendy Day"),
    # business/077
    ('"The two companies have agreed on the pre-payment for long-term deliveries," said '
     "Russian oil official Sergei Oganesyan.", "Sergei Oganesyan"),
    # business/435
    ('"Currently, I think the strategic position is more sensible rather than an outright '
     'takeover," said one analyst quoted by the Agence France Presse news agency.', "Analyst"),
    # business/429
    ('"Things are getting worse, but that\'s to be expected," said David Wyss of Standard & '
     "Poor's in New York.", "David Wyss"),
    # sport/488
    ('"I kept thinking to myself \'I\'m not losing this game\'," said Williams afterwards.',
     "Williams"),
    # tech/270, sport/340, tech/058: a name that ends its clause at a comma, before "ahead
    # of", before a quotation
    ('"Net firms are realising that it\'s not just about anti-virus and firewalls," said '
     "Paul King, chief security architect at Cisco.", "Paul King"),
    ('"All the chat in France has been about how France will play against Ireland," said '
     "Castaignede ahead of the 12 March tie.", "Castaignede"),
    ('"The allowances are extremely generous," said Mr Ingram "For what we are seeing in '
     'the market place - they are really not an issue."', "Ingram"),
])
def test_a_speaker_described_in_lower_case_after_the_verb(paragraph, speaker):
    assert speakers(paragraph) == [speaker]


@pytest.mark.parametrize(("paragraph", "speaker"), [
    # business/406: the survey's author, never "a survey"
    ("According to a survey by Goldman Sachs & Co, sales surged 25% over the holiday season "
     "to $23.2bn.", "Goldman Sachs & Co"),
    # politics/011: a gerund describes nobody ("accusing the prime minister")
    ('Mr Fox responded by accusing the prime minister of "hiding away from the scrutiny of '
     "London's media\".", "Fox"),
])
def test_a_description_is_never_a_document_or_a_gerund(paragraph, speaker):
    assert speakers(paragraph) == [speaker]


@pytest.mark.parametrize(("paragraph", "speaker"), [
    # business/140: expect with an object and its infinitive
    ("Analysts had expected Japan's Nippon to agree to a price rise of between 40% and 50%.",
     "Analysts"),
    # business/330: observe, estimate
    ("Real losses have been suffered and somebody has to pay, observed Jack Boorman, adviser "
     "to IMF's managing director, Rodrigo Rato.", "Jack Boorman"),
    ("Few people have recovered more than about half their savings, Mr Baez Silva estimated.",
     "Baez Silva"),
    # politics/203: point out
    ("Mr Leigh also pointed out that the introduction of an IT system to help control future "
     "outbreaks had been delayed.", "Leigh"),
    # sport/200: a clause opening with a name is an attitude verb's content
    ("Ferguson believes Henry deliberately caught Heinze on the head with his knee during "
     "United's controversial win.", "Ferguson"),
    # sport/301: heap praise
    ("Ireland coach Eddie O'Sullivan heaped praise on Italy after seeing his side stutter to "
     "a 28-17 victory in Rome.", "Eddie O'Sullivan"),
    # sport/047: protest one's innocence
    ("But Kenteris has continually protested his innocence.", "Kenteris"),
    # tech/061: express concern that
    ("Some consumer groups have expressed concern that the tags could be used to monitor "
     "shoppers once they had left shops with their purchases.", "groups"),
    # tech/280: be confident (a clause after it)
    ("With both services on offer from Telewest, Mr Tveter is confident the cable firm can "
     "dent the viewing figures for terrestrial TV.", "Tveter"),
    # sport/395: hail
    ("Welsh legend Mervyn Davies, a member of two of three Grand Slam-winning sides of the "
     '1970s, hailed it as "one of the great performances of the past three decades".',
     "Mervyn Davies"),
    # business/260: "seemed to" between the subject and its verb
    ("Investors seemed to feel that some of the worst-affected areas were so under-developed "
     "that the tragedy would have little impact on Asia's listed firms.", "Investors"),
    # politics/389: an adverb in -ly between the subject and its verb
    ("Mr Brown vigorously denied Conservative claims that he had in effect fiddled the "
     "figures.", "Brown"),
    # entertainment/367: think
    ("Bob Strauss, from the LA Daily News, thinks there are just too many televised "
     "gatherings of stars showering praise on each other.", "Bob Strauss"),
    # politics/281: rejecting an idea is a statement
    ("Mr Knapman rejected the idea Mr Kilroy-Silk posed a threat to UKIP.", "Knapman"),
    # sport/318: a comparison too, whatever follows it
    ("Matt Williams rejected the comparison made in some media sources with Berti Vogts.",
     "Matt Williams"),
    # sport/294: "felt the result exposed ..." opens a clause
    ("London Irish coach Gary Gold felt the result exposed his side's lack of consistency.",
     "Gary Gold"),
])
def test_reporting_and_attitude_verbs_added_as_data(paragraph, speaker):
    assert speakers(paragraph) == [speaker]


def test_went_on_to_warn_and_a_superintendent_are_the_person_named_before():
    # tech/120
    rows = speakers('The head of the NHTCU, Acting Detective Chief Superintendent, Mick Deats, '
                    'said: "This investigation has resulted in the significant disruption of '
                    'organised criminals."',
                    'Chief Supt Deats went on to warn: "The internet offers huge legitimate '
                    'benefits for modern society."')
    assert rows == ["Mick Deats", "Mick Deats"]


@pytest.mark.parametrize("paragraph", [
    # tech/014: a vote, not a statement
    "Politicians unanimously rejected the bill and now it must go back to the Council of "
    "Ministers.",
    # tech/399
    "Poland has rejected the proposal and Germany's main political parties have opposed it.",
    # tech/164: feeling the pressure is no attitude
    "The two options would seem to be more stringent data protection law, so that companies "
    "really feel the pressure to improve their internal processes.",
    # sport/308: the writer's own "I"
    "Some of the Wales forwards surprised me because I thought they would be out-muscled in "
    "the tight five.",
    # business/152, entertainment/030: a participle with no clause after it
    "Brent crude also rose in London trading, adding $1.89 to $48.62 at the close.",
    # business/368: capitalised words that qualify the subject noun
    "Cash-strapped US companies, including those in the airline, car-making and steel "
    "industries, had argued in favour of the 2004 rule change, claiming that funding had "
    "become too costly.",
    # business/157: people questioned by a judge are interrogated
    "Mr Lebedev and Mr Khodorkovsky, who each face a possible 10 year jail sentence if "
    "convicted, will be questioned by a judge over the next few days.",
])
def test_no_statement_where_the_new_cues_are_no_speech(paragraph):
    assert speakers(paragraph) == [None]


def test_a_why_clause_is_no_statement_of_its_own():
    # politics/027: the statement is Lord Butler's quotation, direct
    assert attribute('Asked why he thought the warnings were not there Lord Butler said: "One '
                     'has got to remember what the purpose of the dossier was."') == \
        [("Butler", "person", "direct")]


def test_a_question_s_speaker_is_not_whoever_answers_it():
    # politics/267
    rows = speakers("So is UKIP's job to destroy the Tories, as former member Robert "
                    "Kilroy-Silk once notoriously declared?",
                    '"No. The aim of UKIP is to withdraw from the EU."')
    assert rows == ["Robert Kilroy-Silk", None, None]


def test_a_deputy_is_never_the_office_itself():
    # politics/260: "the prime minister" is not "deputy prime minister Mr Prescott"
    rows = speakers('On Tuesday, deputy prime minister Mr Prescott told BBC News: "They told '
                    'us very clearly."',
                    "The new book claims Mr Prescott hosted a dinner in November 2003 where "
                    "the prime minister told Mr Brown he would stand down before the next "
                    "election.")
    assert rows[0] == "Prescott" and rows[1] != "Prescott"


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # politics/230: guidance and leaflets speak as documents; "it" takes the document up
    (('Doing what you "honestly and instinctively" believed was necessary would be the '
      "strongest evidence of acting lawfully, the guidance said.",), ["the guidance"]),
    (('And the law protects those who use "something to hand" as a weapon, said the leaflet '
      "published jointly by the Crown Prosecution Service (CPS) and Association of Chief "
      "Police Officers (ACPO).",
      "As a general rule, the more extreme the circumstances and fear felt, the more force "
      "can be used lawfully in self-defence, it said."), ["the leaflet", "the leaflet"]),
    # tech/150: "It found" after a report whose author the article names
    (("A quarter of broadband users in Britain regularly upload content and have personal "
      "sites, according to a report by UK think-tank Demos.",
      "It found that more than half of those with broadband logged on to the web before "
      "breakfast."), ["Demos", "Demos"]),
    # politics/269: "It found" after a speaker that is no report's author: nobody
    (("Teenagers said they were proud to be British.",
      "It found the Union flag and fish and chips topped the list of symbols and foods "
      "associated with being British."), ["Teenagers", None]),
])
def test_documents_speak_and_it_takes_them_up(paragraphs, expected):
    assert speakers(*paragraphs) == expected


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # politics/177
    (("In March this year, North Wales Police reopened the case, saying materials kept "
      "during their investigations would be examined.",), ["North Wales Police"]),
    # business/222
    (("Natural resources minister Yuri Trutnev said the rules would change.",
      "No further details were given, with Mr Trutnev suggesting that Russia may decide on a "
      "case-by-case basis."), ["Yuri Trutnev", "Yuri Trutnev"]),
])
def test_a_speech_participle_gives_the_subject_a_statement(paragraphs, expected):
    assert speakers(*paragraphs) == expected


@pytest.mark.parametrize(("paragraph", "expected"), [
    # tech/014: the person before two appositions
    ("Hugo Lueders, European director for public policy at CompTIA, an umbrella organization "
     "for technology companies, said only when intellectual property was adequately "
     "protected would European inventors prosper.", ("Hugo Lueders", "person")),
    # politics/177: a role agent named after a comma
    ("Mr Llwyd's theory has also been questioned by Plaid Cymru's former President, Dafydd "
     "Wigley.", ("Dafydd Wigley", "person")),
    # business/140: "and" inside a company's name
    ("China's Baoshan Iron and Steel Co. said it was delaying a share sale because of weak "
     "market conditions.", ("China's Baoshan Iron and Steel Co.", "organisation")),
    # business/330, tech/014: generic sources
    ("Argentina's current offer implies that the creditors would get just 25 cents for each "
     "dollar they are owed, according to the creditors.", ("the creditors", "vague")),
    ("Other proponents of the bill said it was a good compromise.", ("proponents", "vague")),
])
def test_names_and_sources_read_whole(paragraph, expected):
    assert [(who, kind) for who, kind, _ in attribute(paragraph)] == [expected]


@pytest.mark.parametrize(("paragraph", "expected"), [
    # entertainment/178: an attribution the rules cannot read names someone else than the
    # last speaker, and so does the run after it
    # (business/391's unread "said Credit Suisse First Boston analyst Vadim Mitroshin The
    # dispute ...", a missing full stop)
    ('Mike Lake said the deal was done. "The litigation risks are real," said Credit Suisse '
     "First Boston analyst Vadim Mitroshin The dispute with the Russian authorities is "
     "partly driven by politics.", ["Mike Lake", None]),
    # sport/093: "the ..." mostly describes the last speaker
    ("Jamie Costin said he was lucky. "
     '"I was in a lot of pain and I guessed that one of my toes was broken," says the '
     "Waterford man.", ["Jamie Costin", "Jamie Costin"]),
    # entertainment/036: "added" goes on with the last speaker
    ("Tom Hanks said he loved the film. \"Christmas is a special time of the year and you get "
     'out of it what you put into it," added the two-time Academy Award winner.',
     ["Tom Hanks", "Tom Hanks"]),
])
def test_a_quotation_whose_attribution_cannot_be_read(paragraph, expected):
    assert speakers(paragraph) == expected


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # politics/089, politics/159: a party alone speaks as the party
    (("Labour said he had \"cleverly\" not asked about paid advocacy.",),
     [("Labour", "organisation")]),
    # politics/260: a document's owner before adjectives, and "they" after it
    (("Labour's new posters say Britain is enjoying the lowest inflation since the 1960s.",
      "They urge voters not to let the Tories take things backwards."),
     [("Labour", "organisation"), ("Labour", "organisation")]),
    # business/260: the head before "including ..." speaks
    (("However, many experts, including the World Bank, have pointed out that it is still "
      "difficult to assess the magnitude of the disaster.",), [("experts", "vague")]),
    # politics/400: "called him a"
    (('Prime Minister Tony Blair called him a "giant" of the Labour movement.',),
     [("Tony Blair", "person")]),
])
def test_parties_documents_and_characterisations(paragraphs, expected):
    assert [(who, kind) for who, kind, _ in attribute(*paragraphs)] == expected


@pytest.mark.parametrize("paragraph", [
    # politics/147, politics/331: a bare passive in a headline-like sentence
    "Labour accused of broken pledge.",
    "Labour attacked on Howard poster.",
    # a verb of telling before "of" is still speech, but nobody is named here
    "He told of his ordeal in the camp.",
])
def test_a_bare_passive_is_no_statement(paragraph):
    assert speakers(paragraph) == [None]


def test_a_subject_before_a_quoted_verb_carries_nobody_else_s_words():
    # politics/089: "A Tory spokesman" names someone of its own
    rows = speakers('Labour said he had "cleverly" not asked about paid advocacy. A Tory '
                    'spokesman "totally refuted" any wrongdoing.')
    assert rows == ["Labour", None]


def test_he_would_right_after_a_reported_statement_goes_on_reporting_it():
    # business/330
    rows = attribute("Drayton Valentine explained that initially, his firm is going to "
                     "export building materials to Spain and United States. Then, he would "
                     "like to diversify to other areas, depending on the market.")
    assert rows == [("Drayton Valentine", "person", "reported")] * 2


def test_kin_nouns_are_roles_of_the_person_named():
    # entertainment/152
    rows = speakers('"We\'ve had them for a lot of years, and I think the people should '
                    'enjoy them. And frankly, we could use the money," Mr Nogar\'s son '
                    'Stephen, 57, said before the auction. "He called them his \'ass-saver\' '
                    'tapes," his son said.')
    assert rows == ["Stephen", "Stephen", "Stephen"]


def test_a_name_after_an_opening_clause_takes_the_focus():
    # politics/400
    rows = speakers("Liberal Democrat leader Charles Kennedy said he would be missed.",
                    "Born in 1912 and educated at Portsmouth Northern Secondary School, Lord "
                    "Callaghan became a clerk at the Inland Revenue.",
                    "When he refused to support prime minister Harold Wilson in 1968, he "
                    'said: "I am not going to resign."')
    assert rows == ["Charles Kennedy", None, "Callaghan"]


def test_a_quotation_closed_from_an_earlier_paragraph_and_heard_from():
    # politics/177: the mark closes the quotation begun before; "heard from" puts Lord
    # Roberts of Conwy (whose name stays whole after his role) in focus
    rows = speakers("Ex-Welsh Office Minister Lord Roberts of Conwy denied security services "
                    "were involved.",
                    'and perhaps interfering and creating a situation where it looked like it '
                    'was the nationalists that were responsible." The programme also heard '
                    "from Lord Roberts of Conwy, who was a Welsh Office minister at the time. "
                    "He denied that the security services played any improper role.")
    assert rows == ["Lord Roberts of Conwy", None, None, "Lord Roberts of Conwy"]


def test_an_inch_mark_opens_no_quotation():
    # issue 12: "a 6' 2" striker"
    assert quote_spans("The 6' 2\" striker said he was fit.") == []


def test_he_would_after_someone_else_or_a_direct_quote_carries_nothing():
    rows = attribute('Drayton Valentine said: "We will export." He would later move to Spain.')
    assert rows[1] == (None, None, None)


_COLLINS = ("Ms Kelly said reforms should build on GCSEs and A-levels. Her comments did not "
            "impress {}. \"Ruth Kelly wants to ditch the Tomlinson report on exam structures "
            'but has absolutely no idea what to put in its place," he said. "She also talks of '
            'improving discipline but cannot make her mind up how."')


@pytest.mark.parametrize(("named", "expected"), [
    # politics/055: "he" cannot be Ruth Kelly; the one man named since her is the speaker
    # (`attribution/salience.py`), and the run after the quotation is his
    ("Tory shadow education secretary Tim Collins",
     ["Ruth Kelly", None, "Tim Collins", "Tim Collins"]),
    # must not fire: with two men named since, "he" names nobody, and neither the quotation
    # nor its run is hers
    ("Tim Collins or John Smith", ["Ruth Kelly", None, None, None]),
])
def test_a_pronoun_the_focus_cannot_be_ends_her_run(named, expected):
    assert speakers(_COLLINS.format(named)) == expected


@pytest.mark.parametrize(("paragraph", "expected"), [
    # politics/027: words between an owner's document and its verb
    ("Lord Butler's report earlier this year into Iraq intelligence said the intelligence "
     "was thin.", ["Butler"]),
    # a document that is no owner's names nobody
    ("The report earlier this year into Iraq intelligence said the intelligence was thin.",
     [None]),
])
def test_an_owner_s_document_speaks_across_the_words_before_its_verb(paragraph, expected):
    assert speakers(paragraph) == expected


def test_a_question_quoted_before_he_asked_keeps_its_run():
    # sport/318: '"...?" he asked' goes on with the speaker in focus
    rows = speakers("Scotland coach Matt Williams said he would stay.",
                    '"How can a German football coach and an Australian rugby coach have '
                    'anything in common?" he asked.')
    assert rows == ["Matt Williams", "Matt Williams"]
