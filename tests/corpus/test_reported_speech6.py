"""Rules from the sixth round on unseen articles (issue 12, after `gold_blind9`): documents
and rumours as sources, "both A and B", a closing "it added", "telling" with its addressee,
a workplace after a comma, a verbless attribution after a quotation, a headline closed by
"says X" and publications typed as organisations. Each rule with real prose and with prose
where it must not fire."""
from __future__ import annotations

import pytest

from tests.corpus.attributed import attribute, speakers


@pytest.mark.parametrize("paragraph, expected", [
    # politics/303: released papers speak as a generic source
    ("Documents show that Sir Edward mulled over resigning and perhaps returning to coalition "
     "government in a Labour-led coalition.", "Documents"),
    ("According to the documents released at the National Archives, the first meeting went "
     "well.", "the documents"),
    # entertainment/105, entertainment/137
    ("However, recent rumours have suggested that Simpson has been wanting to quit the band to "
     "focus on Fightstar.", "rumours"),
    # must not fire: no statement
    ("The documents were released after 30 years.", None),
    ("Rumours about a possible takeover boosted the firm's shares by more than 10%.", None),
])
def test_documents_and_rumours_are_generic_sources(paragraph: str,
                                                   expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


def test_both_a_and_b_inside_a_statement_are_its_content() -> None:
    # politics/303: "both Sir Edward and Mr Thorpe thought" is what the documents say
    out = attribute('According to the documents released at the National Archives, the '
                    '"friendly and easy" first meeting indicated that both Sir Edward and Mr '
                    'Thorpe thought they had the makings of a deal.')
    assert [who for who, _, _ in out[1:]] == ["the documents"]


@pytest.mark.parametrize("paragraphs, expected", [
    # entertainment/065: ", it added" closing the sentence is the trade paper's, and the
    # distributor's "expects" is what the paper reports
    (("It has registered the highest opening weekend takings of any Japanese film in the "
      "country, according to trade publication Screen Daily.",
      "The film's distributor Toho expects 40 million people to see it in total - almost one "
      "third of the country's population - it added."), "Screen Daily"),
    # must not fire after a quotation: 'X derided the photo call, saying: "..." Labour had
    # broken promises ..., he said.' (politics/260, two sentences the splitter joined)
    (("Mr Milburn promised an upbeat campaign.",
      'Conservative co-chairman Liam Fox derided the photo call, saying: "The show of unity '
      'was the worst acting I have seen." Labour had broken promises by raising taxes 66 times, '
      'he said.'), "Liam Fox"),
])
def test_a_closing_pronoun_attribution_takes_the_sentence(paragraphs: tuple[str, ...],
                                                          expected: str) -> None:
    assert speakers(*paragraphs)[-1] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # politics/175
    ('Gordon Brown has issued a rallying cry, telling supporters the "stakes are too high" to '
     "stay at home or protest vote in the forthcoming general election.", "Gordon Brown"),
    ("Mr Smith left the stage, telling reporters he would return.", "Smith"),
    # must not fire: a story told, no one told anything
    ("The author sat down, telling the story of a man who was lost at sea.", None),
])
def test_telling_after_a_comma_with_its_addressee(paragraph: str,
                                                  expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


def test_a_workplace_after_a_comma_with_no_comma_after_it() -> None:
    # business/175: "Emmanuel Ferry, from Exane BNP Paribas told" is the person
    out = speakers('"It\'s a growth that will remain fragile," Emmanuel Ferry, from Exane BNP '
                   "Paribas told Reuters news agency.")
    assert out[0] == "Emmanuel Ferry"


@pytest.mark.parametrize("paragraphs, expected", [
    # business/165: the verb left out after the quotation; the employer's possessive dropped
    (("Gary Thayer, an economist at AG Edwards & Sons, was cautious.",
      "The growth figure makes a rate rise less likely, economists said. \"The economy regained "
      "some traction in the third quarter, but the growth is not robust,\" AG Edwards' Thayer."),
     "Thayer"),
    # must not fire when the quotation does not open the sentence (a title, a fragment)
    (("The film opened last week.", 'Critics called it "a triumph, a classic," Mr Smith.'),
     None),
])
def test_a_name_after_a_quotation_with_no_verb(paragraphs: tuple[str, ...],
                                               expected: str | None) -> None:
    who = speakers(*paragraphs)[-1]
    # (the surname is enough: the people table keeps "AG Edwards Thayer" beside Gary Thayer)
    assert who == expected if expected is None else who and who.split()[-1] == expected


@pytest.mark.parametrize("headline, expected", [
    # business/463
    ("US economy still growing says Fed", "Fed"),
    # must not fire when the story gives the name no statement
    ("Shares rise says nobody", None),
])
def test_a_headline_closed_by_says_and_a_name(headline: str, expected: str | None) -> None:
    out = attribute("Most areas of the US saw their economy expand, the Fed said.",
                    headline=headline)
    assert out[0][0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # entertainment/065, business/316
    ("It has registered the highest takings, according to trade publication Screen Daily.",
     "organisation"),
    ("German magazine Der Spiegel said the talks were about where to base the board.",
     "organisation"),
])
def test_a_publication_named_after_its_noun_is_an_organisation(paragraph: str,
                                                              expected: str) -> None:
    assert attribute(paragraph)[1][1] == expected


