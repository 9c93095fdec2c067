"""Whether a question is about something the articles never mention ("bitcoin", "brexit").

In a large corpus a word that no article uses, and that is no slip of a word one does, is
a sign the articles do not cover what was asked; showing the passages that match its other
words ("the price of ...") would answer another question. Such a word weighs as much as the
rarest word there can be (the IDF of a word in one passage), and when the missing words
hold at least ABSENT_SHARE of the question's weight the answer says they are in no article
and shows nothing. In a small corpus (fewer than MIN_PASSAGES passages) everyday words are
missing too ("happen", "capital" in one article), so nothing is decided there. Numbers and
compounds ("8Mb", "far-off") are left alone: the articles may write them otherwise, and so is
a closed compound whose last part is a word they use ("floodlights" where a player "lost it
in the lights"). A word one slip off a word the articles have may be that word mistyped or
another word they never use ("mrsa" beside "mrs"), so it weighs nothing and the question's
other words decide.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

from retrieval.answering import compounds
from retrieval.bm25_index import BM25Index
from retrieval.tokenizer import tokens

MIN_PASSAGES = 1000
ABSENT_SHARE = 1 / 3
_PLAIN_WORD = re.compile(r"[^\W\d_]{4,}")


def absent_words(topic: str, index: BM25Index,
                 has_near: Callable[[str], bool]) -> Sequence[str]:
    """The words of the topic no article has, when they are what it is about; else ()."""
    if index.size < MIN_PASSAGES:
        return ()
    rarest = math.log((index.size - 0.5) / 1.5)  # BM25Okapi's IDF of a one-passage word
    missing: list[str] = []
    weights: dict[str, float] = {}
    for token in tokens(topic):
        word = topic[token.start:token.end]
        if token.term in index:
            weights[token.term] = index.idf(token.term)
        elif not _PLAIN_WORD.fullmatch(word) or \
                compounds.known_head(token.term, index.__contains__) is not None:
            return ()  # a compound or a number: perhaps written otherwise
        elif not has_near(token.term):
            weights[token.term] = rarest
            if word not in missing:
                missing.append(word)
        # else a slip of a word the articles have: what it means is unsure, so it weighs
        # nothing either way and the other words decide ("mrsa" is one letter off "mrs")
    total = sum(weights.values())
    held = sum(weights[t] for t in weights if t not in index)
    return tuple(missing) if missing and total > 0 and held / total >= ABSENT_SHARE else ()

