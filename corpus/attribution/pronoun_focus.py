"""Who a he/she is when the focus is doubtful: a role-only focus left by narration ("The
musician committed suicide ... Mr Wilson, who he says ..."), or a capitalised name nothing
marks as a person ("Polar Express is based on a children's book. The 48-year-old actor ...,
which he said ...")."""
from __future__ import annotations

from corpus.attribution.acts import Act
from corpus.attribution.focus import sentence_subject
from corpus.attribution.state import ArticleState
from corpus.entities import Entity
from corpus.phrases import parse_phrase

DESCRIPTION_WORDS = 4  # the words a definite description opening a sentence may have


def named_subject_over_role(state: ArticleState, act: Act, kind: str) -> Entity | None:
    """'The musician committed suicide in 1980. Mr Wilson, who ..., who he says asked
    ...': a pronoun inside a sentence opening with a named person of its gender is that
    person, not a role-only focus the sentence before left (a role nobody is named for,
    which the link to the next speaker would give to whoever that is). Never a closing
    attribution after a comma ('Mr Blair has "the same passion ...", he said': the named
    subject is the content)."""
    focus = state.focus
    masked = state.paragraph.masked
    if focus is None or focus[0] is not None or focus[1] is None \
            or masked[state.sentence_start:act.clause_start].rstrip().endswith(
                (",", "\"", "”")):
        return None
    phrase = sentence_subject(masked, state.sentence_start, act.cue)
    if phrase is None or phrase.name is None or phrase.pronoun:
        return None
    ent = state.people.find(phrase.name)
    return ent if ent is not None and ent.kind == "person" and ent.gender == kind else None


def known_person(state: ArticleState, entity: Entity) -> bool:
    """Whether anything marks a subject in focus as a person: a gender, a role, or a
    statement of their own."""
    return entity.gender is not None or entity.role is not None or bool(entity.roles_seen) \
        or any(u.entity is entity for u in state.units)


def opens_with_description(state: ArticleState) -> bool:
    """Whether the sentence opens with a definite description of a person ("The
    48-year-old actor crossed ...")."""
    words = state.paragraph.masked[state.sentence_start:].split()[:DESCRIPTION_WORDS + 1]
    if not words or words[0] != "The":
        return False
    for n in range(2, len(words) + 1):
        core = [w.rstrip(",;:") for w in words[:n]]
        phrase = parse_phrase(core)
        if phrase is not None and (phrase.role_only or (
                phrase.reference is not None and phrase.reference.refers_to == "person")):
            return True
        if core[-1] != words[n - 1]:
            return False
    return False


def described_earlier_focus(state: ArticleState, focus: Entity, kind: str) -> Entity | None:
    """"Hanks said ... Polar Express is based on a children's book. The 48-year-old actor
    crossed a bridge, which he said ...": a description of a person after a focus nothing
    marks as one (a title taken for a name) is the person in focus before it, when that one
    spoke or has a gender that agrees, in this paragraph or the one before; else nobody."""
    here = state.paragraph.index
    for ent, passage in reversed(state.focus_history):
        if passage < here - 1:
            break
        if ent is focus or ent.kind != "person":
            continue
        return ent if known_person(state, ent) and ent.gender in (None, kind) else None
    return None
