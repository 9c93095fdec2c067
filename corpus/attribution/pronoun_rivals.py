"""A he or she while another person of its gender is in view: the person in focus keeps
the pronoun only when nobody else of that gender was named in narration since
("... in a book published this week by Philippe Sands QC, ... He also says ..." is not
Michael Mates's, who was in focus)."""
from __future__ import annotations

import re

from corpus.attribution.salience import NAME_RUN, find_named, organisation_like
from corpus.attribution.state import ArticleState, Unit
from corpus.entities import Entity
from corpus.lexicon import attribution_words
from corpus.phrases import TITLES, bare, parse_phrase
from corpus.quotes import mask_quotes, quote_spans

_MODIFIER_BEFORE = re.compile(r"\b(?:an?)\s+$")
_OPENING_WORDS = 8
_DESCRIPTION_WORDS = 4
_LEAD_INS = attribution_words("lead_in")
_SUBJECT_PRONOUN = {"male": {"He", "he"}, "female": {"She", "she"}}


def rival_in_view(state: ArticleState, gender: str) -> bool:
    """'... in a book published this week by Philippe Sands QC, ... He also says ...' while
    Michael Mates is in focus: another person known to be of the pronoun's gender, named
    in a sentence of narration after the focus's paragraph, leaves two in view, so the
    pronoun is nobody's rather than the focus's. Not counted: a sentence about the focus
    ("He portrayed Mr Ebbers ... as obsessed with costs"), which also brings the focus
    back; a sentence holding a quotation, whose names are a speaker's or its content; a
    definite description as its subject (`_described`); narration in the focus's own
    paragraph, which news writing keeps to one speaker ("Tony Blair said ... But changes
    to the bill must not overturn ... Tony Bland. "...," he said."); a name as a modifier
    ("an Alan Shearer strike", "Gerrard's 20-yard drive") or sharing a word with the
    focus's names (`_rival`)."""
    focus = state.focus[0] if state.focus else None
    if focus is None or focus.kind != "person" or focus.gender not in (None, gender):
        return False
    here, at = state.paragraph.index, state.focus_at
    read = {here: (state.paragraph.quotes, state.paragraph.masked)}
    rival = False
    for unit in state.units:
        if (unit.passage, unit.end) <= at or unit.passage < here - 1 \
                or (unit.passage, unit.start) >= (here, state.sentence_start) \
                or unit.act is not None or unit.has_speaker():
            continue
        if unit.passage not in read:  # the paragraph before, its quotations masked once
            text = state.paragraphs[unit.passage]
            spans = quote_spans(text)
            read[unit.passage] = (spans, mask_quotes(text, spans))
        quotes, masked = read[unit.passage]
        opening = _opening(masked, unit)
        if _about(state, opening, focus, gender):
            rival = False  # the narration went back to the focus ("..., he made contact")
        elif unit.passage > at[0] and not _described(opening) \
                and not any(a < unit.end and b > unit.start for a, b in quotes):
            rival = rival or any(_rival(state, masked, m, focus, gender)
                                 for m in NAME_RUN.finditer(masked, unit.start, unit.end))
    return rival


def _opening(masked: str, unit: Unit) -> list[str]:
    """The sentence's words after a leading connective ("But Mr Herron - ...")."""
    words = masked[unit.start:unit.end].split()
    return words[1:] if words and bare(words[0].strip(",")) in _LEAD_INS else words


def _described(words: list[str]) -> bool:
    """A definite description opens the sentence ("The 27-year-old, who captained ...",
    "The confident 23-year-old is ..."): the focus or the person just named, which the
    rules cannot tell apart, so the sentence neither brings the focus back nor names a
    rival."""
    if not words or words[0] != "The":
        return False
    for n in range(2, min(len(words), _DESCRIPTION_WORDS) + 1):
        core = [w.rstrip(",;:") for w in words[:n]]
        if not core[-1][:1].islower() and not core[-1][:1].isdigit():
            return False
        phrase = parse_phrase(core)
        if phrase is not None and phrase.reference is not None \
                and phrase.reference.refers_to == "person":
            return True
        if core[-1] != words[n - 1]:
            return False  # the description ends at a comma
    return False


def _rival(state: ArticleState, text: str, m: re.Match[str], focus: Entity,
           gender: str) -> bool:
    """Whether `m`, a name found in `text`, is another person of the gender in view."""
    name = m.group()
    if _MODIFIER_BEFORE.search(text, max(0, m.start() - 4), m.start()) \
            or text.startswith(("'s", "’s"), m.end()) or _same_person(state, name, focus):
        return False
    other = find_named(state, name)
    return other is not None and other is not focus and other.kind == "person" \
        and other.gender == gender and not organisation_like(name)


def _same_person(state: ArticleState, name: str, focus: Entity) -> bool:
    """Whether a name may be the focus under another form ("Lord Kinnock", "Sir Anthony"
    beside Neil Kinnock, Anthony O'Reilly): a word of it is a word of the focus's names."""
    if find_named(state, name) is focus:
        return True
    own = {w for n in focus.distinct_names() for w in n.split()}
    return any(w in own for w in name.split() if bare(w) not in TITLES)


def _about(state: ArticleState, words: list[str], focus: Entity, gender: str) -> bool:
    """Whether a sentence's subject is the focus: their name or a pronoun of their gender
    in the opening words, with nobody else named before it ("But Mr Herron - who ... -
    said ...", "By the 1980s he had risen ...", "Through his English teacher, he made")."""
    opening = words[:_OPENING_WORDS]
    m = NAME_RUN.match(" ".join(opening))
    if m is not None and _same_person(state, m.group(), focus):
        return True
    for i, w in enumerate(opening):
        if w.strip(",") in _SUBJECT_PRONOUN[gender]:
            before = " ".join(opening[:i])
            return not any(_rival(state, before, n, focus, gender)
                           for n in NAME_RUN.finditer(before))
    return False
