"""Which country the story gives an official whose role states none.

"Deputy Defence Minister Alexander Fomin said", right after "Moscow said", speaks for
Russia; "said central bank governor Park Seung" in a story headlined "Seoul recovery" is
South Korea's. The story's country is the country that spoke last before the statement in
its article, else the one country its headline and first paragraph name ("South Korea
looks set to sustain its revival …, its central bank says"); a place the statement itself
names settles nothing ("fighting around Kyiv"), nor does a lead naming two ("Kyiv and
Moscow"). Used by `candidates.settled`.
"""
from __future__ import annotations

from collections.abc import Sequence

from corpus.models import Passage
from retrieval.answering.candidates import countries_in


def story_countries(passages: Sequence[Passage], passage: int,
                    sentence: int) -> frozenset[str]:
    """The country (as a key of `countries_in`) the story gives the statement, or none."""
    document = passages[passage].document
    p, before = passage, sentence
    lead: list[str] = []
    while p >= 0 and passages[p].document == document:
        for s in reversed(passages[p].sentences[:before]):
            who = s.speaker
            if who is not None and who.kind != "person" and (found := countries_in(who.name)):
                return found
        if passages[p].index <= 1:
            lead.append(passages[p].text)
        p -= 1
        before = len(passages[p].sentences) if p >= 0 else 0
    named = countries_in(" ".join(lead))
    return named if len(named) == 1 else frozenset()
