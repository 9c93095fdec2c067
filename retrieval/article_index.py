"""BM25Okapi over whole articles, made from the passage index's own postings.

An article's terms are its passages' terms end to end (the headline first), so its term
frequencies are sums of theirs and its length the sum of their lengths: the postings of the
passage index, added up by article, are the postings of the articles, and no word is
tokenized again (about 0.1 s over 12,000 passages). The vocabulary keeps the passage index's
order (first occurrence, which is the articles' too when each article's passages come
together and in order, as they do in a corpus), so the IDFs, their average and the epsilon
floor are BM25Okapi's over the articles' token lists: `tests/retrieval/test_article_index.py`
checks the scores against `BM25Okapi.get_scores`. Ranking uses it to read a passage in the
light of its article (`retrieval.answering.article_context`); no score shown comes from it.
"""
from __future__ import annotations

import numpy as np

from retrieval.bm25_index import BM25Index
from retrieval.inverted import InvertedIndex
from retrieval.inverted_build import build_arrays_of_postings
from retrieval.postings_encode import counts


def article_index(passages: BM25Index, owners: np.ndarray) -> BM25Index:
    """The BM25Okapi index of the articles whose passages `passages` indexes; `owners[p]`
    is passage p's article number (0, 1, … in passage order)."""
    inv = passages.inverted
    owners = np.asarray(owners, dtype=np.int64)
    n_articles = int(owners.max()) + 1 if owners.size else 0
    vocabulary = len(inv.terms)
    table = np.asarray(inv.block_table)
    docs, tf = inv.postings.decode(np.arange(table.shape[0] - 1, dtype=np.intp))
    # A term's blocks are one run (its tiers one after another): its postings' count.
    first_block = np.asarray(inv.tier_blocks)[np.asarray(inv.term_tiers)]
    per_block = np.concatenate(([0], np.cumsum(counts(table))))
    per_term = np.diff(per_block[first_block])
    key = np.repeat(np.arange(vocabulary, dtype=np.int64), per_term) * max(n_articles, 1)
    key += owners[docs]
    order = np.argsort(key, kind="stable")
    key, tf = key[order], tf[order]
    starts = np.flatnonzero(np.concatenate(([True], key[1:] != key[:-1]))) if key.size \
        else np.zeros(0, dtype=np.int64)
    pairs = key[starts]
    article_tf = np.add.reduceat(tf.astype(np.int64), starts) if starts.size \
        else np.zeros(0, dtype=np.int64)
    df = np.bincount(pairs // max(n_articles, 1), minlength=vocabulary).astype(np.int64)
    lengths = np.bincount(owners, weights=np.asarray(inv.doc_len, dtype=np.float64),
                          minlength=n_articles).astype(np.int64)
    terms, arrays, stats = build_arrays_of_postings(
        list(inv.terms), lengths, df, (pairs % max(n_articles, 1)).astype(np.int32),
        article_tf, inv.stats.k1, inv.stats.b, inv.stats.epsilon)
    return BM25Index.from_inverted(InvertedIndex(terms, arrays, stats))
