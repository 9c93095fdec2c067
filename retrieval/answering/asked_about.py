""""Who said Y?" where Y names a person asks who said it of them, not what they said.

"who called beating carlos moya the biggest win of his life", "who accused mourinho of
lying about his team sheet", "who said he had sorted out robben's foot": the person the
topic names is the one spoken about, and their own statements, which hold their name's
story words, are no answer to it. A statement by a person whose surname is a word of the
topic is left out of who-said answers; a place or body the topic names ("who said ukraine
was fighting back successfully") may well be who said it, and is kept.
"""
from __future__ import annotations

from functools import lru_cache

from corpus.models import Speaker
from retrieval.answering.role_fit import words_of


@lru_cache(maxsize=1024)
def _topic_words(topic: str) -> frozenset[str]:
    return frozenset(words_of(topic))


def spoken_of(topic: str, speaker: Speaker | None) -> bool:
    """Whether the speaker is a person the topic names by their surname."""
    if speaker is None or speaker.kind != "person":
        return False
    name = words_of(speaker.name)
    return bool(name) and name[-1] in _topic_words(topic)
