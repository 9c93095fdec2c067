"""The records blocks of a build's articles as the article cache keeps them (`article_cache`):
each as stored with its row (or made by a worker), renamed where the merge renames people of
the article (`records_rename`), and with its strings as their numbers in the strings'
vocabulary (`word_ids`), so the records save (`records_stream`) numbers strings across the
corpus with numpy and an unchanged block is read without its strings being made. A block as
last renamed is kept with its row (`renamed_rows`) and read instead of renaming it again when
the renames are the same."""
from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from retrieval.store.block_runs import Packed
from retrieval.store.records_block import (
    HEADER_BYTES,
    Block,
    block_bytes,
    block_from_bytes,
    block_sizes,
)
from retrieval.store.records_rename import renamed_block
from retrieval.store.spill import Held, held_bytes
from retrieval.store.word_ids import Words

if TYPE_CHECKING:  # imported when used: a start from a saved entry never merges
    from corpus.merge_rewrite import Renames

ArticleKey = tuple[str, str]  # an article's (id, path)


@dataclass
class KeptBlocks:
    """The blocks of one build, by their article's (id, path)."""

    blocks: dict[ArticleKey, Held] = field(default_factory=dict)  # as stored
    # what the merge renames in each article
    renamed: dict[ArticleKey, Renames] = field(default_factory=dict)
    # the numbers of each block's strings (as stored, or worked out at `number`), row key ->
    # those worked out
    numbers: dict[ArticleKey, bytes | np.ndarray] = field(default_factory=dict)
    new_numbers: dict[str, np.ndarray] = field(default_factory=dict)
    # (renames text, renamed block, its strings' numbers) as kept, as made ready for the
    # save at `rename`; row key -> those made
    renamed_kept: dict[ArticleKey, tuple[str, bytes, bytes]] = field(default_factory=dict)
    renamed_ready: dict[ArticleKey, tuple[bytes, bytes | np.ndarray]] = field(
        default_factory=dict)
    new_renamed: dict[str, tuple[str, bytes, np.ndarray]] = field(default_factory=dict)

    def take(self, key: str, at: ArticleKey, strings: Words | None,
             stored: tuple[object, ...]) -> None:
        """A row's block's strings' map (`stored[:4]`) and its block as last renamed with
        that one's map (`stored[4:]`), those that can be used with `strings`."""
        found = strings.usable(key, stored[:4]) if strings is not None else None
        if found is not None:  # else its block's strings are numbered at `number`
            self.numbers[at] = found
        self._take_renamed(key, at, strings, stored[4:])

    def _take_renamed(self, key: str, at: ArticleKey, strings: Words | None,
                      stored: tuple[object, ...]) -> None:
        """The row's block as last renamed, when whole and its strings' numbers usable."""
        from retrieval.store.renamed_rows import renamed_sum

        renames, block, got = stored[:3]
        if not isinstance(renames, str) or not isinstance(block, bytes) \
                or strings is None or renamed_sum(key, renames, block) != got:
            return
        numbers = strings.usable(key, stored[3:])
        if numbers is not None:
            self.renamed_kept[at] = (renames, block, numbers)

    def block(self, key: ArticleKey) -> Block | None:
        """The records block of the article of this (id, path) this cache gave or was given
        in this build (as the merge rewrote it, when it did); None for a damaged block."""
        kept = self.blocks.get(key)
        if kept is None:
            return None
        try:
            block = block_from_bytes(held_bytes(kept))
        except (ValueError, OSError):
            return None
        renames = self.renamed.get(key)
        return block if renames is None else renamed_block(block, renames)

    def numbered_block(self, key: ArticleKey, strings: Words) -> Block | None:
        """`block`, its strings as their numbers in `strings` (`Block.words`) when known: a
        block the merge leaves alone then has no strings made; one it renames gets the
        numbers of its strings kept, the merge's new names numbered."""
        ready = self.renamed_ready.get(key)
        if ready is not None:
            try:
                return block_from_bytes(ready[0], np.frombuffer(ready[1], dtype="<i4")
                                        if isinstance(ready[1], bytes) else ready[1])
            except ValueError:
                return self.block(key)
        kept, numbers = self.blocks.get(key), self.numbers.get(key)
        if kept is None or numbers is None:
            return self.block(key)
        words = np.frombuffer(numbers, dtype="<i4") if isinstance(numbers, bytes) else numbers
        renames = self.renamed.get(key)
        try:
            if renames is None:
                return block_from_bytes(held_bytes(kept), words)
            block = block_from_bytes(held_bytes(kept))
        except (ValueError, OSError):
            return None
        if len(words) != len(block.strings):
            return self.block(key)
        renamed = renamed_block(block, renames)
        known = dict(zip(block.strings, words.tolist(), strict=True))
        new = [s for s in dict.fromkeys(renamed.strings) if s not in known]
        known.update(zip(new, strings.number(
            [s.decode("utf-8", "surrogateescape") for s in new]).tolist(), strict=True))
        return dataclasses.replace(renamed, words=np.array(
            [known[s] for s in renamed.strings], dtype=np.int64))

    def packed_block(self, key: ArticleKey, strings: Words) -> Block | Packed | None:
        """`numbered_block`, given packed (its bytes and its strings' numbers, read with the
        run of blocks it is saved with: `block_runs`) when it is kept with its numbers and
        needs no renaming, or was renamed ready for the save."""
        ready = self.renamed_ready.get(key)
        kept, numbers = self.blocks.get(key), self.numbers.get(key)
        if ready is not None:
            data, numbers = ready
        elif kept is not None and numbers is not None and key not in self.renamed:
            try:
                data = held_bytes(kept)
            except OSError:
                return None
        else:
            return self.numbered_block(key, strings)
        words = np.frombuffer(numbers, dtype="<i4") if isinstance(numbers, bytes) else numbers
        return Packed(data, words, functools.partial(self.numbered_block, key, strings))

    def number(self, strings: Words, paths: dict[str, str]) -> None:
        """The blocks of this build whose strings have no numbers yet: numbered now (and
        their maps stored at the commit; `paths`: each path's row key)."""
        for at, kept in self.blocks.items():
            if at in self.numbers:
                continue
            try:
                block = block_from_bytes(held_bytes(kept))
            except (ValueError, OSError):
                continue
            numbers = strings.number([s.decode("utf-8", "surrogateescape")
                                      for s in block.strings])
            self.numbers[at] = numbers
            key = paths.get(at[1])
            if key is not None:
                self.new_numbers[key] = numbers

    def rename(self, strings: Words, paths: dict[str, str]) -> None:
        """The blocks the merge renames, made ready for the save: as kept when kept for
        exactly these renames, else renamed now (and kept at the commit)."""
        from retrieval.store.renamed_rows import renames_text

        for at, renames in self.renamed.items():
            text = renames_text(renames)
            kept = self.renamed_kept.get(at)
            if kept is not None and kept[0] == text:
                self.renamed_ready[at] = (kept[1], kept[2])
                continue
            block = self.numbered_block(at, strings)
            if block is None or block.words is None:
                continue
            data = block_bytes(block)
            self.renamed_ready[at] = (data, block.words)
            key = paths.get(at[1])
            if key is not None:
                self.new_renamed[key] = (text, data, block.words)
        self.renamed_kept.clear()

    def sizes(self, key: ArticleKey) -> tuple[int, int, int] | None:
        """(passages, sentences, bytes of text) of the block `block` gives, from its header
        (the merge's renaming changes none of them); None when there is none."""
        held = self.blocks.get(key)
        if held is None:
            return None
        if isinstance(held, bytes):
            return block_sizes(held)
        try:
            return block_sizes(held.head(HEADER_BYTES), len(held))
        except OSError:
            return None
