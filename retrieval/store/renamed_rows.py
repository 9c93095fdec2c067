"""Records blocks as the merge renamed them, kept in the article cache beside each row:
adding a file to a corpus leaves most of the merge's renames as they were (the hundreds of
articles where "Mr Blair" is "Tony Blair"), and the block the renaming makes is a function
of the row's block and the renames alone (`records_rename.renamed_block`), so a build
whose renames of an article are exactly those kept reads the renamed block instead of
making it again. Its strings' numbers are a word map of their own (`word_ids.RENAMED`).

Table `renamed_blocks (key, renames, block, sum)`: the renames as canonical JSON
(`renames_text`, compared as text), the renamed block's bytes, a checksum of all three."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

import xxhash

if TYPE_CHECKING:
    from corpus.merge_rewrite import Renames

SCHEMA = """
CREATE TABLE IF NOT EXISTS renamed_blocks (key TEXT PRIMARY KEY, renames TEXT NOT NULL,
                                           block BLOB NOT NULL, sum TEXT NOT NULL);
"""


def renames_text(renames: Renames) -> str:
    """The renames as JSON with one spelling: sorted, aliases sorted."""
    return json.dumps(sorted([old, best, sorted(aliases)]
                             for old, (best, aliases) in renames.items()),
                      ensure_ascii=False, separators=(",", ":"))


def renamed_sum(key: str, renames: str, block: bytes) -> str:
    h = xxhash.xxh3_128(f"{key}\0{renames}\0".encode("utf-8", "surrogateescape"))
    h.update(block)
    return h.hexdigest()
