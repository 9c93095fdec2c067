"""Corpus records as flat arrays, decoded lazily: a start from the cache reads no record it
does not need.

Saved (all `.npy`, memory-mapped on load, nothing pickled):

- every passage text in one UTF-8 blob with offsets; every other string (ids, titles, paths,
  names, roles, aliases, sentence texts that are not a slice of their passage) in a second
  blob with offsets, each distinct string once;
- int tables: articles (string ids, passage and people ranges), passages (article, paragraph
  number, sentence range), sentences (start, end, speaker, kind, own text or -1), speakers
  (name, role, kind), people (name, role, kind, alias range);
- `records.json`: the small rest (load problems, the speaker digest's groups, which group
  each alias names, and the aliases of people who never speak). Name lists are stored as
  NUL-joined strings: splitting one string is far cheaper at start than parsing a JSON
  object of tens of thousands of keys.

`load_records` gives a `Corpus` whose `articles` and `passages` are lazy sequences
(`LazyArticles`, `LazyPassages`): indexing one builds that record (the same frozen
dataclasses `corpus.models` defines, equal to the ones saved) and keeps it, so a
passage reached twice is the same object. Nothing walks every passage at start.

`SpeakerDigest` is what the speaker directory needs (statements grouped by speaker, direct
counts, the speaker each alias resolves to, the names of people who never speak, the passages
with an attributed sentence), worked out once at save time; `speaker_digest(corpus)` returns the saved one for a
loaded corpus and computes it (one walk) for any other.

`save_records` returns None for a corpus this layout cannot represent exactly (a record type
with other fields than it knows, a string holding NUL, passages not in article order); the
caller then saves JSON (`retrieval.store.corpus_json`).
"""
from __future__ import annotations

import dataclasses
import json
import re
import typing
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from corpus.folding import fold
from corpus.gazetteer import gazetteer
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

RECORDS_FORMAT = 2
RECORDS_JSON = "records.json"
# The fields this layout stores; another set of fields (models changed) means: save JSON.
_FIELDS = {
    Corpus: ("articles", "problems", "passages"),
    Article: ("id", "path", "title", "passages", "people", "source", "date", "url"),
    Passage: ("document", "index", "text", "sentences"),
    Sentence: ("text", "start", "end", "speaker", "kind"),
    Speaker: ("name", "role", "kind"),
    Person: ("name", "role", "kind", "aliases"),
    LoadProblem: ("path", "reason"),
}
SPEAKER_KINDS: tuple[str, ...] = typing.get_args(SpeakerKind)
SPEECH_KINDS: tuple[str, ...] = typing.get_args(SpeechKind)
ARRAYS = ("text_bytes", "text_offsets", "str_bytes", "str_offsets", "articles", "passages",
          "sentences", "speakers", "people", "people_aliases", "aliases", "statements",
          "attributed")


def layout_supported() -> bool:
    return all(tuple(f.name for f in dataclasses.fields(tp)) == names
               for tp, names in _FIELDS.items())


class _Unsupported(Exception):
    pass


# ------------------------------------------------------------------------- speaker digest
@dataclass(frozen=True)
class SpeakerGroup:
    """Everyone whose statements share one directory key (folded name, kind)."""

    folded: str
    kind: str
    speaker: Speaker            # the first one with a role, else the first
    statements: Sequence[tuple[int, int]]  # (passage, sentence) in corpus order
    direct: int
    reported: int


@dataclass(frozen=True)
class SpeakerDigest:
    groups: Sequence[SpeakerGroup]     # in order of first statement
    silent: Mapping[str, str]          # alias -> name of people who never speak (first wins)
    attributed: Sequence[int]          # passages with at least one attributed sentence
    # alias -> index in `groups` of the speaker it names: the group's own folded name, and
    # every alias of its people entries. An alias several speakers share goes to the one
    # most articles give it (across a corpus "the chancellor" is whoever most articles call
    # that), then the one with most statements, then the first.
    alias_groups: Mapping[str, int]


