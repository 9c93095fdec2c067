"""Definite descriptions in narration and as speakers (issue 12, attr8b): "The musician
committed suicide" is nobody's statement and gives no named person its role; "said the
Factory Records founder" right after the person in focus is that person. Each rule with
real prose and with prose where it must not fire."""
from __future__ import annotations

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
