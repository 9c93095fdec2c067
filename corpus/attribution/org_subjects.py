"""An "it" speaking that no organisation speaking before stands for: the organisation
named as the subject of the sentence just before ("At the Court of Appeal, the
Countryside Alliance failed in its attempt ... But it says the ban is unenforceable").
Only a subject that its verb follows (never a qualifier, "The US firm", "the Lisbon
agenda"), and only an "it" opening its sentence (after "But", "And" or a comma at most),
never one inside another's statement ("the bank said it expected")."""
from __future__ import annotations

import re

from corpus.attribution.acts import Act
from corpus.attribution.focus import after_opening_clause, sentence_subject
from corpus.attribution.state import ArticleState
from corpus.entities import Entity
from corpus.lexicon import attribution_words
from corpus.people import is_organisation_name
from corpus.phrases import ORG_WORDS, VAGUE_HEADS, bare, is_role_noun

_OPENING = re.compile(r"(?:(?:But|And|Yet|So|Now|Still|However|Meanwhile|Instead),?)?\s*$")
_IT = re.compile(r"\b[Ii]t\b")
_IRREGULAR_PAST = attribution_words("irregular_past") | {"found", "said", "told", "thought",
                                                         "put", "set", "cut", "hit", "paid"}
# auxiliaries and the adverbs most often between a subject and its verb
_VERB_WORDS = {"is", "was", "are", "were", "has", "have", "had", "will", "would", "can",
               "could", "may", "might", "must", "should", "does", "did", "also", "now",
               "still", "recently", "then", "already", "itself"}


def note_organisation_subject(state: ArticleState, s: int, e: int) -> None:
    """The organisation the sentence read (s, e) opens with as its subject (after an
    opening clause too, as `focus.note_subject` reads it), when a verb (or an
    apposition's comma) follows it."""
    masked = state.paragraph.masked
    phrase = sentence_subject(masked, s, e)
    if phrase is None or not (phrase.title or phrase.role or phrase.pronoun):
        phrase = after_opening_clause(masked, s, e) or phrase
    if phrase is None or phrase.name is None or phrase.title \
            or not is_organisation_name(phrase.name):
        return
    at = masked.find(phrase.text, s, e)
    rest = masked[at + len(phrase.text):e].split()[:1] if at >= 0 else []
    if not rest:
        return
    word = rest[0]
    low = bare(word.rstrip(",;:"))
    verb = word.startswith(",") or low in _VERB_WORDS or low in _IRREGULAR_PAST or (
        word.islower() and low.endswith(("s", "ed")) and low not in ORG_WORDS
        and low not in VAGUE_HEADS and not is_role_noun(low[:-1]))
    if verb:
        state.org_subject, state.org_subject_at = phrase.name, state.position


def organisation_subject(state: ArticleState, act: Act) -> Entity | None:
    """The organisation an opening "it" stands for as the last sentence's subject, if
    any."""
    if state.org_subject is None or state.org_subject_at != state.position - 1:
        return None
    masked, s = state.paragraph.masked, state.sentence_start
    found = list(_IT.finditer(masked, s, act.cue))
    if not found:
        return None
    before = masked[s:found[-1].start()].strip()
    if not (_OPENING.fullmatch(before) or before.endswith(",")) or "," in before[:-1]:
        return None
    return state.people.note_organisation(state.org_subject, state.position)
