"""Who may be the subject of a verb that speaks only for a report ("found", "showed":
`report_subject` in data/speech_verbs.tsv): a report or survey, figures a word describes,
a body that inquires, an owner of the report or the author it names; never a person
finding something ("he found the keys")."""
from __future__ import annotations

import re

from corpus.attribution.cues import (
    CLAUSE_OPENER,
    OWNED_NOUNS,
    REPORT_HEADS,
    REPORT_ONLY,
    STATISTICS_NOUNS,
    Cue,
)
from corpus.attribution.documents import one_author
from corpus.lexicon import attribution_words
from corpus.phrases import Phrase, bare, parse_phrase

# "..., the Public Accounts Committee found": a body that inquires finds as a report does
_FINDING_BODIES = attribution_words("finding_body")
# a word before figures or data that opens a clause rather than describing them, or a
# determiner alone ("The figures showed a rise": the figures already given, no source)
_NOT_QUALIFIERS = attribution_words("subordinator") | attribution_words("split_conjunction") \
    | attribution_words("preposition") | {"and", "but", "that", "which", "as", "the", "these",
                                           "those", "its", "their", "his", "her"}
_SUBORDINATE = attribution_words("subordinator") | {"that", "which", "as", "if"}


def fits_subject(cue: Cue, phrase: Phrase) -> bool:
    """report_subject: "the survey found" is the survey speaking, and "It found that ..."
    after it (the pronoun goes to the report or its author); "he found" is no speech."""
    before = cue.before.split()[-1:]
    return cue.verb not in REPORT_ONLY or phrase.pronoun == "neuter" or (
        phrase.vague and _report_source(phrase, cue.before.split())) or (
        bool(phrase.name) and bare(phrase.text.split()[-1]) in _FINDING_BODIES) or (
        bool(before) and bare(before[0]) in OWNED_NOUNS and bool(phrase.name)) or (
        bool(phrase.name) and (_OWNED_REPORT_BEFORE.search(cue.before) is not None
                               or _authored_by(cue.before, phrase.name)))
    # "The ODPM data showed": an owner's document speaks for its owner


def _report_source(phrase: Phrase, before: list[str]) -> bool:
    """A report or survey ("the survey found"), or figures or data that a word before
    them describes, opening a clause of their own ("official figures show", "the
    overnight figures showed"; never a bare "after figures showed house prices are still
    rising", "The figures showed a rise", nor "after stop and search figures showed").
    `before`: the words of the sentence up to the verb."""
    head = bare(phrase.text.split()[-1])
    if head in REPORT_HEADS:
        return True
    if head not in STATISTICS_NOUNS:
        return False
    at = max((k for k, w in enumerate(before) if bare(w) == head), default=0)
    qualifier = before[at - 1].lower() if at > 0 else ""
    if not qualifier.isalpha() or qualifier in _NOT_QUALIFIERS:
        return False
    for word in reversed(before[:at - 1]):  # "... after stop and search figures showed"
        if word.endswith(","):
            break
        if word.lower() in _SUBORDINATE:
            return False
    return True


# "A recent survey by Mediametrie found", "Recent figures from the UK's regulator Ofcom
# showed", "Figures released by the government's Cabinet Office showed": a report, survey
# or figures opening the clause, with their author after "by" or
# "from" and nothing else before the verb (the author: group 1)
_AUTHORED_REPORT = re.compile(
    r"^\s*" + CLAUSE_OPENER
    + r"(?:(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Rr]ecent|[Nn]ew|[Ll]atest)\s+)?"
    r"(?:[a-z][a-z-]*\s+){0,2}"
    rf"(?i:{'|'.join(sorted(REPORT_HEADS | STATISTICS_NOUNS))})\s+"
    r"(?:(?:published|released|compiled|conducted|carried\s+out)\s+)?(?:by|from)\s+"
    r"((?:the\s+)?(?:[A-Za-z][\w&'’.-]*['’]s\s+)?(?:[a-z][a-z-]*\s+){0,3}?[A-Z][\w&'’./-]*"
    r"(?:\s+(?:of|for|and|&|the|[A-Z][\w&'’./-]*))*)"
    r"(?:\s+(?:also|has|have|had|now|later|then|recently))*\s*$")


def report_author(before: str) -> Phrase | None | bool:
    """The author a report, survey or figures opening the clause name ("A recent survey by
    Mediametrie", "by analysts Jupiter Research" read as Jupiter Research when it parses);
    False when they name two ("by Earthlink and Webroot"), None when no such subject."""
    m = _AUTHORED_REPORT.match(before)
    if m is None:
        return None
    words = m.group(1).split()
    named = next((k for k, w in enumerate(words) if w[:1].isupper()), 0)
    author = one_author(m.group(1)) or one_author(" ".join(words[named:]))
    phrase = parse_phrase(author.split()) if author else None
    if phrase is None or phrase.name is None or phrase.pronoun is not None:
        return False if " and " in m.group(1) else None
    return phrase


def _authored_by(before: str, name: str | None) -> bool:
    """"A recent survey by Mediametrie found": the author the subject names speaks."""
    author = report_author(before)
    return isinstance(author, Phrase) and author.name == name


# "Retail Decisions' survey on the implementation of chip and pin found": the owner's
# report is the subject, with words after it and no comma
_OWNED_REPORT_BEFORE = re.compile(
    r"[A-Z][\w&.-]*(?:['’]s|(?<=s)['’])\s+(?:[a-z-]+\s+){0,2}"
    rf"(?:{'|'.join(sorted(REPORT_HEADS))})(?:\s+(?:on|into|of|about|for|from|in|at)\b"
    r"[^,;:]{0,80})?(?:\s+(?:also|has|have|had|now|later|then))*$")
