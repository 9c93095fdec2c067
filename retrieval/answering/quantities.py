""""How many spectators were at the final?": a question for a number, answered by one.

BM25 weighs the question's words, and the passage that answers "how many … spectators"
is often one that says the number once ("a record crowd … of 27,000 spectators") among
others that name the final, the city and the players more often. A passage answers such a
question when one of its sentences writes a figure right before what is counted
("1.3 million broadband subscribers" for "how many broadband customers"; "29% of United"
for "how much of manchester united"). "How much did X give" counts nothing named: a figure
beside any word of the question was tried for it and moved passages about other givers
("a £2m donation to the Labour Party") above the answer, so BM25's order stays. Among the
best BM25 candidates scoring at least FLOOR of the best, those come first, in BM25's order;
the scores shown stay BM25Okapi's. A year is no answer to "how many".
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from retrieval.answering.word_tables import table_rows
from retrieval.tokenizer import terms

COUNT_WORDS_FILE = Path(__file__).with_name("data") / "count_words.tsv"

POOL = 30  # BM25 candidates looked at
FLOOR = 0.45  # share of the best score a candidate needs to move up
WINDOW = 3  # words between the figure and what is counted

_ASKED = re.compile(r"^\W*(?:\w+\s+){0,3}?how\s+(?P<much>many|much)\s+(?P<rest>.*)$",
                    re.IGNORECASE)
# Where the counted noun phrase ends: the question's verb.
_VERB = re.compile(r"\b(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could|"
                   r"should|might|may|there)\b", re.IGNORECASE)
# A figure: digits, a share, or a sum ("£2m", "$12.5bn"); "800m" alone is a distance.
_FIGURE = re.compile(r"^(?:[£$€]\d[\d,.]*(?:m|bn|k)?|\d[\d,.]*%?)$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_WORD = re.compile(r"[£$€]?\d[\d,.]*%?\w*|\w+")


def asked(question: str) -> frozenset[str] | None:
    """The terms of what a "how many / how much" question counts, or None when it asks
    for no number or counts nothing named."""
    m = _ASKED.match(question)
    if m is None:
        return None
    rest = m.group("rest")
    if m.group("much") == "much" and rest.lower().startswith("of "):
        rest = rest[3:]  # "how much of manchester united do they own": a share of it
    noun = _VERB.split(rest, maxsplit=1)[0]
    counted = frozenset(terms(noun))
    return counted or None


@functools.cache
def count_words() -> frozenset[str]:
    """Counts written in words, every form (data/count_words.tsv)."""
    with COUNT_WORDS_FILE.open(encoding="utf-8") as f:
        return frozenset(form.strip() for row in table_rows(f)
                         for form in (row.lemma, *(row.rest or "").split(",")) if form.strip())


def _is_figure(word: str) -> bool:
    return (bool(_FIGURE.match(word)) and not _YEAR.match(word)
            or word.lower() in count_words())


def gives_figure(text: str, counted: frozenset[str]) -> bool:
    """Whether a sentence writes a figure WINDOW words or fewer before a counted term."""
    words = _WORD.findall(text)
    found = [frozenset(terms(w)) for w in words]
    for i, word in enumerate(words):
        if not _is_figure(word):
            continue
        if any(f & counted for f in found[i + 1:i + 2 + WINDOW]):
            return True
    return False


def figures_first(ranked: Sequence[tuple[int, float]],
                  sentences_of: Callable[[int], Sequence[str]],
                  counted: frozenset[str]) -> list[tuple[int, float]]:
    """The ranked passages, those scoring at least FLOOR of the best with a sentence that
    gives the figure first (stable)."""
    if not ranked:
        return []
    floor = FLOOR * max(score for _, score in ranked)
    gives = [score >= floor and any(gives_figure(s, counted) for s in sentences_of(p))
             for p, score in ranked]
    order = sorted(range(len(ranked)), key=lambda i: not gives[i])
    return [ranked[i] for i in order]

