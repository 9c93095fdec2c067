"""The lazy Corpus over saved flat arrays (`records_layout`): indexing a passage or an article
builds that record (the same frozen dataclasses `corpus.models` defines, equal to the ones
saved) and keeps it, so a passage reached twice is the same object. Nothing walks every
passage at start; the speaker digest was saved with the records."""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

import numpy as np

from corpus.models import Article, Corpus, LoadProblem, Passage, Person, Sentence, Speaker
from retrieval.store.lazy import LazySeq
from retrieval.store.records_layout import (
    RECORDS_FORMAT,
    SPEAKER_KINDS,
    SPEECH_KINDS,
    blob_text,
    split_names,
)
from retrieval.store.speaker_digest import GroupKey, SpeakerDigest, SpeakerGroup


def _plain(arr: np.ndarray) -> np.ndarray:
    """A plain ndarray view of a (possibly memory-mapped) array: slicing an np.memmap runs
    Python code on every slice."""
    return np.asarray(arr).view(np.ndarray)


class _Tables:
    """The loaded arrays and the records built from them so far."""

    def __init__(self, arrays: Mapping[str, np.ndarray]) -> None:
        a = {k: _plain(v) for k, v in arrays.items()}
        self._texts, self._text_offsets = a["text_bytes"].data, a["text_offsets"]
        self._strs, self._str_offsets = a["str_bytes"].data, a["str_offsets"]
        self.articles, self.passages, self.sentences = a["articles"], a["passages"], \
            a["sentences"]
        self.speakers, self.people = a["speakers"], a["people"]
        self.people_aliases, self.aliases = a["people_aliases"], a["aliases"]
        self.n_articles = self.articles.shape[0] - 1
        self.n_passages = self.passages.shape[0] - 1
        self._strings: dict[int, str] = {}
        self._speakers: dict[int, Speaker] = {}
        self._passages: dict[int, Passage] = {}
        self._articles: dict[int, Article] = {}

    def string(self, i: int) -> str:
        s = self._strings.get(i)
        if s is None:
            a, b = self._str_offsets[i:i + 2].tolist()
            s = self._strings[i] = blob_text(self._strs, a, b)
        return s

    def optional(self, i: int) -> str | None:
        return None if i < 0 else self.string(i)

    def speaker(self, i: int) -> Speaker:
        sp = self._speakers.get(i)
        if sp is None:
            name, role, kind = self.speakers[i].tolist()
            sp = self._speakers[i] = Speaker(self.string(name), self.optional(role),
                                             SPEAKER_KINDS[kind])
        return sp

    def passage(self, i: int) -> Passage:
        p = self._passages.get(i)
        if p is not None:
            return p
        (art, index, s0), (_, _, s1) = self.passages[i:i + 2].tolist()
        a, b = self._text_offsets[i:i + 2].tolist()
        text = blob_text(self._texts, a, b)
        sentences = tuple(
            Sentence(text[start:end] if own < 0 else self.string(own), start, end,
                     None if spk < 0 else self.speaker(spk),
                     SPEECH_KINDS[kind] if kind >= 0 else None)
            for start, end, spk, kind, own in self.sentences[s0:s1].tolist())
        p = Passage(self.string(int(self.articles[art, 0])), index, text, sentences)
        return self._passages.setdefault(i, p)

    def owner(self, passage: int) -> Article:
        """The article a passage's id names (the last one with that id)."""
        return self.article(int(self.passages[passage, 0]))

    def article(self, j: int) -> Article:
        art = self._articles.get(j)
        if art is not None:
            return art
        (aid, path, title, source, date, url, p0, q0), row1 = self.articles[j:j + 2].tolist()
        p1, q1 = row1[6], row1[7]
        # Article declares a tuple of passages; this read-only sequence behaves as one.
        passages = LazySeq(p1 - p0, _From(self.passage, p0))
        art = Article(self.string(aid), self.string(path), self.string(title),
                      passages,
                      tuple(self._person(q) for q in range(q0, q1)), self.optional(source),
                      self.optional(date), self.optional(url))
        return self._articles.setdefault(j, art)

    def _person(self, q: int) -> Person:
        name, role, kind = self.people[q].tolist()
        x, y = self.people_aliases[q:q + 2].tolist()
        return Person(self.string(name), self.optional(role), SPEAKER_KINDS[kind],
                      frozenset(self.string(s) for s in self.aliases[x:y].tolist()))


