"""A place and its proper adjective share a search: "crimea" finds "Crimean".

The tokenizer writes a country's adjective as the country (data/countries.tsv), but a region
or a people it does not list ("Crimea" / "Crimean", "Korea" / "Korean" where it is not
listed) stays two terms, so a question about Crimea meets nothing in an article that only
says "the Crimean peninsula". A question word ending in -a also asks for the articles' word
in -an, and one in -an for the word in -a, when the articles write that other word as a
proper word: capitalised inside sentences in most of the passages that hold it (so "media"
never meets "median", nor "Milan" a "mila"). The query grows by that term; every score is
still exactly BM25Okapi's for the terms searched.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from retrieval.bm25_index import BM25Index
from retrieval.tokenizer import normalize_word

MIN_LENGTH = 5  # shorter words ("era", "idea") have too many lookalikes
LOOKED_AT = 5  # passages read to tell a proper word
_WORD = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"[.!?\"\u201c\u201d:]\s*$")


def _others(term: str) -> tuple[str, ...]:
    if len(term) < MIN_LENGTH or not term.isalpha():
        return ()
    if term.endswith("an"):
        return (term[:-1],)
    return (term + "n",) if term.endswith("a") else ()


def is_proper(term: str, texts: Iterable[str]) -> bool:
    """Whether the word written for `term` is capitalised inside sentences in most of
    these passages (a sentence's first word tells nothing)."""
    proper = plain = 0
    for text in texts:
        for m in _WORD.finditer(text):
            if normalize_word(m.group()) != (term,):
                continue
            start = text[:m.start()]
            if m.group()[0].isupper():
                if start.strip() and not _SENTENCE_END.search(start):
                    proper += 1
            else:
                plain += 1
    return proper > plain


def proper_variants(term: str, index: BM25Index,
                    text_of: Callable[[int], str]) -> tuple[str, ...]:
    """The term's -a / -an forms that the articles use as proper words."""
    return tuple(other for other in _others(term) if other in index and is_proper(
        other, (text_of(p) for p, _ in index.top([other], LOOKED_AT))))


def widened(query: Sequence[str], variants_of: Callable[[str], Sequence[str]]) -> list[str]:
    """The query and, after it, each term's variants not asked already."""
    out = list(query)
    for term in query:
        out.extend(v for v in variants_of(term) if v not in out)
    return out
