"""A spokesperson speaks for an organisation: "a spokesman for the British Casino
Association", "a Microsoft spokesman", "the Home Office's spokeswoman", "A Department for
Constitutional Affairs spokeswoman" are the organisation speaking, with the spokesperson
kept as the role.

Why: the directory and questions ask for the organisation ("What did Microsoft say?"),
and one organisation's many unnamed spokespeople are one speaker. A spokesperson for a
person ("the prime minister's official spokesman", "Tony Blair's spokesman", "a spokesman
for Mr Prescott") stays a described person: the owner must be written as an organisation's
name (capitalised words, no title, role noun or first name).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.gender import first_name_gender
from corpus.lexicon import phrase_words
from corpus.phrases import CONNECTORS, ORG_WORDS, TITLES, bare, is_cap, is_role_noun, is_role_word

SPOKESPEOPLE = phrase_words("spokesperson")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


@dataclass(frozen=True)
class SpokenFor:
    """The organisation a spokesperson phrase names, and the spokesperson's role."""

    organisation: str
    role: str  # "spokesman", "official spokeswoman"


def spoken_for(role: str) -> SpokenFor | None:
    """The organisation a role-only spokesperson phrase speaks for, or None."""
    words = _ARTICLE.sub("", role.strip()).split()
    at = next((k for k, w in enumerate(words) if bare(w) in SPOKESPEOPLE), None)
    if at is None or (at == 0 and not _ARTICLE.match(role.strip())):
        return None  # "spokeswoman for the X" alone may still be linked to her name
    after = words[at + 1:]
    if after:  # "spokesman for the British Casino Association"
        if len(after) < 2 or after[0] != "for" or at > 1:
            return None
        owner = after[1:]
        if owner and owner[0].lower() == "the":
            owner = owner[1:]
        noun = words[:at + 1]
    else:  # "Microsoft spokesman", "the Home Office's official spokeswoman"
        k = at
        while k > 0 and words[k - 1].islower() and is_role_word(words[k - 1]):
            k -= 1  # "official", "press", "chief"
        owner, noun = words[:k], words[k:]
        if owner and owner[-1].endswith(("'s", "’s")):
            owner = [*owner[:-1], owner[-1][:-2]]
    name = " ".join(owner)
    return SpokenFor(name, " ".join(noun).lower()) if _organisation_like(owner) else None


def _organisation_like(owner: list[str]) -> bool:
    """Capitalised words (connectors between), none a title or role noun, not opening
    with a first name: "Microsoft", "Department for Constitutional Affairs", "BA"."""
    if not owner or not is_cap(owner[0]) or not is_cap(owner[-1]):
        return False
    if first_name_gender(owner[0]) is not None and len(owner) > 1:
        return False
    # "the Information Commissioner's Office": an owner inside a name that an
    # organisation's word ends is part of it (never "Tony Blair's", a person's)
    inner = len(owner) > 1 and bare(owner[-1]) in ORG_WORDS
    return all(_owner_word(w, inner and k < len(owner) - 1) for k, w in enumerate(owner))


def _owner_word(word: str, inside: bool) -> bool:
    if not (is_cap(word) or bare(word) in CONNECTORS) or bare(word) in TITLES:
        return False
    if inside and _possessive(word):
        return True
    return not is_role_noun(word) and not _possessive(word)


def _possessive(word: str) -> bool:
    return "'" in word or "’" in word
