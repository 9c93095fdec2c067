"""What of a person entry takes part in the cross-article merge (`corpus.merging`):
whether its name is a name at all (never "Is Charles Clarke", "Steel Co"), its parts with
the descriptors before a name dropped ("Tory Liam Fox" is Liam Fox), and its gender."""
from __future__ import annotations

import re
from dataclasses import replace

from corpus.folding import fold_name
from corpus.gazetteer import gazetteer
from corpus.gender import first_name_gender
from corpus.lexicon import phrase_words
from corpus.models import Person
from corpus.name_keys import NameParts
from corpus.phrases import DOCUMENT_NOUNS, NAME_PARTICLES, NOT_NAMES, ORG_WORDS, bare, is_role_word
from corpus.titles import title_gender

_FINITE_VERBS = phrase_words("finite_verb")
_PARTIES = phrase_words("party_name")
_PREFIXES = phrase_words("descriptor_prefix")


def name_shaped(name: str, parts: NameParts) -> bool:
    """Only names take part: capitalised words (particles aside), opening with no word
    that starts sentences ("Is Charles Clarke", "Can Yahoo", "Jonathan Wolpaw and Dennis
    McFarlane", "Arrested Development") and ending in no organisation word, document or
    place ("Steel Co", "China Review", "Media Labs Europe"); a bare surname that is a first
    name of the table ("Alan") is too uncertain to join anyone."""
    words = name.split()
    if any(not w[:1].isupper() and w not in NAME_PARTICLES for w in words):
        return False
    if bare(words[0]) in NOT_NAMES or words[0].lower() in _FINITE_VERBS \
            or re.fullmatch(r"[A-Z][a-z]+(?:ed|ing)", words[0]) and len(words) > 1 \
            and first_name_gender(words[0]) is None:
        return False  # "Arrested Development", "Leading China-watcher"
    last = bare(words[-1])
    if last in ORG_WORDS or last in DOCUMENT_NOUNS or gazetteer().is_place(words[-1]):
        return False  # "China Review", "MIT Media Labs Europe", "Steel Co"
    return bool(parts.given) or parts.titled is not None \
        or first_name_gender(words[-1]) is None


def without_descriptors(parts: NameParts) -> NameParts:
    """"Euro-Sceptic Kilroy-Silk", "Tory Liam Fox", "Briton Tim Henman": a descriptor
    before the name (a hyphenated word, a country's adjective, a party, a role word) is
    no first name."""
    k = 0
    while k < len(parts.given_words) and _descriptor(parts.given_words[k]):
        k += 1
    if k == 0:
        return parts
    return replace(parts, given=parts.given[k:], given_words=parts.given_words[k:])


def _descriptor(word: str) -> bool:
    """"Man-of-the-match", "Euro-Sceptic", "Briton", "Tory", "Referee" (never "Jean-Louis")."""
    low = bare(word)
    head, _, tail = low.partition("-")
    return bool(tail) and (word.split("-", 1)[1][:1].islower() or head in _PREFIXES) \
        or low in gazetteer().adjectives or low in _PARTIES or is_role_word(word)


def entry_gender(person: Person, parts: NameParts) -> str | None:
    """From the title written, the first name, or the "Mr"/"Ms" aliases the article gave."""
    if parts.titled and title_gender(parts.titled):
        return title_gender(parts.titled)
    words = person.name.split()
    if parts.given and (g := first_name_gender(words[-len(parts.given) - 1])):
        return g
    surname = fold_name(words[-1])
    male = f"mr {surname}" in person.aliases
    female = f"ms {surname}" in person.aliases or f"mrs {surname}" in person.aliases
    return "male" if male and not female else "female" if female and not male else None
