"""The stories two sides both speak in, for a comparison where neither holds the topic's
words: asked what Warren Gatland and Matt Dawson said about "Dawson's future", neither says
"future", but in "Dawson set for new Wasps contract" the coach says "We have not yet offered
Matt a new contract but we will be doing so" and the player "Rugby is still my priority".
A story counts when its headline holds half the topic's words or more and every side is
quoted in it; each side is given its own quoted words there, never a reported sentence
(the narration's summary of what someone thinks is not their words)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from retrieval.answering.quote_sense import same_word_set

if TYPE_CHECKING:
    from retrieval.answering.engine import Parley


def headline_holds(parley: Parley, headline: int, wanted: frozenset[str]) -> bool:
    """Whether a headline holds half the topic's words or more: "Franz man seeks government
    help" is not about "government funding for music"."""
    held = wanted & same_word_set(parley.evidence.terms_of(headline))
    return bool(held) and 2 * len(held) >= len(wanted)


def quoted_in(parley: Parley, mine: dict[int, list[int]], stories: set[str]
              ) -> dict[int, list[int]]:
    """A side's direct sentences in the stories' bodies, by passage (none empty)."""
    passages = parley.corpus.passages
    quoted = {p: [s for s in held if passages[p].sentences[s].kind == "direct"]
              for p, held in mine.items()
              if passages[p].document in stories and passages[p].index > 0}
    return {p: held for p, held in sorted(quoted.items()) if held}


def shared_stories(parley: Parley, sides: Sequence[dict[int, list[int]]],
                   wanted: frozenset[str]) -> list[dict[int, list[int]]]:
    """Each side's quoted words in the stories about the topic where every side is quoted;
    nothing for any side when fewer than two sides are given or no story fits."""
    passages = parley.corpus.passages
    if len(sides) < 2 or not wanted:
        return [{} for _ in sides]
    headline: dict[str, int] = {}  # a story -> its headline passage (the first)
    quoted_docs = []
    for mine in sides:
        docs = set()
        for p, held in mine.items():
            if any(passages[p].sentences[s].kind == "direct" for s in held):
                docs.add(passages[p].document)
                headline[passages[p].document] = p - passages[p].index
        quoted_docs.append(docs)
    stories = {d for d in set.intersection(*quoted_docs)
               if headline_holds(parley, headline[d], wanted)}
    if not stories:
        return [{} for _ in sides]
    return [quoted_in(parley, mine, stories) for mine in sides]
