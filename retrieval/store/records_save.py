"""A corpus as the flat arrays and JSON part of `records_layout`, and writing them."""
from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from corpus.models import Article, Corpus, Passage, Person, Speaker
from retrieval.store.records_layout import (
    RECORDS_FORMAT,
    RECORDS_JSON,
    SPEAKER_KINDS,
    SPEECH_KINDS,
    UnsupportedCorpus,
    check_fields,
    join_names,
    text_blob,
)
from retrieval.store.speaker_digest import SpeakerDigest, compute_digest

_KIND_CODE = {k: i for i, k in enumerate(SPEAKER_KINDS)}
_SPEECH_CODE: dict[str | None, int] = {None: -1, **{k: i for i, k in enumerate(SPEECH_KINDS)}}
Row = tuple[int, ...]


class _Strings:
    """Each distinct string once, numbered in order of first use; None is -1."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def __call__(self, s: str | None) -> int:
        if s is None:
            return -1
        if not isinstance(s, str):
            raise UnsupportedCorpus("not a plain string")
        i = self.ids.get(s)
        if i is None:
            i = self.ids[s] = len(self.ids)
        return i


class _Tables:
    """The int tables, filled one article at a time."""

    def __init__(self) -> None:
        self.strings = _Strings()
        self.speaker_ids: dict[Speaker, int] = {}
        self._by_object: dict[int, int] = {}  # id(Speaker) -> its row
        self.speakers: list[Row] = []
        self.articles: list[Row] = []
        self.passages: list[Row] = []
        self.sentences: list[Row] = []
        self.people: list[Row] = []
        self.people_aliases = [0]
        self.aliases: list[int] = []
        self.texts: list[str] = []

    def speaker(self, sp: Speaker | None) -> int:
        if sp is None:
            return -1
        # By identity first: an article's sentences share its few Speaker objects, and
        # hashing a dataclass (a Python-level __hash__) for each of them is most of the cost.
        # (The objects live as long as the corpus being written, so their ids are stable.)
        i = self._by_object.get(id(sp))
        if i is not None:
            return i
        i = self.speaker_ids.get(sp)
        if i is None:
            if sp.kind not in _KIND_CODE:
                raise UnsupportedCorpus("speaker kind")
            i = self.speaker_ids[sp] = len(self.speakers)
            self.speakers.append((self.strings(sp.name), self.strings(sp.role),
                                  _KIND_CODE[sp.kind]))
        self._by_object[id(sp)] = i
        return i

    def add_article(self, a: Article, owner: int) -> None:
        """`owner`: the article its id names (the last one with that id)."""
        s = self.strings
        self.articles.append((s(a.id), s(a.path), s(a.title), s(a.source), s(a.date),
                              s(a.url), len(self.passages), len(self.people)))
        for p in a.passages:
            if p.document != a.id or not isinstance(p.index, int) or isinstance(p.index, bool):
                raise UnsupportedCorpus("passage of another article")
            self._add_passage(p, owner)
        for person in a.people:
            self._add_person(person)

    def _add_passage(self, p: Passage, owner: int) -> None:
        self.passages.append((owner, p.index, len(self.sentences)))
        text = p.text
        self.texts.append(text)
        add, speaker, codes = self.sentences.append, self.speaker, _SPEECH_CODE
        for x in p.sentences:
            start, end, kind = x.start, x.end, x.kind
            if kind not in codes or not isinstance(start, int) or not isinstance(end, int):
                raise UnsupportedCorpus("sentence fields")
            own = -1 if x.text == text[start:end] else self.strings(x.text)
            add((start, end, speaker(x.speaker), codes[kind], own))

    def _add_person(self, person: Person) -> None:
        if person.kind not in _KIND_CODE:
            raise UnsupportedCorpus("person kind")
        strings = self.strings
        self.people.append((strings(person.name), strings(person.role),
                            _KIND_CODE[person.kind]))
        ids = strings.ids
        for x in sorted(person.aliases):
            i = ids.get(x) if type(x) is str else strings(x)  # strings() checks the rest
            if i is None:
                i = ids[x] = len(ids)
            self.aliases.append(i)
        self.people_aliases.append(len(self.aliases))


def _table(rows: Sequence[Row], width: int) -> np.ndarray:
    return np.array(rows, dtype=np.int64).reshape(len(rows), width)


def records_arrays(corpus: Corpus) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """(arrays, JSON part) holding `corpus` exactly; UnsupportedCorpus when they cannot."""
    check_fields()
    derived = [p for a in corpus.articles for p in a.passages]
    if len(derived) != len(corpus.passages) or not all(
            x is y or x == y for x, y in zip(derived, corpus.passages, strict=True)):
        raise UnsupportedCorpus("passages are not the articles' passages in order")
    t = _Tables()
    owner = {a.id: ai for ai, a in enumerate(corpus.articles)}  # the last of equal ids wins
    for a in corpus.articles:
        t.add_article(a, owner[a.id])
    digest = compute_digest(corpus)
    groups = _group_rows(t, digest)
    part = {
        "format": RECORDS_FORMAT,
        "problems": [[p.path, p.reason] for p in corpus.problems],
        "groups": groups,
        "alias_names": join_names(digest.alias_groups),
        "alias_groups": list(digest.alias_groups.values()),
        "silent_aliases": join_names(digest.silent),
        "silent_names": join_names(digest.silent.values()),
        "silent_count": len(digest.silent),
        "described": join_names(digest.described),
    }
    return _arrays(t, digest), part


def _group_rows(t: _Tables, digest: SpeakerDigest) -> list[list[Any]]:
    """(folded, kind, speaker, first statement, statements, direct) of each group."""
    rows: list[list[Any]] = []
    at = 0
    for g in digest.groups:
        rows.append([g.folded, g.kind, t.speaker(g.speaker), at, len(g.statements), g.direct])
        at += len(g.statements)
    return rows


def _arrays(t: _Tables, digest: SpeakerDigest) -> dict[str, np.ndarray]:
    text_bytes, text_offsets = text_blob(t.texts)
    str_bytes, str_offsets = text_blob(list(t.strings.ids))
    statements = [st for g in digest.groups for st in g.statements]
    # every range table ends with a row holding the ends of the last ranges
    articles = t.articles + [(-1,) * 6 + (len(t.passages), len(t.people))]
    return {
        "text_bytes": text_bytes, "text_offsets": text_offsets,
        "str_bytes": str_bytes, "str_offsets": str_offsets,
        "articles": _table(articles, 8),
        "passages": _table(t.passages + [(-1, -1, len(t.sentences))], 3),
        "sentences": _table(t.sentences, 5),
        "speakers": _table(t.speakers, 3),
        "people": _table(t.people, 3),
        "people_aliases": np.array(t.people_aliases, dtype=np.int64),
        "aliases": np.array(t.aliases, dtype=np.int64),
        "statements": _table(statements, 2),
        "attributed": np.asarray(digest.attributed, dtype=np.int64),
    }


def save_records(corpus: Corpus, folder: Path,
                 save_array: Callable[[str, np.ndarray], dict[str, Any]]) -> dict[str, Any]:
    """Write the records into `folder` with `save_array(name, array) -> file entry`; returns
    the manifest part. UnsupportedCorpus when the layout cannot hold the corpus."""
    arrays, part = records_arrays(corpus)
    files = {name: save_array(name, arr) for name, arr in arrays.items()}
    path = folder / RECORDS_JSON
    # ASCII JSON: \u escapes also carry the surrogates of file names that are not UTF-8
    path.write_text(json.dumps(part, separators=(",", ":")), encoding="ascii")
    return {"format": RECORDS_FORMAT, "arrays": files, "json": RECORDS_JSON}
