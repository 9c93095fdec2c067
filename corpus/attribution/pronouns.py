"""he, she, it and they: who a pronoun subject is.

he/she go to the person in focus of the right gender (or to the person named just before
one that opens a subordinate clause); it to the last organisation speaking, in this or the
previous paragraph; they to the last vague source or organisation, unless another group
was named since.
"""
from __future__ import annotations

import re

from corpus.attribution.acts import Act
from corpus.attribution.cues import CUE, REPORT_ONLY
from corpus.attribution.focus import sentence_subject
from corpus.attribution.org_subjects import organisation_subject
from corpus.attribution.pronoun_focus import (
    described_earlier_focus,
    known_person,
    named_subject_over_role,
    opens_with_description,
)
from corpus.attribution.pronoun_rivals import rival_in_view
from corpus.attribution.salience import (
    only_person_named_since,
)
from corpus.attribution.shares import bare_share
from corpus.attribution.state import ArticleState, Focus, Unit
from corpus.entities import Entity
from corpus.folding import fold
from corpus.gender import role_gender
from corpus.lexicon import attribution_words
from corpus.people import is_organisation_name
from corpus.phrases import DOCUMENT_NOUNS, VAGUE_HEADS, Phrase, bare
from corpus.quotes import mask_quotes, quote_spans
from corpus.references import reference_noun
from corpus.titles import title_pattern

_SUBORDINATORS = attribution_words("subordinator")
_CLAUSE_CONJUNCTION = re.compile(
    r"\b(?:" + "|".join(sorted(attribution_words("split_conjunction"))) + r")\s+")
_NAME = re.compile(rf"\b(?:(?:{title_pattern('pattern')})\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*")
_LOWER_WORD = re.compile(r"\b[a-z][a-z-]*[a-z]\b")
_ITS = re.compile(r"\bits\b")
_PLURAL_NAME = re.compile(r"\b((?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*s)\b")

_REPORT_HEADS = attribution_words("report_head")
_GOING_ON_VERBS = attribution_words("going_on_verb")
_RESPONDENTS = attribution_words("respondent")
Speaker = tuple[Entity | None, str | None, str | None]  # entity, vague source, role only
_NOBODY: Speaker = (None, None, None)


def resolve_pronoun(state: ArticleState, unit: Unit, act: Act) -> None:
    """Give `unit` the speaker its pronoun subject stands for, or nobody."""
    kind = act.phrase.pronoun
    last = state.last
    if bare_share(act.phrase):  # "only 34% said": the group polled, named just before
        unit.vague = _share_group(state, last)
        if unit.vague is None:
            unit.kind = None
        return
    if kind in ("male", "female"):
        near = nearest_in_clause(state, act, kind)
        if near is not None:
            unit.entity = near
            unit.minor = True
            return
    if kind == "neuter" and (own := _own_organisation(state, act)) is not None:
        unit.entity = own
        unit.minor = True
        return
    if kind == "plural" and last is not None and last.act is not None \
            and _other_group_since(state, last, act):
        return  # "..., which ministers claim ..., is opposed by the Liberal Democrats.
        #          They have said ...": two groups in view, so nobody
    if kind == "neuter":
        # "..., it said" two paragraphs after an organisation last spoke is too far to
        # be sure of: nobody rather than a guess.
        here = state.paragraph.index
        if last is not None and last.passage < here - 1:
            last = None
        org = state.org_focus if state.org_passage >= here - 1 else None
        unit.entity, unit.vague, unit.role_only = _referent("neuter", last, None, org)
        if _organisation_noun(unit.vague) and not _opens_statement(state, act):
            unit.vague = None  # "..., and the central bank said it expected": content
        report = _report_verb(state, act)
        if report and not _document(unit.vague) and not (
                unit.entity is not None and unit.entity.canonical() in state.authors.values()):
            unit.entity, unit.vague = None, None  # "It found that ...": only a report's
        if not unit.has_speaker():
            unit.entity = organisation_subject(state, act, nobody_before=last is None,
                                               report=report)
    elif kind in ("male", "female") and rival_in_view(state, kind) \
            and not _going_on(state, act, last):
        pass  # another person of the pronoun's gender named since the focus: nobody
    elif kind in ("male", "female") and (named := named_subject_over_role(state, act, kind)):
        unit.entity = named
    elif kind:
        unit.entity, unit.vague, unit.role_only = _referent(kind, last, state.focus,
                                                            state.org_focus)
        if kind in ("male", "female") and unit.entity is not None \
                and not known_person(state, unit.entity) and opens_with_description(state):
            unit.entity = described_earlier_focus(state, unit.entity, kind)
        if kind in ("male", "female") and not unit.has_speaker():
            # nobody in focus fits the gender: the one person of it named since, if one
            unit.entity = only_person_named_since(state, act.clause_start, kind)
    if not unit.has_speaker():
        unit.kind = None


