"""How sure a quote and a statement are: their modal verbs, conditions and words of how
much ("may", "should", "if", "only"), for a quote check's `reported` and `close` (a
statement that "should quit if he is found to ..." does not report "he will quit")."""
from __future__ import annotations

import functools
import re

from retrieval.answering.quote_capitals import inside_capital
from retrieval.answering.quote_folding import fold_words
from retrieval.answering.quote_sense import canonical
from retrieval.tokenizer import tokens

# "may", and "should quit if he is found to ..." is not "should quit". Future "will" and
# "would" are left out: reported speech moves "will" to "would" and "is" to "was". And the
# words that say how much of it: "all of his dignity" is not "his dignity - a little of it",
# "only 1%" is not "1%" (stop words, so no content word tells them apart).
HEDGES = {"can": "can", "could": "can", "cannot": "can", "couldn": "can",
          "may": "may", "might": "may", "perhaps": "may", "maybe": "may", "possibly": "may",
          "consider": "may",  # "would consider leaving" is "might leave", not "would leave"
          "must": "must", "shall": "should",
          "should": "should", "shouldn": "should", "ought": "should",
          "if": "if", "unless": "if",
          "all": "all", "every": "all", "entire": "all",
          "only": "only", "solely": "only", "merely": "only"}


# Where a clause ends: punctuation, a dash, or a word that opens a clause of its own ("they
# were "out of my range" *but* the centre could not convert": "could" is the next clause's).
# "and" before a new subject ends one too: "one in eight households already struggle with
# debt *and that will worsen* if rates rise" (the "will" is the second clause's).
_CLAUSE_END = re.compile(r"[,;:.!?\u2014]|\s-\s|\b(?:but|although|though|whereas)\b"
                         r"|\band\s+(?=(?:that|this|it|he|she|they|we|there|which)\b)",
                         re.IGNORECASE)
_NEAR_BEFORE = 3  # words before the first shared word whose modal verb is the clause's

_WORD = re.compile(r"[^\W_]+")


@functools.lru_cache(maxsize=8192)
def _hedge_words(text: str) -> tuple[tuple[int, str], ...]:
    """(offset, class) of each modal verb and condition in the text; a word of HEDGES
    written with a capital inside a sentence is a name ("Theresa *May* said", the "*All*
    Blacks"), not a hedge."""
    out = []
    for m in _WORD.finditer(text):
        word = m.group()
        if inside_capital(text, m.start()):
            continue
        out += [(m.start(), HEDGES[w]) for w in fold_words(word) if w in HEDGES]
    return tuple(out)


_WOULD = re.compile(r"\bwould\b|\w[\u2019']d\b", re.IGNORECASE)


def sure_alike(quote: str, quote_hedges: frozenset[str], text: str,
               text_hedges: frozenset[str]) -> bool:
    """Whether a quote and a statement's clause are as sure: the same hedges, but that a
    condition on one side is what "would" on the other already says ("the Tories would cut
    the number of MPs" is what they "would cut … if they were elected")."""
    if quote_hedges == text_hedges:
        return True
    q, t = set(quote_hedges), set(text_hedges)
    if "if" in t and "if" not in q and _WOULD.search(quote):
        t.discard("if")
    if "if" in q and "if" not in t and _WOULD.search(text):
        q.discard("if")
    return q == t


def hedges(text: str) -> frozenset[str]:
    """The classes of the modal verbs and conditions in the text."""
    return frozenset(kind for _, kind in _hedge_words(text))


def hedges_around(text: str, wanted: frozenset[str]) -> frozenset[str]:
    """The hedges of the part of a sentence that says what the quote says: from a few words
    before the first word it shares with the quote (canonical terms `wanted`) to the end of
    the clause of the last ("should *quit if he is found* ...", not a later clause's
    "could")."""
    found = [t for t in tokens(text) if canonical(t.term) in wanted]
    if not found:
        return frozenset()
    start, end = found[0].start, found[-1].end
    stop = _CLAUSE_END.search(text, end)
    end = stop.start() if stop else len(text)
    before = [m.start() for m in re.finditer(r"[^\W_]+", text[:start])]
    if before:
        begin = before[max(0, len(before) - _NEAR_BEFORE)]
        cut = [m.end() for m in _CLAUSE_END.finditer(text, begin, start)]
        start = cut[-1] if cut else begin
    return frozenset(kind for at, kind in _hedge_words(text) if start <= at < end)
