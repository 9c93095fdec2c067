"""The records save written as it goes: each article's block (`records_block`) numbered into
the corpus's strings and speakers as `records_block.assemble` numbers them, its sentences,
passages and texts written to their files at once, and only what the speaker digest and the
small tables need kept. The files are byte for byte those of `records_save.records_arrays`.

Why: holding every article's block, then the tables put together from them, then the arrays
made of the tables, was the build's peak (some 3 KB a passage on top of the corpus). Now a
block is let go once written; what stays grows with the sentences by 5 bytes each (their
speaker and speech kind, for the digest) and with the people and distinct strings."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from corpus.models import Article, Corpus
from retrieval.store.array_writer import ArrayWriter
from retrieval.store.digest_rows import DigestRows, DigestTables, digest_rows
from retrieval.store.records_block import Block, article_block

BlockOf = Callable[[Article], Block | None]  # an article's block, when one is kept
# (passages, sentences, bytes of text) of an article's kept block, known without decoding it
SizesOf = Callable[[Article], tuple[int, int, int] | None]
Writer = Callable[[str, np.dtype[Any] | type, tuple[int, ...]], ArrayWriter]


class SizesChanged(Exception):
    """A block did not have the sizes its header gave (a damaged block, walked again): the
    caller writes the records the whole-table way instead."""


@dataclass
class _Kept:
    """What is kept while the blocks are written: the string and speaker numbering, the
    small tables, and the digest's columns."""

    ids: dict[bytes, int] = field(default_factory=dict)
    speaker_ids: dict[tuple[int, int, int], int] = field(default_factory=dict)
    speakers: list[tuple[int, int, int]] = field(default_factory=list)
    heads: list[list[int]] = field(default_factory=list)
    people: list[np.ndarray] = field(default_factory=list)
    bounds: list[np.ndarray] = field(default_factory=list)
    aliases: list[np.ndarray] = field(default_factory=list)
    starts: list[np.ndarray] = field(default_factory=list)
    speaker: list[np.ndarray] = field(default_factory=list)
    speech: list[np.ndarray] = field(default_factory=list)
    sentences: int = 0
    passages: int = 0
    people_count: int = 0
    alias_count: int = 0
    text: int = 0


def _through(table: np.ndarray, local: np.ndarray) -> np.ndarray:
    """Local ids through a map closed by -1 (where any negative local id points)."""
    return table[np.where(local >= 0, local, -1)]


def _maps(k: _Kept, b: Block) -> tuple[np.ndarray, np.ndarray]:
    """The block's strings and speakers numbered across the corpus (first use first)."""
    ids = k.ids
    gm = [ids.setdefault(s, len(ids)) for s in b.strings]
    gm.append(-1)
    sm = []
    for name, role, kind in b.speakers.tolist():
        key = (gm[name], gm[role], kind)
        row = k.speaker_ids.get(key)
        if row is None:
            row = k.speaker_ids[key] = len(k.speakers)
            k.speakers.append(key)
        sm.append(row)
    sm.append(-1)
    return np.array(gm, dtype=np.int64), np.array(sm, dtype=np.int64)


def _add(k: _Kept, b: Block, owner: int, files: dict[str, ArrayWriter]) -> None:
    """One block, numbered across the corpus: written, or kept for the small tables."""
    strings, speakers = _maps(k, b)
    k.heads.append([int(strings[x]) if x >= 0 else -1 for x in b.article.tolist()]
                   + [k.passages, k.people_count])
    sentences = b.sentences.copy()
    if len(sentences):
        sentences[:, 2] = _through(speakers, sentences[:, 2])
        sentences[:, 4] = _through(strings, sentences[:, 4])
    files["sentences"].write(sentences)
    k.speaker.append(sentences[:, 2].astype(np.int32))
    k.speech.append(sentences[:, 3].astype(np.int8))
    n_p = len(b.passages)
    starts = b.passages[:, 1] + k.sentences
    k.starts.append(starts)
    rows = np.empty((n_p, 3), dtype=np.int64)
    rows[:, 0], rows[:, 1], rows[:, 2] = owner, b.passages[:, 0], starts
    files["passages"].write(rows)
    files["text_offsets"].write(b.text_offsets[:-1] + k.text)
    files["text_bytes"].write(b.texts)
    people = b.people.copy()
    if len(people):
        people[:, 0] = _through(strings, people[:, 0])
        people[:, 1] = _through(strings, people[:, 1])
    k.people.append(people)
    k.bounds.append(b.people_aliases[:-1] + k.alias_count)
    k.aliases.append(_through(strings, b.aliases))
    k.sentences += len(sentences)
    k.passages += n_p
    k.people_count += len(people)
    k.alias_count += len(b.aliases)
    k.text += len(b.texts)


