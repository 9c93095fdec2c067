"""Who is salient (issue 12, after gold_blind5): pronouns, descriptions, quotation
paragraphs and the person asked, read from one model of who is in view
(`corpus/attribution/salience.py`). Each case is real prose from the BBC folder (the article
named beside it) or shaped on it, and each rule has a case where it must not fire."""
from __future__ import annotations

import pytest

from corpus.attribution.focus import sentence_subject
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
    # tech/386 shape: after a woman's quotes, "he said" is the one man named since her
    ((_EVERETT, 'The revenue will grow, according to analysts such as Mr Paolo Pescatore. '
      '"Wireless is a medium," he said.'),
     ["Flic Everett", "analysts", "Paolo Pescatore"]),
    # must not fire: two men named since, so "he" is nobody's
    ((_EVERETT, 'The revenue will grow, according to analysts such as Mr Paolo Pescatore and '
      'Mr John Smith. "Wireless is a medium," he said.'),
     ["Flic Everett", "analysts", None]),
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


@pytest.mark.parametrize(("paragraph", "expected"), [
    # entertainment/280: "came the response" is someone else's answer inside the speaker's
    # story; the story goes on as theirs
    ('"It was a shock," said Bill Conti. "I asked what to do." "Oh no Bill don\'t do '
     'anything," came the response. "Imagine these ladies."',
     ["Bill Conti", "Bill Conti", None, "Bill Conti"]),
    # must not fire: a plain quotation run goes on with its speaker
    ('"It was a shock," said Bill Conti. "I asked what to do."', ["Bill Conti", "Bill Conti"]),
])
def test_came_the_response(paragraph, expected):
    assert speakers(paragraph) == expected
