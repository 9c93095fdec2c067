"""The act a who-question asks for, beyond its words: "who thanked fans?" and "who was
worried about rates?" are answered by a statement that thanks fans, or worries about rates,
not by one that only holds the words.

A question opening with a content verb (`content_verbs`) or a feeling keeps that word in its
topic; a statement may be claimed only when one of its sentences holds the word (or, for a
feeling, its synonym: "concerned" for "worried") together with another of the topic's terms,
and — a quotation being the speaker's own words — a quoted sentence has the word after "I"
or "we" ("I should like to thank", "we are worried"), never after someone else ("as when the
Scotland coach Matt Williams apologised for remarks made").

The predicate a topic states after an auxiliary ("waiting times are to be *cut*", "the talks
were *constructive*", "the euro was too *strong*") is what a statement must say too, in a
sentence that names its subject: coverage counts words, and a speaker who talks of hospital
waiting times in Wales without saying they will be cut holds every other word
(`holds_predicate`; the predicate or one of its synonyms).
"""
from __future__ import annotations

import re

from retrieval.answering import synonyms
from retrieval.answering.content_verbs import is_act_verb
from retrieval.answering.records import Hit
from retrieval.tokenizer import terms

FEELINGS = ("worried|concerned|confident|happy|unhappy|optimistic|pessimistic|angry|pleased|"
            "upset|disappointed|satisfied|hopeful|baffled|surprised|shocked|amazed|"
            "delighted|furious|frustrated|sceptical|skeptical|proud|sorry")
_FEELING = re.compile(rf"(?:{FEELINGS})", re.IGNORECASE)
_FIRST_PERSON = frozenset({"i", "we", "i'm", "we're", "i'd", "we'd", "i've", "we've", "us",
                           "me", "our", "my"})
SUBJECT_REACH = 4  # words before the act in which its "I" or "we" is looked for
PREDICATE_REACH = 3  # words after the auxiliary in which its predicate is looked for
_WORD = re.compile(r"[\w'\u2019]+")
_PREDICATE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|will|would|could|should|must|can|may|might|shall|"
    r"has|have|had)\s+(?:not\s+|never\s+)?(?:(?:be|been|being|have|had|to|get|got)\s+)*"
    r"(?:\w+ly\s+)?([a-z]\w+)", re.IGNORECASE)


def is_feeling(word: str) -> bool:
    return _FEELING.fullmatch(word) is not None


def does_the_act(topic: str, hit: Hit) -> bool:
    """Whether the hit's sentence does what the topic's opening act word asks (True when the
    topic opens with none)."""
    act, _, rest = topic.partition(" ")
    verb = is_act_verb(act)
    if not verb and not is_feeling(act):
        return True
    sentence = hit.sentence.text
    said = set(terms(sentence))
    forms = _held_forms(act, said, widen=not verb)
    if not (forms and set(terms(rest)) & said):
        return False
    return hit.sentence.kind != "direct" or _first_person_before(sentence, forms)


def _held_forms(word: str, said: set[str], widen: bool = True) -> set[str]:
    """The terms by which `said` holds the word: its own, else (when `widen`) those of each
    synonym held whole, as coverage counts one (`synonyms.held_through`); empty when it is
    not held. "step forward" for "progress" needs both words, not "step" alone."""
    own = tuple(terms(word))
    if own and all(t in said for t in own):
        return set(own)
    if not widen:
        return set()
    return {t for other in synonyms.table().get(own, ()) if all(t in said for t in other)
            for t in other}


def _first_person_before(sentence: str, forms: set[str]) -> bool:
    """Whether "I" or "we" comes shortly before the first word of the act."""
    words = [w.lower().replace("\u2019", "'") for w in _WORD.findall(sentence)]
    for i, word in enumerate(words):
        if set(terms(word)) & forms:
            return bool(_FIRST_PERSON & set(words[max(0, i - SUBJECT_REACH):i]))
    return False


def holds_predicate(topic: str, texts: list[str]) -> bool:
    """Whether one of the statement's sentences holds the topic's predicate (the first word
    of content after its first auxiliary: "was too *strong*") or a synonym of it, together
    with a word of its subject when the statement names it ("the *euro* was too strong"):
    "the club needs 35m euros. They need strong people" says nothing strong of the euro,
    while "we're very proud" may be said of France. True when the topic states no
    predicate."""
    found = _PREDICATE.search(topic)
    if found is None:
        return True
    predicate = next((w for w in _WORD.findall(topic[found.start(1):])[:PREDICATE_REACH]
                      if terms(w)), None)
    if predicate is None:
        return True
    subject = [w for w in _WORD.findall(topic[:found.start()]) if terms(w)]
    held = [set(terms(text)) for text in texts]
    if not any(_held_forms(w, said) for w in subject for said in held):
        subject = []  # named only by a pronoun ("we're very proud to beat England")
    return any(_held_forms(predicate, said) and (
        not subject or any(_held_forms(w, said) for w in subject)) for said in held)
