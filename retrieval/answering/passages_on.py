"""The passages on a topic, when nobody asked about speaks in the articles about it.

"What did senator mccain tell blair about climate change?": McCain's statements are all on
other things and he speaks in no article about climate change, but "Officials have
confirmed climate change was discussed when influential senator John McCain recently
visited Mr Blair" is what the articles hold on it. The passages best matching the name and
the topic together are shown, said to be the closest, when they hold PASSAGE_SHARE of the
question's words by IDF (name and topic: a passage naming neither is no closer than
nothing, "what did scientists say about greenland's ice sheet melting" over articles on
ice dancing). They claim nothing.
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
    found = parley._search(question, topic, k, cut, name=typed).results
    index = parley.index
    kept = [h for h in found if claims.coverage(
        query, set(terms(h.passage.text)), lambda t: index.idf(t) if t in index else None,
        parley.evidence.unseen_idf) >= PASSAGE_SHARE]
    return tuple(kept)
