"""A definite description as the speaker that is the person in focus ("'"I'm not an actor
...," said the Factory Records founder' right after sentences about Tony Wilson): BBC style
names the person it is writing about by an epithet. Only when the description cannot be
someone new (a spokesman, a lawyer), another party's member ("the Tory leader"), or a
holder the article shows; and only with the focus in view (this paragraph or the one
before, nobody else named since)."""
from __future__ import annotations

import re

from corpus.attribution.references import other_person_since
from corpus.attribution.salience import NAME_RUN, find_named
from corpus.attribution.state import ArticleState, Unit
from corpus.entities import Entity
from corpus.gazetteer import gazetteer
from corpus.gender import role_gender
from corpus.lexicon import attribution_words
from corpus.phrases import Phrase, bare

_LEAD_INS = attribution_words("lead_in")
_ANONYMOUS = attribution_words("anonymous_role") | attribution_words("newcomer_role")
_PARTY_WORDS = attribution_words("party_word")
_ACRONYM = re.compile(r"[A-Z]{2,4}s?")


def brings_in_someone(role: str) -> bool:
    """"the lawyer", "the spokesman", "the adviser": a description of someone new."""
    return bare(role.split()[-1]) in _ANONYMOUS


def focus_described(state: ArticleState, unit: Unit, phrase: Phrase, role: str,
                    focus: Entity) -> bool:
    """Whether "the <description>" speaking is the person in focus."""
    words = role.split()
    head = words[-1]
    if focus.kind != "person" or not phrase.text.lower().startswith("the ") \
            or any(w in ("of", "for") or w.endswith(("'s", "’s", "'", "’")) for w in words) \
            or not (head.islower() or _ACRONYM.fullmatch(head)) \
            or brings_in_someone(role) or any(bare(w) in _PARTY_WORDS for w in words) \
            or role_gender(role) not in (None, focus.gender):
        return False
    here = state.paragraph.index
    if not _leads_its_sentence(state, unit, phrase) or state.focus_at[0] < here - 1 \
            or _role_lead_in_view(state, role):
        return False
    if state.focus_at[0] < here and other_person_since(state, unit, focus):
        return False  # across a paragraph break, anyone else named is too many
    return not _rival_in_paragraph(state, unit, focus) and _fits_own_roles(role, focus)


def _rival_in_paragraph(state: ArticleState, unit: Unit, focus: Entity) -> bool:
    """Whether a sentence since the focus (in this paragraph) names another person, other
    than one about the focus ("He made a cameo appearance in 24 Hour Party People, in
    which his leading role was played by Steve Coogan": a pronoun of the focus's gender
    opening it), or the sentence being read does before the description."""
    masked = state.paragraph.masked
    here, (at, end) = state.paragraph.index, state.focus_at
    spans = [(u.start, u.end) for u in state.units
             if u.passage == here and (at < here or u.start >= end)]
    spans.append((state.sentence_start, unit.start))
    pronoun = _SUBJECT_PRONOUN.get(focus.gender or "", set())
    for s, e in spans:
        words = masked[s:e].split()
        if words and words[0] in pronoun:
            continue
        for m in NAME_RUN.finditer(masked, s, e):
            other = find_named(state, m.group())
            if other is not None and other is not focus and other.kind == "person":
                return True
    return False


_SUBJECT_PRONOUN = {"male": {"He"}, "female": {"She"}}


def _leads_its_sentence(state: ArticleState, unit: Unit, phrase: Phrase) -> bool:
    """Whether the description opens its sentence ("The Glasgow Kelvin MP, who ...,
    accused") or follows the verb after a quotation ('"...," said the Sale player'): a
    description inside a clause ("..., adding that while the Civil Aviation minister has
    promised ...") is someone the speaker talks about."""
    masked = state.paragraph.masked
    at = masked.lower().find(phrase.text.lower(), state.sentence_start, unit.end)
    if at < 0:
        return False
    before = masked[state.sentence_start:at].strip()
    return not before or bare(before) in _LEAD_INS or _AFTER_QUOTE.search(before) is not None


_AFTER_QUOTE = re.compile(r"^[\"“][^\"“”]*[,?!][\"”]\s*[a-z]+$")


def _role_lead_in_view(state: ArticleState, role: str) -> bool:
    """Whether an unnamed speaker with a role is in view (this paragraph or the one
    before), or one with a role like this one anywhere before: the description may be
    theirs."""
    g = gazetteer()
    wanted = g.normalize_role(role)
    here = state.paragraph.index
    return any(u.role_only is not None and (
        u.passage >= here - 1 or g.normalize_role(u.role_only) == wanted) for u in state.units)


def _fits_own_roles(role: str, focus: Entity) -> bool:
    """A focus with roles of their own takes a description with the same head noun that
    keeps their role's other words, a party or a country aside ("Tory MP Stephen Pound" is
    "the Ealing North MP"; "Chelsea manager X" is never "the Arsenal manager", a "deputy
    prime minister" never "the prime minister"); with none, any."""
    own = [r for r in [focus.role, *focus.roles_seen] if r]
    if not own:
        return True
    words = {w.lower() for w in role.split()}
    return any(r.split()[-1].lower() == role.split()[-1].lower() and all(
        w.lower() in words or bare(w) in _PARTY_WORDS or _country(w)
        for w in r.split()[:-1]) for r in own)


def _country(word: str) -> bool:
    g = gazetteer()
    return g.is_place(word) or bare(word) in g.adjectives
