"""Statements carried by a participle when the sentence has no speech verb of its own:
"North Wales Police reopened the case, saying materials ... would be examined" (the
sentence's subject speaks), "No further details were given, with Mr Trutnev suggesting
that ..." (the name after "with" speaks). The participles are data (`speech_participle`
in data/attribution_words.tsv)."""
from __future__ import annotations

import re

from corpus.attribution.acts import Act, Spans, is_direct
from corpus.attribution.focus import sentence_subject
from corpus.lexicon import attribution_words
from corpus.phrases import parse_phrase
from corpus.titles import title_pattern

_PARTICIPLES = "|".join(sorted(attribution_words("speech_participle")))
_AFTER_COMMA = re.compile(rf",\s+(?:{_PARTICIPLES})\b(?!\s+(?:goodbye|sorry|no|nothing)\b)")
_TITLE = title_pattern("pattern")
_WITH_NAME = re.compile(rf"\bwith\s+((?:(?:{_TITLE})\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)"
                        rf"{{0,2}})\s+(?:{_PARTICIPLES})\b")


def participle_acts(text: str, masked: str, spans: Spans, sent: tuple[int, int]) -> list[Act]:
    """The act a participle gives a sentence that has none, or no act."""
    s, e = sent
    m = _WITH_NAME.search(masked, s, e)
    if m is not None:
        phrase = parse_phrase(m.group(1).split())
        if phrase is not None and phrase.name is not None:
            return [Act(m.start(), s, phrase, is_direct(text, spans, sent, m.start()))]
    m = _AFTER_COMMA.search(masked, s, e)
    if m is None:
        return []
    phrase = sentence_subject(masked, s, m.start())
    if phrase is None or phrase.reference is not None:
        return []
    return [Act(m.start(), s, phrase, is_direct(text, spans, sent, m.start()))]
