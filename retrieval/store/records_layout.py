"""How a corpus is laid out as flat arrays (all `.npy`, memory-mapped on load, nothing
pickled), shared by the writer (`records_save`) and the reader (`records_load`):

- every passage text in one UTF-8 blob with offsets; every other string (ids, titles, paths,
  names, roles, aliases, sentence texts that are not a slice of their passage) in a second
  blob with offsets, each distinct string once;
- int tables: articles (string ids, passage and people ranges), passages (article,
  paragraph number, sentence range), sentences (start, end, speaker, kind, own text or -1),
  speakers (name, role, kind), people (name, role, kind, alias range);
- `records.json`: the small rest (load problems, the speaker digest's groups, which group
  each alias names, and the aliases of people who never speak). Name lists are stored as
  NUL-joined strings: splitting one string is far cheaper at start than parsing a JSON
  list of tens of thousands of names. A list holding a name with a NUL in it (a UTF-16
  article may have one) is stored as a plain JSON list instead.

Every corpus the builder makes fits: the writer refuses only records that break what
`corpus.models` declares (`UnsupportedCorpus`).
"""
from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterable

import numpy as np

from corpus.models import (
    Article,
    Corpus,
    LoadProblem,
    Passage,
    Person,
    Sentence,
    Speaker,
    SpeakerKind,
    SpeechKind,
)

RECORDS_FORMAT = 4  # 4: each speaker group's name and role as search terms
RECORDS_JSON = "records.json"
ARRAYS = ("text_bytes", "text_offsets", "str_bytes", "str_offsets", "articles", "passages",
          "sentences", "speakers", "people", "people_aliases", "aliases", "statements",
          "attributed")
SPEAKER_KINDS: tuple[SpeakerKind, ...] = typing.get_args(SpeakerKind)
SPEECH_KINDS: tuple[SpeechKind, ...] = typing.get_args(SpeechKind)
# The fields this layout stores: a record type with other fields (the models changed) must
# not be saved with some of its fields silently left out.
_FIELDS = {
    Corpus: ("articles", "problems", "passages"),
    Article: ("id", "path", "title", "passages", "people", "source", "date", "url"),
    Passage: ("document", "index", "text", "sentences"),
    Sentence: ("text", "start", "end", "speaker", "kind"),
    Speaker: ("name", "role", "kind"),
    Person: ("name", "role", "kind", "aliases"),
    LoadProblem: ("path", "reason"),
}


class UnsupportedCorpus(ValueError):
    """Records this layout cannot hold exactly: not what `corpus.models` declares, or record
    types whose fields changed. The builder never makes such a corpus."""


def check_fields() -> None:
    for tp, names in _FIELDS.items():
        if tuple(f.name for f in dataclasses.fields(tp)) != names:
            raise UnsupportedCorpus(f"{tp.__name__} has fields this layout does not know")


NameList = str | list[str]  # as `records.json` holds it


def join_names(texts: Iterable[str]) -> NameList:
    """One NUL-joined string for `split_names`, or the list itself when a name holds NUL."""
    names = list(texts)
    return names if any("\0" in t for t in names) else "\0".join(names)


def split_names(joined: object, count: int) -> list[str]:
    """The `count` names `join_names` stored (one empty name and none both join to "")."""
    if isinstance(joined, list) and all(isinstance(t, str) for t in joined):
        out = list(joined)
    elif isinstance(joined, str):
        out = joined.split("\0") if count else []
    else:
        raise ValueError("a name list is malformed")
    if len(out) != count:
        raise ValueError("a name list does not have the length it should")
    return out


def text_blob(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The texts' UTF-8 bytes end to end, and where each one starts (plus the end)."""
    # surrogateescape: a file name that is not valid UTF-8 keeps its raw bytes
    encoded = [t.encode("utf-8", "surrogateescape") for t in texts]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(b) for b in encoded], out=offsets[1:])
    return np.frombuffer(b"".join(encoded), dtype=np.uint8), offsets


def blob_text(view: memoryview, start: int, end: int) -> str:
    return str(view[start:end], "utf-8", "surrogateescape")
