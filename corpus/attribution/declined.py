"""A statement refused: "Fiat ... did not comment on the reported changes", "HP declined to
comment on ..." say nothing (a participle after it may: "Akamai declined to comment,
saying it could not talk about customer websites"). The verbs are data (lemmas of the
`refusable` class in data/attribution_words.tsv), as are the words that refuse them
(`refusal`)."""
from __future__ import annotations

import re

from corpus.lexicon import attribution_words, verb_forms

_REFUSAL = "|".join(sorted(attribution_words("refusal")))
# "declined to", "refused to", "did not", "would not immediately", "was unable to"
_REFUSED_BEFORE = re.compile(rf"\b(?:{_REFUSAL})(?:\s+to)?(?:\s+[a-z]+ly)?\s*$")


def declined_statement(before: str, verb: str) -> bool:
    """Whether the cue `verb`, after the sentence's words `before` it, is a refusal to
    speak ("declined to comment", "would not comment")."""
    return verb in verb_forms("refusable") and _REFUSED_BEFORE.search(before) is not None
