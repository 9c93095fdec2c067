"""A name or description given in the passive, with its giver after "by": 'Buhecha ...
was called "one of the biggest Bollywood pirates in the UK" by the sentencing judge.',
'The plan was described as unworkable by union leaders.' The giver's reported speech (a
quoted fragment is no quotation of the statement). The verbs are data (`naming_passive`
in data/attribution_words.tsv); "called" only before a quotation ("was called as a
witness by" names nothing)."""
from __future__ import annotations

import re

from corpus.attribution.subject_words import words_after
from corpus.lexicon import attribution_words
from corpus.people import is_organisation_name
from corpus.phrases import Phrase, is_cap, parse_phrase

_VERBS = "|".join(sorted(attribution_words("naming_passive")))
_NAMED_BY = re.compile(
    r"\b(?:is|are|was|were|been|being|be)\s+(?:(?:also|once|widely|repeatedly)\s+)?"
    rf"(?P<verb>{_VERBS})\s+(?:(?P<as>as)\s+)?(?:[\"“][^\"“”]*[\"”]"
    r"|(?P<plain>(?<=as )[^,;:\"“”]{2,60}?))\s+by\s+(?=\S)")


def named_by(masked: str, sent: tuple[int, int]) -> list[tuple[int, Phrase]]:
    """Each passive naming with its "by" agent in the sentence: the participle's offset
    and the agent's phrase."""
    s, e = sent
    found: list[tuple[int, Phrase]] = []
    if masked.find(" by ", s, e) < 0:
        return found
    for m in _NAMED_BY.finditer(masked, s, e):
        if m.group("plain") is not None and m.group("verb") == "called":
            continue
        words = words_after(masked, m.end(), e)
        phrase = parse_phrase(words) if words else None
        if phrase is not None and not phrase.pronoun:
            found.append((m.start("verb"), _other_than_subject(masked, s, m.start(), phrase)))
    return found


def _other_than_subject(masked: str, s: int, aux: int, agent: Phrase) -> Phrase:
    """A definite role as the agent when the one named is a person ('Buhecha ... was
    called "..." by the sentencing judge'): someone else, whom no person in focus (the
    subject, most often) may be taken for; the description as written, a vague source."""
    if not agent.role_only or not agent.text.lower().startswith("the "):
        return agent
    opening = []
    for w in masked[s:aux].split():
        core = w.rstrip(",")
        if not is_cap(core):
            break
        opening.append(core)
        if core != w:
            break
    subject = parse_phrase(opening) if opening else None
    person = subject is not None and (subject.pronoun in ("male", "female") or (
        subject.name is not None and not is_organisation_name(subject.name)))
    return Phrase(agent.text, None, None, None, vague=True) if person else agent
