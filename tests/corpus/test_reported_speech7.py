"""Rules from the seventh round on unseen articles (issue 12, attr8): a speech verb's noun
form closing a speaker's description, and a common noun opening a headline. Each rule with
real prose and with prose where it must still fire."""
from __future__ import annotations

import pytest

from tests.corpus.attributed import attribute, speakers

_CRAIG = ('"Broadband is putting the \'me\' in media as it shifts power from institutions and '
          'into the hands of the individual," said John Craig, co-author of the Demos report. '
          '"From self-diagnosis to online education, broadband creates social innovation."')


def test_report_closing_a_description_after_said_is_a_noun() -> None:
    # tech/150: "co-author of the Demos report." was cut as a clause of its own (the noun
    # "report" read as a verb), and the quotation after it went to someone named later
    out = attribute(_CRAIG, 'The Demos report was commissioned by AOL.')
    assert [who for who, _, _ in out[1:]] == ["John Craig", "John Craig", None]


@pytest.mark.parametrize("paragraph, expected", [
    # a weak verb closing the sentence after a closed quotation still speaks
    ('"We are very pleased with the figures," he noted.', "Hosford"),
    # ... and after content before a comma: tech/211
    ('The idea that the digital divide will evaporate is "wishful thinking", the report '
     'concludes.', "the report"),
])
def test_weak_verb_closing_a_quotation_still_speaks(paragraph: str, expected: str) -> None:
    assert speakers("Mr Hosford runs the study.", paragraph)[1] == expected