def _share_group(state: ArticleState, last: Unit | None) -> str | None:
    """The group polled of the last statement, in this or the previous paragraph."""
    if last is None or last.vague is None or last.passage < state.paragraph.index - 1:
        return None
    return last.vague if bare(last.vague.split()[-1]) in _RESPONDENTS else None


def _referent(kind: str, last: Unit | None, focus: Focus | None,
              org: Entity | None) -> Speaker:
    if kind in {"male", "female"} and focus is not None:
        ent, role = focus
        if ent is not None and ent.gender in (None, kind):
            return ent, None, None
        if ent is None and role and role_gender(role) in (None, kind):
            return None, None, role
    if last is None or (kind in ("neuter", "plural") and last.spoken_for is not None):
        return _NOBODY  # "an IAAF spokesman said ... they will be banned": not the IAAF
    ent = last.entity
    if kind in {"male", "female"}:
        if last.role_only:
            if role_gender(last.role_only) in (None, kind):
                return None, None, last.role_only
            return _NOBODY
        if ent is not None and ent.kind == "person" and ent.gender in (None, kind):
            return ent, None, None
        return _NOBODY
    if kind == "neuter" and ent is not None and ent.kind == "organisation":
        return ent, None, None
    if kind == "neuter" and ent is not None and ent.kind == "person" and _through_document(last):
        return ent, None, None  # "the Kok report recommends ... It also recommends": the
        # report again, which speaks for its author
    if kind == "neuter" and ent is None and _document(last.vague):
        return None, last.vague, None  # "the guidance said ... it said": the document
    if kind == "neuter" and ent is None and _organisation_noun(last.vague):
        # "The firm promised no jobs would be lost ... It said it would put this commitment
        # on paper": the organisation noun no name was found for goes on as it was
        return None, last.vague, None
    if kind == "neuter" and org is not None and (ent is None or ent.kind == "person"):
        # "British Airways has blamed ... Rod Eddington said ... it expects a rise"
        return org, None, None
    if kind == "plural":
        if last.vague:
            return None, last.vague, None
        if ent is not None and ent.kind == "organisation":
            return ent, None, None
    return _NOBODY


def _through_document(last: Unit) -> bool:
    """Whether the last statement was a person's document speaking ("the Kok report
    recommends", "Lord Butler's report said")."""
    words = last.act.phrase.text.split() if last.act is not None else []
    return bool(words) and bare(words[-1]) in DOCUMENT_NOUNS


def _opens_statement(state: ArticleState, act: Act) -> bool:
    """Whether the pronoun opens its sentence ("It said ...") or follows a comma ("...,
    it added."), rather than a clause inside someone's statement."""
    masked = state.paragraph.masked
    at = masked.rfind("it", state.sentence_start, act.cue)
    if at < 0:
        at = masked.rfind("It", state.sentence_start, act.cue)
    before = masked[state.sentence_start:at].rstrip()
    return at >= 0 and (not before or before.endswith((",", ",\"", ",”")))


def _organisation_noun(vague: str | None) -> bool:
    """Whether a vague speaker is an organisation's referring noun ("the firm")."""
    ref = reference_noun(vague.split()) if vague else None
    return ref is not None and ref.refers_to == "organisation"


def _going_on(state: ArticleState, act: Act, last: Unit | None) -> bool:
    """'He added:' after the person in focus spoke last: the same speaker going on,
    whoever the narration named in between ("Benitez hailed Gerrard ... capped by
    Gerrard's 20-yard drive. He added: ...")."""
    m = CUE.match(state.paragraph.masked, act.cue)
    focus = state.focus[0] if state.focus else None
    return m is not None and m.group() in _GOING_ON_VERBS and last is not None \
        and focus is not None and last.entity is focus


def _report_verb(state: ArticleState, act: Act) -> bool:
    """Whether the act's verb speaks only for a report ("found", "shows")."""
    m = CUE.match(state.paragraph.masked, act.cue)
    return m is not None and m.group() in REPORT_ONLY


def _document(vague: str | None) -> bool:
    """Whether a vague source is one document ("the report", "the guidance"), which "it"
    may take up; never a plural ("new guidelines")."""
    if not vague:
        return False
    head = bare(vague.split()[-1])
    return (head in DOCUMENT_NOUNS or head in _REPORT_HEADS) and not head.endswith("s")


