"""The story's opening sentence names its source by description only ("..., a charity has
warned.", "..., says a study.") and the next paragraph names it ("Christian Aid condemned
the move", "predicts the report by telecoms giant BT"): news style puts the source's name
right after the lead, so the lead is that source's, once the whole article is read.

Only when the description says what kind of source it is and the next paragraph's first
statement is by a named source of that kind: a person for a person's description ("a senior
EU politician" = Javier Solana, a person the article marks as one by a gender or a role),
an organisation for an organisation's ("an anti-fraud agency", "a charity") or a document's
("a study", "a report": its author). Anything else (a vague source first, "prosecutors";
another kind, "a new study shows" then an MP) leaves the lead as it was.
"""
from __future__ import annotations

import re

from corpus.attribution.acts import is_direct
from corpus.attribution.cues import cues_in, is_speech
from corpus.attribution.state import Paragraph, Unit
from corpus.entities import Entity
from corpus.lexicon import attribution_words, phrase_words
from corpus.phrases import is_role_noun
from corpus.references import reference_noun

# ("..., the elections watchdog has said.", "..., its central bank says.": a definite
# description in the lead is as much a description of the source named next)
_DESCRIPTION = r"(?:an?|one|the|its)\s+((?:[\w-]+\s+){0,3}?([a-z][a-z-]+))"
_AFTER = re.compile(rf",\s+{_DESCRIPTION}\s+(?:(?:has|have|had)\s+)?(?P<verb>[a-z]+)"
                    r"\s*[.!?]?\s*$")
_BEFORE = re.compile(rf",\s+(?P<verb>[a-z]+)\s+{_DESCRIPTION}\s*[.!?]?\s*$")
_REPORT_HEADS = attribution_words("report_head")
_ORGANISATION_HEADS = attribution_words("lead_organisation") | phrase_words("org_descriptor")
_PERSON_HEADS = attribution_words("lead_person")
_ANONYMOUS = attribution_words("anonymous_role")  # "a spokesman said": someone unnamed


def link_lead_source(units: list[Unit], paragraphs: list[str]) -> None:
    """Give the lead sentence with a described source the named source of the next
    paragraph's first statement, when the description fits it."""
    for i, unit in enumerate(units):
        if unit.passage != 1 or unit.entity is not None or unit.role_only is not None:
            continue
        found = _described_source(paragraphs[1], unit)
        if found is None:
            continue
        wanted, cue = found
        source = _first_named_source(units, i, unit.passage + 1)
        if source is None or not _fits(source, wanted):
            continue
        unit.entity, unit.vague = source, None
        paragraph = Paragraph.read(1, paragraphs[1], False)
        unit.kind = "direct" if is_direct(paragraph.text, paragraph.quotes,
                                          (unit.start, unit.end), cue) else "reported"


def _described_source(text: str, unit: Unit) -> tuple[str, int] | None:
    """("person" / "organisation", the cue's offset) when the unit's sentence ends in a
    speech verb whose subject is a description of one of those kinds."""
    paragraph = Paragraph.read(1, text, False)
    masked = paragraph.masked
    m = _AFTER.search(masked, unit.start, unit.end) or _BEFORE.search(masked, unit.start,
                                                                        unit.end)
    if m is None:
        return None
    verb = m.start("verb")
    if not any(c.start == verb and is_speech(c) for c in cues_in(masked, unit.start, unit.end)):
        return None
    head = m.group(2)
    if head in _ANONYMOUS:
        return None
    if head in _REPORT_HEADS or head in _ORGANISATION_HEADS:
        return "organisation", verb
    ref = reference_noun(["the", head])
    if ref is not None and ref.refers_to == "organisation":
        return "organisation", verb
    if head in _PERSON_HEADS or is_role_noun(head):
        return "person", verb
    return None


def _first_named_source(units: list[Unit], after: int, passage: int) -> Entity | None:
    """The speaker of the first statement in `passage` (after unit `after`) when a named
    person or organisation makes it; None when it is vague, a role or a pronoun's guess."""
    for unit in units[after + 1:]:
        if unit.passage > passage:
            return None
        if unit.passage < passage or not unit.has_speaker():
            continue
        if unit.entity is None or unit.carried or unit.minor or unit.act is None \
                or unit.act.phrase.pronoun is not None or unit.act.phrase.reference is not None:
            return None
        return unit.entity
    return None


def _fits(source: Entity, wanted: str) -> bool:
    if source.kind != wanted:
        return False
    return wanted == "organisation" or source.gender is not None or source.role is not None
