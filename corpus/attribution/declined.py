"""A statement refused: "Fiat ... did not comment on the reported changes", "HP declined to
comment on ..." say nothing (a participle after it may: "Akamai declined to comment,
saying it could not talk about customer websites"). The verbs are data (lemmas of the
`refusable` class in data/attribution_words.tsv), as are the words that refuse them
(`refusal`)."""
from __future__ import annotations

import re
from functools import cache

from corpus.lexicon import attribution_words, speech_verbs

_REFUSAL = "|".join(sorted(attribution_words("refusal")))
# "declined to", "refused to", "did not", "would not immediately", "was unable to"
_REFUSED_BEFORE = re.compile(rf"\b(?:{_REFUSAL})(?:\s+to)?(?:\s+[a-z]+ly)?\s*$")


@cache
def _refusable_forms() -> frozenset[str]:
    lemmas = attribution_words("refusable")
    return frozenset(form for verb in speech_verbs() if verb.lemma in lemmas
                     for form in verb.forms)


def declined_statement(before: str, verb: str) -> bool:
    """Whether the cue `verb`, after the sentence's words `before` it, is a refusal to
    speak ("declined to comment", "would not comment")."""
    return verb in _refusable_forms() and _REFUSED_BEFORE.search(before) is not None
