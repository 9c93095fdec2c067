"""Reading one article in order: each sentence's speech acts, or a quote run carried on,
then the links only the whole article shows (runs attributed at their end, role leads)."""
from __future__ import annotations

import re

from corpus.aliases import AliasEntry
from corpus.attribution.acts import Act, dash_headline, find_acts
from corpus.attribution.clauses import split_clauses
from corpus.attribution.cues import CUE
from corpus.attribution.documents import document_authors
from corpus.attribution.focus import note_closing_subject, note_subject
from corpus.attribution.headlines import (
    common_noun_subject,
    link_headline,
    passive_headline_subject,
)
from corpus.attribution.leads import link_lead_source
from corpus.attribution.org_subjects import note_organisation_subject
from corpus.attribution.participles import colon_quotation, participle_acts
from corpus.attribution.references import person_referred, run_speaker_fits
from corpus.attribution.resolver import resolve
from corpus.attribution.roles import link_roles
from corpus.attribution.runs import (
    carries_fragment,
    carries_modal,
    carry_back,
    continues_list,
    continues_quote,
    ends_open,
    fragment_kind,
)
from corpus.attribution.salience import answering
from corpus.attribution.state import ArticleState, Paragraph, Unit
from corpus.lexicon import attribution_words
from corpus.models import Sentence, Speaker
from corpus.people import PeopleTable
from corpus.people_organisations import organisation_evidence


class ArticleAttributor:
    """Attributes the sentences of one article, paragraph by paragraph, in reading order."""

    def __init__(self, paragraphs: list[str], sentence_spans: list[list[tuple[int, int]]],
                 aliases: list[AliasEntry] | None = None):
        self.paragraphs = paragraphs
        self.spans = sentence_spans
        self.people = PeopleTable()
        for entry in aliases or ():
            self.people.add_user_entry(entry.name, entry.kind, entry.role, entry.aliases)
        self.people.expect_organisations(organisation_evidence(paragraphs))
        position = 0
        for text, sents in zip(paragraphs, sentence_spans, strict=False):
            for s, e in sents:
                self.people.add_mentions(text[s:e], position)
                position += 1
        self.state = ArticleState(paragraphs, self.people, Paragraph.read(0, "", False),
                                  authors=document_authors(paragraphs))

    def run(self) -> list[list[Sentence]]:
        state = self.state
        state.units, state.last, state.position = [], None, 0
        state.role_leads = set()
        for p, (text, sents) in enumerate(zip(self.paragraphs, self.spans, strict=False)):
            last = state.last
            after_open = bool(last and last.kind == "direct" and last.passage == p - 1
                              and ends_open(self.paragraphs[p - 1]))
            state.paragraph = Paragraph.read(p, text, after_open)
            for sent in sents:
                state.sentence_start = sent[0]
                _read_sentence(state, sent)
                state.position += 1
        carry_back(state.units, self.paragraphs)
        link_roles(state.units, state.people, self.paragraphs)
        link_lead_source(state.units, self.paragraphs)
        link_headline(state.units, self.paragraphs)
        return _sentences(state.units, self.paragraphs)


def _read_sentence(state: ArticleState, sent: tuple[int, int]) -> None:
    paragraph = state.paragraph
    acts = find_acts(paragraph.text, paragraph.masked, paragraph.quotes, sent)
    if paragraph.index == 0:
        acts = [a for a in acts if (a.phrase.text != a.phrase.name
                or not common_noun_subject(a.phrase.name, state.paragraphs[1:]))
                and not passive_headline_subject(paragraph.masked, a.cue, a.phrase.text)]
    if not acts and paragraph.index == 0:
        acts = dash_headline(state.people, paragraph.text, *sent)
    if not acts and paragraph.index > 0:
        acts = participle_acts(paragraph.text, paragraph.masked, paragraph.quotes, sent) \
            or colon_quotation(paragraph.text, paragraph.masked, paragraph.quotes, sent)
    unresolved = bool(acts) and _unresolved_references(state, acts)
    if acts and not unresolved:
        _read_acts(state, acts, sent)
    elif not acts and _CAME_THE_REPLY.search(paragraph.masked, *sent):
        # '"'Oh no Bill don't do anything," came the response.': someone else's answer
        # inside the speaker's story, which goes on after it
        state.add_unit(Unit(paragraph.index, *sent))
    elif (unresolved and not all(run_speaker_fits(state, a) for a in acts)) or (
            not acts and _unread_attribution(paragraph.text, paragraph.masked, sent)):
        # '"It has been a fantastic few weeks," said 20-year-old politics student Nick
        # Vaughan.': the quotation is someone's whom the rules could not read, never the
        # last speaker's, and neither is the run after it.
        state.add_unit(Unit(paragraph.index, *sent))
        state.last = None
    else:
        _read_verbless(state, sent)


def _unread_attribution(text: str, masked: str, sent: tuple[int, int],
                        pronoun: bool = False) -> bool:
    """Whether a speech verb follows a quotation closing in the sentence ('"...," said'),
    so that the quotation has an attribution of its own ("added" goes on with the last
    speaker, and "the ..." mostly describes them)."""
    s, e = sent
    closed = _CLOSED_BEFORE_PRONOUN if pronoun else _CLOSED_BEFORE
    return any(closed.search(text, s, m.start()) and m.group() not in _GOING_ON_VERBS
               and not _DEFINITE.match(masked, m.end(), e) for m in CUE.finditer(masked, s, e))


