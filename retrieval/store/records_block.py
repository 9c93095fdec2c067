"""One article's records as flat arrays of its own (`Block`), and a corpus's records tables
put together from its articles' blocks.

Why: the article cache keeps each article's block beside it, so a build that adds one file
writes the records of the thousands of unchanged articles by concatenating arrays instead
of walking their passages, sentences and people as objects again. A block holds exactly what
`records_save` writes of the article, numbered within the article (strings and speakers in
order of first use); `assemble` numbers them across the corpus in the same order the walk
over every article would, so the tables are the very ones `records_save` made by walking."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from corpus.models import Article, Passage, Person, Speaker
from retrieval.store.records_layout import SPEAKER_KINDS, SPEECH_KINDS, UnsupportedCorpus

KIND_CODE = {k: i for i, k in enumerate(SPEAKER_KINDS)}
SPEECH_CODE: dict[str | None, int] = {None: -1, **{k: i for i, k in enumerate(SPEECH_KINDS)}}
MAGIC = 0x50524231  # "PRB1": a block of this layout
_HEADER = 9


@dataclass(frozen=True)
class Block:
    """One article's records; string and speaker ids are the article's own (-1: none)."""

    strings: list[bytes]     # distinct strings, UTF-8 (surrogate escapes kept), first use first
    article: np.ndarray      # (6,): id, path, title, source, date, url
    passages: np.ndarray     # (P, 2): paragraph number, first sentence
    text_offsets: np.ndarray  # (P + 1,): where each passage text starts in `texts`
    texts: bytes
    sentences: np.ndarray    # (S, 5): start, end, speaker, speech kind, own text
    speakers: np.ndarray     # (K, 3): name, role, kind
    people: np.ndarray       # (Q, 3): name, role, kind
    people_aliases: np.ndarray  # (Q + 1,): each person's range of `aliases`
    aliases: np.ndarray
    # Each string's number in a vocabulary kept across builds (`word_ids`), when known; a
    # block read with `block_from_bytes(..., strings=False)` then has no `strings` made.
    words: np.ndarray | None = None


class _Walk:
    """The walk `records_save` makes of an article, numbering within the article."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.speaker_ids: dict[Speaker, int] = {}
        self.by_object: dict[int, int] = {}
        self.speakers: list[tuple[int, int, int]] = []
        self.sentences: list[tuple[int, int, int, int, int]] = []

    def string(self, s: str | None) -> int:
        if s is None:
            return -1
        if not isinstance(s, str):
            raise UnsupportedCorpus("not a plain string")
        i = self.ids.get(s)
        if i is None:
            i = self.ids[s] = len(self.ids)
        return i

    def speaker(self, sp: Speaker | None) -> int:
        if sp is None:
            return -1
        i = self.by_object.get(id(sp))  # by identity first: hashing a dataclass is the cost
        if i is not None:
            return i
        i = self.speaker_ids.get(sp)
        if i is None:
            if sp.kind not in KIND_CODE:
                raise UnsupportedCorpus("speaker kind")
            i = self.speaker_ids[sp] = len(self.speakers)
            self.speakers.append((self.string(sp.name), self.string(sp.role),
                                  KIND_CODE[sp.kind]))
        self.by_object[id(sp)] = i
        return i

    def passage(self, p: Passage) -> None:
        text = p.text
        add, speaker, codes = self.sentences.append, self.speaker, SPEECH_CODE
        for x in p.sentences:
            start, end, kind = x.start, x.end, x.kind
            if kind not in codes or not isinstance(start, int) or not isinstance(end, int):
                raise UnsupportedCorpus("sentence fields")
            own = -1 if x.text == text[start:end] else self.string(x.text)
            add((start, end, speaker(x.speaker), codes[kind], own))

    def person(self, person: Person, aliases: list[int]) -> tuple[int, int, int]:
        if person.kind not in KIND_CODE:
            raise UnsupportedCorpus("person kind")
        row = (self.string(person.name), self.string(person.role), KIND_CODE[person.kind])
        aliases.extend(self.string(x) for x in sorted(person.aliases))
        return row


def _table(rows: Sequence[tuple[int, ...]], width: int) -> np.ndarray:
    return np.array(rows, dtype=np.int64).reshape(len(rows), width)


def article_block(a: Article) -> Block:
    """The article's records, as `records_save` writes them; UnsupportedCorpus when the
    layout cannot hold them."""
    w = _Walk()
    head = [w.string(x) for x in (a.id, a.path, a.title, a.source, a.date, a.url)]
    passages, texts = [], []
    for p in a.passages:
        if p.document != a.id or not isinstance(p.index, int) or isinstance(p.index, bool):
            raise UnsupportedCorpus("passage of another article")
        passages.append((p.index, len(w.sentences)))
        texts.append(p.text.encode("utf-8", "surrogateescape"))
        w.passage(p)
    aliases: list[int] = []
    people, bounds = [], [0]
    for person in a.people:
        people.append(w.person(person, aliases))
        bounds.append(len(aliases))
    offsets = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum([len(t) for t in texts], out=offsets[1:])
    return Block([s.encode("utf-8", "surrogateescape") for s in w.ids],
                 np.array(head, dtype=np.int64), _table(passages, 2), offsets, b"".join(texts),
                 _table(w.sentences, 5), _table(w.speakers, 3), _table(people, 3),
                 np.array(bounds, dtype=np.int64), np.array(aliases, dtype=np.int64))


