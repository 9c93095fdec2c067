"""Who a subject phrase is: a vague source, the referent of a pronoun, a person or
organisation by name, or the holder of a role ("the minister")."""
from __future__ import annotations

import re

from corpus.attribution.acts import Act
from corpus.attribution.descriptions import brings_in_someone, focus_described
from corpus.attribution.documents import document_noun
from corpus.attribution.pronouns import resolve_pronoun
from corpus.attribution.references import lead_role, resolve_reference
from corpus.attribution.state import ArticleState, Unit
from corpus.entities import Entity
from corpus.folding import fold
from corpus.gazetteer import gazetteer
from corpus.gender import first_name_gender, role_gender
from corpus.lexicon import phrase_words
from corpus.people import is_organisation_name
from corpus.phrases import (
    CONNECTORS,
    ORG_WORDS,
    Phrase,
    bare,
    is_cap,
    is_role_noun,
    parse_phrase,
)
from corpus.spokespeople import spoken_for

# "the Commerce Department for November": a month or day is never the end of a name
_TIME_WORDS = phrase_words("time_word")


def resolve(state: ArticleState, unit: Unit, act: Act) -> None:
    """Give `unit` the speaker of its act's phrase (or leave it without one)."""
    phrase = act.phrase
    author = state.authors.get(document_noun(phrase.text) or "") if phrase.vague else None
    by_author = parse_phrase(author.split()) if author else None
    if by_author is not None and by_author.name:
        _resolve_name(state, unit, by_author, by_author.name)  # "the report said": its author
    elif phrase.vague:
        unit.vague = phrase.text
    elif phrase.reference is not None:
        resolve_reference(state, unit, phrase, phrase.reference)
    elif phrase.pronoun:
        resolve_pronoun(state, unit, act)
        if unit.role_only:  # "A Microsoft spokesman said ... He added": Microsoft
            speaks_for_organisation(state, unit, unit.role_only)
    elif phrase.name:
        _resolve_name(state, unit, phrase, phrase.name)
    elif phrase.role:
        _resolve_role(state, unit, phrase, phrase.role)


def named_document(phrase: Phrase) -> bool:
    """Whether the phrase is "the <Name> report" (`subjects.named_document_subject`)."""
    words = phrase.text.split()
    return len(words) == 3 and bare(words[-1]) in _NAMED_DOCUMENTS and words[1] == phrase.name


_NAMED_DOCUMENTS = {"report", "reports", "review", "reviews", "study", "studies"}


def _resolve_name(state: ArticleState, unit: Unit, phrase: Phrase, name: str) -> None:
    """A person met before (or new, when titled, with a role or a full name), else an
    organisation."""
    people, position = state.people, state.position
    if named_document(phrase):
        # "the Kok report said": the person of that surname the article has named (Wim
        # Kok, "the report ... by Wim Kok"), or the organisation ("The Envisional reports
        # said" after "Web tracking company Envisional said"); "the Iraq report" names no
        # author
        found = people.find(name)
        if found is None or found.kind != "person" or found.first_seen >= position:
            found = None if gazetteer().is_place(name) else people.find_organisation(name)
        unit.entity = found
        return
    if is_organisation_name(name) and not phrase.title:
        whole = _whole_institution(state, unit, name)
        unit.entity = _note_institution(state, whole, None) if whole != name \
            else people.note_organisation(name, position)
        return
    if not phrase.title and people.shown_organisation(name):
        unit.entity = people.note_shown_organisation(name, position)  # "Shares in X"
        return
    entity = people.find(name)
    if entity is None and not phrase.title and not phrase.role and _two_single_names(name):
        # "American and Southwest have blamed ...", "Marks and Spencer said": two firms
        # (or one firm's name) speaking together, never one person with a surname
        # "Southwest" that a later "Southwest said" would find
        unit.entity = people.note_organisation(name, position)
        return
    if entity is None and not phrase.title and _possessed_thing(name):
        # "The book, Brown's Britain, said": a work or a firm, not a person.
        unit.entity = people.note_organisation(name, position)
        return
    if entity is None and (phrase.title or phrase.role or len(name.split()) > 1):
        entity = people.note_person(name, position, phrase.role, phrase.title)
    if entity is None:
        unit.entity = people.note_organisation(name, position)
        return
    if phrase.role or phrase.title:
        people.note_person(name, position, phrase.role, phrase.title)
    elif name not in entity.distinct_names():
        people.add_name(entity, name)
    entity.last_seen = max(entity.last_seen, position)
    unit.entity = entity


def _resolve_role(state: ArticleState, unit: Unit, phrase: Phrase, role: str) -> None:
    """The person holding the role; or the person in focus for a definite role when they
    have none; else a role-only speaker. "a spokesman said": an indefinite role brings in
    someone new, never a person already holding a role like it."""
    institution = _institution(role)
    if institution is not None:
        # "the Office of the Deputy Prime Minister (ODPM) has said": an office, never the
        # deputy prime minister (nor the next person named)
        unit.entity = _note_institution(state, *institution)
        return
    indefinite = phrase.text.lower().startswith(("a ", "an "))
    entity = None if indefinite else state.people.find_by_role(role, state.position)
    focus = state.focus[0] if state.focus else None
    if entity is None and focus is not None and focus.kind == "person" \
            and phrase.text.lower().startswith("the ") and unit.passage >= 2:
        unit.anaphoric = True  # the lead paragraph's roles may still point forward
    if entity is None and focus is not None and _focus_takes_role(state, phrase, role, focus):
        # "Jack Straw has attacked ... The foreign secretary said": a definite role
        # right after a person with no role of their own is that person.
        focus.role = role
        state.people.add_role(focus, role)
        entity = focus
    elif entity is None and focus is not None and focus_described(state, unit, phrase, role,
                                                                  focus):
        # '"...," said the Factory Records founder': an epithet for the person in focus,
        # found again by the role; their own role (or the link of a lead still open to
        # them) is left alone
        if focus.role is None and not state.role_leads:
            focus.role = role
        state.people.add_role(focus, role)
        entity = focus
    if entity is not None:
        unit.entity = entity
    elif not speaks_for_organisation(state, unit, phrase.text):
        unit.role_only = role


