"""A run of consecutive articles' records blocks as one set of tables (`Run`): what the
streamed records save (`records_stream`) numbers across the corpus and writes, a run at a
time.

Why: an add-one build saves the records of thousands of unchanged articles whose blocks are
kept as bytes (`records_block.block_bytes`) with their strings' numbers. Reading each one
into a `Block` (a dozen small arrays), then concatenating the blocks' arrays table by table,
was a Python step or several per article (some 0.05 s of the BBC folder's add-one start);
`Run.of_packed` reads a whole run of such blocks with a few numpy gathers over their bytes
end to end, and checks them as `block_from_bytes` does. The tables are exactly those of
`Run.of_blocks` over the blocks read one by one (`tests/retrieval/store/test_block_runs.py`)."""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from retrieval.store.records_block import HEADER_BYTES, MAGIC, Block, cat


class Vocabulary(Protocol):
    """Strings numbered across builds (`word_ids.Words`)."""

    def number(self, vocabulary: Sequence[str]) -> np.ndarray: ...


@dataclass(frozen=True)
class Packed:
    """A block as `block_bytes` wrote it, not read yet, and its strings' numbers in the
    strings' vocabulary (`Block.words`); `read` gives it read by itself, as it was given
    before blocks came packed (None: none, the article is walked)."""

    data: bytes
    words: np.ndarray
    read: Callable[[], Block | None]


