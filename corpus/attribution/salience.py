"""Who is salient at a point of the article: the person in focus, and the people named
after them (outside quotations) up to that point. Pronouns and person descriptions ask
the same question here ("who could this be?") and take someone only when exactly one
person fits; otherwise nobody.
"""
from __future__ import annotations

import re

from corpus.attribution.state import ArticleState, Unit
from corpus.entities import Entity
from corpus.people import is_organisation_name
from corpus.phrases import TITLES, bare, is_acronym
from corpus.quotes import mask_quotes, quote_spans

_NAME = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*")


def texts_since_focus(state: ArticleState, upto: int) -> list[str]:
    """The masked text between where the focus was set and `upto` in this paragraph
    (across one paragraph break at most; nothing when the focus is older)."""
    masked = state.paragraph.masked
    at, end = state.focus_at
    here = state.paragraph.index
    if at == here:
        return [masked[end:upto]]
    if at == here - 1:
        before = state.paragraphs[at]
        return [mask_quotes(before, quote_spans(before))[end:], masked[:upto]]
    return [masked[:upto]]


def named_since_focus(state: ArticleState, upto: int) -> list[tuple[str, Entity | None]]:
    """Each capitalised phrase named since the focus, with the entity of the table it
    names (None when the table knows nobody by it), in reading order."""
    return [(m.group(), find_named(state, m.group()))
            for text in texts_since_focus(state, upto) for m in _NAME.finditer(text)]


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
        if ent is None or ent.kind != "person" or _organisation_like(name):
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


def _organisation_like(name: str) -> bool:
    """A name typed as a person that reads as an organisation's ("BBC Radio Sheffield")."""
    return is_organisation_name(name) or any(is_acronym(w) for w in name.split())


_PRONOUNS = {"male": re.compile(r"\b(?:[Hh]e|[Hh]is|[Hh]im)\b"),
             "female": re.compile(r"\b(?:[Ss]he|[Hh]er|[Hh]ers)\b")}


def still_salient(state: ArticleState, last: Unit, upto: int) -> bool:
    """Whether the narration of this paragraph up to `upto` keeps the last speaker in
    view: it names them or has a pronoun of their gender ("Speaking on his long-term
    plans, Campbell signalled ...", "He then progressed to crutches ..."), or names no
    other person ('... thinks Paolo Pescatore ...' after Flic Everett moves on)."""
    ent = last.entity
    if ent is None or ent.kind != "person":
        return True
    text = state.paragraph.masked[:upto]
    if any(re.search(rf"\b{re.escape(n.split()[-1])}\b", text) for n in ent.distinct_names()):
        return True
    genders = [ent.gender] if ent.gender else ["male", "female"]
    if any(_PRONOUNS[g].search(text) for g in genders):
        return True
    return not any(other is not None and other is not ent and other.kind == "person"
                   for m in _NAME.finditer(text) for other in [find_named(state, m.group())])