def block_bytes(b: Block) -> bytes:
    """The block as bytes for the article cache (`block_from_bytes` reads them back)."""
    str_offsets = np.zeros(len(b.strings) + 1, dtype=np.int64)
    np.cumsum([len(s) for s in b.strings], out=str_offsets[1:])
    strings = b"".join(b.strings)
    header = np.array([MAGIC, len(b.strings), len(b.passages), len(b.sentences),
                       len(b.speakers), len(b.people), len(b.aliases), len(strings),
                       len(b.texts)], dtype=np.int64)
    ints = np.concatenate([header, b.article, str_offsets, b.text_offsets,
                           b.passages.ravel(), b.sentences.ravel(), b.speakers.ravel(),
                           b.people.ravel(), b.people_aliases, b.aliases])
    return ints.astype("<i8").tobytes() + strings + b.texts


HEADER_BYTES = 8 * _HEADER


def block_sizes(data: bytes, total: int | None = None) -> tuple[int, int, int] | None:
    """(passages, sentences, bytes of text) of the block `block_bytes` wrote, from its header
    alone (the merge's renaming keeps all three; `data` may be the first `HEADER_BYTES` of
    a block of `total` bytes); None when the bytes are not such a block."""
    total = len(data) if total is None else total
    head = np.frombuffer(data, dtype="<i8", count=_HEADER).tolist() \
        if len(data) >= 8 * _HEADER else []
    if len(head) != _HEADER or head[0] != MAGIC:
        return None
    n_str, n_p, n_s, n_k, n_q, n_a, str_len, text_len = head[1:]
    sizes = (6, n_str + 1, n_p + 1, 2 * n_p, 5 * n_s, 3 * n_k, 3 * n_q, n_q + 1, n_a)
    if min(sizes) < 0 or min(str_len, text_len) < 0 or \
            total != 8 * (_HEADER + sum(sizes)) + str_len + text_len:
        return None
    return n_p, n_s, text_len


def block_from_bytes(data: bytes, words: np.ndarray | None = None) -> Block:
    """What `block_bytes` wrote; ValueError when the bytes are not such a block. With
    `words` (the numbers of its strings in a vocabulary, as many as it has strings) its
    strings are not made: the block holds the numbers instead (`Block.words`)."""
    head = np.frombuffer(data, dtype="<i8", count=_HEADER) if len(data) >= 8 * _HEADER \
        else np.zeros(0)
    if head.size != _HEADER or int(head[0]) != MAGIC:
        raise ValueError("not a records block")
    n_str, n_p, n_s, n_k, n_q, n_a, str_len, text_len = (int(x) for x in head[1:])
    sizes = (6, n_str + 1, n_p + 1, 2 * n_p, 5 * n_s, 3 * n_k, 3 * n_q, n_q + 1, n_a)
    if min(sizes) < 0 or min(str_len, text_len) < 0:
        raise ValueError("a records block with negative sizes")
    count = sum(sizes)
    if len(data) != 8 * (_HEADER + count) + str_len + text_len:
        raise ValueError("a records block of the wrong length")
    ints = np.frombuffer(data, dtype="<i8", count=count, offset=8 * _HEADER).astype(np.int64)
    parts, at = [], 0
    for n in sizes:
        parts.append(ints[at:at + n])
        at += n
    article, str_offsets, text_offsets, passages, sentences, speakers, people, bounds, \
        aliases = parts
    base = 8 * (_HEADER + count)
    blob = data[base:base + str_len]
    offs = str_offsets.tolist()
    if offs[0] != 0 or offs[-1] != str_len or int(text_offsets[-1]) != text_len:
        raise ValueError("a records block's offsets do not fit")
    if words is not None and len(words) != n_str:
        raise ValueError("numbers for another block's strings")
    strings = [blob[offs[i]:offs[i + 1]] for i in range(n_str)] if words is None else []
    return Block(strings, article, passages.reshape(n_p, 2), text_offsets,
                 data[base + str_len:], sentences.reshape(n_s, 5), speakers.reshape(n_k, 3),
                 people.reshape(n_q, 3), bounds, aliases, words)


@dataclass
class Tables:
    """A corpus's records tables as `records_layout` stores them (the range tables without
    their closing rows), and its distinct strings in order of first use."""

    strings: list[bytes]
    articles: np.ndarray    # (A, 8)
    passages: np.ndarray    # (P, 3): article, paragraph number, first sentence
    sentences: np.ndarray   # (S, 5)
    speakers: np.ndarray    # (K, 3)
    people: np.ndarray      # (Q, 3)
    people_aliases: np.ndarray  # (Q + 1,)
    aliases: np.ndarray
    text_bytes: np.ndarray  # uint8
    text_offsets: np.ndarray  # (P + 1,)


