"""Whether a role phrase fits a speaker as one sentence of the articles describes them.

The speaker directory keeps one role per speaker, as search terms, so "the lib dem shadow
home secretary", "the man utd manager" or "the Mobile Data Association's chairman" fit
nobody there, although the sentence the speaker says calls them "Liberal Democrat's shadow
home secretary", "Manchester United manager", "the MDA's chairman". A phrase fits a speaker
when each of its words is in the speaker's name or role, as written or shortened (a prefix:
"lib" Liberal, "man" Manchester; the letters in order: "utd" United; initials: "Mobile Data
Association" MDA), or, for words other than its head noun, in that sentence itself, as
written or shortened ("mittal steel's chief executive" for a chief executive called Mittal
said in a sentence about Mittal Steel). The head ("secretary", "manager", the word before
"of") must be the speaker's own, so "the home secretary" never fits someone who only talks
about the home secretary.
"""
from __future__ import annotations

import re
from functools import lru_cache

from corpus.folding import fold
from corpus.models import Speaker
from retrieval.tokenizer import terms

MIN_SHORT = 3  # shorter forms ("st", "mr") shorten too many words


@lru_cache(maxsize=4096)
def words_of(text: str) -> tuple[str, ...]:
    """Folded words that carry a search term, possessive 's and hyphens taken off."""
    plain = re.sub(r"['\u2019]s\b", "", fold(text)).replace("-", " ")
    return tuple(w for w in re.findall(r"\w+", plain) if terms(w))


def head_of(phrase: str) -> str | None:
    """The head noun of a role phrase: the last word before "of", else the last word."""
    before = re.split(r"\s+of\s+", fold(phrase), maxsplit=1)[0]
    words = words_of(before)
    return words[-1] if words else None


def shortens(short: str, word: str) -> bool:
    """Whether `short` is a shortening of `word`: a prefix, or its letters in order with the
    same first letter ("utd" united, "govt" government)."""
    if len(short) < MIN_SHORT or len(word) <= len(short) or short[0] != word[0]:
        return False
    letters = iter(word)
    return word.startswith(short) or all(ch in letters for ch in short)


def _initials(words: tuple[str, ...], own: set[str]) -> set[int]:
    """Positions of phrase words whose run of initials is one of the speaker's words."""
    covered: set[int] = set()
    for i in range(len(words)):
        for j in range(i + 2, len(words) + 1):
            if "".join(w[0] for w in words[i:j]) in own:
                covered.update(range(i, j))
    return covered


def _own(word: str, own_words: set[str], own_terms: set[str]) -> bool:
    """Whether the word is among these, as written or shortened."""
    return (all(t in own_terms for t in terms(word))
            or any(shortens(word, w) for w in own_words))


def fits(phrase: str, speaker: Speaker, sentence: str) -> bool:
    """Whether every word of the role phrase is the speaker's (name or role, as written or
    shortened) or, the head excepted, in the sentence they say."""
    words = words_of(phrase)
    head = head_of(phrase)
    if not words or head is None:
        return False
    own_words = set(words_of(f"{speaker.name} {speaker.role or ''}"))
    own_terms = {t for w in own_words for t in terms(w)}
    by_initials = _initials(words, own_words)
    said_words = set(words_of(sentence))
    said_terms = {t for w in said_words for t in terms(w)}
    for i, word in enumerate(words):
        if i in by_initials or _own(word, own_words, own_terms):
            continue
        if word == head or not _own(word, said_words, said_terms):
            return False
    return head in words and (words.index(head) in by_initials
                              or _own(head, own_words, own_terms))
