"""The people a group phrase stands for, so that what is said of the group is true of them.

"What did the bookmakers say about Natalie Appleton?" fits "Bookmakers" (a vague source) and
"Bookmaker Ladbrokes" (a firm of that kind the articles name); "Ladbrokes' Warren Lush" spoke
about her. Saying that no statement by the bookmakers is about her would be false, so an
organisation the phrase fits (or the phrase itself, when it names one) brings its people:
those whose role names it as theirs ("Ladbrokes spokesman", "Vice President of the ATP",
see `side_members.works_for`), and those a sentence writes as of it ("Laura Brownlees of
Save the Children", "Ladbrokes' Warren Lush"). A country is no such body: "Jean Dupont of
France" is from there, not its spokesman.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from corpus.folding import fold
from corpus.gazetteer import gazetteer
from corpus.phrases import ROLE_NOUNS
from retrieval.answering.candidates import Match
from retrieval.answering.side_members import (
    leads_role,
    most_heard,
    speakers_in_passages_of,
    works_for,
    written_of,
)
from retrieval.tokenizer import terms

if TYPE_CHECKING:
    from retrieval.answering.engine import Parley

# Plural nouns naming a kind of body ("the tobacco *companies*"): the bodies of that kind
# are those whose names hold the words before it.
KIND_TERMS = frozenset(terms("companies firms groups giants makers manufacturers producers "
                             "operators"))
KIND_FIT = 0.7
MAX_BODIES = 6  # the best-fitting bodies searched for their people (each costs a search)
MEMBER = "member"  # how a member matches: below its body's fit, so the body's own come first
MEMBER_DROP = 0.2
# Each engine's bodies and their people (`_people_of`), let go with the engine.
_FOUND: WeakKeyDictionary[Parley, dict[str, list[Match]]] = WeakKeyDictionary()
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


def bodies(typed: str, matches: Sequence[Match]) -> dict[str, float]:
    """The names of the organisations the phrase stands for, with their fit: an
    organisation it fits ("the ATP"), a speaker whose name is the phrase's kind before a
    name ("Bookmaker Ladbrokes" for "the bookmakers": "Ladbrokes", whatever kind the
    attribution gave it), and the phrase itself when it fits a body or a group, or no one
    (a body the attribution kept no statement for: "Ann Hale of the Rail Workers Union").
    None for a person's name or a country."""
    if any(m.group.kind == "person" and m.how in ("name", "surname") for m in matches):
        return {}
    typed_terms = set(terms(typed))
    out: dict[str, float] = {}
    for m in matches:
        name = _body_name(m, typed_terms)
        if name is not None and not _is_place(name):
            out[name] = max(out.get(name, 0.0), m.fit)
    plain = _ARTICLE.sub("", " ".join(typed.split()))
    if plain and not _is_place(plain) and (
            not matches or any(m.group.kind != "person" for m in matches)):
        out.setdefault(plain, max((m.fit for m in matches), default=1.0))
    return out


def _body_name(match: Match, typed_terms: set[str]) -> str | None:
    """The name of the body a match is, less the phrase's words before it ("Bookmaker
    Ladbrokes": "Ladbrokes"); None for a country or a person."""
    if match.how == "country":
        return None
    words = match.group.speaker.name.split()
    lead = 0
    while lead < len(words) and set(terms(words[lead])) & typed_terms:
        lead += 1
    rest = words[lead:]
    if match.group.kind == "organisation":
        return " ".join(rest) if lead and rest and rest[0][:1].isupper() else \
            match.group.speaker.name
    if lead and rest and all(w[:1].isupper() for w in rest):
        return " ".join(rest)  # "Bookmaker Ladbrokes", kept as a person
    return None


def _is_place(name: str) -> bool:
    places = gazetteer()
    folded = fold(_ARTICLE.sub("", name))
    return folded in places.places or folded in places.adjectives or \
        folded in places.country_of


def members(parley: Parley, typed: str, matches: Sequence[Match]
            ) -> tuple[list[Match], dict[str, str]]:
    """The people of the organisations the phrase stands for (see `bodies`) whom
    `matches` leaves out, below their body's fit; and the body of each (by folded name)."""
    known = {m.group.folded for m in matches}
    out: dict[str, Match] = {}
    of: dict[str, str] = {}
    for body, fit in list(bodies(typed, matches).items())[:MAX_BODIES]:
        for m in _people_of(parley, body):
            if m.group.folded not in known and m.group.folded not in out:
                out[m.group.folded] = Match(m.group, MEMBER, fit - MEMBER_DROP)
                of[m.group.folded] = body
    return sorted(out.values(), key=lambda m: (-m.fit, -len(m.group.statements),
                                               m.group.folded)), of


