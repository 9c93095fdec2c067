"""Speakers a role phrase fits as the sentences they say describe them (see `role_fit`).

The directory keeps one role per speaker, so a phrase it does not know ("the man utd
manager") is looked for in the passages with a speaker that best match the phrase and the
topic: every speaker of theirs that `role_fit` says the phrase fits is a candidate. Used
only when no match names the speaker by their own name, surname or country.
"""
from __future__ import annotations

from collections.abc import Iterable

from corpus.models import Passage, Speaker
from retrieval.answering import role_fit
from retrieval.answering.candidates import Match, country_phrase, speaks_for_its_country
from retrieval.answering.speakers import SpeakerDirectory
from retrieval.store.speaker_digest import group_key
from retrieval.tokenizer import terms

POOL = 20  # passages with a speaker read for a role phrase
FIT = 0.75  # how well such a match fits, beside the directory's role matches


def by_own_name(match: Match, typed: str) -> bool:
    """Whether a match names the speaker (surname, country, or a word of their own name),
    rather than fitting a role or an alias the articles give several people ("the work and
    pensions secretary"), which the roles of nearby sentences may widen."""
    if match.how in ("surname", "country"):
        return True
    if match.how != "name":
        return False
    own = set(terms(match.group.speaker.name))
    return any(t in own for t in terms(typed))


def described_nearby(typed: str, passages: Iterable[Passage], directory: SpeakerDirectory,
                     known: Iterable[Match]) -> tuple[Match, ...]:
    """The speakers of these passages the phrase fits, other than those already known, in
    the order first met."""
    seen = {(m.group.folded, m.group.kind) for m in known}
    as_country = bool(country_phrase(typed))
    own: dict[Speaker, bool | None] = {}  # whether their name and role alone decide
    found: list[Match] = []
    for passage in passages:
        for sentence in passage.sentences:
            who = sentence.speaker
            if who is None or who.kind == "vague":
                continue
            if who not in own:
                own[who] = role_fit.fits_own(typed, who)
            key = group_key(who)
            if key in seen or key not in directory.entries:
                continue
            group = directory.entries[key]
            if role_fit.another_country(typed, group.speaker):
                continue  # the sentence's "French" does not make the UK's prime minister France's
            if as_country and not speaks_for_its_country(who.role):
                continue  # a "British actor" is no one's answer to "what did Britain say?"
            if own[who] or role_fit.fits(typed, who, sentence.text, passage.text):
                seen.add(key)
                found.append(Match(group, "role", FIT))
    return tuple(found)
