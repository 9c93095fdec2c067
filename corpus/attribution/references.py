"""Who a referring noun is ("the company said", "the 30-year-old told"), by type and
salience: an organisation noun goes to the organisation that spoke last, when it fits and
spoke in this or the previous paragraph, or to the one fitting organisation that has
spoken in the article; a person noun to the person in focus, when nobody else is named
since. An organisation noun that fits nobody stays what it says ("the company", a vague
source); a person noun that fits nobody names nobody (a quote run may carry its
speaker).
"""
from __future__ import annotations

import re

from corpus.attribution.acts import Act
from corpus.attribution.salience import NAME_RUN, known_people, named_since_focus, texts_since
from corpus.attribution.state import ArticleState, Unit
from corpus.entities import Entity
from corpus.folding import fold
from corpus.gazetteer import gazetteer
from corpus.gender import role_gender
from corpus.lexicon import attribution_words
from corpus.people import is_organisation_name
from corpus.phrases import NOT_NAMES, ORG_WORDS, Phrase, bare
from corpus.quotes import mask_quotes, quote_spans
from corpus.references import Reference, fits

_STATED_AGE = re.compile(r"\b([A-Z][\w'’-]+),\s+(\d{1,3}),")


def resolve_reference(state: ArticleState, unit: Unit, phrase: Phrase, ref: Reference) -> None:
    """Give `unit` the entity `phrase` refers to, or leave it as the noun it is."""
    if ref.refers_to == "organisation":
        unit.entity = _organisation(state, unit, ref)
        if unit.entity is None:
            unit.vague = phrase.text[:1].lower() + phrase.text[1:]
        return
    # Nobody when unsure: a quote run around it may still carry its speaker on.
    unit.entity = _person(state, unit, ref)


def person_referred(state: ArticleState, act: Act) -> Entity | None:
    """The person a person noun would refer to in this sentence, if any."""
    ref = act.phrase.reference
    if ref is None:
        return None
    probe = Unit(state.paragraph.index, act.clause_start, act.cue)
    return _person(state, probe, ref)


def _organisation(state: ArticleState, unit: Unit, ref: Reference) -> Entity | None:
    """The one fitting organisation that has spoken in the article so far; of several, the
    one that spoke last when it spoke in this or the previous paragraph and no other spoke
    in the two before. Never an organisation the sentence names ("the company intends to
    take action against Menatep" is not Menatep)."""
    here = state.paragraph.index
    if ref.superlative:
        return _just_named(state, unit, ref) or (
            None if any(u.entity is not None and u.entity.kind == "organisation"
                        for u in state.units) else _only_named_before(state, unit, ref))
    spoke: dict[int, tuple[Entity, int]] = {}
    publications = _only_reporting(state) if not ref.name_words else set()
    described: dict[int, bool] = {}  # read once per organisation, not once per statement
    for u in state.units:
        ent = u.entity
        if ent is None or not _fits(ref, ent) or id(ent) in publications:
            continue
        if ref.noun in _COMPANY_NOUNS and described.setdefault(
                id(ent), _described_otherwise(state, ent)):
            continue
        spoke[id(ent)] = (ent, u.passage)
    org = state.org_focus
    if not spoke:
        return _only_named_before(state, unit, ref)
    if len(spoke) == 1:
        found: Entity | None = next(iter(spoke.values()))[0]
    elif org is not None and id(org) in spoke and state.org_passage >= here - 1 and all(
            p < here - 2 for e, p in spoke.values() if e is not org):
        found = org
    else:
        return None
    return None if found is None or _named_in_sentence(state, unit, found) else found


_COMPANY_NOUNS = {"company", "firm"}
_NOT_COMPANIES = "|".join(sorted(attribution_words("not_company")))


def _described_otherwise(state: ArticleState, entity: Entity) -> bool:
    """'telecom regulator Ofcom': an organisation the article describes as something other
    than a firm is never "the company" ("the regulator" still is)."""
    names = "|".join(re.escape(n) for n in entity.distinct_names() if n)
    text = "\n".join(state.paragraphs)
    return bool(names) and re.search(rf"\b(?:{_NOT_COMPANIES})\s+(?:{names})\b", text) is not None