def _cat(parts: list[np.ndarray], dtype: type, width: int = 0) -> np.ndarray:
    if not parts:
        return np.zeros((0, width) if width else 0, dtype=dtype)
    return np.concatenate(parts).astype(dtype, copy=False)


def stream_records(corpus: Corpus, writer: Writer, blocks: BlockOf | None,
                   sizes: SizesOf | None) -> tuple[dict[str, dict[str, Any]], DigestRows]:
    """Write the records of `corpus` (its passages checked to be its articles'), each file by
    `writer(name, dtype, shape)`: the files' manifest entries, in `records_layout` order,
    and the digest for the JSON part. SizesChanged when a block's header lied."""
    articles = corpus.articles
    owner = {a.id: ai for ai, a in enumerate(articles)}  # the last of equal ids wins
    walked: dict[int, Block] = {}  # the blocks with no kept sizes, walked once, written later
    counts = np.zeros(3, dtype=np.int64)
    for ai, a in enumerate(articles):
        got = sizes(a) if sizes is not None else None
        if got is None:
            b = (blocks(a) if blocks is not None else None) or article_block(a)
            walked[ai] = b
            got = (len(b.passages), len(b.sentences), len(b.texts))
        counts += got
    n_p, n_s, n_t = (int(x) for x in counts)
    files = {"text_bytes": writer("text_bytes", np.uint8, (n_t,)),
             "text_offsets": writer("text_offsets", np.int64, (n_p + 1,)),
             "passages": writer("passages", np.int64, (n_p + 1, 3)),
             "sentences": writer("sentences", np.int64, (n_s, 5))}
    try:
        k = _Kept()
        for ai, a in enumerate(articles):
            b = walked.pop(ai) if ai in walked else \
                (blocks(a) if blocks is not None else None) or article_block(a)
            if k.passages + len(b.passages) > n_p or k.sentences + len(b.sentences) > n_s \
                    or k.text + len(b.texts) > n_t:
                raise SizesChanged
            _add(k, b, owner[a.id], files)
        if (k.passages, k.sentences, k.text) != (n_p, n_s, n_t):
            raise SizesChanged
        files["text_offsets"].write(np.array([k.text], dtype=np.int64))
        files["passages"].write(np.array([[-1, -1, k.sentences]], dtype=np.int64))
        streamed = {name: w.close() for name, w in files.items()}
    finally:
        for w in files.values():
            w.abandon()
    return _finish(k, writer, streamed)


def _finish(k: _Kept, writer: Writer, streamed: dict[str, dict[str, Any]]
            ) -> tuple[dict[str, dict[str, Any]], DigestRows]:
    """The small tables and the digest's, written whole; every file's entry in order."""
    strings = list(k.ids)
    people = _cat(k.people, np.int64, 3)
    people_aliases = np.concatenate([*k.bounds, np.array([k.alias_count], dtype=np.int64)])
    aliases = _cat(k.aliases, np.int64)
    speakers = np.array(k.speakers, dtype=np.int64).reshape(len(k.speakers), 3)
    digest = digest_rows(DigestTables(strings, speakers, _cat(k.starts, np.int64),
                                      _cat(k.speaker, np.int32), _cat(k.speech, np.int8),
                                      people, people_aliases, aliases))
    str_offsets = np.zeros(len(strings) + 1, dtype=np.int64)
    np.cumsum([len(s) for s in strings], out=str_offsets[1:])
    heads = k.heads + [[-1] * 6 + [k.passages, k.people_count]]
    whole = {"str_bytes": np.frombuffer(b"".join(strings), dtype=np.uint8),
             "str_offsets": str_offsets,
             "articles": np.array(heads, dtype=np.int64).reshape(len(heads), 8),
             "speakers": speakers, "people": people, "people_aliases": people_aliases,
             "aliases": aliases, "statements": digest.statements.reshape(-1, 2),
             "attributed": digest.attributed}
    entries = {**streamed}
    for name, arr in whole.items():
        arr = np.ascontiguousarray(arr)
        with writer(name, arr.dtype, arr.shape) as w:
            w.write(arr)
            entries[name] = w.close()
    order = ("text_bytes", "text_offsets", "str_bytes", "str_offsets", "articles",
             "passages", "sentences", "speakers", "people", "people_aliases", "aliases",
             "statements", "attributed")
    return {name: entries[name] for name in order}, digest