def nearest_in_clause(state: ArticleState, act: Act, gender: str) -> Entity | None:
    """'... repaid £500,000 to Lord Ashcroft after he predicted a defeat': a lower-case
    pronoun opening a subordinate clause goes to the nearest person named before it in
    the same sentence."""
    text = state.paragraph.masked
    lead = text[act.clause_start:act.cue].split()
    if len(lead) < 2 or lead[-1] not in ("he", "she") or bare(lead[0]) not in _SUBORDINATORS:
        return None
    before = text[state.sentence_start:act.clause_start]
    for m in reversed(list(_NAME.finditer(before))):
        if m.start() == 0:
            break  # the sentence's own subject is the focus rule's business
        ent = state.people.find(m.group().split()[-1]) if len(m.group().split()) > 1 \
            else None
        if ent is not None and ent.kind == "person" and ent.gender in (None, gender):
            return ent
    return None


def _own_organisation(state: ArticleState, act: Act) -> Entity | None:
    """'Electrolux saw its shares rise 14% on Tuesday after it said ...', '... is cracking
    down on large rural estates, which it says are lying idle': an "it" opening a
    subordinate or relative clause is the organisation the sentence opens with."""
    text = state.paragraph.masked
    lead = text[state.sentence_start:act.cue].split()
    if len(lead) < 3 or lead[-1] != "it" or (bare(lead[-2]) not in _SUBORDINATORS
                                            and lead[-2] != "which"):
        return None
    subject = sentence_subject(text, state.sentence_start, act.clause_start)
    later = lead[-2] == "which" and (subject is None or subject.name is None)
    if later:
        subject = _clause_subject_before(text, state.sentence_start, act.clause_start)
    if subject is None or subject.name is None or subject.pronoun or subject.title:
        return None
    name = subject.name
    known = is_organisation_name(name) or state.people.shown_organisation(name) \
        or state.people.find_organisation(name) is not None \
        or (later and state.people.find(name) is None)  # "while Apple uses AAC, which it"
    # ("Electrolux saw its shares rise": one that "its" refers back to is no person)
    if not known and (state.people.find(name) is not None or not _ITS.search(
            text, state.sentence_start, act.clause_start)):
        return None
    if name.startswith("The "):
        name = "t" + name[1:]  # "The government" is "the government"
    return state.people.note_organisation(name, state.position)


def _clause_subject_before(text: str, s: int, e: int) -> Phrase | None:
    """'The rivals use the MP3 format while Apple uses AAC, which it says helps thwart
    piracy': the subject of the clause the relative clause closes, after its conjunction."""
    found = list(_CLAUSE_CONJUNCTION.finditer(text, s, e))
    return sentence_subject(text, found[-1].end(), e) if found else None


def _other_group_since(state: ArticleState, last: Unit, act: Act) -> bool:
    """Whether another group (an organisation's name or a plural source) is named between
    the last statement's verb and this "they"."""
    start = last.act.cue if last.act is not None else last.start
    masked = state.paragraph.masked
    if last.passage == state.paragraph.index:
        texts = [masked[start:act.clause_start]]
    else:
        before = state.paragraphs[last.passage]
        texts = [mask_quotes(before, quote_spans(before))[start:], masked[:act.clause_start]]
    own = {fold(n) for n in ([*last.entity.distinct_names()] if last.entity else [])
           + ([last.vague] if last.vague else [])}
    if _group_named_after(state, last, act, own):
        return True
    for text in texts:
        for m in _PLURAL_NAME.finditer(text):
            name = m.group(1)
            if fold(name) in own or fold(name).removeprefix("the ") in own:
                continue
            if is_organisation_name(name) or bare(name.split()[-1]) in VAGUE_HEADS:
                return True
    return False


def _group_named_after(state: ArticleState, last: Unit, act: Act, own: set[str]) -> bool:
    """Whether a plural generic noun is named after the last statement's sentence, before
    this "they" ("..., with Labour backbenchers and opposition politicians opposing the
    plan. They felt ..." is not the colonels who spoke before); the nouns inside the last
    statement's own content ("insisted they would hold ministers to account. They said
    ...") or this one's do not count."""
    masked = state.paragraph.masked
    here = state.sentence_start  # "US officials were talking up the dollar, they said":
    #                               the sentence's own content names no rival group
    if last.passage == state.paragraph.index:
        texts = [masked[last.end:here]]
    else:
        before = state.paragraphs[last.passage]
        texts = [mask_quotes(before, quote_spans(before))[last.end:], masked[:here]]
    heads = {bare(n.split()[-1]) for n in own}
    return any(w in VAGUE_HEADS and w not in heads and w.endswith("s")
               for text in texts for w in _LOWER_WORD.findall(text))