_REPORTED = re.compile(r"report(?:s|ed)?\b")


def _only_reporting(state: ArticleState) -> set[int]:
    """The organisations whose every statement so far is "X reported" / "X reports": a
    publication telling the story ("..., the New York Times reports."), never "the company"
    or "the firm" of the story it tells."""
    reporting: set[int] = set()
    other: set[int] = set()
    for u in state.units:
        if u.entity is None or u.act is None or u.carried:
            continue
        text = state.paragraphs[u.passage]
        (reporting if _REPORTED.match(text, u.act.cue) else other).add(id(u.entity))
    return reporting - other


def _only_named_before(state: ArticleState, unit: Unit, ref: Reference) -> Entity | None:
    """"Shares in Krispy Kreme Doughnuts have taken a dunking ... / The company warned":
    before any organisation has spoken, the one organisation of the article's table that
    fits the noun and is named before the sentence (in the headline or after it)."""
    # (the sentence up to the noun counts as before it: "Shares in Cairn Energy rose ...
    # after the UK firm announced"; a name after the noun is another organisation)
    at = _noun_at(state, unit)
    text = "\n".join(state.paragraphs[:state.paragraph.index]
                     + [state.paragraph.masked[:at]])
    named = [e for e in state.people.entities if _fits(ref, e) and any(
        re.search(rf"\b{re.escape(n)}\b", text) for n in e.distinct_names())]
    if len(named) != 1 or _named_in_sentence(state, Unit(unit.passage, at, unit.end),
                                             named[0]):
        return None
    own = {fold(n) for n in named[0].distinct_names()}
    g = gazetteer()
    for m in NAME_RUN.finditer(text):  # another firm named, not in the table: unsure
        name = m.group()
        if fold(name) not in own and is_organisation_name(name) and not g.is_place(name):
            return None
    if _other_named_in_clause(state, unit, at, own):
        return None
    return named[0]


def _other_named_in_clause(state: ArticleState, unit: Unit, at: int, own: set[str]) -> bool:
    """"In a statement from Lycos Europe ..., the company denied": a name of two words or
    more in the clause before the noun, neither the organisation found, a person nor a
    place, may be the one meant."""
    g = gazetteer()
    for m in NAME_RUN.finditer(state.paragraph.masked, unit.start, at):
        name = m.group()
        words = name.split()
        if len(words) < 2 or fold(name) in own or any(fold(w) in own for w in words) \
                or g.is_place(name) or (m.start() == unit.start and bare(words[0]) in NOT_NAMES):
            continue
        known = state.people.find(name)  # (a person only when marked as one: the table
        #                                    types many a firm's two words as a name)
        if known is None or known.kind != "person" or not (
                known.gender or known.role or known.roles_seen):
            return True
    return False


def _noun_at(state: ArticleState, unit: Unit) -> int:
    """Where the referring noun of the unit's statement starts (its clause's start when
    the noun opens it)."""
    act = unit.act
    if act is None:
        return unit.start
    at = state.paragraph.masked.rfind(act.phrase.text, unit.start, act.cue)
    return at if at >= 0 else unit.start


def _just_named(state: ArticleState, unit: Unit, ref: Reference) -> Entity | None:
    """"The Halifax, meanwhile, said ... / The UK's biggest mortgage lender said ...": a
    superlative description is the organisation whose statement is the sentence right
    before it, when it fits the noun; anyone else is too far to be sure of."""
    last = state.last
    if last is None or not state.units or state.units[-1] is not last \
            or last.passage < state.paragraph.index - 1:
        return None
    found = last.entity
    if found is None or not _fits(ref, found) or _named_in_sentence(state, unit, found):
        return None
    return found


def _fits(ref: Reference, entity: Entity) -> bool:
    name = entity.canonical()
    return entity.kind == "organisation" and fits(ref, name) \
        and not gazetteer().is_place(name) and "government" not in name.lower()


