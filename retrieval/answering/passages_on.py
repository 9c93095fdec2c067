"""The passages on a topic, when nobody asked about speaks in the articles about it.

"What did senator mccain tell blair about climate change?": McCain's statements are all on
other things and he speaks in no article about climate change, but "Officials have
confirmed climate change was discussed when influential senator John McCain recently
visited Mr Blair" is what the articles hold on it. The passages best matching the
name and the topic together are shown, said to be the closest, when they name whom the
question asks about (a word of the phrase that is no role word) and hold PASSAGE_SHARE
of the question's words by IDF (a passage holding a word or two of them is no closer
than nothing: "what did scientists say about greenland's ice sheet melting" over
articles on ice dancing). They claim nothing.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from retrieval.answering import claims
from retrieval.answering.records import Hit
from retrieval.tokenizer import terms

if TYPE_CHECKING:
    from retrieval.answering.engine import Parley

PASSAGE_SHARE = 0.6  # of the question's words (name and topic) a passage shown must hold


def passages_on(parley: Parley, question: str, typed: str, topic: str, k: int,
                cut: bool) -> tuple[Hit, ...]:
    """The best passages for the name and the topic that hold PASSAGE_SHARE of their
    words, in BM25's order (see `Parley._search`)."""
    query = terms(f"{typed} {topic}")
    named = _name_terms(typed)
    found = parley._search(question, topic, k, cut, name=typed).results
    evidence = parley.evidence
    kept = []
    for hit in found:
        held = set(terms(hit.passage.text))
        if named & held and claims.coverage(query, held, evidence.idf_of,
                                            evidence.unseen_idf) >= PASSAGE_SHARE:
            kept.append(hit)
    return tuple(kept)


def _name_terms(typed: str) -> set[str]:
    """The terms of the phrase's words that are no role word ("mccain" of "senator
    mccain", "gartner" of "the gartner research director"), or of all its words when
    every one is a role word: a passage shown must name whom the question asks about."""
    from corpus.phrases import is_role_word  # its vocabularies load only when needed

    words = [w for w in typed.split() if terms(w)]
    own = [w for w in words if not is_role_word(w)] or words
    return {t for w in own for t in terms(w)}
