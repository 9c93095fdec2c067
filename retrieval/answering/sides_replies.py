"""A side's reply to another side in one paragraph: on the other side's topic.

A comparison is most often of one exchange, and a paragraph that sets one side's statement
on the topic against another's says the second in words of its own: "Fiat has reiterated
its claims that this 'put' is still valid ... However, GM argues that ... have terminated
the agreement". The second is on the topic when it follows the first at once and holds a
word of data/reply_words.tsv (a contrast or a reply verb, keyed by lemma); a sentence that
only carries on ("Mr Obermann added that ...") is not.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

from corpus.models import Passage
from retrieval.answering.word_tables import table_rows

REPLY_FILE = Path(__file__).with_name("data") / "reply_words.tsv"
_WORD = re.compile(r"[a-z]+")


class ReplyDataError(ValueError):
    """A malformed line in the reply words table; the message names the file and line."""


@functools.cache
def reply_forms() -> frozenset[str]:
    """Every form of the table's words, lower case, read once."""
    out: set[str] = set()
    for row in table_rows(REPLY_FILE.read_text(encoding="utf-8").splitlines()):
        forms = [f.strip().lower() for f in (row.rest or "").split(",") if f.strip()]
        if not forms or not row.lemma:
            raise ReplyDataError(f"{REPLY_FILE.name}, line {row.number}: needs a lemma, "
                                 "a tab and its forms")
        out |= {row.lemma.lower(), *forms}
    return frozenset(out)


def is_reply(text: str) -> bool:
    """Whether a sentence holds a word that answers the one before it."""
    return not reply_forms().isdisjoint(_WORD.findall(text.lower()))


def replies(passage: Passage, mine: list[int], theirs: list[int]) -> list[int]:
    """The side's sentences of the passage that answer, right after it, another side's
    sentence on the topic (`theirs`)."""
    return [s for s in mine if s not in theirs and s - 1 in theirs
            and is_reply(passage.sentences[s].text)]
