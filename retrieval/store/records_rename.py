"""An article's records block (`records_block`) rewritten as the cross-article merge
rewrites the article (`corpus.merge_rewrite`): the very block `article_block` makes of the
rewritten article, from the block kept before the merge, without walking its passages.

Why: adding one file to the BBC folder makes the merge rewrite about a third of the
unchanged articles ("Mr Blair" joins "Tony Blair"); walking them again was most of the
records' cost. The walk's numbering is replayed on the block's rows: strings and speakers
numbered by first use in the walk's order (the head, then per sentence its own text and
then its speaker's name and role when the speaker is new, then per person its name, role
and sorted aliases), speakers that the renaming makes equal becoming one."""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from retrieval.store.records_block import KIND_CODE, Block

if TYPE_CHECKING:  # a type only: a start from a saved entry never merges
    from corpus.merge_rewrite import Renames

_PERSON = KIND_CODE["person"]


def _utf8(s: str) -> bytes:
    return s.encode("utf-8", "surrogateescape")


class _Numbering:
    """Strings numbered by first use, as bytes (UTF-8 with surrogate escapes is one-to-one,
    so equal bytes are equal strings)."""

    def __init__(self) -> None:
        self.ids: dict[bytes, int] = {}

    def __call__(self, s: bytes | None) -> int:
        if s is None:
            return -1
        i = self.ids.get(s)
        if i is None:
            i = self.ids[s] = len(self.ids)
        return i


def renamed_block(b: Block, renames: Renames) -> Block:
    """The block of the article `rewrite(article, renames)` makes, from the article's own."""
    old = b.strings
    at = {_utf8(k): (_utf8(v[0]), v[1]) for k, v in renames.items()}
    string = _Numbering()

    def text(i: int) -> bytes | None:
        return None if i < 0 else old[i]

    head = [string(text(i)) for i in b.article.tolist()]
    speakers: list[tuple[int, int, int]] = []
    speaker_ids: dict[tuple[bytes, bytes | None, int], int] = {}
    of_old: dict[int, int] = {}
    sentences = b.sentences.copy()
    rows = b.speakers.tolist()
    for k, (_, _, spk, _, own) in enumerate(b.sentences.tolist()):
        sentences[k, 4] = string(text(own))
        if spk < 0:
            continue
        new = of_old.get(spk)
        if new is None:
            name, role, kind = rows[spk]
            named = old[name]
            if kind == _PERSON and named in at:
                named = at[named][0]
            key = (named, text(role), kind)
            new = speaker_ids.get(key)
            if new is None:
                new = speaker_ids[key] = len(speakers)
                speakers.append((string(named), string(text(role)), kind))
            of_old[spk] = new
        sentences[k, 2] = new
    people: list[tuple[int, int, int]] = []
    aliases: list[int] = []
    people_bounds = [0]
    bounds = b.people_aliases.tolist()
    all_aliases = b.aliases.tolist()
    for q, (name, role, kind) in enumerate(b.people.tolist()):
        own_aliases = [old[a] for a in all_aliases[bounds[q]:bounds[q + 1]]]
        named = old[name]
        if kind == _PERSON and named in at:  # as `Person.aliases | joined`, sorted
            named, joined = at[named]
            mine = {a.decode("utf-8", "surrogateescape") for a in own_aliases} | joined
            own_aliases = [_utf8(a) for a in sorted(mine)]
        people.append((string(named), string(text(role)), kind))
        aliases.extend(string(a) for a in own_aliases)
        people_bounds.append(len(aliases))
    return Block(list(string.ids), np.array(head, dtype=np.int64), b.passages,
                 b.text_offsets, b.texts, sentences,
                 np.array(speakers, dtype=np.int64).reshape(len(speakers), 3),
                 np.array(people, dtype=np.int64).reshape(len(people), 3),
                 np.array(people_bounds, dtype=np.int64), np.array(aliases, dtype=np.int64))