def normalize_name(text: str) -> str:
    """Fold a name or role (or what a user typed) so it compares with the alias table:
    no leading article, a country possessive written as its adjective."""
    folded = fold(text).strip(" ?.!,\"'")
    folded = re.sub(r"^(?:the|a|an)\s+", "", folded)
    return gazetteer().normalize_role(folded) if folded else ""


def _group_key(speaker: Speaker) -> tuple[str, str]:
    return fold(speaker.name), speaker.kind


def speaker_digest(corpus: Corpus) -> SpeakerDigest:
    """The saved digest of a corpus loaded by `load_records`, else computed by one walk."""
    saved = getattr(corpus.passages, "digest", None)
    if isinstance(saved, SpeakerDigest):
        return saved
    return _compute_digest(corpus)


def _compute_digest(corpus: Corpus) -> SpeakerDigest:
    order: dict[tuple[str, str], dict[str, Any]] = {}
    attributed = []
    for pi, passage in enumerate(corpus.passages):
        any_speaker = False
        for si, sentence in enumerate(passage.sentences):
            sp = sentence.speaker
            if sp is None:
                continue
            any_speaker = True
            g = order.get(_group_key(sp))
            if g is None:
                g = order[_group_key(sp)] = {"speaker": sp, "statements": [], "direct": 0}
            elif g["speaker"].role is None and sp.role:
                g["speaker"] = sp
            g["statements"].append((pi, si))
            if sentence.kind == "direct":
                g["direct"] += 1
        if any_speaker:
            attributed.append(pi)
    aliases: dict[tuple[str, str], set[str]] = {}
    silent: dict[str, str] = {}
    votes: dict[str, dict[tuple[str, str], int]] = {}
    for article in corpus.articles:
        for person in article.people:
            key = (fold(person.name), person.kind)
            if key in order:
                aliases.setdefault(key, set()).update(person.aliases)
                for alias in person.aliases:
                    per = votes.setdefault(alias, {})
                    per[key] = per.get(key, 0) + 1
            else:
                for alias in person.aliases:
                    silent.setdefault(alias, person.name)
    groups = tuple(SpeakerGroup(key[0], key[1], g["speaker"], g["statements"], g["direct"],
                                len(g["statements"]) - g["direct"])
                   for key, g in order.items())
    alias_groups: dict[str, int] = {}
    best: dict[str, tuple[int, int]] = {}
    for gi, (key, g) in enumerate(order.items()):
        for alias in (key[0], *aliases.get(key, ())):
            rank = (votes.get(alias, {}).get(key, 0), len(g["statements"]))
            if alias not in best or rank > best[alias]:
                best[alias] = rank
                alias_groups[alias] = gi
    return SpeakerDigest(groups, silent, attributed, alias_groups)


# ---------------------------------------------------------------------------------- save
class _Strings:
    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def __call__(self, s: str | None) -> int:
        if s is None:
            return -1
        if not isinstance(s, str) or "\0" in s:
            raise _Unsupported("not a plain string")
        i = self.ids.get(s)
        if i is None:
            i = self.ids[s] = len(self.ids)
        return i

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        return _blob(list(self.ids))


def _joined(texts: Iterable[str]) -> str:
    """NUL-joined names for `_split` (none may hold a NUL: the layout refuses them)."""
    texts = list(texts)
    if any("\0" in t for t in texts):
        raise _Unsupported("a name holds NUL")
    return "\0".join(texts)


def _split(joined: str, count: int) -> list[str]:
    """The `count` names `_joined` made (one empty name and none both join to "")."""
    out = joined.split("\0") if count else []
    if len(out) != count:
        raise ValueError("a name list does not have the length it should")
    return out


def _blob(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    # surrogateescape: a file name that is not valid UTF-8 keeps its raw bytes
    encoded = [t.encode("utf-8", "surrogateescape") for t in texts]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(b) for b in encoded], out=offsets[1:])
    return np.frombuffer(b"".join(encoded), dtype=np.uint8), offsets


