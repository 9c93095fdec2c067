"""What a speaker phrase may look like: a name, a role or a generic source, never a clause.

Why: a phrase read backwards from a verb can swallow a clause ("Already, about 28% of the
bosses polled for the survey say", "There are also other pressures making banks turn to
Windows said ..."), and a capitalised word opening a sentence can be glued to the name
after it ("Analysing Brown's plans, ...", "Said Fogg: ..."). These small checks keep such
phrases out; their words are data (data/phrase_words.tsv, data/speech_verbs.tsv).
"""
from __future__ import annotations

import re
from functools import cache

from corpus.lexicon import cue_forms, phrase_words

_FINITE_VERBS = phrase_words("finite_verb")
_TIME_WORDS = phrase_words("time_word")
_TIME_LEADS = frozenset({"on", "in", "for", "last", "this", "next", "late", "early"})
# A capitalised word in one of these is an adverb opening the sentence, never a surname
# ("Kelly", "Connolly", "Daly" end otherwise)
_ADVERB = re.compile(r"^[A-Z][a-z]{3,}(?:ally|ously|ively|ently|antly|ately|ingly|edly)$")
_MIN_PARTICIPLE = 6  # "Xing", "King", "Wing" are names or roles; "Analysing" opens a clause


@cache
def _one_word_cues() -> frozenset[str]:
    return frozenset(f for f in cue_forms() if " " not in f)


def clause_like(words: list[str]) -> bool:
    """A run of words that is a clause, not a speaker: it holds a comma or a percent sign,
    is one capitalised adverb ("Internationally"), or opens with a lower-case finite verb
    ("are also other pressures ...")."""
    if any("," in w or "%" in w for w in words):
        return True
    if len(words) == 1 and _ADVERB.search(words[0]):
        return True  # "Internationally recognized regulation is ...": an adverb, no name
    return bool(words) and words[0] in _FINITE_VERBS


def sentence_opener(word: str) -> bool:
    """A capitalised speech verb or -ing participle that opens a sentence and is no part of
    the name after it ("Said Fogg", "Commenting Mr Macklin said", "Analysing Brown's
    plans"). A first name from the table never is ("Sterling" is no first name, but
    "Irving" would be kept when listed)."""
    low = word.lower()
    if not word[:1].isupper() or not low.isalpha():
        return False
    if low in _one_word_cues():
        return True
    if len(low) < _MIN_PARTICIPLE or not low.endswith("ing"):
        return False
    from corpus.gender import first_name_gender  # corpus.gender reads corpus.phrases

    return first_name_gender(word) is None


def opener_before_name(words: list[str], titles: frozenset[str]) -> bool:
    """A phrase whose first word opens the sentence before a name: a speech verb ("Said
    Fogg"), or a participle before a title or a first name from the table ("Commenting Mr
    Macklin"); "Evening Standard" keeps its first word."""
    if len(words) < 2 or not sentence_opener(words[0]):
        return False
    from corpus.gender import first_name_gender

    nxt = words[1].lower().rstrip(".")
    return words[0].lower() in _one_word_cues() or nxt in titles \
        or first_name_gender(words[1]) is not None


def time_tail(words: list[str]) -> int:
    """How many words at the end are a time phrase said after a name ("Culture Secretary
    Tessa Jowell on Tuesday", "Bob Geldof in July"): 0 when there is none."""
    if len(words) >= 3 and words[-1].lower() in _TIME_WORDS \
            and words[-2].lower() in _TIME_LEADS:
        return 2
    return 0
