"""Who is salient (issue 12, after gold_blind5): pronouns, descriptions and quotation
paragraphs read from one model of who is in view (`corpus/attribution/salience.py`), plus
the names and documents the same misses showed. Each case is real prose from the BBC
folder (the article named beside it) or shaped on it, and each rule has a case where it
must not fire."""
from __future__ import annotations

import pytest

from corpus.attribution.focus import sentence_subject
from corpus.gazetteer import gazetteer
from tests.corpus.attributed import speakers


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # sport/296: a qualifier and a lower-case noun before a full name still make the
    # subject, so "the youngster" is him, not the coach who spoke before
    (('"We will go to Twickenham with a little fear," said France coach Bernard Laporte.',
      'Meanwhile, Perpignan centre Jean-Philippe Granclaude is delighted to have received '
      'his first call-up. "It\'s incredible," the youngster said.'),
     ["Bernard Laporte", None, "Jean-Philippe Granclaude"]),
])
def test_a_description_goes_to_the_subject_in_view(paragraphs, expected):
    assert speakers(*paragraphs) == expected


@pytest.mark.parametrize(("sentence", "name"), [
    ("Meanwhile, Perpignan centre Jean-Philippe Granclaude is delighted.",
     "Jean-Philippe Granclaude"),  # sport/296
    # must not fire: a lower-case verb between two names is no description
    ("Downing Street said Tony Blair would go.", "Downing Street"),
    ("Federer beat Lleyton Hewitt in the final.", "Federer"),
])
def test_the_subject_of_a_sentence(sentence, name):
    phrase = sentence_subject(sentence, 0, len(sentence))
    assert phrase is not None and phrase.name == name


_EVERETT = '"I would never have thought online dating would take off," said Ms Flic Everett.'


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # tech/386: after a woman's quotes, narration naming a man moves on to him; the
    # quotation after it is no run of hers, and "he said" is the one man named since
    ((_EVERETT, 'With money being made, the revenue will grow with 3G, thinks Mr Paolo '
      'Pescatore mobile industry specialist for analysts IDC. "Wireless is a medium. One is '
      'chatting," he said.'),
     ["Flic Everett", None, "Paolo Pescatore", "Paolo Pescatore"]),
    # must not fire: two men named since, so "he" is nobody's, and the run is not hers
    ((_EVERETT, 'With money being made, the revenue will grow with 3G, thinks Mr Paolo '
      'Pescatore mobile industry specialist for Mr John Smith. "Wireless is a medium. One '
      'is chatting," he said.'),
     ["Flic Everett", None, None, None]),
    # must not fire: a name of unknown gender named since makes "she" nobody's (sport/030)
    (('"I was thrilled," said Mr Tom Hughes.',
      'She watched Jamie Costin win. "It was great," she said.'),
     ["Tom Hughes", None, None]),
])
def test_a_pronoun_the_focus_does_not_fit(paragraphs, expected):
    assert speakers(*paragraphs) == expected


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # sport/188: narration that keeps the speaker in view ("Campbell signalled") lets a
    # paragraph's quotation go on as theirs
    (('"It had a psychological impact on us," said Arsenal defender Sol Campbell.',
      'Speaking on his long-term plans, Campbell signalled his intent to move abroad. '
      '"I\'m 30 now and in five years\' time I won\'t be in this country."'),
     ["Sol Campbell", None, "Sol Campbell"]),
    # must not fire: narration naming only someone else ends the run (politics/306 shape)
    (('"It is a big moment," said Culture Secretary Tessa Jowell.',
      'Tory chairman Liam Fox was unimpressed by the plans. "They used pictures from the '
      '1970s to remind people."'),
     ["Tessa Jowell", None, None]),
])
def test_a_quotation_paragraph_after_narration(paragraphs, expected):
    assert speakers(*paragraphs) == expected


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # business/146: "the Kok report" speaks for the person of that surname
    (('That is why there was urgency in the report by the former Dutch prime minister Wim '
      'Kok.', '"Lisbon is about everything and thus about nothing," the Kok report said.'),
     [None, "Wim Kok"]),
    # must not fire: "the Iraq report" names no author
    (('Mr Straw spoke on Monday.', 'Intelligence was flawed, the Iraq report said.'),
     [None, None]),
    # business/356: a body's name joined by "and" is whole, and "the ministry" is it
    (('"Conditions are likely to remain unfavourable," the Finance and Economy Ministry '
      'said.', 'In 2004, growth will be between 4.7% and 4.8%, the ministry said.'),
     ["Finance and Economy Ministry", "Finance and Economy Ministry"]),
    # must not fire: "the leader of the Public and Commercial Services Union" is a role
    # in an apposition, and the person speaks (politics/365)
    (('Mark Serwotka, the leader of the Public and Commercial Services Union said: "We had '
      'the day of the long knives."',),
     ["Mark Serwotka"]),
])
def test_documents_and_bodies_by_name(paragraphs, expected):
    assert speakers(*paragraphs) == expected


