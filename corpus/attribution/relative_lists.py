"""A subject found inside a relative clause is the head before it: "The Alliance, which
includes the Society, Age Concern ..., said" is the Alliance, "Ms Robinson, who presents The
Weakest Link tells Cockerell" is Ms Robinson."""
from __future__ import annotations

import re

from corpus.attribution.cues import Cue
from corpus.attribution.findings import Subject
from corpus.attribution.subject_words import words_before
from corpus.phrases import parse_phrase


def outside_relative_list(cue: Cue, subject: Subject) -> Subject | None:
    """"The Alliance, which includes the Society, Age Concern ..., said", "Southcorp, whose
    brands include Penfolds, Rosemount and Lindemans, dismissed": the subject is the head
    before the relative clause, never a name inside it ("which Yukos claims" still gives
    Yukos)."""
    phrase, s = subject.phrase, cue.sent_start
    if phrase.pronoun is not None:
        return subject
    rel = re.match(r"^(.*?\S),\s+(?:which|who|whose)\s+(?!(?:has|have|had|is|was)?\s*"
                   + re.escape(cue.verb) + r"\b)", cue.masked[s:cue.start])
    if rel is None:
        return subject
    inner = cue.masked[s + rel.end():cue.start]
    if not phrase.vague and phrase.text in inner and (
            cue.before.endswith(",") or _unclosed_who(cue.masked[s:cue.start], rel)) \
            and phrase.text not in rel.group(1) \
            and re.search(r"\b[a-z]+\b", inner[:inner.rfind(phrase.text)]):
        head = words_before(rel.group(1) + " ", 0, len(rel.group(1)) + 1)
        head_phrase = parse_phrase(head[0]) if head else None
        return Subject(head_phrase, s, subject.role) if head_phrase is not None else None
    return subject


def _unclosed_who(before: str, rel: re.Match[str]) -> bool:
    """'Ms Robinson, who presents The Weakest Link tells Cockerell': a "who" clause about a
    titled or fully named person, its closing comma left out, its object the name right
    before the verb: the person speaks, not what they present."""
    head = words_before(rel.group(1) + " ", 0, len(rel.group(1)) + 1)
    person = parse_phrase(head[0]) if head else None
    return " who " in before[rel.start():rel.end() + 1] and person is not None \
        and person.name is not None and (person.title is not None
                                         or len(person.name.split()) > 1)
