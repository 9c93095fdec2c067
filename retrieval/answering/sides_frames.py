"""The words a side's statement may say a topic in, besides its own words and synonyms: the
topic frames of data/topic_frames.tsv ("the fighting": Ukraine's "counter-attacks", Moscow's
"armed forces"), keyed by the lemma of the topic's word and met by stem."""
from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

from retrieval.answering.word_tables import table_rows
from retrieval.tokenizer import terms

FRAME_FILE = Path(__file__).with_name("data") / "topic_frames.tsv"


class FrameDataError(ValueError):
    """A malformed line in the frames table; the message names the file and line."""


@functools.cache
def _frames() -> dict[str, tuple[str, ...]]:
    """The term of each frame's lemma -> the terms of its words, read once."""
    out: dict[str, tuple[str, ...]] = {}
    for row in table_rows(FRAME_FILE.read_text(encoding="utf-8").splitlines()):
        heads = terms(row.lemma)
        if row.rest is None or len(heads) != 1:
            raise FrameDataError(f"{FRAME_FILE.name}, line {row.number}: needs one word, "
                                 "a tab and words")
        words = [t for w in row.rest.split(",") for t in terms(w)]
        out[heads[0]] = tuple(dict.fromkeys(words))
    return out


def framed_terms(query: Iterable[str]) -> list[str]:
    """The frame words of the topic's terms, those already in it left out."""
    frames = _frames()
    wanted = list(query)
    out = dict.fromkeys(t for q in wanted for t in frames.get(q, ()))
    return [t for t in out if t not in wanted]
