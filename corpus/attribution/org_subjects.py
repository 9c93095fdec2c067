"""An "it" with nobody else to stand for: the organisation the narration last had as a
sentence's subject, with no speech of its own ("In January, Mitsubishi Motors issued its
third profits warning ... Last month it said"; "At the Court of Appeal, the Countryside
Alliance failed in its attempt ... But it says the ban is unenforceable").

One rule with two reaches:
- while nobody has spoken since (in this or the previous paragraph), an "it" of the
  sentence's first clause (never "Even sports car maker Porsche may join the race,
  although it insists"): the organisation in narration, unless it is a place, a
  country's adjective or a person's first name ("a country's 'it' may be a thing of it");
- otherwise, in the very next sentence only, an "it" opening it (after "But", "And" or a
  comma at most), when a verb (or an apposition's comma) followed the organisation's name
  (never a qualifier, "The US firm", "the Lisbon agenda"); never one inside another's
  statement ("the bank said it expected").

A sentence whose subject is a name of something unknown ends the first reach ("The
Prevention of Terrorism Bill was published. It proposes ...").
"""
from __future__ import annotations

import re

from corpus.attribution.acts import Act
from corpus.attribution.state import ArticleState, NarratedOrganisation
from corpus.entities import Entity
from corpus.folding import fold
from corpus.gazetteer import gazetteer
from corpus.gender import first_name_gender
from corpus.lexicon import attribution_words, past_tenses
from corpus.people import is_organisation_name
from corpus.phrases import ORG_WORDS, VAGUE_HEADS, Phrase, bare, is_role_noun

_OPENING = re.compile(r"(?:(?:But|And|Yet|So|Now|Still|However|Meanwhile|Instead),?)?\s*$")
_IT = re.compile(r"\b[Ii]t\b")
# a word past which an "it" is no longer in the sentence's first clause
_JOINING = attribution_words("subordinator") | attribution_words("split_conjunction") \
    | {"which", "that", "who"}
# auxiliaries and the adverbs most often between a subject and its verb
_VERB_WORDS = {"is", "was", "are", "were", "has", "have", "had", "will", "would", "can",
               "could", "may", "might", "must", "should", "does", "did", "also", "now",
               "still", "recently", "then", "already", "itself"}


def note_organisation_subject(state: ArticleState, phrase: Phrase | None, s: int,
                              e: int) -> None:
    """Note the subject `phrase` of the narration sentence (s, e), as `focus.note_subject`
    read it, when it is an organisation's name; forget the one before when it names
    something unknown."""
    if phrase is None or phrase.pronoun or phrase.vague or not phrase.name:
        return
    name = phrase.name
    if not is_organisation_name(name) or phrase.title:
        if state.people.find(name) is None:
            state.narrated = None
        return
    g = gazetteer()
    entity = None
    if not (g.is_place(name) or fold(name) in g.adjectives
            or first_name_gender(name.split()[0]) is not None):
        noted = "t" + name[1:] if name.startswith("The ") else name  # "the government"
        entity = state.people.note_organisation(noted, state.position)
    state.narrated = NarratedOrganisation(name, entity, state.paragraph.index,
                                          state.position, _verb_follows(state, phrase, s, e))


def _verb_follows(state: ArticleState, phrase: Phrase, s: int, e: int) -> bool:
    masked = state.paragraph.masked
    at = masked.find(phrase.text, s, e)
    rest = masked[at + len(phrase.text):e].split()[:1] if at >= 0 else []
    if not rest:
        return False
    word = rest[0]
    low = bare(word.rstrip(",;:"))
    return word.startswith(",") or low in _VERB_WORDS or low in past_tenses() or (
        word.islower() and low.endswith(("s", "ed")) and low not in ORG_WORDS
        and low not in VAGUE_HEADS and not is_role_noun(low[:-1]))


def organisation_subject(state: ArticleState, act: Act, *, nobody_before: bool,
                         report: bool) -> Entity | None:
    """The organisation in narration that the act's "it" stands for, if any.
    `nobody_before`: nobody spoke in this or the previous paragraph; `report`: the act's
    verb speaks only for a report ("It found"), which an organisation says only as the
    author of one."""
    rec = state.narrated
    if rec is None:
        return None
    masked, s = state.paragraph.masked, state.sentence_start
    if nobody_before and rec.entity is not None and rec.passage >= state.paragraph.index - 1 \
            and not any(w.strip(",") in _JOINING for w in masked[s:act.cue].lower().split()):
        if report and rec.entity.canonical() not in state.authors.values():
            return None
        return rec.entity
    if report or not rec.verb_follows or rec.position != state.position - 1:
        return None
    found = list(_IT.finditer(masked, s, act.cue))
    if not found:
        return None
    before = masked[s:found[-1].start()].strip()
    if not (_OPENING.fullmatch(before) or before.endswith(",")) or "," in before[:-1]:
        return None
    return state.people.note_organisation(rec.name, state.position)
