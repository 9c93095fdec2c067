"""The one tokenizer for documents and questions, so both meet on the same terms.

Transliterate (anyascii: "Çavuşoğlu" -> "cavusoglu", "Киев" -> "kiev"), fold case, drop
possessive 's, split hyphenated words into their parts and also keep the joined word
("cease-fire" meets "ceasefire"), write a country's adjective or other spelling as the
country and a capital's other spelling as the capital ("Russian" meets "Russia", "Kiev"
meets "Kyiv"; data/countries.tsv), drop English stop words, stem (Snowball English).
Every term keeps the character span it came from, so front ends can show matched words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import Stemmer
from anyascii import anyascii

from corpus.folding import fold
from retrieval.stopwords import STOP_WORDS

__all__ = ["Token", "fold", "normalize_word", "terms", "tokens"]

# A word: letters/digits, with inner apostrophes and hyphens ("nobody's", "face-to-face").
_WORD = re.compile(r"[^\W_]+(?:[-‐‑'’][^\W_]+)*")
_HYPHENS = re.compile(r"[-‐‑]")
_ASCII_WORD = re.compile(r"[a-z0-9]+")
_stemmer = Stemmer.Stemmer("english")


@dataclass(frozen=True)
class Token:
    term: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _same_place() -> dict[str, str]:
    """One-word adjectives, demonyms and spellings of a place -> the place's own one-word
    name: "russian(s)" -> "russia", "kiev" -> "kyiv". Multi-word names stay as they are."""
    from corpus.gazetteer import country_rows

    out: dict[str, str] = {}
    for row in country_rows():
        if " " not in row.country:
            for adjective in row.adjectives:
                if " " not in adjective and adjective != row.country:
                    out.setdefault(adjective, row.country)
                    out.setdefault(adjective + "s", row.country)
        if row.capitals and " " not in row.capitals[0]:
            for other in row.capitals[1:]:
                if " " not in other:
                    out.setdefault(other, row.capitals[0])
    return out


@lru_cache(maxsize=200_000)
def normalize_word(word: str) -> tuple[str, ...]:
    """The terms one word yields (several for a hyphenated word); cached, words repeat."""
    folded = anyascii(word).lower().replace("’", "'")
    folded = re.sub(r"'s$", "", folded)
    folded = folded.replace("'", "")
    places = _same_place()
    parts = [places.get(p, p) for piece in _HYPHENS.split(folded)
             for p in _ASCII_WORD.findall(piece)]
    if not parts:
        return ()
    terms = [p for p in parts if p not in STOP_WORDS]
    if len(parts) > 1:
        terms.append("".join(parts))
    return tuple(_stemmer.stemWords(terms))


def tokens(text: str) -> list[Token]:
    """Terms of `text` with the span of the word each came from."""
    out: list[Token] = []
    for m in _WORD.finditer(text):
        for term in normalize_word(m.group()):
            out.append(Token(term, m.start(), m.end()))
    return out


def terms(text: str) -> list[str]:
    """Just the terms, for indexing and querying."""
    return [t for m in _WORD.finditer(text) for t in normalize_word(m.group())]
