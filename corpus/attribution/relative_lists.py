"""A subject found inside a relative clause is the head before it: "The Alliance, which
includes the Society, Age Concern ..., said" is the Alliance, "Ms Robinson, who presents The
Weakest Link tells Cockerell" is Ms Robinson."""
from __future__ import annotations

import re

from corpus.attribution.cues import Cue
from corpus.attribution.findings import Subject
from corpus.attribution.subject_words import words_before
from corpus.phrases import Phrase, parse_phrase


def outside_relative_list(cue: Cue, subject: Subject) -> Subject | None:
    """"The Alliance, which includes the Society, Age Concern ..., said", "Southcorp, whose
    brands include Penfolds, Rosemount and Lindemans, dismissed": the subject is the head
    before the relative clause, never a name inside it ("which Yukos claims" still gives
    Yukos)."""
    phrase, s = subject.phrase, cue.sent_start
    if phrase.pronoun is not None:
        return subject
    rel = re.match(r"^(.*?\S),\s+(which|who|whose)\s+(?!(?:has|have|had|is|was)?\s*"
                   + re.escape(cue.verb) + r"\b)", cue.masked[s:cue.start])
    if rel is None:
        return subject
    inner = cue.masked[s + rel.end():cue.start]
    if phrase.vague or phrase.text not in inner or phrase.text in rel.group(1) \
            or not re.search(r"\b[a-z]+\b", inner[:inner.rfind(phrase.text)]):
        return subject
    head = words_before(rel.group(1) + " ", 0, len(rel.group(1)) + 1)
    head_phrase = parse_phrase(head[0]) if head else None
    if not (cue.before.endswith(",") or _unclosed_who(rel.group(2), head_phrase)):
        return subject
    return Subject(head_phrase, s, subject.role) if head_phrase is not None else None


def _unclosed_who(relative: str, head: Phrase | None) -> bool:
    """'Ms Robinson, who presents The Weakest Link tells Cockerell': a "who" clause about a
    titled or fully named person, its closing comma left out, its object the name right
    before the verb: the person speaks, not what they present."""
    return relative == "who" and head is not None and head.name is not None \
        and (head.title is not None or len(head.name.split()) > 1)
