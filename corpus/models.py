"""Records for articles, passages and attributed sentences.

Frozen dataclasses: a built corpus is shared read-only by every front end (and by concurrent
Discord handlers), so nothing downstream may change it.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from corpus.printable import printable

SpeechKind = Literal["direct", "reported"]
SpeakerKind = Literal["person", "organisation", "vague"]


@dataclass(frozen=True)
class Speaker:
    """Who is speaking: a person, or an organisation/country/city standing for a government."""

    name: str
    role: str | None = None
    kind: SpeakerKind = "person"

    def label(self) -> str:
        return f"{self.name}, {self.role}" if self.role else self.name


@dataclass(frozen=True)
class Sentence:
    """A sentence (or, when one sentence reports two speakers, one clause of it)."""

    text: str
    start: int  # character offset in the passage text
    end: int
    speaker: Speaker | None = None
    kind: SpeechKind | None = None


@dataclass(frozen=True)
class Passage:
    """A paragraph: the unit that is indexed and shown. Paragraph 0 is the headline."""

    document: str  # the article's id (file stem)
    index: int
    text: str
    sentences: tuple[Sentence, ...]

    def speakers(self) -> list[Speaker]:
        """Distinct speakers in order of first statement."""
        seen: dict[str, Speaker] = {}
        for s in self.sentences:
            if s.speaker is not None and s.speaker.name not in seen:
                seen[s.speaker.name] = s.speaker
        return list(seen.values())


@dataclass(frozen=True)
class Person:
    """An entry of an article's who-is-who table (people and speaking organisations)."""

    name: str  # canonical: the fullest form met, with diacritics where any mention had them
    role: str | None
    kind: SpeakerKind
    aliases: frozenset[str]  # folded, lower-case forms that refer to this entry


@dataclass(frozen=True)
class Article:
    id: str
    path: str
    title: str
    passages: Sequence[Passage]  # a tuple when built; a lazy sequence when loaded
    people: tuple[Person, ...] = ()
    source: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class LoadProblem:
    """A file that could not be used, and why; loading goes on with the rest."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{printable(self.path)}: {self.reason}"


@dataclass(frozen=True)
class Corpus:
    articles: Sequence[Article]  # tuples when built; lazy sequences when loaded
    problems: tuple[LoadProblem, ...] = ()
    passages: Sequence[Passage] = field(default=(), compare=False)

    @staticmethod
    def of(articles: list[Article], problems: list[LoadProblem] | None = None) -> Corpus:
        passages = tuple(p for a in articles for p in a.passages)
        return Corpus(tuple(articles), tuple(problems or ()), passages)

    def article(self, article_id: str) -> Article:
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)
