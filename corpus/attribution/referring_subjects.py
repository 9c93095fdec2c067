"""Referring nouns as subjects ("The company said", "The 30-year-old, who ..., said",
"... after the UK firm announced"): the finder only reads the noun; who it is, the
resolver decides (`corpus.attribution.references`)."""
from __future__ import annotations

import re

from corpus.attribution.cues import Cue
from corpus.attribution.findings import Finding
from corpus.attribution.subject_words import SKIP_BEFORE_VERB
from corpus.phrases import parse_phrase
from corpus.quotes import CLOSERS
from corpus.references import reference_noun

_REFERENCE_OPENERS = {"But", "And", "Yet", "However", "Meanwhile", "Now", "Later"}


def referring_subject(cue: Cue) -> Finding | None:
    """"The company said", "The marathon world record holder believes", "But the
    30-year-old has since denied": a referring noun opening the clause (see
    `corpus.references`); the resolver decides who it is."""
    words = cue.masked[cue.sent_start:cue.start].split()
    while words and words[-1].lower() in SKIP_BEFORE_VERB:
        words.pop()
    closed = [k for k, w in enumerate(words) if w[-1:] in ",\"”" or w[-1:] in CLOSERS]
    if closed and cue.before.rstrip()[-1:] not in ",\"”":
        words = words[closed[-1] + 1:]  # '"It's incredible," the youngster said'
    if words and words[0].rstrip(",") in _REFERENCE_OPENERS:
        words = words[1:]
    if reference_noun(words) is None:
        return _subordinate_reference(cue)
    return Finding(parse_phrase(words), cue.sent_start)


# "Shares in Cairn Energy rose 3.8% ... after the UK firm announced": a referring noun
# opening a time or reason clause (the clause starts at the conjunction)
_SUBORDINATE_REFERENCE = re.compile(r"\b(?:after|as|when|because|since)\s+"
                                    r"((?:the|The)\s+(?:[\w'’-]+\s+){0,3}?[a-z][\w-]*)\s*$")


def _subordinate_reference(cue: Cue) -> Finding | None:
    """An organisation noun right before the verb after "after", "as", "when" ...: the
    resolver decides who it is (a person noun there is left alone)."""
    m = _SUBORDINATE_REFERENCE.search(cue.masked, cue.sent_start, cue.start)
    if m is None:
        return None
    words = m.group(1).split()
    ref = reference_noun(words)
    if ref is None or ref.refers_to != "organisation":
        return None
    return Finding(parse_phrase(words), m.start())
