"""What a subject finder reads for a cue: a subject (or none), or a refusal."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from corpus.attribution.cues import Cue
from corpus.phrases import Phrase


@dataclass(frozen=True)
class Finding:
    """What one finder read: the subject (None: not found), where its clause starts and the
    role an apposition gives (None: unchanged)."""

    phrase: Phrase | None
    clause: int | None = None
    role: str | None = None


class Refusal:
    """A finder's verdict that the cue has no speaker at all."""


REFUSED = Refusal()
Finder = Callable[[Cue], Finding | Refusal | None]


@dataclass(frozen=True)
class Subject:
    """The subject found for a cue."""

    phrase: Phrase
    clause: int  # where the subject's clause starts (a split would cut the sentence here)
    role: str | None  # the role an apposition gives
