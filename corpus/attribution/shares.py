"""A share of a group as a subject: "65% of the 1,000 people interviewed said", then "only
34% said", "nearly a quarter said" — survey answers, reported speech of the group polled
(docs/attribution-eval.md: respondents are a vague source). The group named with the share
speaks; a bare share is the group of the statement just before it (`pronouns`), never an
organisation and never anyone when no group was named.
"""
from __future__ import annotations

import re

from corpus.attribution.cues import Cue
from corpus.attribution.findings import Finding
from corpus.lexicon import attribution_words
from corpus.phrases import Phrase, bare

_SHARE = (r"(?:(?:nearly|almost|about|around|roughly|some|only|just|over|under|barely|"
          r"more\s+than|fewer\s+than|less\s+than)\s+)?"
          r"(?:\d[\d.,]*\s*(?:%|per\s*cent)|(?:a|one|two|three|four)[- ](?:half|third|thirds|"
          r"quarter|quarters|fifth|fifths|tenth)|half|the\s+majority|a\s+minority|"
          r"one\s+in\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten))"
          r"(?:\s*[-–]\s*\d[\d.,]*%\s*[-–])?")
_SUBJECT = re.compile(
    rf"(?:^\s*|,\s+|\b(?:but|and|while|though|although|whereas|where)\s+)"
    r"(?:However,\s+|[A-Z]\w+,\s+|In\s+(?:the\s+)?[A-Z][\w-]*,?\s+)?"
    rf"(?P<share>{_SHARE})(?:\s+of\s+(?P<group>(?:the\s+|all\s+|those\s+)?"
    r"(?:[\w,.'’-]+\s+){0,4}?[\w'’-]+))?(?:\s+(?:also|still|now))?\s*$", re.IGNORECASE)
# "14% of people aged between 18 and 34 said": a group polled with the ages it covers
_AGED_SUBJECT = re.compile(
    rf"(?:^\s*|,\s+)(?:{_SHARE})\s+of\s+(?P<group>(?:the\s+)?(?P<head>[a-z]+)\s+aged\s+"
    r"(?:(?:between|over|under|from)\s+)?\d+(?:\s*(?:and|to|-)\s*\d+|\s+and\s+(?:over|under))?)"
    r"\s*$", re.IGNORECASE)
# "Many of those questioned said", "most of those polled": a quantity of a group polled
_QUANTIFIED = re.compile(
    r"(?:^\s*|,\s+|\b(?:but|and|while|though|although|whereas|where)\s+)(?:[Mm]any|[Mm]ost|"
    r"[Ss]ome|[Ff]ew|[Nn]one|[Aa]ll)\s+of\s+(?P<group>(?:the|those|them)(?:\s+[a-z-]+){0,3})"
    r"\s*$")
# "Among the over-65s, 70% said": the group the share is of, opening the clause
_AMONG = re.compile(r"\s*[Aa]mong\s+((?:the\s+)?(?:(?:over|under)-\d+s|(?:[a-z-]+\s+){0,3}"
                    r"[a-z]+))\s*,")
_ANY_SHARE = re.compile(r"\d|half|third|quarter|fifth|tenth|majority|minority|one\s+in\b",
                        re.IGNORECASE)
_RESPONDENTS = attribution_words("respondent")
_BACK = {"them", "these", "those"}  # "Only 42% of them say": the group just before
_NUMBERS = {"a", "an", "one", "hundreds", "thousands", "millions"}


def share_subject(cue: Cue) -> Finding | None:
    """The group of a share opening the verb's clause, or a bare share (read as "they",
    for the group of the statement before: see `pronouns`)."""
    before = cue.masked[cue.sent_start:cue.start]
    many = _QUANTIFIED.search(before) if " of " in before else None
    if many is not None and bare(many.group("group").split()[-1]) in _RESPONDENTS:
        return Finding(Phrase(many.group("group"), None, None, None, vague=True))
    if not _ANY_SHARE.search(before):
        return None  # most subjects hold no number or fraction: no need to read further
    aged = _AGED_SUBJECT.search(before)
    if aged is not None and bare(aged.group("head")) in _RESPONDENTS:
        # "14% of people aged between 18 and 34 said"
        return Finding(Phrase(aged.group("group"), None, None, None, vague=True))
    m = _SUBJECT.search(before)  # on the clause alone, so that "^" is its start
    if m is None:
        return None
    group = m.group("group")
    among = _AMONG.match(before)
    if group is None and among is not None and (
            "-" in among.group(1) or bare(among.group(1).split()[-1]) in _RESPONDENTS):
        # "Among the over-65s, 70% said", "Among those questioned, ..."
        return Finding(Phrase(among.group(1), None, None, None, vague=True))
    if group is None or bare(group) in _BACK:
        return Finding(Phrase(m.group("share"), None, None, None, pronoun="plural"))
    words = group.split()
    if ", " in group or bare(words[-1]) not in _RESPONDENTS or words[0].lower() in _NUMBERS:
        return None  # "a quarter of a million US consumers": a number, no share of them
    # "the 1,000 people interviewed" is "the people interviewed": a name holds no count
    group = " ".join(w for w in words if not re.fullmatch(r"[\d,.]+", w))
    return Finding(Phrase(group, None, None, None, vague=True))


def bare_share(phrase: Phrase) -> bool:
    """Whether a plural subject is a share with no group ("only 34%"), not "they"."""
    return phrase.pronoun == "plural" and bool(re.match(_SHARE + r"$", phrase.text,
                                                         re.IGNORECASE))