class SavedPassages(LazySeq[Passage]):
    """A saved corpus's passages, and what answering asks of the corpus besides its records
    (`retrieval.store.lookups.CorpusLookups`), answered from the arrays."""

    __slots__ = ("_tables", "_digest")

    def __init__(self, tables: _Tables, digest: SpeakerDigest) -> None:
        super().__init__(tables.n_passages, tables.passage)
        self._tables, self._digest = tables, digest

    def article_of(self, passage: int) -> Article:
        return self._tables.owner(passage)

    def article_numbers(self) -> np.ndarray:
        return np.asarray(self._tables.passages[:-1, 0], dtype=np.int64)

    def speaker_digest(self) -> SpeakerDigest:
        return self._digest


def records_corpus(arrays: Mapping[str, np.ndarray], part: dict[str, Any]) -> Corpus:
    """The lazy Corpus of what `records_save.records_arrays` produced (arrays possibly
    memory-mapped). ValueError when the JSON part does not fit."""
    if part.get("format") != RECORDS_FORMAT:
        raise ValueError(f"records format {part.get('format')}, expected {RECORDS_FORMAT}")
    tables = _Tables(arrays)
    problems = tuple(LoadProblem(path, reason) for path, reason in part["problems"])
    articles = LazySeq(tables.n_articles, tables.article)
    passages = SavedPassages(tables, _digest(tables, _plain(arrays["statements"]),
                                             _plain(arrays["attributed"]), part))
    # Corpus declares tuples; these read-only sequences behave as tuples do.
    return Corpus(articles, problems, passages)


def _digest(tables: _Tables, statements: np.ndarray, attributed: np.ndarray,
            part: dict[str, Any]) -> SpeakerDigest:
    rows = part["groups"]
    if not all(isinstance(r, list) and len(r) == 6 for r in rows):
        raise ValueError("speaker group rows are malformed")
    alias_groups = part["alias_groups"]
    if alias_groups and not 0 <= min(alias_groups) <= max(alias_groups) < len(rows):
        raise ValueError("an alias names a speaker group that does not exist")
    keys: list[GroupKey] = [(r[0], r[1]) for r in rows]
    return SpeakerDigest(
        LazySeq(len(rows), _group_maker(tables, statements, rows)), keys,
        _NamesOnDemand(part["silent_aliases"], part["silent_names"], part["silent_count"]),
        attributed,
        dict(zip(split_names(part["alias_names"], len(alias_groups)), alias_groups,
                 strict=True)),
        split_names(part["described"], len(rows)))


def _group_maker(tables: _Tables, statements: np.ndarray, rows: list[list[Any]]
                 ) -> Callable[[int], SpeakerGroup]:
    """Builds group i on first use, and keeps it: a start that answers about one speaker
    builds one group, not thousands."""
    built: dict[int, SpeakerGroup] = {}

    def group(i: int) -> SpeakerGroup:
        g = built.get(i)
        if g is None:
            folded, kind, spk, at, count, direct = rows[i]
            g = built.setdefault(i, SpeakerGroup(
                folded, kind, tables.speaker(spk),
                LazySeq.at_once(count, _Rows(statements, at, at + count)), direct,
                count - direct))
        return g
    return group


# Item makers as small slotted objects rather than closures: one object each instead of a
# function and its cells, which the cyclic garbage collector would walk again and again.
class _From:
    """Item i of a range starting at `start` of a larger sequence."""

    __slots__ = ("_item", "_start")

    def __init__(self, item: Callable[[int], Passage], start: int) -> None:
        self._item, self._start = item, start

    def __call__(self, i: int) -> Passage:
        return self._item(self._start + i)


class _Rows:
    """The rows of `table[start:stop]` as pairs."""

    __slots__ = ("_table", "_start", "_stop")

    def __init__(self, table: np.ndarray, start: int, stop: int) -> None:
        self._table, self._start, self._stop = table, start, stop

    def __call__(self) -> list[tuple[int, int]]:
        return [(p, s) for p, s in self._table[self._start:self._stop].tolist()]


class _NamesOnDemand(Mapping[str, str]):
    """alias -> name from two stored name lists, split on first use (most answers never look
    up a name nobody speaks under)."""

    def __init__(self, keys: object, values: object, count: object) -> None:
        if not isinstance(keys, str | list) or not isinstance(values, str | list) or \
                not isinstance(count, int):
            raise ValueError("name lists are malformed")
        self._parts: tuple[object, object, int] | None = (keys, values, count)
        self._map: dict[str, str] = {}

    def _get(self) -> dict[str, str]:
        parts = self._parts
        if parts is not None:
            keys, values, count = parts
            self._map = dict(zip(split_names(keys, count), split_names(values, count),
                                 strict=True))
            self._parts = None
        return self._map

    def __getitem__(self, key: str) -> str:
        return self._get()[key]

    def __contains__(self, key: object) -> bool:
        return key in self._get()

    def __iter__(self) -> Iterator[str]:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())
