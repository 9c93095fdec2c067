"""Articles as data, and turning an article into passages of attributed sentences.

May import: the standard library, syntok, anyascii, rapidfuzz. Never discord, never
`parley.retrieval`, `parley.answering` or `parley.bot`.
"""
from parley.corpus.models import Article, Corpus, LoadProblem, Passage, Person, Sentence, Speaker

__all__ = ["Article", "Corpus", "LoadProblem", "Passage", "Person", "Sentence", "Speaker"]
