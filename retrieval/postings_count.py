"""Counting documents' terms into postings, the first half of building the inverted index
(`retrieval.inverted_build`): the vocabulary in BM25Okapi's order (first occurrence over
every passage in order), each document's length, and one posting per (term, document),
sorted by term then document, with its term frequency.

Memory (issue 16, a bounded build peak): the documents are read once, a batch at a time, as
int32 term ids; the postings are held as an int32 passage and a uint16 count each (6 bytes),
placed by a counting sort on the terms, chunk after chunk. Articles kept by the article
cache come as their distinct terms (`ArticleTerms`) or those terms' numbers in a vocabulary
kept across builds (`ArticleWordIds`), so an unchanged article is not tokenized again."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, count, filterfalse
from typing import TypeVar

import numpy as np

from retrieval.first_seen import first_seen

_T = TypeVar("_T")


@dataclass(frozen=True)
class ArticleTerms:
    """One article's passages as terms, kept compactly (in the article cache): its distinct
    terms in order of first occurrence, each passage's number of terms, and every term of
    every passage, in order, as its place in `vocabulary`."""

    vocabulary: list[str]
    lengths: np.ndarray  # integers, one per passage
    ids: np.ndarray      # integers, sum(lengths) of them

    @classmethod
    def of(cls, documents: Sequence[Sequence[str]]) -> ArticleTerms:
        """The article whose passages have these terms."""
        vocabulary = dict.fromkeys(chain.from_iterable(documents))
        local = dict(zip(vocabulary, range(len(vocabulary)), strict=True))
        lengths = np.fromiter(map(len, documents), dtype=np.int64, count=len(documents))
        ids = np.fromiter(map(local.__getitem__, chain.from_iterable(documents)),
                          dtype=np.int64, count=int(lengths.sum()))
        return cls(list(vocabulary), lengths, ids)

    def documents(self) -> list[list[str]]:
        """The passages' terms again."""
        words = np.array(self.vocabulary, dtype=object)[self.ids].tolist() if self.ids.size \
            else []
        ends = np.cumsum(self.lengths).tolist()
        return [words[e - n:e] for e, n in zip(ends, self.lengths.tolist(), strict=True)]


@dataclass(frozen=True)
class ArticleWordIds:
    """`ArticleTerms` with each distinct term given as its number in a vocabulary kept
    across builds (`retrieval.store.word_ids`) rather than as a string."""

    words: np.ndarray    # integers, one per distinct term, in order of first occurrence
    lengths: np.ndarray  # integers, one per passage
    ids: np.ndarray      # integers, sum(lengths) of them: places in `words`


# (vocabulary, document lengths, total length, document frequencies, and per posting, sorted
# by term then document, its document and term frequency)
Postings = tuple[list[str], np.ndarray, int, np.ndarray, np.ndarray, np.ndarray]


@dataclass
class _Chunk:
    """The postings of a run of documents, sorted by term then document: each term once
    with its number of postings (`runs`), and per posting its document and count."""

    terms: np.ndarray  # int32: the terms met, ascending
    runs: np.ndarray   # int64: postings of each
    docs: np.ndarray   # int32
    tf: np.ndarray     # uint16, or int64 when a count does not fit


def postings_of_documents(documents: Iterable[Sequence[str]]) -> Postings:
    """Vocabulary, document lengths, total length, document frequencies, and one posting
    per (term, document), sorted by term then document: its document and term frequency.

    The documents are read once, a batch of about `_BATCH_TOKENS` tokens at a time (so they
    may be made as they are read), as int32 term ids; about `_CHUNK_TOKENS` of those are
    counted at a time into postings kept compactly (4 + 2 bytes each), which are then placed
    by a counting sort on the terms, chunk after chunk."""
    # Vocabulary in first-occurrence order: the order BM25Okapi's `nd` dict is filled in,
    # which fixes the order its IDF sum (hence average_idf) is accumulated in.
    ids: dict[str, int] = {}
    chunks: list[_Chunk] = []
    parts: list[np.ndarray] = []  # the lengths of the documents counted
    pending: list[tuple[np.ndarray, np.ndarray]] = []  # (term ids, lengths) not yet counted
    held = n = 0
    for docs in _batches(documents):
        lengths = np.fromiter(map(len, docs), dtype=np.int64, count=len(docs))
        pending.append((_term_ids(docs, int(lengths.sum()), ids), lengths))
        held += int(lengths.sum())
        del docs
        if held >= _CHUNK_TOKENS:
            n = _count(pending, n, chunks, parts)
            held = 0
    _count(pending, n, chunks, parts)
    lengths = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
    terms = list(ids)
    del ids, parts
    post_doc, tf, df = _place(chunks, len(terms))
    return terms, lengths, int(lengths.sum()), df, post_doc, tf


