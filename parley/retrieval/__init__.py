"""Tokenizing, the BM25 index and search over passages.

May import: the standard library, anyascii, PyStemmer, rank-bm25, numpy, `parley.corpus`
records. Never discord, never `parley.answering` or `parley.bot`.
"""
