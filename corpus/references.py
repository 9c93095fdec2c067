"""Nouns that refer back to someone the article has named: "the company said" (an
organisation), "the 30-year-old told", "the marathon world record holder believes" (a
person). The words are data (data/references.tsv); who they refer to is decided by the
resolver (`corpus.attribution.resolver`), by type and salience.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from corpus.folding import fold
from corpus.gazetteer import gazetteer
from corpus.lexicon import data_rows, phrase_words

SUPERLATIVES = phrase_words("superlative")

_AGE = re.compile(r"^\d{1,3}-year-old$")
_MODIFIER = re.compile(r"^[a-z][a-z-]*$")
MAX_MODIFIERS = 4


@dataclass(frozen=True)
class Reference:
    """A referring noun: what it refers to, and for an organisation the words one of which
    its name must hold (empty: any organisation that is not a place)."""

    noun: str
    refers_to: str  # "organisation" or "person"
    name_words: frozenset[str]
    # "the UK's biggest mortgage lender", "the US firm": a description of the organisation
    # just named (a superlative, or a place's name or adjective before the noun), not any
    # organisation of its kind
    superlative: bool = False


@cache
def references() -> dict[str, Reference]:
    out: dict[str, Reference] = {}
    for row in data_rows("references.tsv"):
        noun, kind = row[0], row[1]
        if kind not in ("organisation", "person"):
            raise ValueError(f"references.tsv: {noun}: bad kind {kind!r}")
        words = frozenset(row[2].split()) if len(row) > 2 and row[2] != "*" else frozenset()
        out[noun] = Reference(noun, kind, words)
    return out


def reference_noun(words: list[str]) -> Reference | None:
    """The referring noun of a definite phrase: "the company", "The firm", "the
    30-year-old", "the marathon world record holder" ("the" and up to four lower-case
    words before the noun), "the star of Rain Man and Tootsie" (a person noun and what
    they are known for), "the UK's biggest mortgage lender" (a place's superlative); None
    for anything else ("the Tory leader", "a company")."""
    if len(words) > 3 and "of" in words[2:-1]:
        at = words.index("of", 2)
        found = reference_noun(words[:at])
        known_for = words[at + 1:]
        return found if found is not None and found.refers_to == "person" and all(
            w[:1].isupper() or w in ("and", "the", "of") for w in known_for) \
            and known_for[-1][:1].isupper() else None
    if len(words) > 3 and words[1].endswith(("'s", "’s")) and words[2] in SUPERLATIVES:
        found = reference_noun([words[0], words[-1]]) if all(
            _MODIFIER.match(w) for w in words[3:-1]) else None
        return Reference(found.noun, found.refers_to, found.name_words, True) \
            if found is not None and found.refers_to == "organisation" \
            and gazetteer().is_place(words[1][:-2]) else None
    if len(words) < 2 or words[0] not in ("the", "The") or len(words) > 2 + MAX_MODIFIERS:
        return None
    last = words[-1]
    if len(words) == 3 and _BASED.fullmatch(words[1]):
        return reference_noun([words[0], last])  # "The Canada-based company": the company
    if len(words) == 3 and _place_word(words[1]):
        found = references().get(last)  # "The US firm says", "the Japanese bank"
        return Reference(found.noun, found.refers_to, found.name_words, True) \
            if found is not None and found.refers_to == "organisation" else None
    if not all(_MODIFIER.match(w) for w in words[1:-1]):
        return None
    if _AGE.match(last):
        return Reference(last, "person", frozenset())
    found = references().get(last)
    if found is None or (found.refers_to == "organisation" and len(words) > 2):
        return None  # "the parent company" may be another firm than the one speaking
    return found


# "The Canada-based company says", "the London-based bank": where it is, as a place word
_BASED = re.compile(r"[A-Z][\w.]*-based")


def _place_word(word: str) -> bool:
    """A country or place's name or adjective ("US", "Japanese")."""
    g = gazetteer()
    return word[:1].isupper() and (g.is_place(word) or fold(word) in g.adjectives)


def fits(reference: Reference, organisation: str) -> bool:
    """Whether an organisation's name fits the noun ("the bank": "Bank of England")."""
    if not reference.name_words:
        return True
    return any(w in reference.name_words for w in re.findall(r"[a-z]+", fold(organisation)))
