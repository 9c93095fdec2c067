"""The records save written as it goes: each article's block (`records_block`) numbered into
the corpus's strings and speakers as `records_block.assemble` numbers them, its sentences,
passages and texts written to their files at once, and only what the speaker digest and the
small tables need kept. The files are byte for byte those of `records_save.records_arrays`.

Why: holding every article's block, then the tables put together from them, then the arrays
made of the tables, was the build's peak (some 3 KB a passage on top of the corpus). Now a
block is let go once written; what stays grows with the sentences by 5 bytes each (their
speaker and speech kind, for the digest) and with the people and distinct strings."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from corpus.held_articles import article_keys
from corpus.models import Corpus
from retrieval.first_seen import first_seen
from retrieval.store.array_writer import ArrayWriter
from retrieval.store.block_runs import Packed, Run, run_of
from retrieval.store.digest_rows import DigestRows, DigestTables, Facts, digest_rows
from retrieval.store.records_block import Block, Maps, article_block, starts

ArticleKey = tuple[str, str]  # an article's (id, path): one article of a built corpus
BlockOf = Callable[[ArticleKey], Block | None]  # an article's block, when one is kept
# the same, read or packed (`block_runs.Packed`: read with the run of blocks it is in)
StreamedBlockOf = Callable[[ArticleKey], Block | Packed | None]
# (passages, sentences, bytes of text) of an article's kept block, known without decoding it
SizesOf = Callable[[ArticleKey], tuple[int, int, int] | None]
Writer = Callable[[str, np.dtype[Any] | type, tuple[int, ...]], ArrayWriter]
_RUN = 256  # blocks numbered and written at a time: their arrays alive at once


class Vocabulary(Protocol):
    """Strings numbered across builds (`word_ids.Words`): blocks carrying their strings'
    numbers (`Block.words`) are numbered across the corpus with numpy."""

    def number(self, vocabulary: Sequence[str]) -> np.ndarray: ...

    def words(self, ids: np.ndarray) -> list[str]: ...


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
    heads: list[np.ndarray] = field(default_factory=list)  # (B, 8) rows of a run's articles
    people: list[np.ndarray] = field(default_factory=list)
    bounds: list[np.ndarray] = field(default_factory=list)
    aliases: list[np.ndarray] = field(default_factory=list)
    starts: list[np.ndarray] = field(default_factory=list)
    speaker: list[np.ndarray] = field(default_factory=list)
    speech: list[np.ndarray] = field(default_factory=list)
    sentences: int = 0
    seen: np.ndarray = field(default_factory=lambda: np.zeros(3, dtype=np.int64))
    passages: int = 0
    people_count: int = 0
    alias_count: int = 0
    text: int = 0
    # With a vocabulary: each vocabulary number's string id across the corpus (-1: not met
    # yet), and the numbers met, in order of first use
    vocabulary: Vocabulary | None = None
    string_of: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    met: list[np.ndarray] = field(default_factory=list)
    n_strings: int = 0


def _maps(k: _Kept, b: Block) -> tuple[list[int], list[int]]:
    """The block's strings and speakers numbered across the corpus (first use first), each
    map closed by -1 (where a local -1 points)."""
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
    return gm, sm


def _numbered(k: _Kept, run: Run) -> tuple[Maps, Maps]:
    """`_maps` of a run of blocks from their strings' numbers in the vocabulary
    (`Run.words`): the strings met first numbered in order of first use with numpy (equal
    strings are equal numbers), the speakers by first use."""
    assert run.words is not None
    every = run.words.astype(np.int64, copy=False)
    if every.size and (int(every.min()) < 0):
        raise SizesChanged  # (a damaged number: the whole-table way, from the strings)
    top = int(every.max()) + 1 if every.size else 0
    if top > len(k.string_of):
        k.string_of = np.concatenate([k.string_of,
                                      np.full(top - len(k.string_of), -1, dtype=np.int64)])
    fresh = every[k.string_of[every] < 0]
    if fresh.size:
        met = first_seen(fresh)
        k.string_of[met] = np.arange(k.n_strings, k.n_strings + met.size, dtype=np.int64)
        k.n_strings += int(met.size)
        k.met.append(met)
    by_string = Maps.of_runs(k.string_of[every], run.n_strings)
    speakers, n_k = run.speakers, run.n_speakers
    names = by_string(speakers[:, 0], n_k).tolist() if len(speakers) else []
    roles = by_string(speakers[:, 1], n_k).tolist() if len(speakers) else []
    kinds = speakers[:, 2].tolist() if len(speakers) else []
    rows = []
    for key in zip(names, roles, kinds, strict=True):
        row = k.speaker_ids.get(key)
        if row is None:
            row = k.speaker_ids[key] = len(k.speakers)
            k.speakers.append(key)
        rows.append(row)
    by_speaker = Maps.of_runs(np.array(rows, dtype=np.int64), n_k)
    heads = by_string(run.heads.ravel(), np.full(run.blocks, 6, dtype=np.int64))
    _heads(k, heads.reshape(-1, 6), run)
    return by_string, by_speaker


def _heads(k: _Kept, heads: np.ndarray, run: Run) -> None:
    """The run's rows of the articles table: each block's head numbered across the corpus,
    then where its passages and people start."""
    rows = np.empty((run.blocks, 8), dtype=np.int64)
    rows[:, :6] = heads
    rows[:, 6] = k.passages + starts(run.n_passages)[:-1]
    rows[:, 7] = k.people_count + starts(run.n_people)[:-1]
    k.heads.append(rows)
    k.passages += int(run.n_passages.sum())
    k.people_count += int(run.n_people.sum())


def _add(k: _Kept, run: Run, blocks: list[Block | Packed], owners: list[int],
         files: dict[str, ArrayWriter], counts: np.ndarray) -> None:
    """A run of blocks (`run`, made of `blocks`), numbered across the corpus as
    `records_block.assemble` numbers them (with its maps, a run at a time: a numpy step per
    run, not per article): written, or kept for the small tables. SizesChanged when they
    hold more than `counts` (passages, sentences, bytes of text) allow."""
    k.seen += (int(run.n_passages.sum()), int(run.n_sentences.sum()), len(run.texts))
    if (k.seen > counts).any():
        raise SizesChanged
    if k.vocabulary is not None:
        by_string, by_speaker = _numbered(k, run)
    else:
        string_maps, speaker_maps, heads = [], [], []
        for b in blocks:
            assert isinstance(b, Block)  # (packed blocks come with a vocabulary only)
            gm, sm = _maps(k, b)
            heads.append([gm[x] for x in b.article.tolist()])
            string_maps.append(gm)
            speaker_maps.append(sm)
        _heads(k, np.array(heads, dtype=np.int64).reshape(-1, 6), run)
        by_string, by_speaker = Maps(string_maps), Maps(speaker_maps)
    n_s, n_p, n_q, n_a = run.n_sentences, run.n_passages, run.n_people, run.n_aliases
    s0, q_a0, t0 = starts(n_s), starts(n_a), starts(run.n_text)
    sentences = run.sentences.copy()
    if len(sentences):
        sentences[:, 2] = by_speaker(sentences[:, 2], n_s)
        sentences[:, 4] = by_string(sentences[:, 4], n_s)
    files["sentences"].write(sentences)
    k.speaker.append(sentences[:, 2].astype(np.int32))
    k.speech.append(sentences[:, 3].astype(np.int8))
    local = run.passages
    of_passage = np.repeat(np.arange(run.blocks, dtype=np.int64), n_p)
    rows = np.empty((len(local), 3), dtype=np.int64)
    rows[:, 0] = np.asarray(owners, dtype=np.int64)[of_passage]
    rows[:, 1] = local[:, 0]
    rows[:, 2] = local[:, 1] + (s0[:-1] + k.sentences)[of_passage]
    k.starts.append(rows[:, 2].copy())
    files["passages"].write(rows)
    files["text_offsets"].write(run.text_offsets + (t0[:-1] + k.text)[of_passage])
    files["text_bytes"].write(run.texts)
    people = run.people.copy()
    if len(people):
        people[:, 0] = by_string(people[:, 0], n_q)
        people[:, 1] = by_string(people[:, 1], n_q)
    k.people.append(people)
    k.bounds.append(run.bounds + np.repeat(q_a0[:-1] + k.alias_count, n_q))
    k.aliases.append(by_string(run.aliases, n_a))
    k.sentences += int(s0[-1])
    k.alias_count += int(q_a0[-1])
    k.text += int(t0[-1])


def _run_of(blocks: list[Block | Packed], vocabulary: Vocabulary | None,
            walk: Callable[[int], Block]) -> Run:
    """The blocks as one run; when a packed one cannot be read packed, every block of the
    run is taken as `walk(i)` gives it (a packed one read by itself, `Packed.read`, else
    walked from its article, as before blocks came packed)."""
    try:
        return run_of(blocks, vocabulary)
    except ValueError:
        return Run.of_blocks([walk(i) for i in range(len(blocks))], vocabulary)


def _cat(parts: list[np.ndarray], dtype: type, width: int = 0) -> np.ndarray:
    if not parts:
        return np.zeros((0, width) if width else 0, dtype=dtype)
    return np.concatenate(parts).astype(dtype, copy=False)


def stream_records(corpus: Corpus, writer: Writer, blocks: StreamedBlockOf | None,
                   sizes: SizesOf | None, vocabulary: Vocabulary | None = None,
                   facts: Facts | None = None
                   ) -> tuple[dict[str, dict[str, Any]], DigestRows]:
    """Write the records of `corpus` (its passages checked to be its articles'), each file by
    `writer(name, dtype, shape)`: the files' manifest entries, in `records_layout` order,
    and the digest for the JSON part. SizesChanged when a block's header lied. With a
    `vocabulary`, blocks may carry their strings as numbers in it (`Block.words`); `facts`:
    what the digest works out of single strings, when kept (`string_facts`)."""
    articles = corpus.articles  # read through their keys: a held article is made again
    # the last of equal ids wins
    owner = {aid: ai for ai, (aid, _, _) in enumerate(article_keys(articles))}
    walked: dict[int, Block] = {}  # the blocks with no kept sizes, walked once, written later
    counts = np.zeros(3, dtype=np.int64)
    for ai, (aid, path, _) in enumerate(article_keys(articles)):
        got = sizes((aid, path)) if sizes is not None else None
        if got is None:
            given = blocks((aid, path)) if blocks is not None else None
            b = (given.read() if isinstance(given, Packed) else given) or \
                article_block(articles[ai])
            walked[ai] = b
            got = (len(b.passages), len(b.sentences), len(b.texts))
        counts += got
    n_p, n_s, n_t = (int(x) for x in counts)
    files = {"text_bytes": writer("text_bytes", np.uint8, (n_t,)),
             "text_offsets": writer("text_offsets", np.int64, (n_p + 1,)),
             "passages": writer("passages", np.int64, (n_p + 1, 3)),
             "sentences": writer("sentences", np.int64, (n_s, 5))}
    try:
        k = _Kept(vocabulary=vocabulary)
        run: list[Block | Packed] = []
        at: list[int] = []
        owners: list[int] = []

        def walk(i: int) -> Block:  # a packed block of the run that cannot be read packed
            given = run[i]
            return (given.read() if isinstance(given, Packed) else given) or \
                article_block(articles[at[i]])
        for ai, (aid, path, _) in enumerate(article_keys(articles)):
            item = walked.pop(ai) if ai in walked else \
                (blocks((aid, path)) if blocks is not None else None) or \
                article_block(articles[ai])
            run.append(item)
            at.append(ai)
            owners.append(owner[aid])
            if len(run) == _RUN:
                _add(k, _run_of(run, vocabulary, walk), run, owners, files, counts)
                run, at, owners = [], [], []
        if run:
            _add(k, _run_of(run, vocabulary, walk), run, owners, files, counts)
        run = []
        if (k.passages, k.sentences, k.text) != (n_p, n_s, n_t):
            raise SizesChanged
        files["text_offsets"].write(np.array([k.text], dtype=np.int64))
        files["passages"].write(np.array([[-1, -1, k.sentences]], dtype=np.int64))
        streamed = {name: w.close() for name, w in files.items()}
    finally:
        for w in files.values():
            w.abandon()
    return _finish(k, writer, streamed, facts)


def _offsets(lengths: Iterable[int], n: int) -> np.ndarray:
    """Where each of `n` items of these lengths starts end to end, and where the last ends."""
    out = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.fromiter(lengths, dtype=np.int64, count=n), out=out[1:])
    return out


def utf8_table(texts: list[str]) -> tuple[bytes, np.ndarray]:
    """The strings' UTF-8 end to end (surrogate escapes kept as their bytes) and where each
    starts: encoded at once, NUL-joined (in UTF-8 a zero byte is only ever a NUL), the
    NULs found with numpy and taken out; one string at a time when a string holds one."""
    data = "\0".join(texts).encode("utf-8", "surrogateescape")
    if texts and data.count(b"\0") == len(texts) - 1:
        nul = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 0)
        out = np.zeros(len(texts) + 1, dtype=np.int64)
        out[1:-1] = nul - np.arange(nul.size, dtype=np.int64)
        out[-1] = len(data) - nul.size
        return data.replace(b"\0", b""), out
    encoded = [s.encode("utf-8", "surrogateescape") for s in texts]
    return b"".join(encoded), _offsets(map(len, encoded), len(encoded))


def _finish(k: _Kept, writer: Writer, streamed: dict[str, dict[str, Any]],
            facts: Facts | None) -> tuple[dict[str, dict[str, Any]], DigestRows]:
    """The small tables and the digest's, written whole; every file's entry in order."""
    texts: list[str] | None = None
    if k.vocabulary is None:
        strings = list(k.ids)
        str_bytes, str_offsets = b"".join(strings), _offsets(map(len, strings), len(strings))
    else:
        texts = k.vocabulary.words(np.concatenate(k.met)) if k.met else []
        strings = []  # (the digest reads `texts`)
        str_bytes, str_offsets = utf8_table(texts)
    people = _cat(k.people, np.int64, 3)
    people_aliases = np.concatenate([*k.bounds, np.array([k.alias_count], dtype=np.int64)])
    aliases = _cat(k.aliases, np.int64)
    speakers = np.array(k.speakers, dtype=np.int64).reshape(len(k.speakers), 3)
    digest = digest_rows(DigestTables(strings, speakers, _cat(k.starts, np.int64),
                                      _cat(k.speaker, np.int32), _cat(k.speech, np.int8),
                                      people, people_aliases, aliases, texts), facts)
    heads = [*k.heads, np.array([[-1] * 6 + [k.passages, k.people_count]], dtype=np.int64)]
    whole = {"str_bytes": np.frombuffer(str_bytes, dtype=np.uint8),
             "str_offsets": str_offsets,
             "articles": np.concatenate(heads).astype(np.int64, copy=False),
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

