"""What a comparison and a speaker's statements over time are, apart from how they are shown."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from corpus.models import Article, Speaker
from retrieval.answering.records import Answer, Hit


@dataclass(frozen=True)
class Side:
    """One side of a comparison: the speakers it stands for and their statements on the
    topic, best first. `nothing` when none of them is on the topic; `total` counts all the
    side's statements, so "nothing on this" can say whether it has any at all."""

    typed: str
    speakers: tuple[Speaker, ...]
    statements: tuple[Hit, ...]
    total: int

    @property
    def nothing(self) -> bool:
        return not self.statements


@dataclass(frozen=True)
class Comparison:
    topic: str
    sides: tuple[Side, ...]


@dataclass(frozen=True)
class ArticleStatements:
    """One article's statements by the speaker, with the article's date (None: undated, or
    a `Date:` header that cannot be read without guessing)."""

    article: Article
    date: date | None
    statements: tuple[Hit, ...]


@dataclass(frozen=True)
class Timeline:
    """A speaker's statements grouped by article, dated articles oldest first, then the
    undated ones in corpus order."""

    typed: str
    speakers: tuple[Speaker, ...]
    topic: str
    articles: tuple[ArticleStatements, ...]

    @property
    def undated(self) -> int:
        return sum(1 for a in self.articles if a.date is None)


@dataclass(frozen=True)
class SidesAnswer(Answer):
    """An answer that is a comparison or a timeline; `results` stays empty (the statements
    are in the record), `message` is its heading in words."""

    comparison: Comparison | None = None
    timeline: Timeline | None = None
