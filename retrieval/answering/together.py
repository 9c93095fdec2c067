""""Who said Y?" asked in a few words: the statement must hold them together.

When Y has few content terms (at most FEW), a statement holding each of them somewhere says
nothing like Y: AOL "backed the price cuts but said regulation was still needed to ensure a
level playing field" does not say anything came "back into the field of play", and a club
minimising "the impact" of a departure while clarifying its "position" (one stem with
"positive") does not speak of "a positive impact". Such a claim needs one sentence of the
statement that holds every term the statement holds, within a window of their number plus
SLACK content words ("will continue to face serious challenges over the next two years"
holds "continue ... over the next"). With more terms, holding most of them is meaning enough
and coverage alone decides.

Two statements may both hold Y's terms; the one holding more of its words as typed is the
one claimed (`typed_share`): Stephen Ladyman's "savings in some areas, such as freeing up NHS
beds" says "savings in some areas such as freeing", Jack McConnell's "Smoke-free areas will
save lives" only shares its stems.

A topic the articles write word for word ("they may shoot a Tory fox but") is claimed only
for a statement writing it so: another's sharing some of its words did not say it
(`who_said`).

A topic made mostly of words too common to search ("i'm sure there are some of them", at
least PHRASE_WORDS words and at most FEW_OF_PHRASE content terms) is a phrase: a statement
holding "sure" does not say it, so a claim needs the phrase itself, its words in order.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from corpus.folding import fold
from retrieval.tokenizer import terms, tokens

FEW = 3
SLACK = 4
PHRASE_WORDS = 5
FEW_OF_PHRASE = 2
_WORD = re.compile(r"[^\W_]+")


def holds_together(topic: str, texts: Sequence[str]) -> bool:
    """Whether the statement's sentences hold the topic's few terms close together (True
    for a topic of more terms, or when the statement holds fewer than two of them)."""
    asked = set(terms(topic))
    if len(asked) > FEW:
        return True
    held = {t for text in texts for t in terms(text)} & asked
    if len(held) < 2:
        return True
    return any(_window(text, held) <= len(held) + SLACK for text in texts)


def holds_phrase(topic: str, texts: Sequence[str]) -> bool:
    """Whether a topic of common words is held as typed, its words in order, by one of the
    statement's sentences (True for a topic that is no such phrase)."""
    words = topic_words(topic)
    if len(words) < PHRASE_WORDS or len(set(terms(topic))) > FEW_OF_PHRASE:
        return True
    return any(written_in_order(words, text) for text in texts)


def written_in_order(words: Sequence[str], text: str) -> bool:
    """Whether the text writes the folded words one after another (punctuation aside:
    "the lowest mortgages, inflation, unemployment" writes "lowest mortgages inflation")."""
    return f" {' '.join(words)} " in f" {' '.join(_WORD.findall(fold(text)))} "


def topic_words(topic: str) -> list[str]:
    """The topic's words, folded, in order."""
    return _WORD.findall(fold(topic))


def _window(text: str, wanted: set[str]) -> int:
    """The fewest consecutive content words of the text holding every wanted term (a large
    number when the text lacks one)."""
    words = [t.term for t in tokens(text)]
    best = len(words) + len(wanted) + SLACK + 1
    last: dict[str, int] = {}
    for i, term in enumerate(words):
        if term in wanted:
            last[term] = i
            if len(last) == len(wanted):
                best = min(best, i - min(last.values()) + 1)
    return best


def typed_share(topic: str, texts: Sequence[str]) -> float:
    """The share of the topic's searched words that the statement's sentences write in
    the form typed (case and diacritics aside)."""
    typed = {w for t in tokens(topic) for w in _WORD.findall(fold(topic[t.start:t.end]))[:1]}
    if not typed:
        return 0.0
    written = {w for text in texts for w in _WORD.findall(fold(text))}
    return len(typed & written) / len(typed)
