"""The articles' own spelling of a word a user typed one slip off ("stellios", "goverment",
"erdgoan": a letter extra, missing, wrong, or two neighbours swapped)."""
from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

from retrieval.tokenizer import terms

MIN_LENGTH = 6  # shorter words are too close to too many others ("obama", "osama")
MAX_EDITS = 1
# A long word may be two letters off ("johannesen" for "johannesson"): near() only ever turns
# "nobody called X appears" into the closest passages, so more tolerance here is the safe side.
LONG_WORD, LONG_EDITS = 9, 2


class Vocabulary:
    """The index's terms, searched for near spellings only when a word is not among them."""

    def __init__(self, index_terms: Sequence[str]) -> None:
        self._terms = index_terms

    @cached_property
    def _list(self) -> list[str]:
        return [t for t in self._terms if len(t) >= MIN_LENGTH - 1]

    def near(self, word: str) -> str | None:
        """The closest index term to the word's term, when at most MAX_EDITS letters away
        (LONG_EDITS for a word of LONG_WORD letters or more)."""
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        found = terms(word)
        if len(found) != 1 or len(found[0]) < MIN_LENGTH:
            return None
        edits = LONG_EDITS if len(found[0]) >= LONG_WORD else MAX_EDITS
        match = process.extractOne(found[0], self._list, scorer=OSA.distance,
                                   score_cutoff=edits)
        return match[0] if match else None

    @cached_property
    def _all(self) -> list[str]:
        return [t for t in self._terms if len(t) >= 3]

    def has_near(self, term: str) -> bool:
        """Whether some index term is at most one letter off this term, however short: a
        missing word that may be a slip ("agasi") is not one the articles lack."""
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        return process.extractOne(term, self._all, scorer=OSA.distance,
                                  score_cutoff=MAX_EDITS) is not None
