"""Tokenizing, the BM25 index and search over passages.

May import: the standard library, anyascii, PyStemmer, rank-bm25, numpy, platformdirs,
`corpus`, and its own optional C module `_accumulate` (built by setup.py when a C compiler is
there). Never discord or `bot`. The index and `store` never import `answering`, which sits on
top of them. Takes plain values (`options`), never a config file.
"""
