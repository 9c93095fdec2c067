"""Recognising a quote check in a question: "Did X say Y?", "Did X say that Y?", "Is it true
that X said Y?", "Did X really say 'Y'?".

"Did X say anything about Y?" and "Did X say what …?" stay questions about what X said; a
check needs the words themselves after the verb.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_ADVERBS = r"(?:(?:really|actually|ever|truly|genuinely|once|just|indeed)\s+)*"
# An article is never the whole speaker: "did the state department say ..." is not "the"
# stating something (as in `question`).
_SPEAKER = r"(?:(?:the|a|an)\s+)?[^\"“”‘'«]+?"
_DID = re.compile(
    rf"^\s*(?:so\s+|and\s+|but\s+)?(?:did|has|have|had)\s+(?P<x>{_SPEAKER})\s+{_ADVERBS}"
    rf"(?:say|said|state|stated|claim|claimed|declare|declared)\s+(?:that\s+)?(?P<y>.+?)\s*\?*\s*$",
    re.IGNORECASE)
_TRUE = re.compile(
    rf"^\s*(?:so\s+|and\s+|but\s+)?(?:is\s+it\s+true|is\s+it\s+right|is\s+it\s+correct|"
    rf"was\s+it\s+true)\s+(?:that\s+)?(?P<x>{_SPEAKER})\s+{_ADVERBS}"
    rf"(?:said|says|stated|claimed|declared)\s+(?:that\s+)?(?P<y>.+?)\s*\?*\s*$",
    re.IGNORECASE)
# What follows the verb in a question about a topic, not about words: "Did X say anything
# about Y", "Did X say what …", "Did X say so?".
_NOT_WORDS = re.compile(
    r"^(?:anything|something|much|a\s+lot|a\s+word|nothing|about|on|regarding|concerning|"
    r"what|who|whom|how|why|when|where|which|whether|if)\b"
    r"(?!\s*[\"“”‘'«])",
    re.IGNORECASE)
_ONLY_POINTING = frozenset({"so", "that", "this", "it", "those", "these", "yes", "no"})


@dataclass(frozen=True)
class CheckQuestion:
    speaker: str  # as typed
    quote: str  # the words to check, as typed


def parse_check(question: str) -> CheckQuestion | None:
    """The speaker and the words of a quote-check question, or None."""
    for pattern in (_TRUE, _DID):
        m = pattern.match(question)
        if not m:
            continue
        speaker = m.group("x").strip(" ,")
        quote = m.group("y").strip(" ,?")
        if not speaker or not re.search(r"\w", quote):
            return None
        if (_NOT_WORDS.match(quote) or quote.lower() in _ONLY_POINTING) and not _quoted(quote):
            return None
        return CheckQuestion(speaker, quote)
    return None


def _quoted(text: str) -> bool:
    return bool(re.match(r"^[\"“”‘'«„]", text))
