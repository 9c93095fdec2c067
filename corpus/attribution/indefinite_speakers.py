"""An indefinite description after the verb as a speaker of its own: '"...," said one
over-60 woman who took part in the research.', '"...," says a local shopkeeper.'. Nobody
named, so the description is a vague source as written (its relative clause left out);
never the last speaker, nor an organisation in view. The description must be of a person:
a person noun (`person_noun` in data/attribution_words.tsv), a role, a singular of a
generic source ("one fan": "fans"), or any noun a "who" clause takes up."""
from __future__ import annotations

import re

from corpus.attribution.cues import BEFORE_INVERSION, NO_INVERSION, Cue
from corpus.attribution.findings import Finding
from corpus.lexicon import attribution_words
from corpus.phrases import VAGUE_HEADS, Phrase, bare, is_role_noun

_PERSON_NOUNS = attribution_words("person_noun")
# "one", "a" or "an", up to three lower-case describing words and the noun, closing the
# clause (the sentence's end, a comma) or followed by a "who" clause
_DESCRIPTION = re.compile(r"\s+((?:one|a|an)\s+(?:[a-z0-9][\w'’-]*\s+){0,3}?([a-z][a-z-]*[a-z]))"
                          r"(?:\s*[.!?]?\s*$|\s*,|\s+(who)\b)")
# words that never describe the noun after them: the phrase would be something else
# ("said a number of ...", "said an hour later")
_NOT_DESCRIBING = {"of", "the", "in", "at", "for", "to", "from", "with", "and", "or", "on",
                   "by", "was", "is", "had", "has", "would", "will", "later", "ago"}


def indefinite_inverted_subject(cue: Cue) -> Finding | None:
    """The indefinite description of a person right after a verb that opens its clause."""
    before = cue.before
    if cue.verb in NO_INVERSION or not before or before[-1] not in BEFORE_INVERSION:
        return None
    m = _DESCRIPTION.match(cue.rest)
    if m is None:
        return None
    words = m.group(1).split()
    head = m.group(2)
    if any(w in _NOT_DESCRIBING for w in words[1:]):
        return None
    if m.group(3) is None and not (bare(head) in _PERSON_NOUNS or is_role_noun(head)
                                   or bare(head) + "s" in VAGUE_HEADS):
        return None
    return Finding(Phrase(m.group(1), None, None, None, vague=True))