@pytest.mark.parametrize("paragraphs, expected", [
    # business/433: the firm the article shows ("Shares in Cairn Energy") is "the UK firm" of
    # a time clause in the same sentence, and "The firm, which ..., said" after it
    (("Shares in Cairn Energy rose 3.8% to 1,088 pence on Tuesday after the UK firm announced "
      "a fresh gas discovery in northern India.",), ["Cairn Energy"]),
    (("Shares in Cairn Energy rose 3.8% to 1,088 pence on Tuesday.",
      "The firm, which last year made a number of other new finds in the Rajasthan area, said "
      "the latest discovery could lead to large gas volumes."), [None, "Cairn Energy"]),
    # business/404
    (("Shares in Continental Airlines have tumbled after the firm warned it could run out of "
      "cash.",), ["Continental Airlines"]),
    # must not fire: the organisation named after the noun is another one; a person noun
    # after "after" is left alone
    (("Shares rose after the company said it would sue Menatep Group.",), ["the company"]),
    (("Mr Smith scored twice. Fans cheered after the 30-year-old said he would stay.",),
     [None, None]),
])
def test_the_firm_an_article_shows_is_the_firm_after_it(paragraphs: tuple[str, ...],
                                                        expected: list[str | None]) -> None:
    assert speakers(*paragraphs) == expected


@pytest.mark.parametrize("paragraphs, expected", [
    # sport/211, sport/427: a surname with an apposition after a sentence's "And"
    (("Arsenal midfielder Edu has been linked with Real Madrid.",
      'And Edu, 26, added: "My brother is due to come to London on Thursday."'), "Edu"),
    (("Andre Agassi beat Jurgen Melzer in four sets.",
      "And Agassi, who was more than matched for power by his opponent's two-handed backhand, "
      "said Melzer was an example of several players on the tour."), "Andre Agassi"),
    # must not fire after a preposition: "In London, ..." opens no subject
    (("Andre Agassi beat Jurgen Melzer in four sets.",
      "In Melbourne, the capital of Victoria, officials said the roof would stay open."),
     "officials"),
])
def test_a_head_after_an_opening_and_keeps_its_apposition(paragraphs: tuple[str, ...],
                                                          expected: str) -> None:
    assert speakers(*paragraphs)[-1] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # business/166, politics/146, tech/191: an organisation word heading its name
    ('"We\'ve always said we are going to introduce a hybrid Bill for Crossrail in the '
     'Spring," the Department for Transport said on Sunday.', "Department for Transport"),
    ("In a statement, the Department of Trade and Industry said the new policy meant fewer "
     "waste shipments.", "Department of Trade and Industry"),
    ("Online communities could encourage public debate, says the Institute of Public Policy "
     "Research (IPPR).", "Institute of Public Policy Research"),
    ("The Ministry of Defence said the soldiers would be home by Christmas.",
     "Ministry of Defence"),
    # must not fire: a role heading its office is no organisation
    ("The Secretary of State for Health said the plans would go ahead.",
     "Secretary of State for Health"),
])
def test_an_organisation_word_heading_its_name(paragraph: str, expected: str) -> None:
    assert speakers(paragraph)[0] == expected


