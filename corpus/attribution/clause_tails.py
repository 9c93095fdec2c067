"""Subjects read from the tail of a clause: a generic source with a phrase after it, at a
sentence's start or after a comma ("Critics of the measure argue", "..., reports from the
country say"); an inverted name with its employer closing the sentence ('"...," said
Rafael Marques of the ... Foundation'); a participle after its noun that only describes it
("fraud reported by consumers was ..."). Split from `subjects`, which calls them."""
from __future__ import annotations

import re

from corpus.attribution.cues import CLAUSE_OPENER, PASSIVE_ONLY, WEAK_VERBS, Cue
from corpus.lexicon import past_tenses, phrase_words, verb_forms
from corpus.phrases import ROLE_NOUNS, VAGUE_HEADS, Phrase, bare, is_cap, parse_phrase

_FINITE_VERBS = phrase_words("finite_verb")
_MODIFIED = re.compile(
    r"^\s*" + CLAUSE_OPENER + r"((?:[Tt]he|[Aa]n?|[Ss]ome|[Mm]any|[Mm]ost|[Oo]ther)?\s*"
    r"(?:[a-z][a-z-]*\s+){0,2}[A-Za-z][a-z-]*)\s+"
    r"(?:of|on|at|from|for|in|with|within|inside|among)\s+"
    r"[^,;\"“”]{1,50}?\s*(?:has|have|had|also|now)?\s*$")


def modified_phrase(before: str) -> Phrase | None:
    """A generic source or role noun with a prepositional phrase after it."""
    m = _MODIFIED.match(before)
    if not m:
        return None
    words = m.group(1).split()
    head = bare(words[-1])
    if head not in VAGUE_HEADS and head not in ROLE_NOUNS:
        return None
    return parse_phrase(words)


_RELATIVE = re.compile(r"\b(?:that|which|who|whom|whose)\b")
_SOURCE_AFTER_COMMA = re.compile(r",\s+([^,;:\"“”]{3,80})$")
_CLOSE_TO = re.compile(r"^((?:[Ss]ome\s+|[Oo]ther\s+)?(?:[a-z-]+\s+)?[Ss]ources)\s+close\s+to\s+"
                       r"[^,;\"“”]{2,50}?\s*(?:have|had)?\s*$")


def source_after_comma(cue: Cue) -> Phrase | None:
    """A generic source with a phrase after it opening the clause after a comma, the
    statement before it its content: "..., reports from the country say", "..., sources
    close to the negotiations tell the FT" (a source "close to" someone keeps the phrase,
    as "Sources close to Mr Hockney" does; after "of", "from" ... the head speaks, as at a
    sentence's start)."""
    m = _SOURCE_AFTER_COMMA.search(cue.masked, cue.sent_start, cue.start)
    if m is None:
        return None
    tail = m.group(1)
    if _RELATIVE.search(tail):
        return None  # "honours figures in cinema that the festival feels": not the subject
    close = _CLOSE_TO.match(tail)
    if close is not None and bare(close.group(1).split()[-1]) in VAGUE_HEADS:
        return Phrase(tail.removesuffix(" have").removesuffix(" had").strip(), None, None,
                      None, vague=True)
    phrase = modified_phrase(tail)
    if phrase is not None and not phrase.vague and is_cap(cue.masked[:m.start()].split()[-1]):
        return None  # "Scott Stanzel, a spokesman for the campaign said": an apposition
    return phrase


_EMPLOYER_CLOSING = re.compile(r"\s+(?:of|at|from)\s+(?:the|a|an)\s+((?:[\w&'’-]+\s+){0,9}?"
                               r"[\w&'’-]+)\s*[.!?]?\s*$")


def name_of_employer(cue: Cue, words: list[str]) -> bool:
    """'"...," said Rafael Marques of the pro-democracy George Soros Foundation for
    Southern Africa.', '"...," said Claudia Neulling from the magazine.': a full name and
    its employer closing the sentence are the inverted subject. Only after verbs that take
    no "of" object (say, add: `employer_verb`), as "warned Mr Brown of the dangers" does;
    never when a verb follows ("said Mr X of the plan was ...")."""
    if cue.verb not in verb_forms("employer_verb") or len(words) < 2 \
            or not all(is_cap(w) for w in words):
        return False
    at = cue.rest.find(words[-1]) + len(words[-1])
    m = _EMPLOYER_CLOSING.match(cue.rest, at)
    return m is not None and not any(
        bare(w) in _FINITE_VERBS or bare(w) in past_tenses() for w in m.group(1).split())


_AUXILIARIES = frozenset({"is", "are", "was", "were", "be", "been", "being", "has", "have",
                          "had", "get", "got"})
_MAIN_VERB_AFTER = re.compile(r"\s+(?:is|are|was|were|has|have|had|will|would)\b")


def reduced_relative(cue: Cue, words: list[str]) -> bool:
    """"The total cost of fraud reported by consumers was $546m", "A next generation DVD
    technology backed by Sony has received a major boost": a weak or passive-only
    participle right after its noun, its agent then the sentence's own verb, only describes
    the noun (a reduced relative clause), no statement of the agent's ("the figure
    announced by President X is less than ..." still reports one)."""
    if cue.verb not in WEAK_VERBS and cue.verb not in PASSIVE_ONLY:
        return False
    before = cue.before.split()
    if not before or not before[-1].isalpha() or not before[-1].islower() \
            or before[-1] in _AUXILIARIES or before[-1].endswith("ly") or not words:
        return False
    at = cue.rest.find(words[-1], cue.rest.index("by"))
    return at >= 0 and _MAIN_VERB_AFTER.match(cue.rest, at + len(words[-1])) is not None