def records_arrays(corpus: Corpus) -> tuple[dict[str, np.ndarray], dict[str, Any]] | None:
    """(arrays, JSON part) for `corpus`, or None when this layout cannot hold it exactly."""
    if not layout_supported():
        return None
    try:
        return _records_arrays(corpus)
    except _Unsupported:
        return None


def _records_arrays(corpus: Corpus) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    derived = [p for a in corpus.articles for p in a.passages]
    if len(derived) != len(corpus.passages) or not all(
            x is y or x == y for x, y in zip(derived, corpus.passages)):
        raise _Unsupported("passages are not the articles' passages in order")
    strings = _Strings()
    speakers: dict[Speaker, int] = {}
    speaker_rows: list[tuple[int, int, int]] = []
    kind_code = {k: i for i, k in enumerate(SPEAKER_KINDS)}
    speech_code: dict[str | None, int] = {None: -1, **{k: i for i, k in enumerate(SPEECH_KINDS)}}

    def speaker_id(sp: Speaker | None) -> int:
        if sp is None:
            return -1
        i = speakers.get(sp)
        if i is None:
            if sp.kind not in kind_code:
                raise _Unsupported("speaker kind")
            i = speakers[sp] = len(speaker_rows)
            speaker_rows.append((strings(sp.name), strings(sp.role), kind_code[sp.kind]))
        return i

    article_rows, passage_rows, sentence_rows, people_rows = [], [], [], []
    alias_ids: list[int] = []
    people_alias_off = [0]
    texts: list[str] = []
    for ai, a in enumerate(corpus.articles):
        article_rows.append((strings(a.id), strings(a.path), strings(a.title), strings(a.source),
                             strings(a.date), strings(a.url), len(passage_rows),
                             len(people_rows)))
        for p in a.passages:
            if p.document != a.id or not isinstance(p.index, int) or isinstance(p.index, bool):
                raise _Unsupported("passage of another article")
            passage_rows.append((ai, p.index, len(sentence_rows)))
            texts.append(p.text)
            for s in p.sentences:
                if s.kind not in speech_code or not isinstance(s.start, int) \
                        or not isinstance(s.end, int):
                    raise _Unsupported("sentence fields")
                own = -1 if s.text == p.text[s.start:s.end] else strings(s.text)
                sentence_rows.append((s.start, s.end, speaker_id(s.speaker),
                                      speech_code[s.kind], own))
        for person in a.people:
            if person.kind not in kind_code:
                raise _Unsupported("person kind")
            people_rows.append((strings(person.name), strings(person.role),
                                kind_code[person.kind]))
            alias_ids.extend(strings(x) for x in sorted(person.aliases))
            people_alias_off.append(len(alias_ids))
    for problem in corpus.problems:
        strings(problem.path), strings(problem.reason)
    digest = _compute_digest(corpus)
    stmts = [st for g in digest.groups for st in g.statements]
    group_rows = []
    at = 0
    for g in digest.groups:
        group_rows.append([g.folded, g.kind, speaker_id(g.speaker), at, len(g.statements),
                           g.direct])
        at += len(g.statements)
    text_bytes, text_offsets = _blob(texts)
    str_bytes, str_offsets = strings.arrays()

    def table(rows: list, width: int, dtype: Any = np.int64) -> np.ndarray:
        return np.array(rows, dtype=dtype).reshape(len(rows), width)

    arrays = {
        "text_bytes": text_bytes, "text_offsets": text_offsets,
        "str_bytes": str_bytes, "str_offsets": str_offsets,
        "articles": table(article_rows + [(-1,) * 6 + (len(passage_rows), len(people_rows))],
                          8),
        "passages": table(passage_rows + [(-1, -1, len(sentence_rows))], 3),
        "sentences": table(sentence_rows, 5),
        "speakers": table(speaker_rows, 3),
        "people": table(people_rows, 3),
        "people_aliases": np.array(people_alias_off, dtype=np.int64),
        "aliases": np.array(alias_ids, dtype=np.int64),
        "statements": table(stmts, 2),
        "attributed": np.array(digest.attributed, dtype=np.int64),
    }
    part = {
        "format": RECORDS_FORMAT,
        "problems": [[p.path, p.reason] for p in corpus.problems],
        "groups": group_rows,
        "alias_names": _joined(digest.alias_groups),
        "alias_groups": list(digest.alias_groups.values()),
        "silent_aliases": _joined(digest.silent),
        "silent_names": _joined(digest.silent.values()),
        "silent_count": len(digest.silent),
        "article_ids": _joined(a.id for a in corpus.articles),
        "duplicate_ids": len({a.id for a in corpus.articles}) != len(corpus.articles),
    }
    return arrays, part


