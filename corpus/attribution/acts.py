"""The speech acts of one sentence: a cue (a speech verb, "according to", "quoted X as
saying", a dash headline) with its subject phrase, direct or reported."""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.attribution.cues import CUE, QUOTED_OBJECT, cues_in, is_speech
from corpus.attribution.documents import after_according
from corpus.attribution.passive_naming import named_by
from corpus.attribution.report_subjects import fits_subject
from corpus.attribution.subject_words import words_after
from corpus.attribution.subjects import find_subject
from corpus.folding import fold
from corpus.gazetteer import gazetteer
from corpus.lexicon import attribution_words, cue_forms
from corpus.people import PeopleTable, is_organisation_name
from corpus.phrases import ORG_WORDS, Phrase, bare, is_acronym, parse_phrase
from corpus.quotes import overlapping

_ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)
# "read a statement from the family", "read out a brief statement on behalf of Mr X"
_STATEMENT_FROM = re.compile(r"\bread(?:ing)?\s+(?:out\s+)?an?\s+(?:[a-z]+\s+){0,2}?statement\s+"
                             r"(?:from|on\s+behalf\s+of|by)\s+")
_QUOTED_AS = re.compile(r"\bquoted\s+(.{2,60}?)\s+as\s+say(?:ing)?\b")
_DASH_NAME = re.compile(r"\s[-–—]\s*((?:[A-Z][\w'’.-]*\s?){1,3})\s*$")
_COLON_OR_THAT = re.compile(r"[\w’']+(?: out)?\s*(?:,|that)?\s*")
_NO_FIRST_WORD = {"of", "and", "for", "to", "or"}
_COURTS = attribution_words("court_word")
_WEAK = cue_forms("weak")
_REPORT_HEADS = attribution_words("report_head")
_QUOTED_AS_REACH = 1000  # characters: far longer than any match of _QUOTED_AS in news text

Spans = list[tuple[int, int]]


@dataclass
class Act:
    """One speech act found in a sentence, before its speaker is final."""

    cue: int  # offset of the cue in the paragraph
    clause_start: int  # where a split would cut the sentence (the subject's conjunction)
    phrase: Phrase
    direct: bool


def find_acts(text: str, masked: str, spans: Spans, sent: tuple[int, int]) -> list[Act]:
    """Every act of the sentence `sent` of a paragraph (`masked`: its quotations hidden;
    `spans`: its quotations), in the order of their cues."""
    s, e = sent
    acts = _according_to(text, masked, spans, sent) + _quoted_as(text, masked, spans, sent) \
        + _statement_from(text, masked, spans, sent) + _verbless_attribution(masked, sent) \
        + _document_reads(text, masked, spans, sent) \
        + [Act(cue, s, phrase, is_direct(text, spans, sent, cue))
           for cue, phrase in named_by(masked, sent)]
    for cue in cues_in(masked, s, e):
        if not is_speech(cue):
            continue
        subject = find_subject(cue)
        if subject is None or not fits_subject(cue, subject.phrase):
            continue
        phrase = subject.phrase
        if phrase.text.split()[0] in _NO_FIRST_WORD:
            continue  # "said one of their lawyers, X": "of their lawyers" is nobody's name
        if cue.verb in _WEAK and phrase.name is not None and phrase.text == phrase.name \
                and not phrase.role and fold(phrase.name) in gazetteer().adjectives \
                and not gazetteer().is_place(phrase.name):
            continue  # "British hope Imelda Staunton is ...": a demonym before a noun
        if phrase.vague and any(bare(w) in _COURTS
                                for w in masked[s:cue.start].split()[-4:] + phrase.text.split()):
            continue  # "a three-judge appeal court panel rejected the claim": a ruling
        if subject.role and phrase.name and not phrase.role:
            phrase = Phrase(phrase.text, phrase.title, subject.role, phrase.name)
        if any(a.phrase == phrase for a in acts):
            continue
        acts.append(Act(cue.start, subject.clause, phrase,
                        is_direct(text, spans, sent, cue.start)))
    acts.sort(key=lambda a: a.cue)
    return _closing_attribution(masked, acts, e)


def _closing_attribution(masked: str, acts: list[Act], e: int) -> list[Act]:
    """'The BBC recognises that TV over broadband is a reality ..., said Rahul Chakkara':
    a statement closed by ", said <speaker>" is all that speaker's, the speech verbs inside
    it their content; so is one closed by ", it added." ("The film's distributor Toho
    expects 40 million people to see it ... - it added": the trade paper's report)."""
    if len(acts) < 2:
        return acts
    last = acts[-1]
    before = masked[:last.cue].rstrip()
    at = masked.find(last.phrase.text, last.cue)
    if before.endswith(",") and at > last.cue and not masked[last.cue:at].strip(" ").count(" ") \
            and all(a.clause_start == acts[0].clause_start for a in acts[:-1]):
        return [last]
    if _subject_closing(masked, last, e) \
            and all(a.clause_start == acts[0].clause_start for a in acts[:-1]):
        return [last]
    if last.phrase.pronoun is not None and _PRONOUN_CLOSING.match(masked, last.cue, e) \
            and _CLOSING_MARK.search(masked, acts[0].cue, last.cue) \
            and not _QUOTE_MARK.search(masked, acts[0].cue, last.cue):
        return [last]  # (never after a quotation: 'X derided it, saying: "..." Labour had
        # broken promises ..., he said.' is two statements the splitter left in one)
    return acts