@pytest.mark.parametrize("headline, body, expected", [
    # business/451: "Australian winemaker Southcorp has rejected ...": "Winemaker" is a noun
    ("Winemaker rejects Foster's offer",
     ["Australian winemaker Southcorp has rejected a takeover offer from brewer Foster's.",
      "Southcorp said the offer was too low."], None),
    ("Book claims denied",
     ["The publisher of a new book has denied claims made in it about the minister.",
      "The book was published on Monday."], None),
    # must still fire: a name the story capitalises inside a sentence
    ("Apple rejects iPod claims",
     ["Computer giant Apple has rejected claims that its iPod batteries fail.",
      "A spokesman said Apple stood by the product."], "Apple"),
    ("Blair rejects tax claims",
     ["Tony Blair has rejected claims that taxes would rise."], "Tony Blair"),
])
def test_common_noun_opening_a_headline_is_no_speaker(headline: str, body: list[str],
                                                      expected: str | None) -> None:
    assert attribute(*body, headline=headline)[0][0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # business/011: a firm's common noun before its name, then an apposition
    ("Late last year, marketing company Doubleclick, one of the leading providers of online "
     "advertising, warned that some of its business would have to be put up for sale.",
     "Doubleclick"),
    ("Marketing company Doubleclick, one of the leading providers of online advertising, "
     "warned that its business would be sold.", "Doubleclick"),
    ("And mining firm WMC, which rejected the bid, said it was too low.", "WMC"),
    # must not fire: the name after a preposition is no subject
    ("Shares in Doubleclick, one of the leading providers, were said to be rising.", None),
])
def test_firm_noun_before_a_name_and_an_apposition(paragraph: str,
                                                   expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # business/195, politics/380: an organisation word after capitalised modifiers
    ("The National Institute of Economic and Social Research (NIESR) claims that taxes need "
     "to rise.", "National Institute of Economic and Social Research"),
    ("But the Confederation of British Industry (CBI) called for a pause year.",
     "Confederation of British Industry"),
    # still read: no modifier before the organisation word
    ("The Royal College of Nursing said the plans would fail.", "Royal College of Nursing"),
])
def test_organisation_word_after_modifiers_names_the_organisation(paragraph: str,
                                                                  expected: str) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # entertainment/127, tech/286, business/502: a weak verb closing the sentence after an
    # organisation's long name or acronym, and a time
    ("Sales of legally downloaded songs shot up more than tenfold in 2004, the International "
     "Federation of the Phonographic Industry (IFPI) reported last month.",
     "International Federation of the Phonographic Industry"),
    ("Sales of songs grew tenfold in 2004, the IFPI reported this week.", "IFPI"),
    ("Other areas were affected in the east of the country, Agence France Presse (AFP) "
     "reported.", "Agence France Presse"),
    # must not fire: a participle's clause, its object's noun before "hopes"
    ("Jamie Foxx and Hilary Swank have won the awards, boosting their Oscars hopes this "
     "month.", None),
])
def test_weak_verb_after_a_long_name_or_a_time_closes_a_statement(paragraph: str,
                                                                  expected: str | None
                                                                  ) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # business/146: a passive agent; politics/306, politics/340
    ("The circumstances were not conducive to creating the 20 million new jobs promised by "
     "EU leaders in Lisbon in 2000.", "EU leaders"),
    ("Labour strategists told the paper he would be set loose on the Tory leader.",
     "Labour strategists"),
    ("UN officials said the aid had arrived.", "UN officials"),
])
def test_eu_and_un_before_a_generic_source_and_strategists(paragraph: str,
                                                           expected: str) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # sport/420: a lower-case field after a role and "of" is part of the role
    ("The plan was backed by Wasps director of rugby Warren Gatland.", "Warren Gatland"),
    ('"He is the best," said Wasps director of rugby Warren Gatland.', "Warren Gatland"),
])
def test_role_of_a_field_before_a_name(paragraph: str, expected: str) -> None:
    assert speakers("Dallaglio has been a fine captain.", paragraph)[1] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # tech/363, sport/500, sport/420: "touted ... as" praises, with "as" only
    ("Sony has touted the machine as the Walkman of the 21st Century.", "Sony"),
    ("Captain Jeremy Bates has touted Alex Bogdanovic and Andrew Murray as possible "
     "replacements for the veteran.", "Jeremy Bates"),
    ("O'Connor was touted by Wasps director of rugby Warren Gatland as a possible Lions "
     "openside.", "Warren Gatland"),
    # must not fire: no "as"
    ("Bingo is being touted by firms keen to attract new customers.", None),
])
def test_touted_as_is_speech(paragraph: str, expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # sport/363, politics/353, tech/199: an attitude verb's clause whose subject is four
    # or five words long
    ("Former Scotland international Finlay Calder fears civil war at the SRU could seriously "
     "hamper his country's campaign.", "Finlay Calder"),
    ("Labour strategists believe more of the sessions will mean the hecklers no longer "
     "become a story.", "Labour strategists"),
    ("Prof Reddy thinks this kind of communication is the real pay-off.", "Reddy"),
    # must not fire: a relative clause on the object; a noun before an auxiliary
    ("Tony Blair has rejected a Conservative compromise offer that could have eased the "
     "passage of the bill.", None),
    ("Further reports had suggested that Euronext could make an offer.", "Further reports"),
])
def test_attitude_verb_before_a_longer_subject(paragraph: str, expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("headline, expected", [
    # business/021: the prediction is what "reports claim", not Rank's words
    ("Rank 'set to sell off film unit'", None),
    ("Rank 'poised to sell film unit'", None),
    # must still fire: the name's own words below
    ("Rank 'will sell off film unit'", "Rank"),
])
def test_quoted_prediction_in_a_headline_is_not_the_names_words(headline: str,
                                                                expected: str | None) -> None:
    out = attribute("Leisure group Rank said it will sell off its film unit.",
                    "Rank said it would sell off the film unit within a year.",
                    headline=headline)
    assert out[0][0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # tech/150: "report" after a determiner and a name, then a comma, is the document
    ("The Demos report, entitled Broadband Britain: The End Of Asymmetry?, was commissioned "
     "by net provider AOL.", None),
    # must still fire: a verb with its clause, or a speech verb after the document
    ("The Guardian reports that the deal is close.", "Guardian"),
    ("A Financial Times report said the firm was starting due diligence work.",
     "Financial Times"),
])
def test_document_noun_after_a_name_is_no_verb(paragraph: str, expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("second, expected", [
    # business/146: "it" after a person's report speaking is the report, its author's
    ("It also recommends that the Commission draw up a league table.", "Wim Kok"),
    # must not fire: "it" after the person speaking in their own name
    ("It is not clear when the plan will start.", None),
])
def test_it_after_a_persons_report_is_the_report(second: str, expected: str | None) -> None:
    out = speakers("Former Dutch prime minister Wim Kok wrote the report.",
                   "That's why the Kok report recommends that the targets be narrowed down.",
                   second)
    assert out[1:] == ["Wim Kok", expected]


@pytest.mark.parametrize("paragraph, expected", [
    # sport/126, politics/168, entertainment/306, business/481
    ("Keeper Tony Bullock echoed McIntyre's sentiments.", "Tony Bullock"),
    ("Shadow home secretary David Davis echoed criticisms of the way Mr Blunkett introduced "
     "the rules.", "David Davis"),
    ("Mr Prater's sentiments were echoed by Christine Rush, director of the festival's sister "
     "event.", "Christine Rush"),
    ("The ONS echoed an earlier caution from the Bank of England not to read too much into "
     "the figures.", "ONS"),
    # must not fire: nothing said is echoed
    ("The trend echoes the uptake of mobiles in many developing countries.", None),
])
def test_echoed_remarks_are_speech(paragraph: str, expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # business/466, business/210, sport/239
    ("Shares in Southwest fell 65 cents as analysts voiced their disappointment.", "analysts"),
    ("Canada, a key gold producer, also expressed reservations.", "Canada"),
    ("David Beckham expressed his relief at Real Madrid's passage to the knockout phase.",
     "David Beckham"),
    # must not fire: no feeling made known
    ("The figures are expressed in dollars.", None),
])
def test_a_feeling_voiced_is_speech(paragraph: str, expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # tech/169: what someone should note is advice, nobody's statement
    ("Fans of robotic gastropods should note the title refers to the vehicles on offer.",
     None),
    ("Mr Smith should say that the deal is off.", None),
    # must still fire
    ("Mr Smith noted that the deal was off.", "Smith"),
])
def test_what_someone_should_say_is_advice(paragraph: str, expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # sport/234, tech/010, politics/391, tech/101: groups of people as generic sources
    ("Liverpool fans claimed the trouble was sparked by chants.", "Liverpool fans"),
    ("Some users said AutoLink would only be fair if websites had to sign up.", "users"),
    ("It was widely criticised by net users and later dropped by Microsoft.", "net users"),
    ("Some web users in Canada also report that they can browse the site.", "web users"),
])
def test_groups_of_people_are_generic_sources(paragraph: str, expected: str) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("second, expected", [
    # politics/135: "It would ..." right after a person's reported statement goes on with it
    ("It would become easier in the coming weeks to assess how much money was needed.",
     "Tony Blair"),
    ("There would be more money for the region next year.", "Tony Blair"),
    # must not fire: no modal, or a speech verb of its own
    ("It became easier in the following weeks.", None),
])
def test_impersonal_would_after_a_reported_statement(second: str, expected: str | None
                                                     ) -> None:
    out = speakers("The important thing was action and not words, Tony Blair said, adding "
                   "that only a part of the money had been spent. " + second)
    assert out == ["Tony Blair", expected]
