"""Phrases naming what an owner has: a document speaks for its author ("Lord Butler's
report", "the FAO report"); people or an office an owner names speak as a generic source
("Mr Brown's aides", "Mr Spitzer's office"). Split from `corpus.phrases`, whose grammar calls
them (and which they read)."""
from __future__ import annotations

from corpus.lexicon import phrase_words
from corpus.phrases import (
    CONNECTORS,
    DOCUMENT_NOUNS,
    ORG_WORDS,
    Phrase,
    bare,
    is_acronym,
    is_cap,
    parse_phrase,
)

_OWNED_GROUPS = phrase_words("owned_group")


def document_owner(words: list[str], low: list[str]) -> Phrase | None:
    """A document speaks for its author: "Lord Butler's report", "Mr Crosby's statement",
    "The FA's statement" (a capitalised owner's possessive), "the FAO report", "the Audit
    Commission report" (an acronym or an organisation's name before the noun; never "the
    Iraq report")."""
    if len(words) < 2 or low[-1] not in DOCUMENT_NOUNS:
        return None
    owner = words[1:-1] if low[0] == "the" else words[:-1]
    while len(owner) > 1 and owner[-1].islower() and not owner[-1].endswith(("'s", "’s")) \
            and any(w.endswith(("'s", "’s")) for w in owner):
        owner = owner[:-1]  # "Labour's new posters": the owner before the adjectives
    if not owner or not is_cap(owner[0]) or not all(
            is_cap(w) or bare(w) in CONNECTORS for w in owner):
        return None
    if owner[-1].endswith(("'s", "’s")):
        return parse_phrase([*owner[:-1], owner[-1][:-2]])
    if len(words) > len(owner) + 1 and (is_acronym(owner[-1]) or bare(owner[-1]) in ORG_WORDS):
        return parse_phrase(owner)  # "the FAO report": with "the" only, never "FAO report"
    return None


def owned_group(words: list[str], low: list[str], text: str) -> Phrase | None:
    """"Mr Brown's aides", "Mr Ebber's lawyers", "Mr Spitzer's office": people or an office
    a capitalised owner's possessive names speak as a generic source, never as the owner
    (a role owned is a described person: "Mr Blair's spokesman")."""
    if len(words) < 2 or low[-1] not in _OWNED_GROUPS or not words[-1].islower():
        return None
    owner = next((k for k, w in enumerate(words[:-1]) if w.endswith(("'s", "’s"))), None)
    if owner is None or owner < len(words) - 3 or not is_cap(words[owner]) or not all(
            w.islower() for w in words[owner + 1:]):
        return None
    return Phrase(text, None, None, None, vague=True)