# ---------------------------------------------------------------------------------- load
class _Tables:
    """The loaded arrays (plain views of the memory maps) and record caches."""

    def __init__(self, arrays: Mapping[str, np.ndarray], part: dict[str, Any]) -> None:
        a = {k: np.asarray(v).view(np.ndarray) for k, v in arrays.items()}
        self.text_bytes, self.text_offsets = a["text_bytes"], a["text_offsets"]
        self.str_bytes, self.str_offsets = a["str_bytes"], a["str_offsets"]
        self._str_view = memoryview(self.str_bytes)
        self.articles, self.passages, self.sentences = a["articles"], a["passages"], \
            a["sentences"]
        self.speakers, self.people = a["speakers"], a["people"]
        self.people_aliases, self.aliases = a["people_aliases"], a["aliases"]
        self.n_articles = self.articles.shape[0] - 1
        self.n_passages = self.passages.shape[0] - 1
        self.article_ids: list[str] = _split(part["article_ids"], self.n_articles)
        self.duplicate_ids: bool = bool(part.get("duplicate_ids", True))
        self._strings: dict[int, str] = {}
        self._speakers: dict[int, Speaker] = {}
        self.passage_cache: dict[int, Passage] = {}
        self.article_cache: dict[int, Article] = {}
        self.article_of_id: dict[str, int] = {}  # filled as passages are built

    def string(self, i: int) -> str | None:
        if i < 0:
            return None
        s = self._strings.get(i)
        if s is None:
            a, b = self.str_offsets[i:i + 2].tolist()
            s = self._strings[i] = str(self._str_view[a:b], "utf-8", "surrogateescape")
        return s

    def speaker(self, i: int) -> Speaker | None:
        if i < 0:
            return None
        sp = self._speakers.get(i)
        if sp is None:
            name, role, kind = self.speakers[i].tolist()
            sp = self._speakers[i] = Speaker(self.string(name), self.string(role),
                                             SPEAKER_KINDS[kind])
        return sp

    def passage(self, i: int) -> Passage:
        p = self.passage_cache.get(i)
        if p is not None:
            return p
        (art, index, s0), (_, _, s1) = self.passages[i:i + 2].tolist()
        a, b = self.text_offsets[i:i + 2].tolist()
        text = self.text_bytes[a:b].tobytes().decode("utf-8", "surrogateescape")
        sentences = tuple(
            Sentence(text[start:end] if own < 0 else self.string(own), start, end,
                     self.speaker(spk), SPEECH_KINDS[kind] if kind >= 0 else None)
            for start, end, spk, kind, own in self.sentences[s0:s1].tolist())
        p = Passage(self.article_ids[art], index, text, sentences)
        self.article_of_id.setdefault(p.document, art)
        return self.passage_cache.setdefault(i, p)

    def article(self, j: int) -> Article:
        art = self.article_cache.get(j)
        if art is not None:
            return art
        (aid, path, title, source, date, url, p0, q0), row1 = self.articles[j:j + 2].tolist()
        p1, q1 = row1[6], row1[7]
        people = []
        for qi in range(q0, q1):
            name, role, kind = self.people[qi].tolist()
            x, y = self.people_aliases[qi:qi + 2].tolist()
            people.append(Person(self.string(name), self.string(role), SPEAKER_KINDS[kind],
                                 frozenset(self.string(s) for s in self.aliases[x:y].tolist())))
        art = Article(self.article_ids[j], self.string(path), self.string(title),
                      LazyPassages(self, p0, p1), tuple(people), self.string(source),
                      self.string(date), self.string(url))
        return self.article_cache.setdefault(j, art)


