"""An article as its article cache row and back (`article_cache`): the row's key (a hash of
everything attribution reads), the row made on the worker that attributed the article, and
what makes the article again from a row's JSON, in SQLite or in the build's spill file.
Kept apart from the cache's bookkeeping: the workers import only this."""
from __future__ import annotations

import hashlib

from corpus.loader import RawArticle
from corpus.models import Article
from retrieval import tokenizer
from retrieval.store.article_json import article_from_parts, article_parts
from retrieval.store.article_terms import terms_bytes
from retrieval.store.records_block import article_block, block_bytes
from retrieval.store.spill import Held, Stored

# An article's JSON but its passages, its passages' JSON, their terms (`article_terms`), its
# records block
Row = tuple[str, str, bytes, bytes]
HeldRow = tuple[Held, Held, Held, Held]  # the same, the JSON as UTF-8, maybe in the spill


def raw_key(raw: RawArticle) -> str:
    """Everything attribution reads of an article, hashed: the repr of its short fields and
    of the lengths of its headline and paragraphs (frozen records of strings and tuples:
    their repr is exact), then their text, which those lengths cut unambiguously (the
    repr of the whole text cost three times as much)."""
    head = repr((raw.id, raw.path, raw.source, raw.date, raw.url, raw.digest, raw.aliases,
                 len(raw.title), tuple(map(len, raw.paragraphs))))
    return hashlib.sha256("".join((head, raw.title, *raw.paragraphs)).encode(
        "utf-8", "surrogateescape")).hexdigest()


class CachedArticle:
    """An article made again from its cache row's JSON (a slotted object, not a closure)."""

    __slots__ = ("_head", "_passages")

    def __init__(self, head: str, passages: str) -> None:
        self._head, self._passages = head, passages

    def __call__(self) -> Article:
        return article_from_parts(self._head, self._passages)[0]


class SpilledArticle:
    """An article made again from its row in the spill file (a slotted object, not a
    closure: the cyclic collector walks fewer objects)."""

    __slots__ = ("_head", "_passages")

    def __init__(self, head: Stored, passages: Stored) -> None:
        self._head, self._passages = head, passages

    def __call__(self) -> Article:
        return article_from_parts(self._head.text(), self._passages)[0]


def utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def pack_article(article: Article) -> Row | Article:
    """An article as its cache row (JSON with its merge facts, its passages' terms and its
    records block), made on the worker that attributed it; the article itself when the row
    cannot hold it."""
    from corpus.merging import people_facts

    try:
        return (*article_parts(article, people_facts(article)),
                terms_bytes([tokenizer.terms(p.text) for p in article.passages])[1],
                block_bytes(article_block(article)))
    except ValueError:  # UnsupportedCorpus too
        return article