def cat(parts: list[np.ndarray], width: int = 0) -> np.ndarray:
    """The parts end to end (an empty table of `width` columns when there are none)."""
    if not parts:
        return np.zeros((0, width) if width else 0, dtype=np.int64)
    return np.concatenate(parts)


def starts(counts: list[int] | np.ndarray) -> np.ndarray:
    """Where each of runs of `counts` items starts, and where the last ends."""
    out = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=out[1:])
    return out


class Maps:
    """Each block's map of its local ids, end to end, each closed by -1 (where a local -1
    points)."""

    def __init__(self, maps: list[list[int]]) -> None:
        self.flat = np.array([x for m in maps for x in m], dtype=np.int64)
        self.base = starts([len(m) for m in maps])[:-1]
        self.last = np.array([len(m) - 1 for m in maps], dtype=np.int64)
        self.blocks = np.arange(len(maps), dtype=np.int64)

    @classmethod
    def of_runs(cls, values: np.ndarray, sizes: np.ndarray) -> Maps:
        """The maps of blocks whose maps (without their closing -1) are `values` end to
        end, `sizes` of them per block."""
        ends = np.cumsum(sizes)
        m = cls([])
        m.flat = np.insert(values.astype(np.int64), ends, -1)
        m.base = np.zeros(len(sizes), dtype=np.int64)
        m.base[1:] = ends[:-1] + np.arange(1, len(sizes), dtype=np.int64)
        m.last = np.asarray(sizes, dtype=np.int64)
        m.blocks = np.arange(len(sizes), dtype=np.int64)
        return m

    def __call__(self, local: np.ndarray, counts: list[int] | np.ndarray) -> np.ndarray:
        """Each block's local ids (`counts` of them per block, in order) through its map."""
        owner = np.repeat(self.blocks, counts)
        return self.flat[self.base[owner] + np.where(local >= 0, local, self.last[owner])]


def assemble(blocks: Sequence[Block], owners: Sequence[int]) -> Tables:
    """The tables of the articles whose blocks these are, in order (`owners`: the article
    each one's passages belong to, the last of equal ids): strings and speakers numbered in
    order of first use across them, as one walk over every article numbers them."""
    ids: dict[bytes, int] = {}
    speaker_ids: dict[tuple[int, int, int], int] = {}
    speakers: list[tuple[int, int, int]] = []
    string_maps, speaker_maps, heads = [], [], []
    for b in blocks:
        gm = [ids.setdefault(s, len(ids)) for s in b.strings]
        gm.append(-1)
        sm = []
        for name, role, kind in b.speakers.tolist():
            key = (gm[name], gm[role], kind)
            row = speaker_ids.get(key)
            if row is None:
                row = speaker_ids[key] = len(speakers)
                speakers.append(key)
            sm.append(row)
        sm.append(-1)
        heads.append([gm[x] for x in b.article.tolist()])
        string_maps.append(gm)
        speaker_maps.append(sm)
    n_s = [len(b.sentences) for b in blocks]
    n_p = [len(b.passages) for b in blocks]
    n_q = [len(b.people) for b in blocks]
    n_a = [len(b.aliases) for b in blocks]
    s0, p0, q0, a0 = starts(n_s), starts(n_p), starts(n_q), starts(n_a)
    by_string, by_speaker = Maps(string_maps), Maps(speaker_maps)
    sentences = cat([b.sentences for b in blocks], 5).copy()
    if len(sentences):
        sentences[:, 2] = by_speaker(sentences[:, 2], n_s)
        sentences[:, 4] = by_string(sentences[:, 4], n_s)
    local = cat([b.passages for b in blocks], 2)
    of_passage = np.repeat(np.arange(len(blocks), dtype=np.int64), n_p)
    passages = np.column_stack([np.asarray(owners, dtype=np.int64)[of_passage], local[:, 0],
                                local[:, 1] + s0[:-1][of_passage]]) if len(local) else \
        np.zeros((0, 3), dtype=np.int64)
    people = cat([b.people for b in blocks], 3).copy()
    if len(people):
        people[:, 0] = by_string(people[:, 0], n_q)
        people[:, 1] = by_string(people[:, 1], n_q)
    bounds = [b.people_aliases[:-1] + a0[i] for i, b in enumerate(blocks)]
    people_aliases = np.concatenate([*bounds, a0[-1:]])
    aliases = by_string(cat([b.aliases for b in blocks]), n_a)
    texts = [b.texts for b in blocks]
    t0 = starts([len(t) for t in texts])
    text_offsets = np.concatenate([*(b.text_offsets[:-1] + t0[i]
                                     for i, b in enumerate(blocks)), t0[-1:]])
    articles = np.array([h + [int(p0[i]), int(q0[i])] for i, h in enumerate(heads)],
                        dtype=np.int64).reshape(len(blocks), 8)
    return Tables(list(ids), articles, passages, sentences,
                  np.array(speakers, dtype=np.int64).reshape(len(speakers), 3),
                  people, people_aliases, aliases,
                  np.frombuffer(b"".join(texts), dtype=np.uint8), text_offsets)
