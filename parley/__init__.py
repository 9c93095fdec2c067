"""Parley: answers questions about news articles, saying who said what.

Packages: `corpus` (articles -> attributed passages), `retrieval` (tokenizing, BM25, search),
`answering` (the one answering function every front end calls), `bot` (CLI, REPL, Discord).
"""
__version__ = "0.1.0"
