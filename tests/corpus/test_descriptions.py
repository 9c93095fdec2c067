"""Definite descriptions in narration and as speakers (issue 12, attr8b): "The musician
committed suicide" is nobody's statement and gives no named person its role; "said the
Factory Records founder" right after the person in focus is that person. Each rule with
real prose and with prose where it must not fire."""
from __future__ import annotations

import pytest

from tests.corpus.attributed import attribute

_WILSON = ('Music mogul Tony Wilson, who headed the record company Joy Division were signed '
           'to, will be co-executive producer. The musician committed suicide in 1980 aged '
           '23, shortly before the band were due to go on tour in the US. Mr Wilson, who has '
           'remained friends with Curtis\'s widow and daughter Natalie, who he says asked for '
           'his involvement to make the film "official". "People have different ideas as to '
           'why Ian committed suicide," he told the BBC News website.')


def _with_roles(*paragraphs: str) -> list[tuple[str | None, str | None]]:
    from corpus.build import attribute_article
    from corpus.loader import RawArticle
    article = attribute_article(RawArticle("t", "t.txt", "A headline", tuple(paragraphs)))
    return [(s.speaker.name, s.speaker.role) if s.speaker else (None, None)
            for p in article.passages[1:] for s in p.sentences]


def test_pronoun_in_a_sentence_opening_with_a_name_is_that_name_not_a_narrated_role() -> None:
    # entertainment/228: "he" took the role "musician" left in focus by a narration
    # sentence, and the role was then linked to Mr Wilson ("Tony Wilson, musician")
    out = _with_roles("The life of late Joy Division singer Ian Curtis is to be made into a "
                      "film.", _WILSON)
    assert out[-2:] == [("Tony Wilson", None), ("Tony Wilson", None)]


def test_closing_pronoun_after_a_named_content_subject_keeps_the_focus() -> None:
    # politics/350: 'Mr Blair has "the same passion ..." as when ..., he said.' is the
    # strategist's, never Mr Blair's
    out = attribute("Prime Minister Tony Blair spoke on Friday.",
                    "The prime minister's enthusiasm for the job remains undimmed, Labour's "
                    "election strategist told Radio 4. Mr Blair has \"the same passion and the "
                    "same commitments for the job\" as when Labour came to power in 1997, he "
                    "said.")
    assert out[-1][0] != "Tony Blair" and out[-1][0] != "Mr Blair"


_FOUNDER = ('Mr Wilson said he would "rather not" appear in the film. He made a cameo '
            'appearance in 24 Hour Party People, in which his leading role was played by Steve '
            'Coogan. "I\'m not an actor and I did a lousy job playing my part," said the '
            'Factory Records founder.')


@pytest.mark.parametrize("paragraphs, expected", [
    # entertainment/228: an epithet for the person in focus, capitalised words and all
    (["Music mogul Tony Wilson will be co-executive producer.", _FOUNDER], "Tony Wilson"),
    # politics/302: opening its sentence
    (["Mr George Galloway said he would contest Bethnal Green.",
      "The Glasgow Kelvin MP, who was expelled from Labour, accused Ms King of being a "
      "stooge."], "George Galloway"),
    # politics/410: the focus's own role has the same head ("Tory MP")
    (["Tory MP Jonathan Sayeed faces a vote.",
      "The Mid-Bedfordshire MP had denied a claim that he was paid."], "Jonathan Sayeed"),
])
def test_definite_description_speaking_is_the_person_in_focus(
        paragraphs: list[str], expected: str) -> None:
    assert attribute(*paragraphs)[-1][0] == expected


@pytest.mark.parametrize("paragraphs, refused", [
    # business/380: inside a clause of someone's statement, a person talked about
    (['"Most airports are shabby," Ms Anita Chada said, adding that while the Civil '
      'Aviation minister has promised to modernise airports little progress has been '
      'made.'], "Anita Chada"),
    # politics/260: a deputy prime minister is never "the prime minister"
    (['On Tuesday, deputy prime minister John Prescott told BBC News: "We will win." The '
      'prime minister told Mr Brown he would stand down.'], "John Prescott"),
    # a party's role may be another member's
    (["Mr Charles Clarke spoke in the Commons.",
      "The Lib Dem leader said the plans were wrong."], "Charles Clarke"),
    # a description that brings in someone new
    (["Mr Tony Wilson spoke in court.", '"It is unfair," said the lawyer.'], "Tony Wilson"),
    # another person named since, in a sentence not about the focus
    (['Mr Tony Wilson spoke on Monday. The film starred Steve Coogan. "It was fun," '
      'said the Factory Records founder.'], "Tony Wilson"),
])
def test_definite_description_that_may_be_someone_else_is_not_the_focus(
        paragraphs: list[str], refused: str) -> None:
    assert attribute(*paragraphs)[-1][0] != refused


@pytest.mark.parametrize("sentence, expected", [
    # tech/108: the apposition's closing comma left out before the verb
    ("John Connors, Microsoft's chief financial officer said a test version would be out.",
     "John Connors"),
    # business/064: a named spokesperson is the person
    ('"We are doing research," Michael Lamberty, a Lufthansa spokesman told the BBC.',
     "Michael Lamberty"),
    # a time phrase before the comma is no name: the spokeswoman's organisation speaks
    ("On Wednesday, a Home Office spokeswoman said the review had not been set up.",
     "Home Office"),
])
def test_name_comma_role_without_closing_comma_is_the_name(sentence: str,
                                                           expected: str) -> None:
    assert attribute(sentence)[-1][0] == expected


_HANKS = ('"This is Leicester Square like you\'ve never seen it before," said Hanks. Polar '
          'Express is based on a children\'s book. The 48-year-old actor crossed a bridge '
          'built in the square, which he said was "almost impossible to get across".')


@pytest.mark.parametrize("lead, expected", [
    # entertainment/036: a film title taken for a name is no "he"; the actor who spoke is
    ("Hollywood star Tom Hanks was in London for the premiere.", "Tom Hanks"),
    # ... never a woman who spoke before it
    ("Hollywood star Julia Roberts was in London for the premiere.", None),
])
def test_person_description_after_a_title_taken_for_a_name(lead: str,
                                                           expected: str | None) -> None:
    text = _HANKS.replace("said Hanks", "said Roberts") if expected is None else _HANKS
    assert attribute(lead, text)[-1][0] == expected
