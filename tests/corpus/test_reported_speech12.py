"""Rules from the fourteenth round on unseen articles (issue 12, attr14), found from the
misses of the development gold sets. Each rule with real prose from the BBC folder (the
article named beside it) and with prose where it must not fire."""
from __future__ import annotations

import pytest

from tests.corpus.attributed import attribute, speakers


@pytest.mark.parametrize("paragraph, expected", [
    # business/043, business/353: the passive "reported/quoted as saying", subject before
    ("Women will be employed in Saudi Arabia's foreign ministry for the first time this "
     "year, Foreign Minister Prince Saud Al-Faisal has been reported as saying.",
     ("Saud Al-Faisal", "person", "reported")),
    ("The EU's Humanitarian Aid Commissioner, Louis Michel, was quoted as saying that it was "
     "key to bring aid \"in those vital hours and days immediately after the disaster\".",
     ("Louis Michel", "person", "reported")),
    # tech/029: after the quotation it passes on, direct (never the last speaker's)
    ("\"Of course they're going to unleash the WMDs,\" Mr Kapor is reported as saying.",
     ("Kapor", "person", "direct")),
    # business/043, business/455: the active "quoted X as saying" after its quotation is direct
    ("\"Our educational reforms have created a new generation of highly-educated Saudi "
     "women,\" Arab News quoted Prince Saud as saying.", ("Saud", "person", "direct")),
    ("\"We're going to have to get the lowest cost structure we can,\" the newspaper quoted "
     "Qantas chief executive Geoff Dixon as saying.", ("Geoff Dixon", "person", "direct")),
    # ... and reported when the content is a clause
    ("The paper quoted Mr Chernin as saying the deal was off.",
     ("Chernin", "person", "reported")),
    # (constructed) no statement: a report that is no speech act of the one reported
    ("The match was reported as a draw by the local paper.", (None, None, None)),
])
def test_quoted_or_reported_as_saying(paragraph: str,
                                      expected: tuple[str | None, ...]) -> None:
    assert attribute(paragraph)[1] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # business/043, business/148, business/180: a generic source with a phrase after it,
    # opening the clause after a comma
    ("But progress has been slow, reports from the country say.", "reports"),
    ("Fiat is to stop making six-cylinder petrol engines for its sporty Alfa Romeo "
     "subsidiary, unions at the Italian carmaker have said.", "unions"),
    ("On Tuesday, traders in Asia said that both South Korea and Taiwan had withdrawn "
     "their bids to buy dollars at the start of the session.", "traders"),
    # business/034: sources "close to" someone keep the whole phrase
    ("Shanghai Automotive Industry Corp plans to shift production of the Rover 25 to China "
     "and export it to the UK, sources close to the negotiations tell the FT.",
     "sources close to the negotiations"),
    # entertainment/341: a relative clause holds the verb's own subject
    ("The honour, awarded since 1986, honours figures in cinema that the festival feels "
     "\"particularly indebted to\".", None),
    # tech/123: a name before the comma is the one the role describes
    ("Scott Stanzel, a spokesman for the Bush-Cheney campaign said: \"The measure was taken "
     "for security reasons.\"", "Scott Stanzel"),
])
def test_generic_source_with_a_phrase_after_a_comma(paragraph: str,
                                                    expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # entertainment/213, tech/395: "said NAME of/from the <employer>"
    ("\"The programme of family reunification is extremely important,\" said Rafael Marques "
     "of the pro-democracy George Soros Foundation for Southern Africa.", "Rafael Marques"),
    ("\"We wanted to show how this fits into a living room or workplace,\" said Claudia "
     "Neulling from the magazine.", "Claudia Neulling"),
    # (constructed) "warn" takes an "of" object: the name is the one warned
    ("The risk is high, warned Gordon Brown of the dangers of complacency.", None),
    # (constructed) a verb after the employer: the name opens the content
    ("\"The plan is good,\" said John Smith of the plan was wrong.", None),
])
def test_inverted_name_with_its_employer(paragraph: str, expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # business/401, politics/024, politics/406, business/059: people or an office a
    # person's possessive names speak as a generic source, never as the owner
    ("Mr Spitzer's office added Mr Stearns had also agreed to testify in future cases during "
     "the industry inquiry.", "Mr Spitzer's office"),
    ("Mr Brown's aides say he wants to find out more about the Kenyan Government's education "
     "policies.", "Mr Brown's aides"),
    ("Mr Blair's supporters say such a deal never existed.", "Mr Blair's supporters"),
    ("Mr Ebber's lawyers have said he was unaware of the fraud, arguing that auditors did "
     "not alert him to any problems.", "Mr Ebber's lawyers"),
    # (constructed) a role owned stays a described person, as before
    ("Mr Blair's spokesman said the claim was false.", "Mr Blair's spokesman"),
])
def test_people_or_office_an_owner_names(paragraph: str, expected: str) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # politics/103, business/186, politics/087, tech/309, entertainment/166: groups that
    # speak as generic sources (`vague_head` in data/phrase_words.tsv)
    ("About 50,000 children live with foster families in the UK and carers have said they "
     "need more money to make ends meet.", "carers"),
    ("Indian airline Jet Airways' initial public offering was oversubscribed 16.2 times, "
     "bankers said on Friday.", "bankers"),
    ("Some charities say the plans would put refugees' lives at risk if they were turned "
     "away once quotas were filled.", "charities"),
    ("In the first year at least, developers said gamers should not expect games which "
     "harness the full potential of the machines.", "developers"),
    ("Fox producers defended the show, saying it was a \"positive experience\".",
     "Fox producers"),
])
def test_groups_as_generic_sources(paragraph: str, expected: str) -> None:
    assert speakers(paragraph)[0] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # business/079, business/021, politics/215: a generic source and its verb closing the
    # sentence after a comma have everything before as their content
    ("Almost a quarter of a million US consumers complained of being targeted for identity "
     "theft in 2004, official figures suggest.", ["official figures"]),
    ("Leisure group Rank could unveil plans to demerge its film services unit and sell its "
     "media business, reports claim.", ["reports"]),
    ("The committee believed the new laws might be incompatible with the Human Rights Act on "
     "the grounds of religion, belief and nationality, the report added.", ["the report"]),
])
def test_generic_source_closing_the_sentence(paragraph: str, expected: list[str]) -> None:
    assert speakers(paragraph) == expected


@pytest.mark.parametrize("paragraph, expected", [
    # business/079, tech/219: a weak or passive-only participle after its noun, the
    # sentence's own verb after its agent, only describes the noun
    ("The total cost of fraud reported by consumers was $546m (£290m).", None),
    ("A next generation DVD technology backed by Sony has received a major boost.", None),
    # business/217: a speech verb so used still reports its agent
    ("The figure announced by President Viktor Yushchenko is less than the 3,000 cases "
     "mentioned last week.", "Viktor Yushchenko"),
    # the passive with its auxiliary speaks
    ("The plan was backed by MPs.", "MPs"),
])
def test_participle_describing_a_noun(paragraph: str, expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected
