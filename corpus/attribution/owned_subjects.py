"""Subjects that are an owner's document, statement or figures: "Lord Butler's report
earlier this year ... said", "the Kok report said", "An SFA statement said", "The ODPM data
showed". The owner speaks (the resolver decides who a bare name is)."""
from __future__ import annotations

import re

from corpus.attribution.cues import (
    BEFORE_INVERSION,
    CLAUSE_OPENER,
    NO_INVERSION,
    REPORT_HEADS,
    STATISTICS_NOUNS,
    Cue,
)
from corpus.attribution.findings import REFUSED, Finding, Refusal
from corpus.attribution.report_subjects import report_author
from corpus.folding import fold
from corpus.gazetteer import gazetteer
from corpus.lexicon import attribution_words
from corpus.people import is_organisation_name
from corpus.phrases import DOCUMENT_NOUNS, ORG_WORDS, Phrase, bare, is_acronym, parse_phrase
from corpus.titles import title_pattern

_TITLE = title_pattern("pattern")
_DOCUMENTS = "|".join(sorted(DOCUMENT_NOUNS))
_OWNED_DOCUMENT = re.compile(
    rf"\s*{CLAUSE_OPENER}((?:(?:{_TITLE})\s+)?(?:[A-Z][\w&.-]*\s+){{0,3}}"
    rf"[A-Z][\w&.-]*['’]s\s+(?:[a-z-]+\s+){{0,2}}(?:{_DOCUMENTS}))\s+[^,;:\"“”]{{3,80}}$")


_OWNED_STATISTICS = re.compile(
    r"\s*" + CLAUSE_OPENER + r"[Tt]he\s+((?:[A-Z][\w&.-]*\s+){0,4}?[A-Z][\w&.-]*)\s+"
    rf"(?:{'|'.join(sorted(STATISTICS_NOUNS))})\s*$")


# "..., Apacs' figures show.", "Home Office figures suggest": an owner's possessive
_POSSESSED_STATISTICS = re.compile(
    r"(?:^\s*" + CLAUSE_OPENER + r"|,\s+)((?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*)"
    r"(?:['’]s|(?<=s)['’])\s+(?:(?:latest|new|own|official|annual)\s+)?"
    rf"(?:{'|'.join(sorted(STATISTICS_NOUNS))})\s*$")
# "Retail Decisions' survey on the implementation of chip and pin found that": an owner's
# report, survey or study opening the clause, words but no comma between it and the verb
_OWNED_REPORT = re.compile(
    r"\s*" + CLAUSE_OPENER + r"((?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*)"
    r"(?:['’]s|(?<=s)['’])\s+(?:[a-z-]+\s+){0,2}"
    rf"(?:{'|'.join(sorted(REPORT_HEADS))})(?:\s+(?:on|into|of|about|for|from|in|at)\b"
    r"[^,;:\"“”]{0,80})?(?:\s+(?:also|has|have|had|now|later|then))*\s*$")


def owned_report_subject(cue: Cue) -> Finding | None:
    """"Retail Decisions' survey on ... found", "..., Apacs' figures show": the owner of the
    survey, report or figures speaks (a capitalised name with a possessive; the resolver
    decides who it is)."""
    before = cue.masked[cue.sent_start:cue.start]
    if "'" not in before and "’" not in before:
        return None  # no possessive, no owner
    m = _POSSESSED_STATISTICS.search(before) or _OWNED_REPORT.match(before)
    if m is None:
        return None
    phrase = parse_phrase(m.group(1).split())
    if phrase is None or phrase.name is None or phrase.pronoun is not None \
            or gazetteer().is_place(phrase.name):
        return None
    return Finding(phrase, cue.sent_start)


def authored_report_subject(cue: Cue) -> Finding | Refusal | None:
    """"A recent survey by Mediametrie found", "Recent figures from the UK's regulator Ofcom
    showed": the one author the subject names speaks (`report_subjects.report_author`);
    two ("A recent survey by Earthlink and Webroot found") are nobody, never the last of
    them."""
    author = report_author(cue.masked[cue.sent_start:cue.start])
    if author is False:
        return REFUSED
    return Finding(author, cue.sent_start) if isinstance(author, Phrase) else None


