"""What the attributor makes of a few paragraphs written for a test, sentence by sentence."""
from __future__ import annotations

from corpus.build import attribute_article
from corpus.loader import RawArticle

Row = tuple[str | None, str | None, str | None]


def attribute(*paragraphs: str, headline: str = "A headline with no speaker") -> list[Row]:
    """(speaker, speaker kind, speech kind) of every sentence, the headline's first."""
    article = attribute_article(RawArticle("t", "t.txt", headline, tuple(paragraphs)))
    return [(s.speaker.name if s.speaker else None, s.speaker.kind if s.speaker else None,
             s.kind) for p in article.passages for s in p.sentences]


def speakers(*paragraphs: str, headline: str = "A headline with no speaker") -> list[str | None]:
    """The speakers of the sentences after the headline."""
    return [who for who, _, _ in attribute(*paragraphs, headline=headline)[1:]]
