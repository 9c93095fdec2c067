"""What the front ends use of the answering engine, as a `typing.Protocol`.

`retrieval.answering.engine.Parley` is the engine; the CLI, the REPL and the Discord bot are typed
against `Engine` instead, so mypy checks every call they make on it and a test can hand them any
object with the same methods (the Discord tests' fake engine does).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from corpus.models import Article, Corpus, LoadProblem
from retrieval.answering.records import Answer, QuotesAnswer, SpeakerStats
from retrieval.answering.sides_records import Timeline


class Engine(Protocol):
    """One built corpus answering questions; read-only, shared by every handler."""

    @property
    def corpus(self) -> Corpus:
        """The articles and passages it answers from."""
        ...

    @property
    def problems(self) -> Sequence[LoadProblem]:
        """The files skipped while loading, for the user to hear about."""
        ...

    def ask(self, question: str, top_k: int | None = None,
            speaker: str | None = None) -> Answer: ...

    def check(self, speaker: str, quote: str, top_k: int | None = None) -> Answer:
        """"Did `speaker` say `quote`?": an answer whose claim is a quote check's verdict."""
        ...

    def speakers(self) -> list[SpeakerStats]: ...

    def speaker_names(self) -> list[str]: ...

    def quotes(self, name: str) -> QuotesAnswer: ...

    def over_time(self, name: str) -> Timeline: ...

    def sources(self) -> list[Article]: ...
