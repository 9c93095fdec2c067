"""Who belongs to one side of a comparison: the speakers a side phrase may honestly stand for.

A side is a speaker, a country, a party or an organisation. A person or a country is resolved
as every speaker phrase is (`candidates.SpeakerFinder`, and the role phrases `nearby` finds),
but stricter, since a statement put on the wrong side is a false claim: a role in another
office ("Deputy Prime Minister" for "the prime minister", "Former Labour leader") is left out,
and a name typed whole keeps the person it names rather than everyone sharing the surname.
A party goes by several names (data/party_names.tsv: "the Tories" are the Conservatives); a
speaker belongs to it when its name begins with one of them ("Tory David Heathcoat-Amory",
"Lib Dems") or its role holds one written as a name ("Labour MP", not "labour office chief"),
never as a former member ("Ex-Labour MP").
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from corpus.folding import fold
from corpus.models import Sentence, Speaker
from corpus.phrases import ROLE_MODIFIERS, ROLE_NOUNS
from retrieval.answering import nearby
from retrieval.answering.candidates import OFFICE_CHANGERS, Match
from retrieval.answering.word_tables import table_rows
from retrieval.store import SpeakerGroup
from retrieval.tokenizer import terms

if TYPE_CHECKING:
    from retrieval.answering.engine import Parley

PARTY_FILE = Path(__file__).with_name("data") / "party_names.tsv"
PERSON_WAYS = ("name", "surname")
MIN_ROLE_FIT = 0.6  # role matches below this are another office (see candidates._by_role)
BODY_PASSAGES = 200  # passages naming a body searched for the roles of its people
_FORMER = re.compile(r"(?i)(?:\b(?:ex|former|one-time|onetime)\W*$)")
# Words naming what kind of body a side is ("the PCS *union*"): its people's roles name it
# without them ("PCS leader").
BODY_NOUNS = frozenset(["union", "association", "federation", "council", "society", "group",
                        "organisation", "organization", "company", "firm", "agency"])
# A party's name as a ministry's ("Labour Minister Ghazi al-Gosaibi", "Economy and Labour
# Minister", "Minister of Labour"): the articles write a party's minister "Labour minister".
_PORTFOLIO_BEFORE = re.compile(r"\b(?:of|and|&)\s+$")
_PORTFOLIO_AFTER = re.compile(r"\s+(?:Minister|Ministry|Secretary|Department)\b")
_NO_LONGER = re.compile(r"(?i)\b(?:ex|former|one-time|onetime|retired)\b")


@dataclass(frozen=True)
class Party:
    lemma: str
    forms: tuple[str, ...]


@functools.cache
def parties() -> tuple[Party, ...]:
    """The party table, read once."""
    return tuple(Party(row.lemma, tuple(f.strip() for f in (row.rest or "").split("|") if f))
                 for row in table_rows(PARTY_FILE.read_text(encoding="utf-8").splitlines()))


@functools.cache
def _form_pattern() -> re.Pattern[str]:
    """Every form of every party, longest first, as whole words written as names (so
    "Liberal Democrat" is read whole and "labour" in lower case is no party)."""
    forms = sorted({f for p in parties() for f in p.forms}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, forms)) + r")(?![\w-])")


@functools.cache
def _party_of_form() -> dict[str, str]:
    return {f: p.lemma for p in parties() for f in p.forms}


def party_of(phrase: str) -> Party | None:
    """The party a typed side names ("the tories", "Lib Dems"), matched without case."""
    wanted = re.sub(r"^(?:the|a|an)\s+", "", fold(phrase))
    for party in parties():
        if wanted == party.lemma or wanted in {fold(f) for f in party.forms}:
            return party
    return None


def _parties_in(text: str, name: bool) -> set[str]:
    """The parties a speaker's name (at its start only) or role holds, as names, not as a
    former member's."""
    out = set()
    for m in _form_pattern().finditer(text):
        if name and m.start() != 0:
            break
        if _FORMER.search(text[:m.start()]) or _PORTFOLIO_BEFORE.search(text[:m.start()]) \
                or _PORTFOLIO_AFTER.match(text, m.end()):
            continue  # a former member, or a ministry: "Economy and Labour Minister"
        out.add(_party_of_form()[m.group(1)])
    return out


def belongs_to_party(speaker: Speaker, party: Party) -> bool:
    if speaker.kind == "vague" and not speaker.name.startswith(party.forms):
        return False
    return party.lemma in (_parties_in(speaker.name, True)
                           | _parties_in(speaker.role or "", False))


