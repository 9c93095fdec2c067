"""Articles as data, and turning an article into passages of attributed sentences.

May import: the standard library, syntok, anyascii, rapidfuzz. Never discord, never
`retrieval`, `retrieval.answering` or `bot`.
"""
from corpus.models import Article, Corpus, LoadProblem, Passage, Person, Sentence, Speaker

__all__ = ["Article", "Corpus", "LoadProblem", "Passage", "Person", "Sentence", "Speaker"]
