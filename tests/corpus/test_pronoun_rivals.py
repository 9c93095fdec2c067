"""A he/she while another person of its gender is in view (issue 12): the person in
focus keeps the pronoun only when nobody else of that gender was named in narration since
(`pronoun_rivals.rival_in_view`). Found as a false claim: "did anyone call the war illegal" was
answered "Michael Mates said it" for politics/327's "He also says ...", where "he" is the
book's author named just before. Each case is real prose from the BBC folder (the article
named beside it) or shaped on it, and each exception has a case of its own."""
from __future__ import annotations

import pytest

from tests.corpus.attributed import speakers

_MATES = ('Tory MP Michael Mates told the BBC: "That, as a general rule, is right." '
          'Mr Mates added: "This may be one of those special occasions."')


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # politics/327: a man named in narration after the focus's paragraph: nobody
    ((_MATES, 'The claims about Lord Falconer and Baroness Morgan\'s involvement were made '
      'in a book published this week by Philippe Sands QC. '
      'He also says Lord Goldsmith warned Tony Blair that the war could be illegal.'),
     ["Michael Mates", "Michael Mates", None, None]),
    # sport/323 shape: a new man as the narration's subject's object, then "he said"
    (('"They have a depth of talent," said Ireland coach Eddie O\'Sullivan.',
      'Ireland have been boosted by the return of skipper Brian O\'Driscoll. '
      '"The knowledge really helped," he said.'),
     ["Eddie O'Sullivan", None, None]),
])
def test_a_pronoun_with_a_rival_in_view_is_nobodys(paragraphs, expected):
    assert speakers(*paragraphs) == expected


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # must not fire, business/246: the sentence between is about the focus ("He
    # portrayed Mr Ebbers ..."), its other names are objects
    (('"We did not disclose these adjustments," Mr Scott Sullivan said.',
      'He portrayed Mr Bernard Ebbers, a charismatic businessman, as obsessed with costs. '
      '"We needed to cut expenses," he said.'),
     ["Scott Sullivan", None, "Scott Sullivan"]),
    # must not fire, politics/180: narration in the focus's own paragraph
    (('Tony Blair said he would meet concerns about the bill. But the law was set when '
      'a court ruled on Hillsborough victim Tony Bland. "It is important," he said.',),
     ["Tony Blair", None, "Tony Blair"]),
    # must not fire, sport/236: "He added" goes on with the focus who spoke last
    (('Liverpool manager Rafael Benitez said: "It was a really great night."',
      'The Reds scored three goals in a comeback capped by a drive from Steven Gerrard. '
      'He added: "Steven can play all over the pitch."'),
     ["Rafael Benitez", None, "Rafael Benitez"]),
    # must not fire, sport/144: a name as a modifier ("an Alan Shearer strike")
    (('Boss Graeme Souness felt Newcastle were never in danger.',
      'An early own goal followed by an Alan Shearer strike earned them a win. '
      '"It gave us a great advantage," he said.'),
     ["Graeme Souness", None, "Graeme Souness"]),
    # must not fire, politics/053 shape: the narration goes back to the focus ("he made
    # contact") after naming another man
    (('Mr Viktor Makarov said he had been betrayed.',
      'One of his fellow pupils was Vladimir Putin. Within a week of his release, he made '
      'contact with the British. He was given a passport, and he says, promised a home.'),
     ["Viktor Makarov", None, None, "Viktor Makarov"]),
])
def test_the_focus_keeps_the_pronoun(paragraphs, expected):
    assert speakers(*paragraphs) == expected
