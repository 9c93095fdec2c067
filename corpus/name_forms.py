"""An entity's fullest name, kept up to date as its mentions are added.

Why: a person mentioned a thousand times has a thousand names in their list, and the
canonical form is asked for at every lookup; reading the whole list each time made one long
article cost the square of its mentions. Names are only ever appended, so each new name is
read once.
"""
from __future__ import annotations

from corpus.folding import fold_name


def accents(word: str) -> int:
    return sum(1 for ch in word if ord(ch) > 127)


class NameForms:
    """The longest of the names read so far (by words, then characters; the first on a tie)
    and, for each folded word, its most accented spelling (the first on a tie)."""

    def __init__(self) -> None:
        self.count = 0  # how many names of the list have been read
        self.longest: str | None = None
        self._size = (0, 0)
        self.variants: dict[str, str] = {}
        self.distinct: set[str] = set()
        self._canonical: str | None = None

    def sync(self, names: list[str]) -> None:
        """Read the names appended since the last call."""
        for name in names[self.count:]:
            self._read(name)
        self.count = len(names)

    def _read(self, name: str) -> None:
        self.distinct.add(name)
        words = name.split()
        size = (len(words), len(name))
        if self.longest is None or size > self._size:
            self.longest, self._size = name, size
        for w in words:
            key = fold_name(w)
            if key not in self.variants or accents(w) > accents(self.variants[key]):
                self.variants[key] = w
        self._canonical = None

    def canonical(self) -> str:
        """The longest name, each word in its most accented spelling."""
        if self.longest is None:
            raise ValueError("an entity has at least one name")
        if self._canonical is None:
            self._canonical = " ".join(self.variants.get(fold_name(w), w)
                                       for w in self.longest.split())
        return self._canonical