def side_matches(parley: Parley, typed: str, topic: str) -> list[Match]:
    """The speakers a side phrase stands for, best fit first."""
    party = party_of(typed)
    if party is not None:
        return _party_members(parley, party)
    matches = parley._found(typed)
    if not any(nearby.by_own_name(m, typed) for m in matches):
        matches = [*matches, *parley._described_nearby(typed, topic)]
    if any(m.how == "name" and m.group.kind == "person" for m in matches):
        # A person's name: that person, or, for a surname several share, each of them as
        # a choice for the caller (`person_choices`), never all of them as one side.
        return [m for m in matches if m.how in PERSON_WAYS and m.group.kind == "person"]
    typed_terms = set(terms(typed))
    kept = [m for m in matches
            if (m.how not in {"role", "nearby"} or _same_office(m, typed_terms)
                or works_for(m.group.speaker, typed))
            and not (m.how == "country" and employed_elsewhere(m.group.speaker, typed_terms))]
    known = {m.group.folded for m in kept}
    body = _body_members(parley, typed, known)
    return kept + body + written_of(parley, typed, known | {m.group.folded for m in body})


_EMPLOYER = re.compile(r"\s(?:at|for)\s+(?:the\s+)?([A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*)*)")


def employed_elsewhere(speaker: Speaker, typed_terms: set[str]) -> bool:
    """Whether a role that names the country names a body they work at or for after it
    ("chief Turkish economist for Deutsche Bank", "UK economist at Royal Bank of
    Scotland"): the country is their beat, the body their employer, and they are not the
    country's side (a body that is the side's own name, "minister for Wales", is)."""
    role = speaker.role or ""
    m = _EMPLOYER.search(role)
    return (m is not None and any(w[:1].isupper() for w in role[:m.start()].split())
            and not set(terms(m.group(1))) & typed_terms)


def written_of(parley: Parley, typed: str, known: set[str]) -> list[Match]:
    """The people a sentence they speak in names as of the body, right after their name
    ("Laura Brownlees of Save the Children said", "Jo Smith, from the Acme Trust,"), though
    the speaker directory keeps no role for them; found in the passages best matching the
    body's name, which it must write with a capital."""
    name = re.sub(r"^(?:the|a|an)\s+", "", " ".join(typed.split()), flags=re.I)
    groups = speakers_in_passages_of(parley, name, lambda sentence, who: (
        who.kind == "person" and _of_body(sentence.text, who.name, name)))
    return most_heard([Match(g, "role", 0.9) for g in groups if g.folded not in known])


def speakers_in_passages_of(parley: Parley, name: str,
                            keep: Callable[[Sentence, Speaker], bool]) -> list[SpeakerGroup]:
    """The directory entries of the speakers in the passages best matching a body's name
    (BODY_PASSAGES of them) whose sentence `keep` takes, each once, in the order met: where
    every way of finding a body's people looks (the roles its articles write, "Name of the
    Body", "Body's Name"), since the directory keeps one role a person."""
    found = terms(name)
    if not found:
        return []
    out: dict[str, SpeakerGroup] = {}
    for p, _ in parley.index.top(found, BODY_PASSAGES):
        for sentence in parley.corpus.passages[p].sentences:
            who = sentence.speaker
            if who is None or not keep(sentence, who):
                continue
            group = parley.directory.entries.get((fold(who.name), who.kind))
            if group is not None:
                out.setdefault(group.folded, group)
    return list(out.values())


def most_heard(matches: Iterable[Match]) -> list[Match]:
    """Matches with the most statements first (then by name)."""
    return sorted(matches, key=lambda m: (-len(m.group.statements), m.group.folded))


def _of_body(text: str, person: str, body: str) -> bool:
    """Whether the text writes the person's full name, then "of", "from" or "at" the body."""
    if person not in text or body.lower() not in text.lower():
        return False  # the pattern cannot match: no pattern built (they are many)
    m = re.search(re.escape(person) + r",?\s+(?:of|from|at)\s+(?:the\s+)?((?i:"
                  + re.escape(body) + r"))(?![\w-])", text)
    return m is not None and m.group(1)[:1].isupper()


def _body_members(parley: Parley, typed: str, known: set[str]) -> list[Match]:
    """For a body typed with its kind ("the PCS union"), the people an article gives a role
    beginning with its name before their office ("PCS leader", "PCS Union spokesman"): its
    spokespeople, found in the passages best matching the name (a person's directory entry
    keeps one role: Mark Serwotka's is "from the Public and Commercial Services union")."""
    words = re.sub(r"^(?:the|a|an)\s+", "", " ".join(typed.split()), flags=re.I).split()
    if len(words) < 2 or words[-1].lower() not in BODY_NOUNS:
        return []
    name = " ".join(words[:-1])
    groups = speakers_in_passages_of(parley, name,
                                     lambda _sentence, who: leads_role(who, name, words[-1]))
    return most_heard([Match(g, "role", 0.9) for g in groups if g.folded not in known])


