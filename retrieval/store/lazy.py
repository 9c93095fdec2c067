"""One read-only sequence whose items are made when first asked for: a loaded corpus's
articles, passages, speaker groups and statements, so that a start reads no record it does
not need."""
from __future__ import annotations

import operator
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar, overload

T = TypeVar("T")


class LazySeq(Sequence[T]):
    """`length` items, item i being `item(i)` (the maker keeps what it made when it should be
    kept); or, made by `LazySeq.at_once`, all of them made together on the first access.
    Equal to any sequence with equal items, a tuple included, and hashed like the tuple of
    its items: a frozen record holding one compares and hashes as if it held a tuple."""

    __slots__ = ("_length", "_item", "_make", "_whole")

    def __init__(self, length: int, item: Callable[[int], T]) -> None:
        self._length = length
        self._item: Callable[[int], T] | None = item
        self._make: Callable[[], Sequence[T]] | None = None
        self._whole: Sequence[T] | None = None

    @classmethod
    def at_once(cls, length: int, make: Callable[[], Sequence[T]]) -> LazySeq[T]:
        """Items cheaper made together (one `tolist` of a table slice): `make()` on the first
        access, then read at the speed of what it returned."""
        seq: LazySeq[T] = cls.__new__(cls)
        seq._length, seq._item, seq._make, seq._whole = length, None, make, None
        return seq

    def _made(self) -> Sequence[T]:
        assert self._make is not None
        made = self._make()
        if len(made) != self._length:
            raise ValueError("a record list does not have the length it should")
        self._whole = made  # stored whole: a concurrent reader sees all items or none
        self._item = made.__getitem__
        return made

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, i: int) -> T: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[T, ...]: ...

    def __getitem__(self, i: int | slice) -> T | tuple[T, ...]:
        item = self._item or self._made().__getitem__
        n = self._length
        if type(i) is int and 0 <= i < n:  # the common case first: one check, one call
            return item(i)
        if isinstance(i, slice):
            return tuple(map(item, range(*i.indices(n))))
        i = operator.index(i)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("record index out of range")
        return item(i)

    def __iter__(self) -> Iterator[T]:
        if self._make is not None:  # made together: iterate what was made
            whole = self._whole
            return iter(whole if whole is not None else self._made())
        assert self._item is not None
        return map(self._item, range(self._length))

    def __eq__(self, other: object) -> bool:
        if other is self:
            return True
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return len(other) == self._length and all(
            x == y for x, y in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._length}>"