def speaks_for_organisation(state: ArticleState, unit: Unit, text: str) -> bool:
    """"a spokesman for the Home Office", "a Microsoft spokesman": the organisation
    speaks, the spokesperson is the role (never when the owner is a person met in the
    article, "a Blair spokesman", or a country's adjective, "a Russian spokesman")."""
    spoken = spoken_for(text)
    if spoken is None or fold(spoken.organisation) in gazetteer().adjectives:
        return False
    known = state.people.find(spoken.organisation)
    if known is not None and known.kind == "person":
        return False
    unit.entity = state.people.note_organisation(spoken.organisation, state.position)
    unit.role_only, unit.speaking_role, unit.spoken_for = None, spoken.role, text
    return True


def _focus_takes_role(state: ArticleState, phrase: Phrase, role: str, focus: Entity) -> bool:
    """A definite, lower-case role ("the foreign secretary", "the UK chancellor"; not "the
    Tory leader" nor "Mr Blair's spokesman") goes to the person in focus when they have no
    role of their own, no other role-only lead is still open and the role's gender does
    not contradict theirs ("The lord chancellor hinted" after Baroness Boothroyd is not
    hers) and it does not bring in someone new ("said the lawyer")."""
    words = role.split()
    return focus.kind == "person" and focus.role is None and not focus.roles_seen \
        and not brings_in_someone(role) and role_gender(role) in (None, focus.gender) \
        and not state.other_role_lead(role) \
        and phrase.text.lower().startswith("the ") and "'" not in role and "’" not in role \
        and (words[0].islower() or (len(words) > 1 and _is_country_word(words[0])
                                    and words[1].islower()) or lead_role(state, focus))


def _is_country_word(word: str) -> bool:
    """"UK", "British", "French": a country or its adjective, not a party ("the UK
    chancellor" can be the person in focus; "the Tory leader" is not linked)."""
    g = gazetteer()
    return g.is_place(word) or fold(word) in g.adjectives


def _two_single_names(name: str) -> bool:
    """"American and Southwest": two capitalised words joined by "and", neither a first
    name of the table."""
    words = name.split()
    return len(words) == 3 and words[1] == "and" and is_cap(words[0]) and is_cap(words[2]) \
        and first_name_gender(words[0]) is None and first_name_gender(words[2]) is None


def _possessed_thing(name: str) -> bool:
    """"Brown's Britain", "France's Snecma": an owner's possessive and one word after it."""
    words = name.split()
    return len(words) == 2 and words[0].endswith(("'s", "’s"))


_ACRONYM_IN_BRACKETS = re.compile(r"^\(([A-Z][A-Za-z&]{1,8})\)$")


def _institution(role: str) -> tuple[str, str | None] | None:
    """"Office of the Deputy Prime Minister (ODPM)", "Ministry of Defence", "Chartered
    Institute of Purchasing and Supply": an organisation word (capitalised words before it,
    none a role word), "of" or "for", and capitalised words (connectors between) name an
    institution; its name, and the acronym given in brackets after it."""
    words = role.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    acronym = None
    if words and (m := _ACRONYM_IN_BRACKETS.match(words[-1])):
        acronym, words = m.group(1), words[:-1]
    head = next((k for k in range(len(words) - 2) if words[k + 1] in ("of", "for")), None)
    if head is None or bare(words[head]) not in ORG_WORDS or not is_cap(words[-1]) \
            or bare(words[-1]) in _TIME_WORDS \
            or not all(is_cap(w) and not is_role_noun(w) for w in words[:head + 1]) \
            or not all(is_cap(w) or bare(w) in CONNECTORS for w in words[head + 2:]):
        return None  # "Chairman of the Bank of England" is a person's role
    return " ".join(words), acronym


_INSTITUTION_TAIL = re.compile(r"(?:\s+(?:of|for|and|the|[A-Z][\w&'’-]*))+")


def _whole_institution(state: ArticleState, unit: Unit, name: str) -> str:
    """"The Chartered Institute of Purchasing and Supply (CIPS) said": the whole name
    when the phrase read stops at its "of" or "and" ("Chartered Institute", "Supply")."""
    text = state.paragraph.masked
    for m in re.finditer(re.escape(name), text[unit.start:unit.end]):
        at = unit.start + m.end()
        tail = _INSTITUTION_TAIL.match(text, at)
        whole = (name + tail.group()).split() if tail else []
        while whole and whole[-1] in ("of", "for", "and", "the"):
            whole.pop()
        found = _institution(" ".join(whole)) if len(whole) > len(name.split()) else None
        if found is not None:
            return found[0]
    return name


def _note_institution(state: ArticleState, name: str, acronym: str | None) -> Entity:
    """The institution, with the acronym given in brackets after its name ("the Office of
    the Deputy Prime Minister (ODPM)") as another of its names: "the ODPM said" later."""
    m = re.search(re.escape(name) + r"\s*\(([A-Z][A-Za-z&]{1,8})\)", state.paragraph.text)
    acronym = acronym or (m.group(1) if m else None)
    entity = state.people.note_organisation(name, state.position)
    if acronym:
        state.people.add_organisation_alias(entity, acronym)
    return entity
