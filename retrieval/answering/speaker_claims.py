"""When "what did X say about Y?" may be answered "X said it": the statement shown first
is X's and on Y.

A statement is on Y when it holds COVERAGE_TO_SAY of Y's terms (by IDF), or when it does
together with the lines that frame it (`claims.framed_texts`: the narration right around
it and its article's headline: "Island school gets satellite broadband" over "It has
changed the way the children learn, said Morag Innes"), so long as its own sentences
hold every figure Y names and deny none of Y's words. Either way it must name someone,
keep Y's sense (negation, condition) and, for a Y that is a person the articles quote, be
about them in what was said, not only in the narration around it.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from retrieval.answering import claims
from retrieval.answering.records import Hit
from retrieval.answering.sense import denies_asked, holds_figures, keeps_sense
from retrieval.tokenizer import terms

if TYPE_CHECKING:
    from retrieval.answering.engine import Parley

NAME_WORDS = 4  # a topic of more words is no person's name


def said_on(parley: Parley, topic: str, query: Sequence[str], hit: Hit,
            held: float) -> float | None:
    """The share of the query on which the hit, holding `held` of it itself, may be
    claimed as its speaker's statement on the topic (with the lines framing it when they
    are needed); None when it may not be."""
    if not claims.names_someone(hit.speaker):
        return None
    share = covers(parley, topic, query, hit, held)
    if share is None or not keeps_sense(topic, claims.statement_texts(hit)) or \
            named_only_around(parley, topic, query, hit):  # resolving the topic: last
        return None
    return share


def covers(parley: Parley, topic: str, query: Sequence[str], hit: Hit,
           held: float) -> float | None:
    """`held` when the statement holds COVERAGE_TO_SAY of the topic; else its share with
    the lines framing it when that does, a figure the topic names and no denial of its
    words being in its own sentences; else None."""
    if held >= claims.COVERAGE_TO_SAY:
        return held
    texts = claims.statement_texts(hit)
    framed = parley.evidence.coverage(hit, query, framed=True)
    if framed < claims.COVERAGE_TO_SAY or not holds_figures(topic, texts, terms) or \
            denies_asked(topic, texts, terms):
        return None
    return framed


def named_only_around(parley: Parley, topic: str, query: Sequence[str], hit: Hit) -> bool:
    """Whether the topic is a person the articles quote, named only in the narration
    around what was said ("Liam Fox was speaking after Mr Blair told Labour members …"
    is Fox speaking, not Blair on Fox). Only for a person's name: a frame the question
    asks about ("tell reporters", "urge") is no one's name (see `said_part`)."""
    if len(topic.split()) > NAME_WORDS:
        return False  # no one's name: not worth the directory's spelling look-ups
    entry = parley.directory.resolve(topic).entry
    if entry is None or entry.kind != "person":
        return False
    return parley.evidence.coverage(hit, query, said_only=True) < claims.COVERAGE_TO_SAY