def _article_runs(items: Iterable[_T]) -> Iterator[list[_T]]:
    """The items in lists of `_ARTICLE_BATCH` (the last shorter), each made as it is read."""
    batch: list[_T] = []
    for item in items:
        batch.append(item)
        if len(batch) == _ARTICLE_BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def postings_of_articles(articles: Iterable[ArticleTerms]) -> Postings:
    """`postings_of_documents` of the articles' passages, read once, `_ARTICLE_BATCH`
    articles at a time (so a kept article's vocabulary need be made only as it is read).
    Each article's vocabulary is in its order of first occurrence, so the corpus's (first
    occurrence over every passage in order) is theirs end to end, repeats dropped; the
    terms are counted into postings a chunk of about `_CHUNK_TOKENS` tokens at a time, as
    `postings_of_documents` counts them."""
    ids: dict[str, int] = {}
    toks: list[np.ndarray] = []
    parts: list[np.ndarray] = []
    for batch in _article_runs(articles):
        _article_batch(batch, ids, toks, parts)
    terms = list(ids)
    del ids
    if not parts:
        return _place_all(terms, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int32))
    lengths = np.concatenate(parts).astype(np.int64, copy=False)
    del parts
    tok = np.concatenate(toks)
    del toks
    return _place_all(terms, lengths, tok)


def postings_of_word_ids(articles: Iterable[ArticleWordIds],
                          words: Callable[[np.ndarray], list[str]]) -> Postings:
    """`postings_of_articles` of articles given by word numbers. Each article's numbers
    are in its order of first occurrence, so the corpus's vocabulary is the numbers end to
    end in order of first occurrence; every token is its article's number of its place."""
    maps: list[np.ndarray] = []
    toks: list[np.ndarray] = []
    parts: list[np.ndarray] = []
    for ids_batch in _article_runs(articles):
        _word_id_batch(ids_batch, maps, toks, parts)
    if not parts:
        return _place_all([], np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int32))
    every = np.concatenate(maps)
    del maps
    met = first_seen(every)  # first occurrence first
    del every
    to_corpus = np.zeros(int(met.max()) + 1 if met.size else 0, dtype=np.int32)
    to_corpus[met] = np.arange(met.size, dtype=np.int32)
    lengths = np.concatenate(parts).astype(np.int64, copy=False)
    del parts
    tok = to_corpus[np.concatenate(toks)] if toks else np.zeros(0, dtype=np.int32)
    del toks, to_corpus
    return _place_all(words(met), lengths, tok)


def _word_id_batch(batch: Sequence[ArticleWordIds], maps: list[np.ndarray],
                   toks: list[np.ndarray], parts: list[np.ndarray]) -> None:
    """A batch of articles' tokens as word numbers, appended to `toks` (their word numbers
    to `maps`, their passages' lengths to `parts`); ValueError for terms that do not fit."""
    if not batch:
        return
    words = np.concatenate([a.words for a in batch]).astype(np.int64)
    if (words < 0).any():
        raise ValueError("article terms out of range")
    sizes = np.fromiter((a.words.size for a in batch), dtype=np.int64, count=len(batch))
    lengths, local = _batch_places(batch, sizes)
    maps.append(words)
    toks.append(words[local])
    parts.append(lengths)