def test_an_and_inside_an_organisations_name_joins_no_subjects() -> None:
    # politics/315: "A Department for Work and Pensions spokeswoman" is one phrase, and her
    # "she said" after it is the department's
    out = speakers("A Department for Work and Pensions spokeswoman confirmed Mr Smith was "
                   'still in post. "No date was ever given for Doug Smith\'s departure," she '
                   "said.")
    assert out == ["Department for Work and Pensions"] * 2


def test_a_participles_object_before_an_apposition_does_not_speak() -> None:
    # politics/176: the Office is what the committee scrutinises
    out = speakers("In their November report, MPs from the committee scrutinising the Office "
                   "for the Deputy Prime Minister, responsible for housing, said most illegal "
                   "traveller encampments were caused by a lack of places to stop.")
    assert out[0] != "Office for the Deputy Prime Minister"


@pytest.mark.parametrize("paragraphs, expected", [
    # business/123: "It said" after an organisation noun no name was found for goes on with it
    (("Metrovias, the private firm which runs the five tube lines in the city, has offered an "
      "8% increase in wages. The firm promised no jobs would be lost.",
      "It said it would put this commitment on paper."), ["the firm"]),
    # business/147: a lower-case "it" inside another statement is that statement's content
    (("The firm promised no jobs would be lost.",
      "Growth slowed in the fourth quarter, and the central bank said it expected 6% "
      "expansion in 2005."), [None]),
])
def test_it_goes_on_with_an_organisation_noun(paragraphs: tuple[str, ...],
                                              expected: list[str | None]) -> None:
    assert speakers(*paragraphs)[-len(expected):] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # business/111, sport/412: an announcement still to come, a thing and a time
    ("The company, which has had dual headquarters in Rotterdam and London since 1930, will "
     "announce the location of its head office at a later date.", None),
    ("France coach Bernard Laporte will announce his starting line-up next Tuesday for the "
     "match against Wales.", None),
    # still speech: its content given, or said already
    ("Mr Brown will announce that taxes will rise.", "Brown"),
    ("Mr Brown announced the plans on Monday.", "Brown"),
])
def test_an_announcement_still_to_come_says_nothing(paragraph: str,
                                                     expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # entertainment/007, politics/229: judges of a prize or a court, and a reviewer
    ('"It\'s hard to think of anybody not enjoying it," wrote the judges.', "the judges"),
    ('And it was difficult to say that the investigation "has been timely, open or '
     'effective", the judges said.', "the judges"),
    ('"This three-hour buttnumbathon is hamstrung by a hectoring grandiosity," wrote one '
     "reviewer in Rolling Stone magazine.", "Reviewer"),
])
def test_judges_and_reviewers_are_generic_sources(paragraph: str, expected: str) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraphs, expected", [
    # sport/150, sport/154: a nationality's noun is the person in focus, like "the 30-year-old"
    (("Tottenham boss Martin Jol was pleased with the win.",
      '"It was a professional sort of performance," the Dutchman said.'), "Martin Jol"),
    (("Jose Antonio Reyes has apologised to Arsenal.",
      "The Spaniard believed he was talking to Real Madrid sporting director Emilio Butragueno."),
     "Jose Antonio Reyes"),
    # must not fire on the woman in focus: "the Irishman" is a man
    (("Ms O'Sullivan won the race in Dublin.", '"It was hard," the Irishman said.'), None),
])
def test_a_nationalitys_noun_is_the_person_in_focus(paragraphs: tuple[str, ...],
                                                    expected: str | None) -> None:
    assert speakers(*paragraphs)[-1] == expected