def owned_statistics_subject(cue: Cue) -> Finding | None:
    """"The ODPM data showed": the data or figures of an organisation (an acronym or a
    name ending in an organisation word) speak for it; "the Christmas figures" for nobody."""
    m = _OWNED_STATISTICS.match(cue.masked, cue.sent_start, cue.start)
    if m is None:
        return owned_report_subject(cue)
    owner = m.group(1).split()
    if not (is_acronym(owner[-1]) or bare(owner[-1]) in ORG_WORDS):
        return None
    phrase = parse_phrase(owner)
    return Finding(phrase, cue.sent_start) if phrase is not None and phrase.name else None


# "..., latest figures show.", "The overnight figures showed": figures one or two
# lower-case words describe, opening their clause (`report_subjects.fits_subject` says whether
# they speak)
_DESCRIBED_STATISTICS = re.compile(
    r"(?:^\s*" + CLAUSE_OPENER + r"|,\s+)((?:[Tt]he\s+)?(?:[a-z][a-z-]*\s+){1,2}"
    rf"(?:{'|'.join(sorted(STATISTICS_NOUNS))}))(?:\s+(?:also|have|has|had))?\s*$")


_NOT_DESCRIBING = attribution_words("preposition") | attribution_words("subordinator") \
    | {"with", "to", "for", "by", "of", "and", "but", "that", "which", "as", "while"}


def described_statistics_subject(cue: Cue) -> Finding | None:
    """"..., latest figures show", "The overnight figures showed": the figures with the
    words that describe them, as a generic source."""
    m = _DESCRIBED_STATISTICS.search(cue.masked[cue.sent_start:cue.start])
    if m is None or any(w in _NOT_DESCRIBING for w in m.group(1).split()[:-1]
                        if w.lower() != "the"):
        return None  # "..., with figures expected to reach $9.4 billion": no subject
    return Finding(Phrase(m.group(1), None, None, None, vague=True), cue.sent_start)


def owned_document_subject(cue: Cue) -> Finding | None:
    """"Lord Butler's report earlier this year into Iraq intelligence said": an owner's
    document opening the clause, with words but no comma between it and the verb."""
    m = _OWNED_DOCUMENT.match(cue.masked, cue.sent_start, cue.start)
    phrase = parse_phrase(m.group(1).split()) if m else None
    return Finding(phrase) if phrase is not None and phrase.name else None


# "the Kok report said", "That's why the Kok report recommends", "The Envisional reports
# said": one capitalised word
# between "the" and the document; the resolver decides whether it is a person's surname.
_NAMED_DOCUMENT = re.compile(r"\b[Tt]he\s+([A-Z][a-z][\w'’-]*)\s+(reports?|reviews?|study|studies)"
                             r"\s+$")


def named_document_subject(cue: Cue) -> Finding | None:
    """"the Kok report said": a document named after one word, right before the verb
    (the name only; who it is is the resolver's business)."""
    m = _NAMED_DOCUMENT.search(cue.masked, cue.sent_start, cue.start)
    if m is None:
        return None
    text = m.group().strip()
    return Finding(Phrase(text, None, None, m.group(1)), m.start())


_OWNER_WORDS = r"((?:[A-Z][\w&'’-]*\s+){1,4})"
# "An SFA statement said", '"...," said an SFA statement.'
_STATEMENT_BEFORE = re.compile(r"(?:^|[,\"”]\s+)(?:An?|an?)\s+" + _OWNER_WORDS + r"statement\s+$")
_STATEMENT_AFTER = re.compile(r"\s*an?\s+" + _OWNER_WORDS + r"statement\s*(?:[.,;]|$)")


def owner_statement_subject(cue: Cue) -> Finding | None:
    """"An SFA statement said", '"...," said a Home Office statement': an organisation's
    statement speaks for it (an acronym, a name ending in an organisation word or one the
    table knows as an organisation; never a place nor a country's adjective)."""
    # (read on the sentence's own text: "^" is its start, also after another sentence of
    # the paragraph: "Now the IAAF will lodge an appeal. An IAAF statement said: ...")
    m = _STATEMENT_BEFORE.search(cue.masked[cue.sent_start:cue.start])
    if m is None and cue.verb not in NO_INVERSION and cue.before[-1:] in BEFORE_INVERSION:
        m = _STATEMENT_AFTER.match(cue.rest)
    if m is None:
        return None
    owner = m.group(1).split()
    g = gazetteer()
    name = " ".join(owner)
    if g.is_place(name) or fold(name) in g.adjectives or not (
            is_acronym(owner[-1]) or bare(owner[-1]) in ORG_WORDS or is_organisation_name(name)):
        return None
    phrase = parse_phrase(owner)
    return Finding(phrase) if phrase is not None and phrase.name else None