class _LazySeq(Sequence):  # type: ignore[type-arg]
    """A read-only sequence of records built on first access; equal to any sequence with
    equal items (a tuple included), hashed like the tuple of its items."""

    _start: int
    _stop: int

    def __len__(self) -> int:
        return self._stop - self._start

    def _item(self, i: int) -> Any:
        raise NotImplementedError

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        if isinstance(i, slice):
            return tuple(self[j] for j in range(*i.indices(len(self))))
        n = len(self)
        i = i.__index__()
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("record index out of range")
        return self._item(self._start + i)

    def __iter__(self) -> Iterator[Any]:
        for i in range(self._start, self._stop):
            yield self._item(i)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, _LazySeq) and type(other) is type(self) \
                and other._tables is self._tables:  # type: ignore[attr-defined]
            return (other._start, other._stop) == (self._start, self._stop)
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return len(other) == len(self) and all(x == y for x, y in zip(self, other))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {len(self)}>"


class LazyPassages(_LazySeq):
    def __init__(self, tables: _Tables, start: int, stop: int,
                 digest: SpeakerDigest | None = None) -> None:
        self._tables, self._start, self._stop = tables, start, stop
        self.digest = digest

    def _item(self, i: int) -> Passage:
        return self._tables.passage(i)


class LazyArticles(_LazySeq):
    def __init__(self, tables: _Tables) -> None:
        self._tables, self._start, self._stop = tables, 0, tables.n_articles
        self._by_id: dict[str, int] | None = None

    def _item(self, i: int) -> Article:
        return self._tables.article(i)

    def by_id(self) -> ArticlesById:
        """A read-only mapping article id -> Article (the last article with that id, as a
        dict comprehension over the articles gives)."""
        return ArticlesById(self)


class ArticlesById(Mapping):  # type: ignore[type-arg]
    """Built on first need; the article of a passage already built is found at once."""

    def __init__(self, articles: LazyArticles) -> None:
        self._articles = articles
        self._index: dict[str, int] | None = None

    def _full(self) -> dict[str, int]:
        if self._index is None:
            ids = self._articles._tables.article_ids
            self._index = dict(zip(ids, range(len(ids))))  # the last of equal ids wins
        return self._index

    def __getitem__(self, key: str) -> Article:
        tables = self._articles._tables
        j = tables.article_of_id.get(key) if len(tables.article_of_id) and \
            not tables.duplicate_ids else None
        return self._articles._item(self._full()[key] if j is None else j)

    def __iter__(self) -> Iterator[str]:
        return iter(self._full())

    def __len__(self) -> int:
        return len(self._full())


def records_corpus(arrays: Mapping[str, np.ndarray], part: dict[str, Any]) -> Corpus:
    """The lazy Corpus of what `records_arrays` produced (arrays possibly memory-mapped)."""
    if part.get("format") != RECORDS_FORMAT:
        raise ValueError(f"records format {part.get('format')}, expected {RECORDS_FORMAT}")
    tables = _Tables(arrays, part)
    stmts = np.asarray(arrays["statements"]).view(np.ndarray)
    groups = LazyGroups(tables, stmts, part["groups"])
    alias_groups = part["alias_groups"]
    if alias_groups and not 0 <= min(alias_groups) <= max(alias_groups) < len(groups):
        raise ValueError("an alias names a speaker group that does not exist")
    digest = SpeakerDigest(
        groups,
        LazyNames(part["silent_aliases"], part["silent_names"], part["silent_count"]),
        IntList(np.asarray(arrays["attributed"]).view(np.ndarray)),
        dict(zip(_split(part["alias_names"], len(alias_groups)), alias_groups)))
    problems = tuple(LoadProblem(path, reason) for path, reason in part["problems"])
    return Corpus(LazyArticles(tables), problems,  # type: ignore[arg-type]
                  LazyPassages(tables, 0, tables.n_passages, digest))  # type: ignore[arg-type]