@dataclass(frozen=True)
class Run:
    """The blocks of consecutive articles end to end, each table theirs concatenated (ids
    still each block's own), with each block's number of rows in it."""

    words: np.ndarray | None  # every block's strings' numbers, end to end (None: not known)
    strings: list[bytes]      # their strings instead, when `words` is None
    n_strings: np.ndarray
    heads: np.ndarray         # (B, 6): each block's `article`
    passages: np.ndarray      # (P, 2)
    n_passages: np.ndarray
    text_offsets: np.ndarray  # (P,): where each passage text starts in its block's texts
    texts: bytes
    n_text: np.ndarray        # bytes of text of each block
    sentences: np.ndarray     # (S, 5)
    n_sentences: np.ndarray
    speakers: np.ndarray      # (K, 3)
    n_speakers: np.ndarray
    people: np.ndarray        # (Q, 3)
    n_people: np.ndarray
    bounds: np.ndarray        # (Q,): where each person's aliases start in its block's
    aliases: np.ndarray
    n_aliases: np.ndarray

    @property
    def blocks(self) -> int:
        return int(self.heads.shape[0])

    @classmethod
    def of_blocks(cls, blocks: Sequence[Block], vocabulary: Vocabulary | None = None) -> Run:
        """The run of these blocks: with a `vocabulary`, their strings as numbers in it (a
        block without numbers has its strings numbered, in order), else as strings."""
        def n(rows: list[int]) -> np.ndarray:
            return np.array(rows, dtype=np.int64)
        numbers = None if vocabulary is None else [
            np.asarray(b.words if b.words is not None else vocabulary.number(
                [s.decode("utf-8", "surrogateescape") for s in b.strings]), dtype=np.int64)
            for b in blocks]
        return cls(
            None if numbers is None else cat(numbers),
            [s for b in blocks for s in b.strings] if numbers is None else [],
            n([len(b.strings) for b in blocks]) if numbers is None else n(
                [len(x) for x in numbers]),
            cat([b.article for b in blocks]).reshape(len(blocks), 6),
            cat([b.passages for b in blocks], 2), n([len(b.passages) for b in blocks]),
            cat([b.text_offsets[:-1] for b in blocks]), b"".join(b.texts for b in blocks),
            n([len(b.texts) for b in blocks]),
            cat([b.sentences for b in blocks], 5), n([len(b.sentences) for b in blocks]),
            cat([b.speakers for b in blocks], 3), n([len(b.speakers) for b in blocks]),
            cat([b.people for b in blocks], 3), n([len(b.people) for b in blocks]),
            cat([b.people_aliases[:-1] for b in blocks]), cat([b.aliases for b in blocks]),
            n([len(b.aliases) for b in blocks]))

    @classmethod
    def of_packed(cls, packed: Sequence[Packed]) -> Run:
        """The run of these blocks read from their bytes all at once; ValueError when one is
        not a block `block_from_bytes` would read (or its numbers are not its strings')."""
        if not packed:
            return dataclasses.replace(cls.of_blocks([]), words=np.zeros(0, dtype=np.int64))
        # each block at a multiple of 8 bytes: its header and integers are then int64 words
        pad = [b"\0" * (-len(p.data) % 8) for p in packed]
        joined = b"".join(x for p, z in zip(packed, pad, strict=True) for x in (p.data, z))
        lengths = np.array([len(p.data) for p in packed], dtype=np.int64)
        at = _starts(lengths + np.array([len(z) for z in pad], dtype=np.int64)) // 8
        ints = np.frombuffer(joined, dtype="<i8", count=len(joined) // 8)
        words_of = np.arange(_HEADER, dtype=np.int64)
        if (lengths < HEADER_BYTES).any():
            raise ValueError("not a records block")
        head = ints[at[:, None] + words_of].reshape(len(packed), _HEADER)
        if (head[:, 0] != MAGIC).any():
            raise ValueError("not a records block")
        n_str, n_p, n_s, n_k, n_q, n_a, str_len, text_len = (head[:, i] for i in range(1, 9))
        sizes = np.column_stack([np.full(len(packed), 6), n_str + 1, n_p + 1, 2 * n_p,
                                 5 * n_s, 3 * n_k, 3 * n_q, n_q + 1, n_a])
        if (sizes < 0).any() or (str_len < 0).any() or (text_len < 0).any():
            raise ValueError("a records block with negative sizes")
        count = sizes.sum(axis=1)
        if (lengths != 8 * (_HEADER + count) + str_len + text_len).any():
            raise ValueError("a records block of the wrong length")
        n_words = np.array([len(p.words) for p in packed], dtype=np.int64)
        if (n_words != n_str).any():
            raise ValueError("numbers for another block's strings")
        field_at = at[:, None] + _HEADER + np.cumsum(sizes, axis=1) - sizes

        def field(i: int, drop_last: bool = False) -> np.ndarray:
            n = sizes[:, i] - (1 if drop_last else 0)
            return ints[_ranges(field_at[:, i], n)]
        str_offsets_first = ints[field_at[:, 1]]
        str_offsets_last = ints[field_at[:, 1] + n_str]
        text_last = ints[field_at[:, 2] + n_p]
        if (str_offsets_first != 0).any() or (str_offsets_last != str_len).any() \
                or (text_last != text_len).any():
            raise ValueError("a records block's offsets do not fit")
        text_at = 8 * (at + _HEADER + count) + str_len  # in bytes, in `joined`
        view = memoryview(joined)
        texts = b"".join(view[a:a + n] for a, n in zip(text_at.tolist(), text_len.tolist(),
                                                          strict=True))
        return cls(
            np.concatenate([np.asarray(p.words, dtype=np.int64) for p in packed]), [], n_str,
            field(0).reshape(len(packed), 6), field(3).reshape(-1, 2), n_p,
            field(2, drop_last=True), texts, text_len, field(4).reshape(-1, 5), n_s,
            field(5).reshape(-1, 3), n_k, field(6).reshape(-1, 3), n_q,
            field(7, drop_last=True), field(8), n_a)


_HEADER = HEADER_BYTES // 8


def _starts(counts: np.ndarray) -> np.ndarray:
    """Where each of runs of `counts` items starts."""
    out = np.zeros(len(counts), dtype=np.int64)
    np.cumsum(counts[:-1], out=out[1:])
    return out


def _ranges(first: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The indices first[i], first[i] + 1, ... (counts[i] of them) of every i, end to end."""
    total = int(counts.sum())
    return np.repeat(first - _starts(counts), counts) + np.arange(total, dtype=np.int64)


def run_of(blocks: Sequence[Block | Packed], vocabulary: Vocabulary | None) -> Run:
    """The run of blocks given read or packed (`Run.of_blocks` with `vocabulary`), the
    packed ones read a stretch at a time; ValueError as `Run.of_packed`."""
    parts: list[Run] = []
    i = 0
    while i < len(blocks):
        j = i
        packed = isinstance(blocks[i], Packed)
        while j < len(blocks) and isinstance(blocks[j], Packed) == packed:
            j += 1
        stretch = blocks[i:j]
        parts.append(Run.of_packed([b for b in stretch if isinstance(b, Packed)]) if packed
                     else Run.of_blocks([b for b in stretch if isinstance(b, Block)],
                                        vocabulary))
        i = j
    return parts[0] if len(parts) == 1 else joined_runs(parts)


def joined_runs(runs: Sequence[Run]) -> Run:
    """Runs end to end as one."""
    if not runs:
        return Run.of_blocks([])
    numbered = all(r.words is not None for r in runs)
    if not numbered and any(r.words is not None for r in runs):
        raise ValueError("runs with and without their strings' numbers")

    def c(name: str, width: int = 0) -> np.ndarray:
        return cat([getattr(r, name) for r in runs], width)
    return Run(
        np.concatenate([r.words for r in runs if r.words is not None]) if numbered else None,
        [s for r in runs for s in r.strings], c("n_strings"),
        c("heads", 6), c("passages", 2), c("n_passages"), c("text_offsets"),
        b"".join(r.texts for r in runs), c("n_text"), c("sentences", 5), c("n_sentences"),
        c("speakers", 3), c("n_speakers"), c("people", 3), c("n_people"), c("bounds"),
        c("aliases"), c("n_aliases"))