def _named_in_sentence(state: ArticleState, unit: Unit, entity: Entity) -> bool:
    """Whether a word of the organisation's name is in the clause being read."""
    g = gazetteer()
    names = entity.distinct_names()
    # "Menatep" of "Menatep Group"; for "Bank of England" (no word of its own) the name
    words = {w for n in names for w in n.split() if w[:1].isupper()
             and bare(w) not in ORG_WORDS and not g.is_place(w)} or names
    sentence = state.paragraph.masked[unit.start:unit.end]
    return any(re.search(rf"\b{re.escape(w)}\b", sentence) for w in words)


def _person(state: ArticleState, unit: Unit, ref: Reference) -> Entity | None:
    """The person in focus, put there in this or the previous paragraph, when nobody else
    is named since, the gender agrees and no age the article states contradicts an age
    noun."""
    focus = state.focus[0] if state.focus else None
    if focus is None or focus.kind != "person" or state.focus_at[0] < unit.passage - 1:
        return None
    if role_gender(ref.noun) not in (None, focus.gender) and focus.gender is not None:
        return None
    if ref.noun.endswith("-year-old") and not _age_fits(state, focus, ref.noun):
        return None
    return None if other_person_since(state, unit, focus) else focus


def run_speaker_fits(state: ArticleState, act: Act) -> bool:
    """'"...," the youngster said' when the noun fits nobody in focus: whether the last
    speaker (a person) could still be the one described, so that the quotation run keeps
    them: the gender and any stated age agree and nobody else is named since they spoke.
    Otherwise the quotation is someone's the rules cannot tell."""
    last, ref = state.last, act.phrase.reference
    person = last.entity if last is not None else None
    if ref is None or person is None or person.kind != "person" or last is None \
            or last.passage < state.paragraph.index - 1:
        return False
    if role_gender(ref.noun) not in (None, person.gender) and person.gender is not None:
        return False
    if ref.noun.endswith("-year-old") and not _age_fits(state, person, ref.noun):
        return False
    return not any(other is not person
                   for text in texts_since(state, (last.passage, last.end), act.clause_start)
                   for other in known_people(state, text))


def other_person_since(state: ArticleState, unit: Unit, focus: Entity) -> bool:
    """Whether someone else is named between where the focus was set and this noun ("...
    in the shape of Emma Watson ... The 14-year-old said" is not the actress who spoke)."""
    for name, other in named_since_focus(state, unit.start):
        if other is not None and other is not focus and other.kind == "person":
            return True
        if other is None and _someone_unknown(name):
            return True
    return False


def lead_role(state: ArticleState, focus: Entity) -> bool:
    """"Michael Howard has denied ... / The Tory leader said ...": a capitalised role (a
    party's, which may be another party's leader) in the paragraph right after the lead
    is the lead's speaker only when the headline and the lead name nobody else and the
    lead's statement is the last one."""
    last = state.last
    if state.paragraph.index != 2 or last is None or last.passage != 1 \
            or last.entity is not focus:
        return False
    for text in state.paragraphs[:2] + [state.paragraph.masked[:state.sentence_start]]:
        for m in NAME_RUN.finditer(mask_quotes(text, quote_spans(text))):
            other = state.people.find(m.group())
            if other is not None and other is not focus and other.kind == "person":
                return False
    return True


def _someone_unknown(name: str) -> bool:
    """"It was Isinbayeva's 11th world record": a possessive name the table does not
    know, and no place, may be somebody else."""
    if not name.endswith(("'s", "’s")):
        return False
    owner = name[:-2]
    g = gazetteer()
    return not g.is_place(owner) and fold(owner) not in g.adjectives \
        and not is_organisation_name(owner)


def _age_fits(state: ArticleState, person: Entity, noun: str) -> bool:
    """"the 30-year-old": not when the article gives this person another age, nor when it
    gives that age to someone else ("Mr Mubanga, 32, ...")."""
    age = noun.split("-", 1)[0]
    surname = person.canonical().split()[-1]
    stated = [m.groups() for text in state.paragraphs for m in _STATED_AGE.finditer(text)]
    own = {a for name, a in stated if name == surname}
    if own:
        return age in own
    return all(a != age for _, a in stated)
