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
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

from retrieval.postings import length_norm
from retrieval.postings_encode import encode

FORMAT_VERSION = 2  # 2: compact postings (gaps and term frequencies in bit-packed blocks)
# In load order: the stream's checks decode it with the block table and tiers read before.
ARRAY_NAMES = ("idf", "df", "doc_len", "term_tiers", "tier_max", "tier_blocks",
               "block_table", "post_stream")
# Posting lists at least this long are cut into impact tiers (fractions of the list, best
# first; the last tier takes the rest).
TIER_MIN_POSTINGS = 256
TIER_FRACTIONS = (0.002, 0.02, 0.12)


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


def build_arrays(documents: Sequence[Sequence[str]], k1: float, b: float, epsilon: float
                 ) -> tuple[list[str], dict[str, np.ndarray], Stats]:
    """(terms, arrays named as ARRAY_NAMES, stats) of the index of `documents`."""
    return _arrays(_postings(documents), k1, b, epsilon)


def build_arrays_of_articles(articles: Sequence[ArticleTerms], k1: float, b: float,
                             epsilon: float) -> tuple[list[str], dict[str, np.ndarray], Stats]:
    """`build_arrays` of the articles' passages, end to end, from their kept terms: the
    same arrays, with a dictionary lookup per distinct term of each article rather than per
    term of each passage."""
    return _arrays(_postings_of_articles(articles), k1, b, epsilon)


_Postings = tuple[list[str], np.ndarray, int, np.ndarray, np.ndarray, np.ndarray]


def _arrays(postings: _Postings, k1: float, b: float, epsilon: float
            ) -> tuple[list[str], dict[str, np.ndarray], Stats]:
    terms, lengths, total, post_term, post_doc, tf = postings
    n = len(lengths)
    V = len(terms)
    df = np.bincount(post_term, minlength=V).astype(np.int64)
    idf, average_idf = _idf(df, n, epsilon)
    avgdl = total / n if n else 0.0

    # Weight of each posting: the expression of BM25Okapi.get_scores, same operation order:
    #   idf * (tf * (k1 + 1) / (tf + k1 * (1 - b + b * doc_len / avgdl)))
    # (what `retrieval.postings` computes again at query time); here it orders the tiers.
    norm = length_norm(lengths, k1, b, avgdl)
    with np.errstate(divide="ignore", invalid="ignore"):
        weights = idf[post_term] * ((tf * (k1 + 1)) / (tf + norm[post_doc]))
    del norm

    arrays = _tiers(post_term, post_doc, tf, weights, df, V, n)
    arrays.update(idf=idf, df=df, doc_len=lengths.astype(np.int32))
    stats = Stats(size=n, total_len=total, avgdl=avgdl, average_idf=average_idf,
                  k1=float(k1), b=float(b), epsilon=float(epsilon))
    return terms, arrays, stats


def _postings(documents: Sequence[Sequence[str]]) -> _Postings:
    """Vocabulary, document lengths, total length, and one posting per (term, document),
    sorted by term then document: its term, document and term frequency."""
    n = len(documents)
    # Vocabulary in first-occurrence order: the order BM25Okapi's `nd` dict is filled in,
    # which fixes the order its IDF sum (hence average_idf) is accumulated in.
    vocab = dict.fromkeys(chain.from_iterable(documents))
    terms = list(vocab)
    ids = dict(zip(terms, range(len(terms)), strict=True))
    lengths = np.fromiter(map(len, documents), dtype=np.int64, count=n)
    total = int(lengths.sum())
    tok = np.fromiter(map(ids.__getitem__, chain.from_iterable(documents)), dtype=np.int64,
                      count=total)
    return _sorted_postings(terms, lengths, tok)


