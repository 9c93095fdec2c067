"""Rule-based speaker attribution: who says each sentence, directly or in reported speech.

The rules are general news-writing conventions, never facts about one article:
  - a reporting verb (said, told, announced, urged, ...) with its subject before it
    ("Mr X said"), after it ("..., said Mr X"), after "by" ("were urged by X"), or
    "according to X"; an apposition between subject and verb ("X, the minister, said");
  - quotations are masked first, so a name inside a quotation is never its speaker;
  - a sentence that reports two speakers ("A said ..., while B said ...") is cut in two;
  - a sentence that opens or continues a quotation with no cue of its own carries on the
    speaker of the statement before it (BBC quote runs);
  - he/she/it/they go to the latest compatible speaker; "the minister" to the person
    holding that role; a role-only lead ("Turkey's foreign minister said") is linked to
    the person named as speaking next, within the next paragraph, when that person has no
    other role; otherwise it stays a role-only speaker.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from parley.corpus.models import Sentence, Speaker
from parley.corpus.people import Entity, PeopleTable, is_organisation_name
from parley.corpus.phrases import (
    CONNECTORS, NOT_NAMES, TITLES, VAGUE_HEADS, Phrase, bare, is_cap, is_role_word,
    parse_phrase,
)
from parley.corpus.quotes import CLOSERS, QUOTE_CHARS, mask_quotes, quote_spans

_VERBS = (
    "say|says|said|tell|tells|told|add|adds|added|announce|announces|announced|urge|urges|"
    "urged|warn|warns|warned|claim|claims|claimed|insist|insists|insisted|state|states|stated|"
    "stress|stresses|stressed|explain|explains|explained|argue|argues|argued|suggest|"
    "suggests|suggested|comment|comments|commented|note|notes|noted|acknowledge|acknowledges|"
    "acknowledged|admit|admits|admitted|confirm|confirms|confirmed|deny|denies|denied|reveal|"
    "reveals|revealed|predict|predicts|predicted|reply|replies|replied|respond|responds|"
    "responded|ask|asks|asked|promise|promises|promised|pledge|pledges|pledged|vow|vows|vowed|"
    "declare|declares|declared|concede|concedes|conceded|maintain|maintains|maintained|"
    "emphasise|emphasises|emphasised|emphasize|emphasizes|emphasized|write|writes|wrote|"
    "continue|continues|continued|report|reports|reported|believe|believes|believed|"
    "complain|complains|complained|accuse|accuses|accused|agree|agrees|agreed|proposes|"
    "proposed|describe|describes|described"
)
CUE = re.compile(rf"\b(?:{_VERBS})\b")
ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)
# Verbs that need a clause or quotation to be speech (not "agreed a deal", "described as").
WEAK_VERBS = {"believe", "believes", "believed", "agree", "agrees", "agreed", "describe",
              "describes", "described", "continue", "continues", "continued", "note",
              "notes", "noted", "report", "reports", "reported", "write", "writes", "wrote",
              "ask", "asks", "asked", "state", "states", "stated"}
_SPEECH_FOLLOW = re.compile(r"^\s*(?:[:,]|that\b|it\b|he\b|she\b|they\b|there\b|the\b|[\"“”]"
                            r"|\w+\s+(?:was|were|is|are|had|has|would|will|could|should)\b)")
_SKIP_BEFORE_VERB = {"also", "later", "has", "had", "have", "would", "will", "then", "then,",
                     "previously", "earlier", "recently", "again", "further", "once", "last",
                     "repeatedly", "separately", "publicly", "privately", "reportedly",
                     "subsequently", "has", "is", "was", "were", "are", "had", "already",
                     "yesterday", "today", "tonight", "now", "too", "however", "himself",
                     "herself", "itself", "themselves", "frequently", "often", "just", "not",
                     "never", "always", "has", "did", "does", "do", "may", "might", "could",
                     "should", "openly", "simply", "flatly", "firmly", "strongly", "clearly"}
_CLAUSE_BREAKS = {"while", "whereas", "but", "and", "after", "as", "although", "though",
                  "when", "before", "since", "because", "that", "which", "who", "where"}
_SPLIT_CONJ = {"while", "whereas", "but", "and", "after", "as", "although", "though", "when",
               "before"}
_WORDS = re.compile(r"\S+")
_PARTICIPLES = {"said", "told", "written"}
_MAX_PHRASE = 12


@dataclass
class Act:
    """One speech act found in a sentence, before its speaker is final."""

    cue: int  # offset of the cue in the paragraph
    clause_start: int  # where a split would cut the sentence (the subject's conjunction)
    phrase: Phrase
    direct: bool
    entity: Entity | None = None
    vague_name: str | None = None
    pending_role: str | None = None


def _words_before(text: str, end: int) -> list[tuple[str, int]]:
    return [(m.group(), m.start()) for m in _WORDS.finditer(text, 0, end)]


def _subject_before(masked: str, sent_start: int, cue: int) -> tuple[list[str], int] | None:
    """The words of the phrase right before a cue, and where its clause starts."""
    words = _words_before(masked[:cue], cue)
    words = [(w, p) for w, p in words if p >= sent_start]
    j = len(words)
    while j > 0 and words[j - 1][0].lower() in _SKIP_BEFORE_VERB and not is_cap(words[j - 1][0]):
        j -= 1
    collected: list[tuple[str, int]] = []
    while j > 0 and len(collected) < _MAX_PHRASE:
        w, p = words[j - 1]
        if w[-1] in ",;:" or w[-1] in QUOTE_CHARS or w[0] in QUOTE_CHARS:
            break
        low = bare(w)
        ok = (is_cap(w) or is_role_word(w) or low in TITLES or low in VAGUE_HEADS
              or (low in CONNECTORS and collected) or (not collected and low in
                                                       {"he", "she", "they", "it"}))
        if not ok or (low in _CLAUSE_BREAKS and not is_cap(w)):
            break
        collected.insert(0, (w, p))
        j -= 1
        if low in {"he", "she", "they", "it"}:
            break
    while collected and bare(collected[0][0]) in CONNECTORS - {"the"}:
        collected.pop(0)
    # Keep "the" and words after; drop any leading lowercase noise except determiners.
    if not collected:
        return None
    start = collected[0][1]
    # The clause starts at the conjunction before the subject, if any.
    if j > 0 and bare(words[j - 1][0]) in _SPLIT_CONJ:
        start = words[j - 1][1]
    return [w for w, _ in collected], start


def _subject_after(masked: str, pos: int, sent_end: int) -> list[str]:
    """Words of the phrase right after a cue ("said Mr Erdogan.")."""
    out: list[str] = []
    for m in _WORDS.finditer(masked, pos, sent_end):
        w = m.group()
        core = w.rstrip(".,;:!?")
        low = bare(core)
        if not (is_cap(core) or is_role_word(core) or low in TITLES or low in VAGUE_HEADS
                or (low in CONNECTORS and out)):
            break
        out.append(core)
        if core != w or len(out) >= _MAX_PHRASE:
            break
    while out and bare(out[-1]) in CONNECTORS:
        out.pop()
    return out


def _apposition(masked: str, sent_start: int, cue: int) -> tuple[list[str], str | None] | None:
    """'David Frost, director general of the BCC, warned' / 'X, who hosted the talks, urged'."""
    before = masked[sent_start:cue].rstrip()
    if not before.endswith(","):
        return None
    body = before[:-1]
    comma = body.rfind(",")
    if comma < 0:
        return None
    middle = body[comma + 1:].strip()
    first = middle.split()[0].lower() if middle.split() else ""
    if not middle or not (is_role_word(first) or first in {"who", "which", "the", "a", "an"}):
        return None
    head = _subject_before(masked, sent_start, sent_start + comma)
    if head is None:
        return None
    role = None if first in {"who", "which"} else re.sub(r"^(?:the|a|an)\s+", "", middle)
    if role is not None and not any(is_role_word(w) for w in role.split()):
        role = None
    return head[0], role


def _is_direct(text: str, spans: list[tuple[int, int]], sent: tuple[int, int], cue: int) -> bool:
    """Whether the statement is a quotation: the quote closes just before the cue's clause,
    or opens right after it ("X said: "...")."""
    s, e = sent
    for qs, qe in spans:
        if qe <= s or qs >= e:
            continue
        if qe <= cue and not text[qe:cue].strip(" ,") .count(" ") > 8 and (
                qs <= s + 2 or text[s:qs].strip() == ""):
            return True
        if qs >= cue and text[cue:qs].count(" ") <= 6 and re.search(r"[:,]\s*$|\w\s*$",
                                                                     text[cue:qs]):
            between = text[cue:qs]
            if ":" in between or "," in between or qe >= e - 2:
                return True
    return False


def find_acts(text: str, masked: str, spans: list[tuple[int, int]],
              sent: tuple[int, int]) -> list[Act]:
    s, e = sent
    acts: list[Act] = []
    for m in ACCORDING.finditer(masked, s, e):
        words = _subject_after(masked, m.end(), e)
        phrase = parse_phrase(words) if words else None
        if phrase:
            acts.append(Act(m.start(), s, phrase, _is_direct(text, spans, sent, m.start())))
    for m in CUE.finditer(masked, s, e):
        verb = m.group()
        rest = masked[m.end():e]
        before = masked[s:m.start()].rstrip()
        phrase: Phrase | None = None
        clause = s
        if verb in WEAK_VERBS and not _SPEECH_FOLLOW.match(rest) and not before.endswith(
                tuple(",\"”")):
            continue
        if re.match(r"^\s+by\b", rest) and (verb.endswith("ed") or verb in _PARTICIPLES):
            # passive: "were urged by X"
            words = _subject_after(masked, m.end() + rest.index("by") + 2, e)
            phrase = parse_phrase(words) if words else None
        if phrase is None and (not before or before[-1] in ",;:" or before[-1] in CLOSERS
                               or before.endswith(('"', ',"', ",”"))):
            words = _subject_after(masked, m.end(), e)  # inversion: '..., said Mr X'
            phrase = parse_phrase(words) if words else None
        if phrase is None:
            found = _subject_before(masked, s, m.start())
            if found:
                phrase = parse_phrase(found[0])
                clause = found[1]
        role_from_apposition = None
        if phrase is None:
            app = _apposition(masked, s, m.start())
            if app:
                phrase = parse_phrase(app[0])
                role_from_apposition = app[1]
        if phrase is None:
            continue
        if role_from_apposition and phrase.name and not phrase.role:
            phrase = Phrase(phrase.text, phrase.title, role_from_apposition, phrase.name)
        if any(a.phrase == phrase for a in acts):
            continue
        acts.append(Act(m.start(), clause, phrase, _is_direct(text, spans, sent, m.start())))
    acts.sort(key=lambda a: a.cue)
    return acts


@dataclass
class _Unit:
    """A sentence or clause with its (provisional) speaker."""

    passage: int
    start: int
    end: int
    act: Act | None = None
    entity: Entity | None = None
    vague: str | None = None
    role_only: str | None = None
    kind: str | None = None


class ArticleAttributor:
    """Attributes the sentences of one article, paragraph by paragraph, in reading order."""

    def __init__(self, paragraphs: list[str], sentence_spans: list[list[tuple[int, int]]]):
        self.paragraphs = paragraphs
        self.spans = sentence_spans
        self.people = PeopleTable()
        position = 0
        for text, sents in zip(paragraphs, sentence_spans):
            for s, e in sents:
                self.people.add_mentions(text[s:e], position)
                position += 1

    def run(self) -> list[list[Sentence]]:
        units: list[_Unit] = []
        last: _Unit | None = None
        position = 0
        for p, (text, sents) in enumerate(zip(self.paragraphs, self.spans)):
            qspans = quote_spans(text)
            masked = mask_quotes(text, qspans)
            prev_open = bool(last and last.kind == "direct" and last.passage == p - 1
                             and _ends_open(self.paragraphs[p - 1]))
            for s, e in sents:
                acts = find_acts(text, masked, qspans, (s, e))
                if not acts:
                    unit = _Unit(p, s, e)
                    if last is not None and self._continues_quote(text, qspans, (s, e), last,
                                                                  p, prev_open):
                        unit.entity, unit.vague, unit.role_only = (
                            last.entity, last.vague, last.role_only)
                        unit.kind = "direct"
                    units.append(unit)
                    if unit.kind:
                        last = unit
                    position += 1
                    continue
                pieces = self._split(acts, s, e)
                for (cs, ce), act in pieces:
                    unit = _Unit(p, cs, ce, act, kind="direct" if act.direct else "reported")
                    self._resolve(unit, act, last, position)
                    if unit.entity is None and unit.vague is None and unit.role_only is None:
                        unit.kind = None
                        unit.act = None
                    else:
                        last = unit
                    units.append(unit)
                position += 1
        self._link_roles(units)
        return self._sentences(units)

    # --- pieces ---------------------------------------------------------------------------
    @staticmethod
    def _split(acts: list[Act], s: int, e: int) -> list[tuple[tuple[int, int], Act]]:
        """One piece per speech act whose subject starts a clause of its own."""
        pieces: list[tuple[tuple[int, int], Act]] = []
        current_start = s
        current_act = acts[0]
        for act in acts[1:]:
            if act.clause_start > current_start and act.phrase != current_act.phrase and \
                    act.phrase.pronoun is None:
                pieces.append(((current_start, act.clause_start), current_act))
                current_start, current_act = act.clause_start, act
        pieces.append(((current_start, e), current_act))
        return pieces

    def _continues_quote(self, text: str, qspans: list[tuple[int, int]], sent: tuple[int, int],
                         last: _Unit, p: int, prev_open: bool) -> bool:
        s, e = sent
        if last.entity is None and last.vague is None and last.role_only is None:
            return False
        inside = [q for q in qspans if q[0] < e and q[1] > s]
        if not inside:
            return False
        starts_quote = text[s:e].lstrip()[:1] in QUOTE_CHARS
        continued = any(qs < s for qs, _ in inside)
        if last.passage == p and (continued or starts_quote):
            return True
        return last.passage == p - 1 and starts_quote and (prev_open or last.kind == "direct")

    def _resolve(self, unit: _Unit, act: Act, last: _Unit | None, position: int) -> None:
        phrase = act.phrase
        if phrase.vague:
            unit.vague = phrase.text
            return
        if phrase.pronoun:
            unit.entity, unit.vague, unit.role_only = self._pronoun(phrase.pronoun, last)
            if unit.entity is None and unit.vague is None and unit.role_only is None:
                unit.kind = None
            return
        if phrase.name:
            name = phrase.name
            if is_organisation_name(name) and not phrase.title:
                unit.entity = self.people.note_organisation(name, position)
                return
            entity = self.people.find(name)
            if entity is None and (phrase.title or phrase.role or len(name.split()) > 1):
                entity = self.people.note_person(name, position, phrase.role, phrase.title)
            if entity is None:
                unit.entity = self.people.note_organisation(name, position)
                return
            if phrase.role or phrase.title:
                self.people.note_person(name, position, phrase.role, phrase.title)
            elif name not in entity.names:
                entity.names.append(name)
            entity.last_seen = max(entity.last_seen, position)
            unit.entity = entity
            return
        if phrase.role:
            entity = self.people.find_by_role(phrase.role)
            if entity is not None:
                unit.entity = entity
            else:
                unit.role_only = phrase.role

    @staticmethod
    def _pronoun(kind: str, last: _Unit | None) -> tuple[Entity | None, str | None, str | None]:
        if last is None:
            return None, None, None
        ent = last.entity
        if kind in {"male", "female"}:
            if last.role_only:
                return None, None, last.role_only
            if ent is not None and ent.kind == "person" and ent.gender in (None, kind):
                return ent, None, None
            return None, None, None
        if kind == "neuter" and ent is not None and ent.kind == "organisation":
            return ent, None, None
        if kind == "plural":
            if last.vague:
                return None, last.vague, None
            if ent is not None and ent.kind == "organisation":
                return ent, None, None
        return None, None, None

    @staticmethod
    def _link_roles(units: list[_Unit]) -> None:
        """A role-only lead takes the person named as speaking next, when that statement is
        within the next paragraph and the person has no role of their own."""
        for i, unit in enumerate(units):
            if unit.role_only is None:
                continue
            for nxt in units[i + 1:]:
                if nxt.passage > unit.passage + 1:
                    break
                if nxt.role_only == unit.role_only:
                    continue
                ent = nxt.entity
                if ent is None or ent.kind != "person":
                    continue
                if ent.role is None:
                    ent.role = unit.role_only
                    ent.roles_seen.append(unit.role_only)
                    role = unit.role_only
                    for other in units:
                        if other.role_only == role:
                            other.entity, other.role_only = ent, None
                break

    def _sentences(self, units: list[_Unit]) -> list[list[Sentence]]:
        out: list[list[Sentence]] = [[] for _ in self.paragraphs]
        for u in units:
            text = self.paragraphs[u.passage]
            s, e = u.start, u.end
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            speaker: Speaker | None = None
            if u.entity is not None:
                speaker = u.entity.speaker()
            elif u.vague is not None:
                speaker = Speaker(u.vague, None, "vague")
            elif u.role_only is not None:
                speaker = Speaker(_capitalise(u.role_only), None, "person")
            kind = u.kind if speaker is not None else None
            out[u.passage].append(Sentence(text[s:e], s, e, speaker, kind))  # type: ignore[arg-type]
        return out


def _ends_open(text: str) -> bool:
    spans = quote_spans(text)
    return bool(spans) and spans[-1][1] == len(text) and text.rstrip()[-1:] not in "”\""


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