# "..., official figures suggest.": a subject and its verb alone after the last comma
_SUBJECT_CLOSING = re.compile(r",\s+([^,;:\"“”]{2,60}?)\s+(?:(?:have|has|had)\s+)?$")
_CUE_ENDS = re.compile(r"[a-z]+(?:\s+[a-z]+){0,2}\s*[.!?]?\s*$")


def _subject_closing(masked: str, last: Act, e: int) -> bool:
    """'Almost a quarter of a million US consumers complained of ..., official figures
    suggest.': a generic source and its verb closing the sentence after a comma have all
    before it as their content, as ", said X" has (the verbs inside are reported)."""
    m = _SUBJECT_CLOSING.search(masked, 0, last.cue)
    return m is not None and m.group(1) == last.phrase.text and last.phrase.vague \
        and _CUE_ENDS.match(masked, last.cue, e) is not None


# ", it added." / "- he said." ending the sentence, after a comma or a dash
_PRONOUN_CLOSING = re.compile(r"[a-z]+\s*[.!?]?\s*$")
_QUOTE_MARK = re.compile(r"[\"“”]")
_CLOSING_MARK = re.compile(r"(?:,|\s[-–—])\s+(?:he|she|it|they)\s+$")


def _according_to(text: str, masked: str, spans: Spans, sent: tuple[int, int]) -> list[Act]:
    """"according to X"."""
    s, e = sent
    acts: list[Act] = []
    for m in _ACCORDING.finditer(masked, s, e):
        # "according to a report by Demos", "according to research from analysts Gartner"
        author = after_according(masked[m.end():e])
        words = author.split() if author else words_after(masked, m.end(), e)
        phrase = parse_phrase(words) if words else None
        if phrase is None:
            phrase = _owner_of_findings(masked[m.end():e])
        if phrase and not _country_findings(phrase):
            acts.append(Act(m.start(), s, phrase, is_direct(text, spans, sent, m.start())))
    return acts


def _country_findings(phrase: Phrase) -> bool:
    """"according to US research": a country's research names no source (never "some
    Indian firms")."""
    words = phrase.text.split()
    g = gazetteer()
    return phrase.vague and len(words) == 2 and bare(words[1]) in _REPORT_HEADS and (
        g.is_place(words[0]) or fold(words[0]) in g.adjectives)


_FINDINGS = re.compile(r"\s*(?:(?:a|an|the|new)\s+)?((?:[A-Z][\w&'’-]*\s+){1,4})"
                       r"(?:research|report|survey|study|figures|data)\b")


def _owner_of_findings(after: str) -> Phrase | None:
    """"according to CEA research", "according to a TUC report": an organisation's
    findings speak for it (an acronym, a name ending in an organisation word or one known
    as an organisation; never a place: "according to US research")."""
    m = _FINDINGS.match(after)
    if m is None:
        return None
    owner = m.group(1).split()
    name = " ".join(owner)
    g = gazetteer()
    if g.is_place(name) or fold(name) in g.adjectives or not (
            is_acronym(owner[-1]) or bare(owner[-1]) in ORG_WORDS or is_organisation_name(name)):
        return None
    phrase = parse_phrase(owner)
    return phrase if phrase is not None and phrase.name else None


# '"The economy regained some traction ...," AG Edwards' Thayer.': a quotation that opens
# the sentence, closed with a comma and followed by nothing but a name (the verb left out)
_NAME_AFTER_QUOTE = re.compile(r"\s*[\"“][^\"“”]*[,?!][\"”]\s+((?:[A-Z][\w'’.-]*\s+){0,3}"
                               r"[A-Z][\w'’-]*)\.\s*$")


def _verbless_attribution(masked: str, sent: tuple[int, int]) -> list[Act]:
    """The name after a quotation with no verb: its speaker (after the last possessive,
    "AG Edwards' Thayer" is Thayer), when it parses as a person's name."""
    s, e = sent
    m = _NAME_AFTER_QUOTE.match(masked, s, e)
    if m is None:
        return []
    words = m.group(1).split()
    owned = [k for k, w in enumerate(words) if w.endswith(("'", "’", "'s", "’s"))]
    words = words[owned[-1] + 1:] if owned else words
    phrase = parse_phrase(words) if words else None
    if phrase is None or phrase.name is None or phrase.pronoun or phrase.vague \
            or is_organisation_name(phrase.name):
        return []
    return [Act(s + m.start(1), s, phrase, True)]


