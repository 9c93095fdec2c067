"""What the corpus's lazy sequences (articles held as handles, passages read through their
articles or renamed on first read) share: each equals any sequence of equal items, as the
tuple it stands for would. Why one home: three views each wrote the same comparison."""
from __future__ import annotations

from collections.abc import Sequence


def equals_sequence(view: Sequence[object], other: object) -> bool:
    """`view == other` for a lazy sequence: item by item against any sequence (never a
    string or bytes, which are sequences too), NotImplemented for anything else."""
    if other is view:
        return True
    if not isinstance(other, Sequence) or isinstance(other, str | bytes):
        return NotImplemented
    return len(other) == len(view) and all(x == y for x, y in zip(view, other, strict=True))
