"""Which checks (`retrieval.store.checks`) every saved array must pass before anything is
served: postings decode to passages of the index that run up in every tier, the block table
adds up, statistics and tier maxima are finite, ranges run up, every string, speaker,
article and passage reference is in range, the passage text is UTF-8. The checksums catch a
changed byte; these catch an entry that is whole but wrong (a writer's bug, a copied
manifest), which would otherwise be a traceback on every question with one word, or NaN in
`--json`. The bounds come from the shapes in the manifest, which the arrays' headers must
match."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from retrieval.store.checks import (
    POSTINGS_WRONG,
    BlockTable,
    Check,
    Finite,
    Kept,
    Ordered,
    RunsUp,
    Utf8,
    Within,
)
from retrieval.store.records_layout import SPEAKER_KINDS, SPEECH_KINDS

Shapes = Mapping[str, tuple[int, ...]]
Checks = dict[str, list[Check]]
_ANY = 2.0 ** 62


@dataclass
class CopyInto(Check):
    """Not a check: the rows copied into `out` as they are read (the passage lengths, from
    which the length normalisation is worked out without touching the memory map)."""

    why: str
    out: np.ndarray

    def feed(self, rows: np.ndarray, first: int) -> bool:
        self.out[first:first + rows.shape[0]] = rows
        return True


def index_checks(shapes: Shapes, n_docs: int) -> Checks:
    """The BM25 arrays (`retrieval.inverted_build`), the compact postings' block table and
    stream decoded as they are read (`BlockTable`)."""
    n_tiers = shapes["tier_max"][0]
    n_blocks = shapes["block_table"][0] - 1
    tiers, table = Kept(), Kept()
    return {
        "idf": [Finite("an idf is not a finite number")],
        "tier_max": [Finite("a tier's maximum weight is not a finite number")],
        "df": [Within("a document frequency is out of range", 0, n_docs + 1)],
        "doc_len": [Within("a passage length is negative", 0, _ANY)],
        "term_tiers": [RunsUp("the terms' tiers do not run up", 0, n_tiers)],
        "tier_blocks": [RunsUp("the tiers' blocks do not run up", 0, n_blocks), tiers],
        "block_table": [table],
        "post_stream": [BlockTable(POSTINGS_WRONG, n_docs, shapes["post_stream"][0], tiers,
                                   table)],
    }


def records_shape_problem(shapes: Shapes) -> str | None:
    """Tables whose lengths must agree."""
    if shapes["text_offsets"][0] != shapes["passages"][0]:
        return "the passage texts and the passages disagree in number"
    if shapes["people_aliases"][0] != shapes["people"][0] + 1:
        return "the people and their aliases disagree in number"
    return None


def records_checks(shapes: Shapes) -> Checks:
    """The record tables (`retrieval.store.records_layout`)."""
    n_str = shapes["str_offsets"][0] - 1
    n_articles, n_passages = shapes["articles"][0] - 1, shapes["passages"][0] - 1
    n_people, n_aliases = shapes["people"][0], shapes["aliases"][0]
    string_ref = "names a string that does not exist"
    people_like: list[Check] = [
        Within(f"a speaker or person {string_ref}", 0, n_str, slice(0, 1)),
                   Within(f"a speaker or person {string_ref}", -1, n_str, slice(1, 2)),
                   Within("a speaker or person has an unknown kind", 0, len(SPEAKER_KINDS),
                          slice(2, 3))]
    return {
        "text_bytes": [Utf8("a passage text is not UTF-8")],
        "text_offsets": [RunsUp("the passage texts are cut wrongly", 0, shapes["text_bytes"][0])],
        "str_offsets": [RunsUp("the strings are cut wrongly", 0, shapes["str_bytes"][0])],
        "articles": [
            Within(f"an article {string_ref}", 0, n_str, slice(0, 3), n_articles),
            Within(f"an article {string_ref}", -1, n_str, slice(3, 6), n_articles),
            RunsUp("the articles' passages do not run up", 0, n_passages, 6),
            RunsUp("the articles' people do not run up", 0, n_people, 7)],
        "passages": [
            Within("a passage names an article that does not exist", 0, n_articles,
                   slice(0, 1), n_passages),
            RunsUp("the passages' sentences do not run up", 0, shapes["sentences"][0], 2)],
        "sentences": [
            Within("a sentence's span is wrong", 0, _ANY, slice(0, 1)),
            Ordered("a sentence's span is wrong", 0, 1),
            Within("a sentence names a speaker that does not exist", -1,
                   shapes["speakers"][0], slice(2, 3)),
            Within("a sentence has an unknown kind", -1, len(SPEECH_KINDS), slice(3, 4)),
            Within(f"a sentence {string_ref}", -1, n_str, slice(4, 5))],
        "speakers": people_like,
        "people": people_like,  # Within keeps no state: one list serves both
        "people_aliases": [RunsUp("the people's aliases are cut wrongly", 0, n_aliases)],
        "aliases": [Within(f"an alias {string_ref}", 0, n_str)],
        "statements": [
            Within("a statement names a passage that does not exist", 0, n_passages,
                   slice(0, 1)),
            Within("a statement names a sentence that does not exist", 0, _ANY, slice(1, 2))],
        "attributed": [Within("a statement names a passage that does not exist", 0,
                              n_passages)],
    }