def _postings_of_articles(articles: Sequence[ArticleTerms]) -> _Postings:
    """`_postings` of the articles' passages. Each article's vocabulary is in its order of
    first occurrence, so the corpus's (first occurrence over every passage in order) is
    theirs end to end, repeats dropped."""
    if not articles:
        return _sorted_postings([], np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
    vocabularies = [a.vocabulary for a in articles]
    vocab = dict.fromkeys(chain.from_iterable(vocabularies))
    terms = list(vocab)
    ids = dict(zip(terms, range(len(terms)), strict=True))
    sizes = np.fromiter(map(len, vocabularies), dtype=np.int64, count=len(articles))
    to_corpus = np.fromiter(map(ids.__getitem__, chain.from_iterable(vocabularies)),
                            dtype=np.int64, count=int(sizes.sum()))
    starts = np.zeros(len(articles), dtype=np.int64)
    np.cumsum(sizes[:-1], out=starts[1:])
    lengths = np.concatenate([a.lengths for a in articles]).astype(np.int64)
    local = np.concatenate([a.ids for a in articles]).astype(np.int64)
    counts = np.fromiter((a.ids.size for a in articles), dtype=np.int64, count=len(articles))
    _check(lengths, local, counts, sizes, articles)
    tok = to_corpus[local + np.repeat(starts, counts)]
    return _sorted_postings(terms, lengths, tok)


def _check(lengths: np.ndarray, local: np.ndarray, counts: np.ndarray, sizes: np.ndarray,
           articles: Sequence[ArticleTerms]) -> None:
    """ValueError unless every article's ids fall in its vocabulary and its passages'
    lengths add up to its terms (all articles at once: kept ones are read unchecked)."""
    passages = np.fromiter((a.lengths.size for a in articles), dtype=np.int64,
                           count=len(articles))
    if (lengths < 0).any() or (local < 0).any() or (local >= np.repeat(sizes, counts)).any():
        raise ValueError("article terms out of range")
    upto = np.r_[0, np.cumsum(lengths)]  # terms before each passage
    if not np.array_equal(np.diff(np.r_[0, upto[np.cumsum(passages)]]), counts):
        raise ValueError("article terms whose lengths do not add up")


def _sorted_postings(terms: list[str], lengths: np.ndarray, tok: np.ndarray) -> _Postings:
    """The postings of documents of `lengths` terms whose terms, end to end, are `tok`."""
    n = len(lengths)
    total = int(lengths.sum())
    doc_of = np.repeat(np.arange(n, dtype=np.int64), lengths)
    key = tok * max(n, 1) + doc_of
    del tok, doc_of
    key.sort()  # plain integers: equal ones are alike, so any sort gives the same array
    if key.size:
        starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
        tf = np.diff(np.r_[starts, key.size]).astype(np.int64)
        key = key[starts]
    else:
        tf = np.zeros(0, dtype=np.int64)
    post_term = key // max(n, 1)
    post_doc = key - post_term * max(n, 1)
    return terms, lengths, total, post_term, post_doc, tf


def _idf(df: np.ndarray, n: int, epsilon: float) -> tuple[np.ndarray, float]:
    """IDF exactly as BM25Okapi._calc_idf: Python floats, same formula, same summation
    order; and the average IDF."""
    idf_list = []
    idf_sum = 0.0
    negative = []
    for i, freq in enumerate(df.tolist()):
        v = math.log(n - freq + 0.5) - math.log(freq + 0.5)
        idf_list.append(v)
        idf_sum += v
        if v < 0:
            negative.append(i)
    average_idf = idf_sum / len(idf_list) if idf_list else 0.0
    eps = epsilon * average_idf
    for i in negative:
        idf_list[i] = eps
    return np.array(idf_list, dtype=np.float64), average_idf


def _tiers(post_term: np.ndarray, post_doc: np.ndarray, tf: np.ndarray, weights: np.ndarray,
           df: np.ndarray, V: int, n_docs: int) -> dict[str, np.ndarray]:
    """Cut each long posting list by weight into tiers, each sorted by document, and encode
    them."""
    term_start = np.zeros(V + 1, dtype=np.int64)
    np.cumsum(df, out=term_start[1:])
    n_tiers = np.ones(V, dtype=np.int64)
    long_terms = np.flatnonzero(df >= TIER_MIN_POSTINGS)
    n_tiers[long_terms] = len(TIER_FRACTIONS) + 1
    term_tiers = np.zeros(V + 1, dtype=np.int64)
    np.cumsum(n_tiers, out=term_tiers[1:])
    T = int(term_tiers[-1])
    tier_sizes = np.zeros(T, dtype=np.int64)
    tier_sizes[term_tiers[:-1]] = df  # short lists: one tier holding everything
    docs_out = post_doc.astype(np.int32)
    tf_out, w_out = tf, weights  # reordered in place (a fancy index copies before writing)
    for t in long_terms.tolist():
        lo, hi = int(term_start[t]), int(term_start[t + 1])
        sizes = _cut_tiers(post_doc, tf, weights, (docs_out, tf_out, w_out), lo, hi)
        tier_sizes[term_tiers[t]:term_tiers[t + 1]] = sizes
    tier_offsets = np.zeros(T + 1, dtype=np.int64)
    np.cumsum(tier_sizes, out=tier_offsets[1:])
    tier_max = np.full(T, -np.inf)
    nonempty = tier_sizes > 0
    if w_out.size:
        tier_max[nonempty] = np.maximum.reduceat(w_out, tier_offsets[:-1][nonempty])
    del w_out
    tier_blocks, table, stream = encode(docs_out, tf_out, tier_offsets, n_docs)
    return {"term_tiers": term_tiers, "tier_max": tier_max, "tier_blocks": tier_blocks,
            "block_table": table, "post_stream": stream}


def _cut_tiers(post_doc: np.ndarray, tf: np.ndarray, weights: np.ndarray,
               out: tuple[np.ndarray, np.ndarray, np.ndarray], lo: int, hi: int) -> list[int]:
    """Reorder one term's postings lo:hi into its tiers (into `out`: documents, counts,
    weights); returns their sizes."""
    w = weights[lo:hi]
    p = hi - lo
    # rank cut points: tier j gets postings whose weight is among the best cum[j]
    order = np.argsort(-w, kind="stable")
    label = np.empty(p, dtype=np.int8)
    start = 0
    sizes = []
    for j, frac in enumerate(TIER_FRACTIONS):
        cnt = max(1, int(math.ceil(p * frac)))
        label[order[start:start + cnt]] = j
        sizes.append(cnt)
        start += cnt
    label[order[start:]] = len(TIER_FRACTIONS)
    sizes.append(p - start)
    perm = np.argsort(label, kind="stable")  # keeps document order within a tier
    out[0][lo:hi] = post_doc[lo:hi][perm]
    out[1][lo:hi] = tf[lo:hi][perm]
    out[2][lo:hi] = w[perm]
    return sizes
