"""What a question asks for: a plain search, what one speaker said, or who said something."""
from __future__ import annotations

import re
from dataclasses import dataclass

from retrieval.answering.records import Intent

MAX_QUESTION_CHARS = 1000  # longer questions are cut, with a note to the user

_SPEECH = (
    r"say|said|saying|says|tell|told|telling|think|thought|thinks|announce|announced|claim|"
    r"claimed|call|called|describe|described|urge|urged|warn|warned|mean|meant|promise|"
    r"promised|propose|proposed|add|added|suggest|suggested|argue|argued|reveal|revealed|"
    r"insist|insisted|admit|admitted|stress|stressed|ask|asked|demand|demanded|comment|"
    r"commented|predict|predicted|believe|believed|state|stated|talk|talked|speak|spoke"
)
_WHAT_DID = re.compile(
    rf"^\s*(?:so\s+|and\s+|but\s+)?(?:what|which\s+\w+)\s+"
    rf"(?:did|does|do|has|have|had|was|is|were|would)\s+(?P<x>.+?)\s+"
    rf"(?:(?:just|really|actually|ever|recently|also|first)\s+)?"
    rf"(?:{_SPEECH})\b(?P<rest>.*)$", re.IGNORECASE)
_DID_X_SAY = re.compile(
    rf"^\s*(?:did|has|have|does)\s+(?P<x>.+?)\s+(?:ever\s+)?(?:{_SPEECH}|mention|mentioned)"
    rf"\b(?P<rest>.*)$", re.IGNORECASE)
_QUOTES_FROM = re.compile(
    r"^\s*(?:(?:show|give|list)(?:\s+me)?\s+)?(?:all\s+)?(?:the\s+)?(?:quotes?|statements?|"
    r"words)\s+(?:from|by|of)\s+(?P<x>.+?)(?:\s+(?:about|on|regarding)\s+(?P<rest>.+))?\s*[?.!]*$",
    re.IGNORECASE)
_X_POSSESSIVE = re.compile(
    r"^\s*what\s+(?:is|was|are|were)\s+(?P<x>.+?)['’]s?\s+(?:view|views|position|stance|"
    r"comment|comments|statement|statements|words|message|opinion|take)\b(?P<rest>.*)$",
    re.IGNORECASE)
_WHO_SAID = re.compile(
    r"^\s*(?:who|which\s+\w+)\s+(?:has\s+|had\s+|did\s+)?(?:said|says|say|told|tells|"
    r"announced|claimed|called|warned|urged|described|stated|argued|suggested|insisted|"
    r"promised|declared|predicted|stressed|added|was\s+quoted\s+(?:as\s+)?saying|"
    r"is\s+quoted\s+(?:as\s+)?saying)\b(?P<rest>.*)$", re.IGNORECASE)
_TOPIC_LEAD = re.compile(r"^\s*(?:about|on|regarding|concerning|of|that|to)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class ParsedQuestion:
    intent: Intent
    topic: str  # the words to search for
    speaker: str | None = None  # the speaker as the user wrote them


def parse_question(question: str) -> ParsedQuestion:
    """Recognise "What did X say (about Y)?", "Who said Y?" and their common variants.
    Anything else is a plain search on the whole question."""
    text = question.strip()
    for pattern in (_WHAT_DID, _DID_X_SAY, _QUOTES_FROM, _X_POSSESSIVE):
        m = pattern.match(text)
        if m and m.group("x").strip():
            rest = (m.groupdict().get("rest") or "").strip(" ?.!")
            return ParsedQuestion("speaker", _TOPIC_LEAD.sub("", rest),
                                  _clean_speaker(m.group("x")))
    m = _WHO_SAID.match(text)
    if m:
        rest = _TOPIC_LEAD.sub("", m.group("rest").strip(" ?.!:"))
        return ParsedQuestion("who_said", rest.strip("\"“”'"))
    return ParsedQuestion("search", text)


def _clean_speaker(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip(" ?.!,\"“”")).strip()
