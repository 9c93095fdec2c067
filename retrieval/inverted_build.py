"""Building the inverted index's arrays: the statistics BM25Okapi computes and one weight per
posting, each from the very expression `BM25Okapi.get_scores` evaluates.

The same statistics as BM25Okapi (vocabulary in first-occurrence order, document
frequencies, `math.log` IDFs summed in that order, the epsilon floor, `avgdl` as int / int),
then each posting's weight in float64 with the same operation order, so that a document's
score, the sum of its postings' weights in query order, is bit-for-bit `get_scores`'s. Each
long posting list is then cut by weight into impact tiers for MaxScore (`retrieval.maxscore`),
and the postings are saved compactly, as passage gaps and term frequencies
(`retrieval.postings_encode`): the weights are worked out again at query time
(`retrieval.postings`) with the same operations, so only the tiers' maxima are kept.

Two halves, each a module: the postings counted from the documents or the kept articles'
terms (`retrieval.postings_count`), then weighed and cut into tiers
(`retrieval.impact_tiers`).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from retrieval.impact_tiers import TIER_MIN_POSTINGS, idf_of, impact_tiers
from retrieval.postings import length_norm
from retrieval.postings_count import (
    ArticleTerms,
    ArticleWordIds,
    Postings,
    postings_of_articles,
    postings_of_documents,
    postings_of_word_ids,
)

# ArticleTerms, ArticleWordIds (the kept articles' terms) and TIER_MIN_POSTINGS are imported
# from here by the article cache and the tests.
__all__ = ["ARRAY_NAMES", "FORMAT_VERSION", "TIER_MIN_POSTINGS", "ArticleTerms",
           "ArticleWordIds", "Stats", "build_arrays", "build_arrays_of_articles",
           "build_arrays_of_postings", "build_arrays_of_word_ids"]

FORMAT_VERSION = 2  # 2: compact postings (gaps and term frequencies in bit-packed blocks)
# In load order: the stream's checks decode it with the block table and tiers read before.
ARRAY_NAMES = ("idf", "df", "doc_len", "term_tiers", "tier_max", "tier_blocks",
               "block_table", "post_stream")


@dataclass
class Stats:
    """Scalars of the index (JSON-friendly)."""

    size: int
    total_len: int
    avgdl: float
    average_idf: float
    k1: float
    b: float
    epsilon: float


def build_arrays(documents: Iterable[Sequence[str]], k1: float, b: float, epsilon: float
                 ) -> tuple[list[str], dict[str, np.ndarray], Stats]:
    """(terms, arrays named as ARRAY_NAMES, stats) of the index of `documents`, read once
    (a generator's documents need not all be alive at once)."""
    return _arrays(postings_of_documents(documents), k1, b, epsilon)


def build_arrays_of_articles(articles: Iterable[ArticleTerms], k1: float, b: float,
                             epsilon: float) -> tuple[list[str], dict[str, np.ndarray], Stats]:
    """`build_arrays` of the articles' passages, end to end, from their kept terms (read
    once: a generator's need not all be alive at once): the same arrays, with a dictionary
    lookup per distinct term of each article rather than per term of each passage."""
    return _arrays(postings_of_articles(articles), k1, b, epsilon)


def build_arrays_of_word_ids(articles: Iterable[ArticleWordIds],
                             words: Callable[[np.ndarray], list[str]], k1: float, b: float,
                             epsilon: float) -> tuple[list[str], dict[str, np.ndarray], Stats]:
    """`build_arrays_of_articles` of articles whose distinct terms are numbers in a
    vocabulary (`words(numbers)` gives their strings): the same arrays, the corpus's
    vocabulary (first occurrence over every passage in order) found among the numbers with
    numpy, so only the corpus's distinct terms are made as strings."""
    return _arrays(postings_of_word_ids(articles, words), k1, b, epsilon)


def build_arrays_of_postings(terms: list[str], lengths: np.ndarray, df: np.ndarray,
                             post_doc: np.ndarray, tf: np.ndarray, k1: float, b: float,
                             epsilon: float) -> tuple[list[str], dict[str, np.ndarray], Stats]:
    """`build_arrays` of documents given as their postings (sorted by term then document,
    `df` each term's share of them): how `retrieval.article_index` makes the index of whole
    articles out of the passages' postings, without tokenizing a word again."""
    return _arrays((terms, lengths, int(lengths.sum()), df, post_doc, tf), k1, b, epsilon)


def _arrays(postings: Postings, k1: float, b: float, epsilon: float
            ) -> tuple[list[str], dict[str, np.ndarray], Stats]:
    terms, lengths, total, df, post_doc, tf = postings
    n = int(lengths.size)
    idf, average_idf = idf_of(df, n, epsilon)
    avgdl = total / n if n else 0.0
    arrays = impact_tiers(post_doc, tf, idf, df, length_norm(lengths, k1, b, avgdl), k1, n)
    arrays.update(idf=idf, df=df, doc_len=lengths.astype(np.int32))
    stats = Stats(size=n, total_len=total, avgdl=avgdl, average_idf=average_idf,
                  k1=float(k1), b=float(b), epsilon=float(epsilon))
    return terms, arrays, stats