def _statement_from(text: str, masked: str, spans: Spans, sent: tuple[int, int]) -> list[Act]:
    """"Her lawyer read a statement from the family: ..." — the statement's author speaks
    (direct when the statement is quoted), never the reader."""
    s, e = sent
    acts: list[Act] = []
    for m in _STATEMENT_FROM.finditer(masked, s, e):
        words = words_after(masked, m.end(), e)
        phrase = parse_phrase(words) if words else None
        if phrase is not None and not phrase.pronoun:
            acts.append(Act(m.start(), s, phrase, is_direct(text, spans, sent, m.start())))
    return acts


# '"...," reads a telephone memo for Mr Heath.', '"...," a BBC statement read.': a
# document "reads" the quotation before it ("read" is no speech verb anywhere else)
# (an indefinite one: "read the statement" after an organisation's quotation is theirs)
_READS_DOCUMENT = (r"an?\s+(?:[\w'’-]+\s+){0,3}?(?:statement|memo|letter|note|message|"
                   r"notice)")
_DOCUMENT_READS = re.compile(rf"[,?!][\"”]\s+(?:(?:reads?|read)\s+({_READS_DOCUMENT})\b"
                             r"(?!\s+(?:from|by|on\s+behalf\s+of)\b)|"
                             rf"({_READS_DOCUMENT})\s+(?:reads?|read)\b)")


def _document_reads(text: str, masked: str, spans: Spans, sent: tuple[int, int]) -> list[Act]:
    """'"...," reads a telephone memo for Mr Heath.': the document is the quotation's
    speaker, as a generic source, direct; an organisation's statement is the organisation's
    ('"...," a BBC statement read.', as "An SFA statement said")."""
    s, e = sent
    m = _DOCUMENT_READS.search(masked, s, e)
    if m is None:
        return []
    words = (m.group(1) or m.group(2)).split()
    owner = words[1:-1]
    phrase = parse_phrase(owner) if owner and all(w[:1].isupper() for w in owner) else None
    if phrase is None or phrase.name is None or not (
            is_acronym(owner[-1]) or bare(owner[-1]) in ORG_WORDS or is_organisation_name(
                phrase.name)):
        phrase = Phrase(" ".join(words), None, None, None, vague=True)
    return [Act(m.start() + 2, s, phrase, True)]


def _quoted_as(text: str, masked: str, spans: Spans, sent: tuple[int, int]) -> list[Act]:
    """"the paper quoted Mr Chernin as saying"; direct after the quotation it passes on
    ('"Our reforms have ...," Arab News quoted Prince Saud as saying'). Read from a little
    before the sentence, not from the paragraph's start (which made a long paragraph cost
    its square): enough for a match begun before the sentence to hide one inside it."""
    s, e = sent
    acts: list[Act] = []
    if masked.find("quoted", s, e) < 0:
        return acts
    for m in _QUOTED_AS.finditer(masked, max(0, s - _QUOTED_AS_REACH), e):
        if m.start() >= s:
            phrase = parse_phrase(m.group(1).split())
            if phrase is not None:
                acts.append(Act(m.start(), s, phrase,
                                is_direct(text, spans, sent, m.start())))
    return acts


def dash_headline(people: PeopleTable, text: str, s: int, e: int) -> list[Act]:
    """'Choose hope over fear - Kennedy': a headline ending in a dash and a known
    person's name is that person's words."""
    m = _DASH_NAME.search(text[s:e])
    if not m or people.find(m.group(1).strip()) is None:
        return []
    phrase = parse_phrase(m.group(1).split())
    if phrase is None or phrase.name is None:
        return []
    return [Act(s + m.start(), s, phrase, True)]


def _object_verb(text: str, cue: int, between: str) -> bool:
    """'It blamed "continuing uncertainties ..."': a verb whose object follows it
    (quoted_object: blamed, criticised, accused, attacked) with a quotation right after it
    quotes its object, a phrase; the statement is reported ('X added that "..."' and 'X
    said "..."' are direct)."""
    m = CUE.match(text, cue)
    return m is not None and m.group() in QUOTED_OBJECT and "that" not in between


# 'X said: "...," he said.': the quotation closed by a second "he said" is still the content
_SAID_AGAIN = re.compile(r"\s*(?:he|she|they|it)\s+(?:said|says|added|adds)\s*[.!?]?\s*")


def is_direct(text: str, spans: Spans, sent: tuple[int, int], cue: int) -> bool:
    """Whether the statement is a quotation: the quote closes just before the cue's clause,
    or opens right after it ("X said: "...")."""
    s, e = sent
    for qs, qe in overlapping(spans, s, e):
        if qe <= cue and text[qe:cue].strip(" ,").count(" ") <= 8 and (
                qs <= s + 2 or text[s:qs].strip() == "") and qe > s + 2:
            return True
        if qs >= cue and text[cue:qs].count(" ") <= 8 and (
                qe >= e - 2 or _SAID_AGAIN.fullmatch(text, qe, e) is not None):
            # 'X said: "..."', 'X added that "<the whole content>"', not a fragment
            # ('denied it amounted to a "constitutional crisis"').
            between = text[cue:qs]
            if ":" in between or _COLON_OR_THAT.fullmatch(between) and not _object_verb(
                    text, cue, between):
                return True
    return False
