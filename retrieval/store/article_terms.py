"""An article's index terms as the article cache keeps them (`inverted_build.ArticleTerms`
as bytes): its distinct terms once, and every passage's terms as their places among them.

Why: a build that adds one file used to split the kept terms of every unchanged article
into lists of strings and look each one up again (half a million in the BBC folder); kept
this way, the BM25 arrays are built with one lookup per distinct term of each article
(`inverted_build.build_arrays_of_articles`)."""
from __future__ import annotations

import struct
from collections.abc import Sequence

import numpy as np

from retrieval.inverted_build import ArticleTerms

_HEADER = 3  # passages, terms, bytes of the vocabulary
_HEAD = struct.Struct("<3i")


def terms_bytes(documents: Sequence[Sequence[str]]) -> tuple[ArticleTerms, bytes]:
    """The passages' terms, compact and as bytes; ValueError for a term that is empty or
    holds a space (the vocabulary is stored joined by spaces)."""
    terms = ArticleTerms.of(documents)
    if any(not t or " " in t for t in terms.vocabulary):
        raise ValueError("a term is empty or holds a space")
    vocabulary = " ".join(terms.vocabulary).encode("utf-8", "surrogateescape")
    ints = np.concatenate([np.array([len(terms.lengths), terms.ids.size, len(vocabulary)],
                                    dtype=np.int64), terms.lengths, terms.ids])
    return terms, ints.astype("<i4").tobytes() + vocabulary


def terms_fit(data: bytes, passages: int) -> bool:
    """Whether `terms_from_bytes` reads these bytes as an article of `passages` passages
    (its sizes checked without making the vocabulary)."""
    if len(data) < 4 * _HEADER:
        return False
    n, count, size = np.frombuffer(data, dtype="<i4", count=_HEADER).tolist()
    return n == passages and min(count, size) >= 0 and \
        len(data) == 4 * (_HEADER + n + count) + size


def terms_from_bytes(data: bytes, passages: int) -> ArticleTerms | None:
    """What `terms_bytes` wrote, for an article of `passages` passages; None when the bytes
    are not that. (The sizes are checked here; that the ids fall in the vocabulary and the
    lengths add up, for every article at once where the arrays are built:
    `ArticleTerms.check`.)"""
    if not terms_fit(data, passages):
        return None
    n, count, _ = np.frombuffer(data, dtype="<i4", count=_HEADER).tolist()
    ints = np.frombuffer(data, dtype="<i4", count=n + count, offset=4 * _HEADER)
    text = data[4 * (_HEADER + n + count):].decode("utf-8", "surrogateescape")
    return ArticleTerms(text.split(" ") if text else [], ints[:n], ints[n:])


def terms_numbers(data: bytes, passages: int) -> tuple[int, np.ndarray, np.ndarray] | None:
    """Of what `terms_bytes` wrote, for an article of `passages` passages: the number of
    its distinct terms, its passages' lengths and its terms' places, without making the
    terms (None when the bytes are not that)."""
    if len(data) < 4 * _HEADER:
        return None
    n, count, size = _HEAD.unpack_from(data)  # (as `terms_fit`, without numpy)
    at = 4 * (_HEADER + n + count)
    if n != passages or min(count, size) < 0 or len(data) != at + size:
        return None
    ints = np.frombuffer(data, dtype="<i4", count=n + count, offset=4 * _HEADER)
    return (data.count(b" ", at) + 1 if size else 0), ints[:n], ints[n:]


def terms_vocabulary(data: bytes, passages: int) -> list[str] | None:
    """The distinct terms `terms_bytes` wrote, in order (None when the bytes are not an
    article of `passages` passages)."""
    got = terms_from_bytes(data, passages)
    return None if got is None else got.vocabulary