class Statements(Sequence):  # type: ignore[type-arg]
    """(passage, sentence) pairs of one speaker, as a list would give them."""

    def __init__(self, table: np.ndarray, start: int, stop: int) -> None:
        self._table, self._start, self._stop = table, start, stop
        self._items: list[tuple[int, int]] | None = None

    def _all(self) -> list[tuple[int, int]]:
        if self._items is None:
            self._items = [tuple(r) for r in  # type: ignore[misc]
                           self._table[self._start:self._stop].tolist()]
        return self._items  # type: ignore[return-value]

    def __len__(self) -> int:
        return self._stop - self._start

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        return self._all()[i]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]  # like a list

    def __repr__(self) -> str:
        return repr(self._all())


class LazyGroups(Sequence):  # type: ignore[type-arg]
    """The saved speaker groups, each built on first use: a start that answers about one
    speaker builds one group, not thousands."""

    def __init__(self, tables: _Tables, statements: np.ndarray, rows: list[list[Any]]) -> None:
        if not all(isinstance(r, list) and len(r) == 6 for r in rows):
            raise ValueError("speaker group rows are malformed")
        self._tables, self._statements, self._rows = tables, statements, rows
        self._built: dict[int, SpeakerGroup] = {}

    def keys(self) -> list[tuple[str, str]]:
        """(folded name, kind) of every group, in order, without building any."""
        return [(r[0], r[1]) for r in self._rows]

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self._rows)
        g = self._built.get(i)
        if g is None:
            folded, kind, spk, at, count, direct = self._rows[i]
            g = self._built[i] = SpeakerGroup(
                folded, kind, self._tables.speaker(spk),  # type: ignore[arg-type]
                Statements(self._statements, at, at + count), direct, count - direct)
        return g


class LazyNames(Mapping):  # type: ignore[type-arg]
    """alias -> name from two NUL-joined lists, split on first use (most answers never look
    up a name nobody speaks under)."""

    def __init__(self, keys: str, values: str, count: int) -> None:
        if not isinstance(keys, str) or not isinstance(values, str) or \
                not isinstance(count, int):
            raise ValueError("name lists are malformed")
        self._parts: tuple[str, str, int] | None = (keys, values, count)
        self._map: dict[str, str] = {}

    def _get(self) -> dict[str, str]:
        if self._parts is not None:
            keys, values, count = self._parts
            self._map = dict(zip(_split(keys, count), _split(values, count)))
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


def group_keys(groups: Sequence[SpeakerGroup]) -> list[tuple[str, str]]:
    """(folded name, kind) of each group, building none of a saved corpus's groups."""
    if isinstance(groups, LazyGroups):
        return groups.keys()
    return [(g.folded, g.kind) for g in groups]


class IntList(Sequence):  # type: ignore[type-arg]
    def __init__(self, arr: np.ndarray) -> None:
        self._arr = arr
        self._items: list[int] | None = None

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        return self._arr if dtype is None else self._arr.astype(dtype, copy=False)

    def _all(self) -> list[int]:
        if self._items is None:
            self._items = self._arr.tolist()
        return self._items

    def __len__(self) -> int:
        return int(self._arr.shape[0])

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        return self._all()[i]

    def __iter__(self) -> Iterator[int]:
        return iter(self._all())


def save_records(corpus: Corpus, folder: Path, save_array: Any) -> dict[str, Any] | None:
    """Write the records into `folder` with `save_array(name, array) -> file entry`; returns
    the manifest part, or None when this layout cannot hold the corpus (save JSON then)."""
    made = records_arrays(corpus)
    if made is None:
        return None
    arrays, part = made
    files = {name: save_array(name, arr) for name, arr in arrays.items()}
    path = folder / RECORDS_JSON
    # ASCII JSON: \u escapes also carry the surrogates of file names that are not UTF-8
    path.write_text(json.dumps(part, separators=(",", ":")), encoding="ascii")
    return {"format": RECORDS_FORMAT, "arrays": files, "json": RECORDS_JSON}