# '"...," added the two-time Academy Award winner': the same speaker going on.
_GOING_ON_VERBS = attribution_words("going_on_verb")
# '"...," says the Waterford man': a definite description mostly refers back to the last
# speaker, who keeps the quotation.
# ("said the statement" is someone else's document, never the last speaker)
_DEFINITE = re.compile(r"\s+(?:the|his|her|their)\b(?!\s+(?:statement|report|letter|"
                       r"release|spokesman|spokeswoman)\b)")
_CLOSED_BEFORE = re.compile(r"[,?!][\"”]\s*$")
_CAME_THE_REPLY = re.compile(r"[,?!][\"”]\s*came\s+the\s+(?:[a-z]+\s+)?(?:reply|response|"
                             r"answer|retort)\b")
_CLOSED_BEFORE_PRONOUN = re.compile(r"[,?!][\"”]\s*(?:he|she|they|it)\s+$")


def _unresolved_references(state: ArticleState, acts: list[Act]) -> bool:
    """'"...," added the 30-year-old' when the noun fits nobody in focus: read as if it had
    no act, so the quote run around it keeps its speaker when that speaker could be the
    one described (`references.run_speaker_fits`), and is nobody's otherwise."""
    if not all(a.phrase.reference and a.phrase.reference.refers_to == "person" for a in acts):
        return False
    return all(person_referred(state, a) is None for a in acts)


def _read_verbless(state: ArticleState, sent: tuple[int, int]) -> None:
    """A sentence with no act: a quote run or a quoted fragment carrying the last statement
    on, or narration (whose subject may take the focus)."""
    s, e = sent
    paragraph, last = state.paragraph, state.last
    unit = Unit(paragraph.index, s, e)
    if last is not None and continues_quote(state, sent):
        unit.take_speaker(last)
        unit.kind = "direct"
        unit.carried = True
    elif last is not None and carries_fragment(state, sent):
        unit.take_speaker(last)
        unit.kind = fragment_kind(paragraph.text[s:e])
        unit.carried = True
    elif last is not None and continues_list(state, sent):
        unit.take_speaker(last)
        unit.kind = last.kind
        unit.carried = True
    elif last is not None and carries_modal(state, sent):
        unit.take_speaker(last)
        unit.kind = "reported"
        unit.carried = True
    elif (asked := answering(state, sent)) is not None:
        unit.entity, unit.kind, unit.carried = asked, "direct", True
    state.add_unit(unit)
    if unit.kind:
        state.last = unit
    if paragraph.index > 0:
        note_organisation_subject(state, note_subject(state, s, e), s, e)


def _read_acts(state: ArticleState, acts: list[Act], sent: tuple[int, int]) -> None:
    """One unit per clause with a speech act, resolved in order; the speakers take the
    focus."""
    s, e = sent
    paragraph = state.paragraph
    person_spoke = False
    # "So is UKIP's job to destroy the Tories, as Robert Kilroy-Silk once declared?": the
    # answer that follows is someone else's, so a question's speaker takes no focus.
    question = paragraph.masked[s:e].rstrip().endswith("?")
    for (cs, ce), act in split_clauses(paragraph.masked, acts, s, e):
        unit = Unit(paragraph.index, cs, ce, act, kind="direct" if act.direct else "reported")
        resolve(state, unit, act)
        if unit.entity is not None and unit.entity.kind == "person" \
                and not unit.minor or unit.role_only:
            person_spoke = True
        if not unit.has_speaker():
            unit.kind = None
            unit.act = None
            if _unread_attribution(paragraph.text, paragraph.masked, (cs, ce), pronoun=True):
                # 'Her comments did not impress ... Tim Collins. "Ruth Kelly wants ...," he
                # said.': a "he" that names nobody still says the quotation is not the
                # last speaker's, nor the run after it
                state.last = None
        elif not unit.minor and not question:  # "... after he said": the main speaker
            _take_focus(state, unit)  # stays in focus
        state.add_unit(unit)
    if paragraph.index > 0 and not person_spoke:
        # "Gordon Brown has made an appeal ... after reports claimed ...": the
        # main-clause subject is in focus even when someone else is speaking.
        note_organisation_subject(state, note_subject(state, s, e), s, e)
    elif paragraph.index > 0 and acts:
        note_closing_subject(state, s, e, max(act.cue for act in acts))


def _take_focus(state: ArticleState, unit: Unit) -> None:
    state.last = unit
    if unit.role_only or (unit.entity and unit.entity.kind == "person"):
        state.set_focus((unit.entity, unit.role_only), unit.end)
    elif unit.spoken_for is not None:  # a spokesperson: "he" may take them up, never "it"
        state.set_focus((None, unit.spoken_for), unit.end)
    elif unit.entity is not None:
        state.org_focus = unit.entity
        state.org_passage = state.paragraph.index


def _sentences(units: list[Unit], paragraphs: list[str]) -> list[list[Sentence]]:
    """The units as `Sentence`s, paragraph by paragraph, surrounding space trimmed."""
    out: list[list[Sentence]] = [[] for _ in paragraphs]
    for u in units:
        text = paragraphs[u.passage]
        s, e = u.start, u.end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        speaker: Speaker | None = None
        if u.entity is not None:
            speaker = u.entity.speaker()
            if u.speaking_role is not None:
                speaker = Speaker(speaker.name, u.speaking_role, speaker.kind)
        elif u.vague is not None:
            speaker = Speaker(u.vague, None, "vague")
        elif u.role_only is not None:
            speaker = Speaker(_capitalise(u.role_only), None, "vague")  # a role nobody fits
        kind = u.kind if speaker is not None else None
        out[u.passage].append(Sentence(text[s:e], s, e, speaker, kind))
    return out


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
