"""Names the article itself shows to be organisations, read before anyone is typed.

Why: a two-word name such as "Krispy Kreme" or "Electronic Arts" reads as a person's first
name and surname, and a person is never "the company", "the firm" or "it". The article
says otherwise in a few plain ways, and only those are read: "shares in X" / "X's shares",
a bracketed acronym of X's initials ("Electronic Arts (EA)"), and a firm's common noun right
before X ("video game giant Electronic Arts", "US firm X", "anti-fraud consultancy X"), an
office only an organisation has after X ("X's head of trade policy", "X chief executive
John Smith") and a publication's noun after X ("TV Guide magazine"). A name opening with a
first name of the table is never taken for an organisation ("firm boss John Smith" is read
no further than "boss", and "group Jack Smith" stays a person).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from corpus.folding import fold, fold_name
from corpus.gazetteer import gazetteer
from corpus.gender import first_name_gender
from corpus.lexicon import phrase_words
from corpus.phrases import NOT_NAMES, ROLE_NOUNS, TITLES, bare

_DESCRIPTORS = phrase_words("org_descriptor")
_NAME = r"[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*)*"
_SHARES_IN = re.compile(rf"\b[Ss]hares\s+(?:in|of)\s+({_NAME})")
_OWN_SHARES = re.compile(rf"({_NAME})['’]s?\s+shares\b")
_ACRONYM = re.compile(rf"({_NAME})\s+\(([A-Z][A-Za-z]{{1,6}})\)")
_DESCRIBED = re.compile(rf"\b([a-z]+)\s+({_NAME})")
_OFFICES = phrase_words("org_office")
# "America's TV Guide magazine", "the New York Times newspaper": a publication's noun after
_PUBLICATIONS = {"magazine", "newspaper", "paper", "tabloid", "broadsheet", "website"}
# Read from each office or publication word back to the name right before it (reading every
# name of every paragraph forwards cost the people table a tenth of its time).
_ANY_OFFICE = re.compile(rf"\b(?:{'|'.join(sorted(_OFFICES | _PUBLICATIONS))})\b")
_NAME_BEFORE = re.compile(rf"({_NAME})\s+$")
_OWNER_BEFORE = re.compile(rf"({_NAME})['’]s\s+$")
_OFFICE_FOLLOW = re.compile(r"\s+(?:of\b|[a-z]+\s+[A-Z]|[A-Z])")
_REACH = 100  # characters before the word: longer than any organisation's name


def _clean(name: str) -> str:
    return re.sub(r"['’]s?$", "", name.strip().rstrip("."))


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("&", " ").split()).lower()


def _acceptable(name: str) -> bool:
    words = name.split()
    return bool(words) and first_name_gender(words[0]) is None \
        and not any(bare(w) in TITLES or bare(w) in ROLE_NOUNS or bare(w) in NOT_NAMES
                    for w in words)


def _named_before_offices(text: str) -> list[str]:
    """"Christian Aid's head of trade policy", "Retail Decisions chief executive Carl Clump"
    (an office, then "of" or a name), "America's TV Guide magazine": the names before them,
    read from their sentence's start ("Friday. Deutsche Boerse chief ..." is Deutsche
    Boerse)."""
    names: list[str] = []
    for m in _ANY_OFFICE.finditer(text):
        word, before = m.group(), text[max(0, m.start() - _REACH):m.start()]
        if word in _PUBLICATIONS:
            found = _NAME_BEFORE.search(before)
            if found is not None:
                names.append(re.sub(r"^.*['’]s\s+", "", found.group(1).rsplit(". ", 1)[-1]))
        elif _OFFICE_FOLLOW.match(text, m.end()):
            found = _OWNER_BEFORE.search(before) or _NAME_BEFORE.search(before)
            if found is not None:
                names.append(found.group(1).rsplit(". ", 1)[-1])
    return names


def organisation_evidence(texts: Iterable[str]) -> dict[str, tuple[str, str | None]]:
    """Folded name -> (the name as written, its acronym or None) for each name the texts
    show to be an organisation."""
    found: dict[str, tuple[str, str | None]] = {}
    for text in texts:
        names = [m.group(1) for m in _SHARES_IN.finditer(text)]
        names += [m.group(1) for m in _OWN_SHARES.finditer(text)]
        described = [m.group(2) for m in _DESCRIBED.finditer(text)
                     if m.group(1) in _DESCRIPTORS]
        names += described + _named_before_offices(text)
        for m in _ACRONYM.finditer(text):
            name = _clean(m.group(1))
            words = name.split()
            for k in range(len(words)):  # "Video game giant Electronic Arts (EA)"
                tail = " ".join(words[k:])
                if len(words) - k >= 2 and _initials(tail) == m.group(2).lower():
                    if _acceptable(tail):
                        found[fold_name(tail)] = (tail, m.group(2))
                    break
        for name in map(_clean, names):
            if len(name.split()) >= 2 and _acceptable(name):
                found.setdefault(fold_name(name), (name, None))
        for name in map(_clean, described):  # "Video game firm Bioware": one word will do
            if len(name.split()) == 1 and _acceptable(name) and not gazetteer().is_place(name) \
                    and fold(name) not in gazetteer().adjectives:
                found.setdefault(fold_name(name), (name, None))
    return found