def _people_of(parley: Parley, body: str) -> list[Match]:
    """The body's people, found once per engine: each way of finding them searches the
    passages best matching the body's name (milliseconds a body), and a group question
    asked again, or another naming the same body, would pay it again."""
    found_for = _FOUND.setdefault(parley, {})
    if body not in found_for:
        found = [m for m in parley.finder.find(body)
                 if m.group.kind == "person" and m.how == "role"
                 and works_for(m.group.speaker, body)]
        found += written_of(parley, body, set())
        found += _written_possessive(parley, body)
        found += _roles_written(parley, body)
        found_for[body] = found
    return found_for[body]


def _roles_written(parley: Parley, body: str) -> list[Match]:
    """The people an article gives a role naming the body as theirs ("SEC deputy
    enforcement director Linda Thomsen", "Ladbrokes spokesman"), in the passages best
    matching its name: the directory keeps one role a person ("director")."""
    groups = speakers_in_passages_of(parley, body, lambda _sentence, who: (
        who.kind == "person" and bool(who.role) and (
            leads_role(who, body) or _office_of(who.role or "", body) or works_for(who, body))))
    return [Match(g, MEMBER, 0.9) for g in groups]


def _office_of(role: str, body: str) -> bool:
    """Whether a role is the body's name, written as a name, then lower-case words ending
    in an office ("SEC deputy enforcement director"), not a former one."""
    m = re.match(r"(?:the\s+)?(" + re.escape(body) + r")\s+((?:[a-z][\w-]*\s+){0,3})"
                 r"([a-z][\w-]*)$", role, re.I)
    return (m is not None and m.group(1)[:1].isupper() and m.group(3).lower() in ROLE_NOUNS
            and m.group(2) == m.group(2).lower() and m.group(3) == m.group(3).lower()
            and not re.search(r"(?i)\b(?:ex|former|one-time|retired)\b", role))


def _written_possessive(parley: Parley, body: str) -> list[Match]:
    """The people a sentence they speak in writes as the body's, right before their name
    ("said Ladbrokes' Warren Lush"), in the passages best matching the body's name, which
    it must write with a capital."""
    groups = speakers_in_passages_of(parley, body, lambda sentence, who: (
        who.kind == "person" and _possessive(sentence.text, who.name, body)))
    return [Match(g, MEMBER, 0.9) for g in groups]


def _possessive(text: str, person: str, body: str) -> bool:
    """Whether the text writes the body's name with a capital, then the person's full
    name: through its possessive ("Ladbrokes' Warren Lush", "BT's chief executive Ben
    Verwaayen"), or before an office ("SEC deputy enforcement director Linda Thomsen")."""
    if person not in text or body.lower() not in text.lower():
        return False  # the pattern cannot match: no pattern built (they are many)
    m = re.search(r"(?<![\w-])((?i:" + re.escape(body) + r"))(['\u2019]s?)?\s+"
                  r"((?:[a-z][\w-]*\s+){0,3})" + re.escape(person) + r"(?![\w-])", text)
    if m is None or not m.group(1)[:1].isupper():
        return False
    between = m.group(3).split()
    return m.group(2) is not None or (bool(between) and between[-1] in ROLE_NOUNS)


def of_kind(parley: Parley, typed: str) -> list[Match]:
    """For a kind of body no speaker's name or role holds whole ("the tobacco companies"),
    the speakers whose name or role writes the kind's words inside a name ("RJ Reynolds
    Tobacco", "executive vice-president of RJ Reynolds Tobacco"; not "Oil Minister")."""
    words = _ARTICLE.sub("", " ".join(typed.split())).split()
    if len(words) < 2 or not set(terms(words[-1])) & KIND_TERMS:
        return []
    qualifier = words[:-1]
    wanted = terms(" ".join(qualifier))
    if not wanted:
        return []
    finder = parley.finder
    having = set.intersection(*(finder._with_term.get(t, set()) for t in wanted))
    pattern = re.compile(r"(?<![\w-])(?i:" + r"\s+".join(map(re.escape, qualifier))
                         + r")(?![\w-])")
    out = []
    for i in sorted(having):
        group = parley.directory.groups[i]
        speaker = group.speaker
        if speaker.kind != "vague" and any(_in_a_name(m, f"{speaker.name} {speaker.role or ''}")
                                           for m in pattern.finditer(
                                               f"{speaker.name} {speaker.role or ''}")):
            out.append(Match(group, "role", KIND_FIT))
    return most_heard(out)


def _in_a_name(found: re.Match[str], text: str) -> bool:
    """Whether the words found are written as part of a name of two words or more, not
    an office ("Oil Minister")."""
    if not found.group(0)[:1].isupper():
        return False
    before = text[:found.start()].split()
    after = text[found.end():].split()
    named_before = bool(before) and before[-1][:1].isupper()
    named_after = bool(after) and after[0][:1].isupper() and after[0].lower() not in ROLE_NOUNS
    office_after = bool(after) and after[0].lower() in ROLE_NOUNS
    return (named_before or named_after) and not office_after