def leads_role(speaker: Speaker, name: str, kind: str = "") -> bool:
    """Whether the role begins with the body's name, written as a name, then (its kind
    aside: "PCS *Union* spokesman") only office words ("PCS leader"; not "Football *League*
    chairman" for the Football Association, nor a former post)."""
    role = speaker.role or ""
    m = re.match(r"(?:the\s+)?(" + re.escape(name) + r")(?![\w-])(.*)$", role, re.I)
    if m is None or not m.group(1)[:1].isupper() or _NO_LONGER.search(role):
        return False
    rest = [w.lower() for w in re.findall(r"[\w-]+", m.group(2))]
    if rest[:1] == [kind.lower()]:
        rest = rest[1:]
    office = []
    for word in rest:
        if word not in ROLE_NOUNS and word not in ROLE_MODIFIERS:
            break
        office.append(word)
    return any(w in ROLE_NOUNS for w in office)


def works_for(speaker: Speaker, body: str) -> bool:
    """Whether the speaker's role names the typed body as the one it belongs to ("Vice
    President of the ATP", "the ATP's chief", "vice president for entertainment at Nokia":
    the whole name after "at", not "at Liverpool University"; a role saying where they come
    from, "from the controversial group Fathers 4 Justice"), not as a former post: a side
    that is an organisation is its people, whatever their office. A role that is only the
    phrase is an office ("the president" is not everyone whose role has "president")."""
    role = speaker.role or ""
    name = re.sub(r"^(?:the|a|an)\s+", "", " ".join(body.split()), flags=re.I)
    if not name:
        return False
    found = re.search(r"(?i)^from\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?" + re.escape(name)
                      + r"(?![\w-])"
                      r"|\bof\s+(?:the\s+)?" + re.escape(name) + r"(?![\w-])"
                      r"|\bat\s+(?:the\s+)?" + re.escape(name) + r"(?![\w-])(?!\s+(?-i:[A-Z]))"
                      r"|(?<![\w-])" + re.escape(name) + r"['\u2019]s?\s+\w", role)
    return found is not None and not _NO_LONGER.search(role[:found.start()])


def written_as_former(text: str, speaker: Speaker) -> bool:
    """Whether a sentence calls its speaker a former holder of their post, a few words
    before a word of their name ("former British government minister Michael Heseltine"),
    though the role kept for them lost it ("government minister")."""
    words = [re.escape(w) for w in speaker.name.split() if w[:1].isupper()]
    if not words:
        return False
    pattern = (r"(?i:\b(?:ex|former|one-time|onetime|retired)\b)\W+(?:[\w'\u2019-]+\W+){0,5}?"
               r"(?:" + "|".join(words) + r")\b")
    return re.search(pattern, text) is not None


def _same_office(match: Match, typed_terms: set[str]) -> bool:
    """A role match in the office asked about, not a deputy's or a former holder's."""
    if match.how == "role" and match.fit < MIN_ROLE_FIT:
        return False
    speaker = match.group.speaker
    own = set(terms(f"{speaker.name} {speaker.role or ''}"))
    return not (own & OFFICE_CHANGERS) - typed_terms


def _party_members(parley: Parley, party: Party) -> list[Match]:
    """Every speaker the party's names hold, found through the terms of those names: in the
    speaker directory's entry (one role a person), or in a role an article gives them
    ("Lib Dem spokesman Mark Oaten", whose entry says "home affairs spokesman")."""
    directory, finder = parley.directory, parley.finder
    positions: set[int] = set()
    for form in party.forms:
        words = terms(form)
        if words:
            positions |= set.intersection(*(finder._with_term.get(t, set()) for t in words))
    out: dict[str, Match] = {}
    for i in sorted(positions):
        group = directory.groups[i]
        if belongs_to_party(group.speaker, party):
            out[group.folded] = Match(group, "party", 0.9)
    for who in _roles_naming(parley, party):
        found = directory.entries.get((fold(who.name), who.kind))
        if found is not None and found.folded not in out:
            out[found.folded] = Match(found, "party", 0.9)
    return most_heard(out.values())


@functools.lru_cache(maxsize=64)
def _roles_naming(parley: Parley, party: Party) -> tuple[Speaker, ...]:
    """The speakers of the sentences whose role names the party, in the passages holding a
    word of its names (a role is written where its holder is named); worked out once per
    engine and party."""
    query = sorted({t for form in party.forms for t in terms(form)})
    passages = parley.corpus.passages
    seen: dict[Speaker, bool] = {}
    for p, _ in parley.index.top(query, len(passages)) if query else ():
        for sentence in passages[p].sentences:
            who = sentence.speaker
            if who is not None and who.role and who not in seen:
                seen[who] = belongs_to_party(who, party)
    return tuple(who for who, member in seen.items() if member)


def person_choices(matches: Sequence[Match]) -> list[list[Match]]:
    """The people a side may be, each alone, when it names a person ("Clarke": Charles or
    Kenneth); one choice of every match otherwise."""
    if matches and all(m.how in PERSON_WAYS and m.group.kind == "person" for m in matches):
        return [[m] for m in matches]
    return [list(matches)]


def speakers_of(matches: Sequence[Match]) -> tuple[Speaker, ...]:
    return tuple(m.group.speaker for m in matches)