@pytest.mark.parametrize(("role", "normalised"), [
    ("France coach", "french coach"),  # sport/296: "the French coach" is the same role
    ("French coach", "french coach"),
    ("Turkey's foreign minister", "turkish foreign minister"),
    ("England", "england"),  # must not fire: a country alone is no role's qualifier
])
def test_a_country_before_a_role_is_its_adjective(role, normalised):
    assert gazetteer().normalize_role(role) == normalised


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # politics/296: the person asked answers in the quotation right after
    (('Dr Liam Fox told the BBC there was no place for "vindictiveness" in politics.',
      'Dr Fox was asked if he would say yes or no if Lord Archer applied to rejoin. "I\'m '
      'sure that we would look at that sympathetically."'),
     ["Liam Fox", None, "Liam Fox"]),
    # must not fire: narration between the question and the quotation
    (('Dr Liam Fox told the BBC there was no place for "vindictiveness" in politics.',
      'Dr Fox was asked if he would say yes or no. Lord Archer was jailed in 2001. "I\'m '
      'sure that we would look at that sympathetically."'),
     ["Liam Fox", None, None, None]),
])
def test_the_person_asked_answers(paragraphs, expected):
    assert speakers(*paragraphs) == expected


@pytest.mark.parametrize(("paragraph", "expected"), [
    # sport/147, sport/035: an organisation's statement after the verb, and its run
    ('"He was sent off for violent conduct. "We don\'t know how many red cards he was '
     'shown," said an SFA statement.', ["SFA", "SFA"]),
    ('A Home Office statement said the plans would go ahead.', ["Home Office"]),
    # must not fire: a country's statement, or a statement of nobody named
    ('"It is bad," said a Russian statement.', [None]),
    ('"It is bad," said a statement.', [None]),
    # tech/296: a full name and where they work between a quotation and its verb
    ('"Everything is going digital," Kirsten Pfeifer from the Consumer Electronics '
     'Association, told the BBC News website.', ["Kirsten Pfeifer"]),
])
def test_statements_and_affiliations(paragraph, expected):
    assert speakers(paragraph) == expected


@pytest.mark.parametrize(("paragraph", "expected"), [
    # entertainment/153, business/116, sport/066: a thing added to another is no statement
    ("OutKast will add their awards to the four they won at the US MTV Awards.", [None]),
    ("SMFG shares climbed by 2.7%, and Daiwa added 5.3% to 740 yen.", [None]),
    ("Gardener added the Olympic relay crown to his World Indoor title.", [None]),
    # must not fire: a clause after "added", even with a "to" in it (politics/121,
    # business/126)
    ("Ms Jane Hutt added the targets intended to ensure no-one waits a year.", ["Jane Hutt"]),
    ("Mr Brown added the tax would rise to 40%.", ["Brown"]),
    ("Barclays added its bid to acquire Absa was being considered by regulators.",
     ["Barclays"]),
])
def test_added_to(paragraph, expected):
    assert speakers(paragraph) == expected


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # business/271: a place the table took for a person ("Highbury Stadium") is no one to
    # move on to, so the paragraph's quotation stays the last speaker's
    (('"Television has been the driving force," said Arsenal vice-chairman David Dein.',
      'The club is funding its move through the sale of Highbury Stadium. "We have two '
      'executives travelling round Japan."'),
     ["David Dein", None, "David Dein"]),
    # must not fire: someone with a role named in the narration (tech/353)
    (('"Using a mouse is hard," said Karen Walsh, from the UK National Tremor Foundation.',
      'The adapter is the brainchild of IBM researcher Jim Levine. "I knew that there must '
      'be a way."'),
     ["Karen Walsh", None, None]),
])
def test_narration_that_moves_on(paragraphs, expected):
    assert speakers(*paragraphs) == expected


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # sport/465: a description nobody in focus fits keeps the quotation run when the last
    # speaker could be the one described (a place the table took for a person, "the French
    # Open", is no one else)
    (('"I have to be positive," said Justine Henin-Hardenne.',
      'She was knocked out of the French Open. "Physically, it\'s obvious that I hit rock '
      'bottom," said the 22-year-old. "Since April, I have not done much."'),
     ["Justine Henin-Hardenne", None, "Justine Henin-Hardenne", "Justine Henin-Hardenne"]),
    # must not fire: another person named since the last speaker, so the description and
    # the run are nobody's rather than the coach's
    (('"We will go to Twickenham with a little fear," said France coach Bernard Laporte.',
      'Perpignan centre Jean-Philippe Granclaude was called up. He joins Toulouse winger '
      'Cedric Heymans. "It\'s incredible," the youngster said. "I was not expecting it."'),
     ["Bernard Laporte", None, None, None, None]),
])
def test_a_description_nobody_in_focus_fits(paragraphs, expected):
    assert speakers(*paragraphs) == expected


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # tech/276: "the US firm" right after the firm's statement is that firm
    (('Video game giant Electronic Arts (EA) says it wants to become the biggest '
      'entertainment firm in the world.', 'The US firm says it wants to compete with Disney.'),
     ["Electronic Arts", "Electronic Arts"]),
    # must not fire: with a sentence between, it stays the description (vague)
    (('Video game giant Electronic Arts (EA) says it wants to become the biggest '
      'entertainment firm in the world. Sony sells more consoles.',
      'The Japanese firm says it wants to compete with Disney.'),
     ["Electronic Arts", None, "the Japanese firm"]),
    # politics/386: a time phrase between the auxiliary and the verb
    (("China has in the past said it sees the weapons ban as politically driven.",),
     ["China"]),
])
def test_organisations_described_and_time_phrases(paragraphs, expected):
    assert speakers(*paragraphs) == expected