def _article_batch(batch: Sequence[ArticleTerms], ids: dict[str, int],
                   toks: list[np.ndarray], parts: list[np.ndarray]) -> None:
    """A batch of articles' terms as corpus term ids (new terms numbered as met), appended
    to `toks`, and their passages' lengths to `parts`; ValueError for kept terms that do
    not fit (`_check`)."""
    if not batch:
        return
    vocabularies = [a.vocabulary for a in batch]
    new = [t for t in dict.fromkeys(chain.from_iterable(vocabularies)) if t not in ids]
    ids.update(zip(new, range(len(ids), len(ids) + len(new)), strict=True))
    sizes = np.fromiter(map(len, vocabularies), dtype=np.int64, count=len(batch))
    to_corpus = np.fromiter(map(ids.__getitem__, chain.from_iterable(vocabularies)),
                            dtype=np.int32, count=int(sizes.sum()))
    del vocabularies, new
    lengths, local = _batch_places(batch, sizes)
    toks.append(to_corpus[local])
    parts.append(lengths)


def _batch_places(batch: Sequence[ArticleTerms] | Sequence[ArticleWordIds],
                  sizes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The batch's passages' lengths, and every token as its place in the batch's
    vocabularies end to end (each article's `sizes` distinct terms), checked (`_check`)."""
    starts = np.zeros(len(batch), dtype=np.int64)
    np.cumsum(sizes[:-1], out=starts[1:])
    lengths = np.concatenate([a.lengths for a in batch]).astype(np.int64)
    local = np.concatenate([a.ids for a in batch]).astype(np.int64)
    counts = np.fromiter((a.ids.size for a in batch), dtype=np.int64, count=len(batch))
    _check(lengths, local, counts, sizes, batch)
    local += np.repeat(starts, counts)
    return lengths, local


def _place_all(terms: list[str], lengths: np.ndarray, tok: np.ndarray) -> Postings:
    """The postings of documents of `lengths` terms whose term ids, end to end, are `tok`,
    counted a chunk of documents of about `_CHUNK_TOKENS` tokens at a time."""
    starts = np.zeros(lengths.size + 1, dtype=np.int64)  # each document's first token
    np.cumsum(lengths, out=starts[1:])
    chunks = [_chunk(tok[starts[d0]:starts[d1]], lengths[d0:d1], d0)
              for d0, d1 in _spans(lengths, _CHUNK_TOKENS)]
    post_doc, tf, df = _place(chunks, len(terms))
    return terms, lengths, int(starts[-1]), df, post_doc, tf


def _spans(lengths: np.ndarray, every: int) -> list[tuple[int, int]]:
    """Runs (first, end) of consecutive documents, in order, of about `every` tokens each
    (a longer document alone), found without a Python step per document."""
    ends = np.cumsum(lengths)
    top = int(ends[-1]) if ends.size else 0
    cuts = np.searchsorted(ends, np.arange(every, top, every), side="right")
    edges = sorted(set(cuts.tolist()) | {0, int(lengths.size)})
    return [(a, b) for a, b in zip(edges[:-1], edges[1:], strict=True) if b > a]


def _check(lengths: np.ndarray, local: np.ndarray, counts: np.ndarray, sizes: np.ndarray,
           articles: Sequence[ArticleTerms] | Sequence[ArticleWordIds]) -> None:
    """ValueError unless every article's ids fall in its vocabulary and its passages'
    lengths add up to its terms (all articles at once: kept ones are read unchecked)."""
    passages = np.fromiter((a.lengths.size for a in articles), dtype=np.int64,
                           count=len(articles))
    if (lengths < 0).any() or (local < 0).any() or (local >= np.repeat(sizes, counts)).any():
        raise ValueError("article terms out of range")
    upto = np.r_[0, np.cumsum(lengths)]  # terms before each passage
    if not np.array_equal(np.diff(np.r_[0, upto[np.cumsum(passages)]]), counts):
        raise ValueError("article terms whose lengths do not add up")


def _count(pending: list[tuple[np.ndarray, np.ndarray]], d0: int, chunks: list[_Chunk],
           parts: list[np.ndarray]) -> int:
    """Count the pending batches (documents d0 onwards) into one chunk, emptying `pending`;
    returns the number of documents counted so far."""
    if not pending:
        return d0
    tok = np.concatenate([t for t, _ in pending])
    lengths = np.concatenate([n for _, n in pending])
    pending.clear()
    chunks.append(_chunk(tok, lengths, d0))
    parts.append(lengths)
    return d0 + int(lengths.size)


def _place(chunks: list[_Chunk], V: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(documents, counts, document frequencies) of the postings of `chunks` (emptied, each
    let go once placed), sorted by term then document."""
    df = np.zeros(V, dtype=np.int64)
    for c in chunks:
        df[c.terms] += c.runs
    start = np.zeros(V + 1, dtype=np.int64)
    np.cumsum(df, out=start[1:])
    n_post = int(start[-1])
    wide = any(c.tf.dtype != np.uint16 for c in chunks)
    post_doc = np.empty(n_post, dtype=np.int32)
    tf = np.empty(n_post, dtype=np.int64 if wide else np.uint16)
    cursor = start[:-1].copy()  # where each term's next posting goes
    chunks.reverse()
    while chunks:  # earlier documents first, so each term's postings stay in document order
        c = chunks.pop()
        first = np.zeros(c.runs.size, dtype=np.int64)
        np.cumsum(c.runs[:-1], out=first[1:])
        at = np.repeat(cursor[c.terms] - first, c.runs)
        at += np.arange(at.size, dtype=np.int64)
        post_doc[at] = c.docs
        tf[at] = c.tf
        cursor[c.terms] += c.runs
        del c, at
    return post_doc, tf, df


# Tokens read at a time: when the documents are made as they are read, bounds the token
# lists alive at once (some 60 bytes a token).
_BATCH_TOKENS = 1 << 18
# Tokens counted into postings at a time: bounds the temporaries (some 40 bytes a token);
# fewer chunks, fewer terms listed again in each.
_CHUNK_TOKENS = 1 << 21
# Kept articles read at a time (`postings_of_articles`): their vocabularies alive at once.
_ARTICLE_BATCH = 1024


def _batches(documents: Iterable[Sequence[str]]) -> Iterator[list[Sequence[str]]]:
    """The documents in runs of about `_BATCH_TOKENS` tokens (a longer document alone)."""
    if isinstance(documents, list):  # cut by slicing: no Python step per document
        lengths = np.fromiter(map(len, documents), dtype=np.int64, count=len(documents))
        for d0, d1 in _spans(lengths, _BATCH_TOKENS):
            yield documents[d0:d1]
        return
    batch: list[Sequence[str]] = []
    size = 0
    for doc in documents:
        batch.append(doc)
        size += len(doc)
        if size >= _BATCH_TOKENS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _term_ids(docs: Sequence[Sequence[str]], size: int, ids: dict[str, int]) -> np.ndarray:
    """int32: the ids of the `size` tokens of `docs`, in order; their new terms are numbered
    into `ids` in order of first occurrence."""
    ids.update(zip(filterfalse(ids.__contains__, dict.fromkeys(chain.from_iterable(docs))),
                   count(len(ids))))
    return np.fromiter(map(ids.__getitem__, chain.from_iterable(docs)), dtype=np.int32,
                       count=size)


def _chunk(tok: np.ndarray, lengths: np.ndarray, d0: int) -> _Chunk:
    """The postings of the documents d0 onwards of these lengths, holding tokens `tok`."""
    m = int(lengths.size)
    key = tok.astype(np.int64)
    key *= m
    key += np.repeat(np.arange(m, dtype=np.int64), lengths)
    key.sort()
    if key.size:
        starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
        tf = np.diff(np.r_[starts, key.size])
        key = key[starts]
    else:
        tf = np.zeros(0, dtype=np.int64)
    term = key // m
    doc = (key - term * m + d0).astype(np.int32)
    del key
    first = np.flatnonzero(np.r_[True, term[1:] != term[:-1]]) if term.size else term
    runs = np.diff(np.r_[first, term.size]).astype(np.int64)
    small = not tf.size or int(tf.max()) < 1 << 16
    return _Chunk(term[first].astype(np.int32), runs, doc,
                  tf.astype(np.uint16) if small else tf.astype(np.int64))
