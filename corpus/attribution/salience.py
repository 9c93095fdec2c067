"""Who is salient at a point of the article: the person in focus, and the people named
after them (outside quotations) up to that point. Pronouns and person descriptions ask
the same question here ("who could this be?") and take someone only when exactly one
person fits; otherwise nobody.
"""
from __future__ import annotations

import re

from corpus.attribution.cues import CUE
from corpus.attribution.state import ArticleState, Unit
from corpus.entities import Entity
from corpus.people import is_organisation_name
from corpus.phrases import TITLES, bare, is_acronym
from corpus.quotes import QUOTE_CHARS, mask_quotes, quote_spans
from corpus.titles import title_pattern

# A run of capitalised words: each phrase that may name someone.
NAME_RUN = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*")
# "On that day's Today programme Mr Johnson was asked why ...": the person asked answers.
ASKED = re.compile(rf"\b((?:(?:{title_pattern('pattern')})\s+)?[A-Z][\w'’-]+"
                   r"(?:\s+[A-Z][\w'’-]+){0,2})\s+(?:was|were|has been|had been|is) asked\b")


def texts_since(state: ArticleState, since: tuple[int, int], upto: int) -> list[str]:
    """The masked text between `since` (a paragraph and an offset in it) and `upto` in
    this paragraph (across one paragraph break at most; this paragraph only when `since`
    is older)."""
    masked = state.paragraph.masked
    at, end = since
    here = state.paragraph.index
    if at == here:
        return [masked[end:upto]]
    if at == here - 1:
        before = state.paragraphs[at]
        return [mask_quotes(before, quote_spans(before))[end:], masked[:upto]]
    return [masked[:upto]]


def named_since(state: ArticleState, since: tuple[int, int], upto: int
                ) -> list[tuple[str, Entity | None]]:
    """Each capitalised phrase named between `since` and `upto`, with the entity of the
    table it names (None when the table knows nobody by it), in reading order."""
    return [(m.group(), find_named(state, m.group()))
            for text in texts_since(state, since, upto) for m in NAME_RUN.finditer(text)]


def named_since_focus(state: ArticleState, upto: int) -> list[tuple[str, Entity | None]]:
    """Each capitalised phrase named since the focus was set (see `named_since`)."""
    return named_since(state, state.focus_at, upto)


def find_named(state: ArticleState, name: str) -> Entity | None:
    """The entity a capitalised phrase names, a title before it aside ("Mr Paolo ...")."""
    words = name.split()
    if len(words) > 1 and bare(words[0]) in TITLES:
        name = " ".join(words[1:])
    return state.people.find(name)


def only_person_named_since(state: ArticleState, upto: int, gender: str) -> Entity | None:
    """'... thinks Paolo Pescatore, mobile industry specialist. "...," he said.' when the
    person in focus is a woman: the one person named since the focus whose gender is
    known to agree, when exactly one is, nobody of unknown gender is named ("Jamie Costin"
    may be a she) and nobody else of that gender was in focus in this or the previous
    paragraph ("Mr Blunkett ... She denies ... which he has denied")."""
    fitting: dict[int, Entity] = {}
    for name, ent in named_since_focus(state, upto):
        if ent is None or ent.kind != "person" or organisation_like(name):
            continue
        if ent.gender is None:
            return None
        if ent.gender == gender:
            fitting[id(ent)] = ent
    if len(fitting) != 1:
        return None
    found = next(iter(fitting.values()))
    here = state.paragraph.index
    if any(e is not found and p >= here - 1 and e.gender in (None, gender)
           for e, p in state.focus_history):
        return None
    return found


def organisation_like(name: str) -> bool:
    """A name typed as a person that reads as an organisation's ("BBC Radio Sheffield")."""
    return is_organisation_name(name) or any(is_acronym(w) for w in name.split())


_PRONOUNS = {"male": re.compile(r"\b(?:[Hh]e|[Hh]is|[Hh]im)\b"),
             "female": re.compile(r"\b(?:[Ss]he|[Hh]er|[Hh]ers)\b")}


def still_salient(state: ArticleState, last: Unit, upto: int) -> bool:
    """Whether the narration of this paragraph up to `upto` keeps the last speaker in
    view: it names them or has a pronoun of their gender ("Speaking on his long-term
    plans, Campbell signalled ...", "He then progressed to crutches ..."), or names no
    other person known as one, by a gender, a role or a speech verb before the name ('...
    thinks Paolo Pescatore ...' after Flic Everett moves on)."""
    ent = last.entity
    if ent is None or ent.kind != "person":
        return True
    text = state.paragraph.masked[:upto]
    if any(re.search(rf"\b{re.escape(n.split()[-1])}\b", text) for n in ent.distinct_names()):
        return True
    genders = [ent.gender] if ent.gender else ["male", "female"]
    if any(_PRONOUNS[g].search(text) for g in genders):
        return True
    return not any(other is not ent for other in known_people(state, text))


def known_people(state: ArticleState, text: str) -> list[Entity]:
    """The people `text` names whom something marks as people: a gender, a role, or a
    speech verb right before the name; never a place the table took for a person
    ("Highbury Stadium", "the French Open")."""
    out = []
    for m in NAME_RUN.finditer(text):
        other = find_named(state, m.group())
        if other is not None and other.kind == "person" and (
                other.gender or other.role or other.roles_seen
                or _after_cue(text, m.start())):
            out.append(other)
    return out


def _after_cue(text: str, start: int) -> bool:
    """Whether a name follows a speech verb (", thinks Paolo Pescatore"): someone who
    speaks, even when nothing else says the name is a person's ("Highbury Stadium" is not
    one to move on to)."""
    before = text[max(0, start - 20):start].rstrip()
    return any(m.end() == len(before) for m in CUE.finditer(before))


def answering(state: ArticleState, sent: tuple[int, int]) -> Entity | None:
    """'Dr Fox was asked if he would say yes or no ... "I'm sure that ...': a quotation
    opening the sentence right after one where the person in focus is asked, in the
    same paragraph, with no speaker of its own in between, is that person's answer."""
    focus = state.focus[0] if state.focus else None
    units = state.units
    if focus is None or focus.kind != "person" or not units:
        return None
    before = units[-1]
    if before.passage != state.paragraph.index or before.has_speaker():
        return None
    text, masked = state.paragraph.text, state.paragraph.masked
    if text[sent[0]:sent[1]].lstrip()[:1] not in QUOTE_CHARS:
        return None
    m = ASKED.search(masked, before.start, before.end)
    if m is None or find_named(state, m.group(1)) is not focus:
        return None
    return focus
