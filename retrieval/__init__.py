"""Tokenizing, the BM25 index and search over passages.

May import: the standard library, anyascii, PyStemmer, rank-bm25, numpy, `corpus`
records, and its own optional C module `_accumulate` (built by setup.py when a C compiler is
there). Never discord, never `retrieval.answering` or `bot`.
"""
