"""Articles as data, and turning an article into passages of attributed sentences.

May import: the standard library, syntok, anyascii, rapidfuzz. Never discord, `retrieval`
or `bot`: the articles and who says what in them need nothing of search or of front ends.
"""
from corpus.models import Article, Corpus, LoadProblem, Passage, Person, Sentence, Speaker

__all__ = ["Article", "Corpus", "LoadProblem", "Passage", "Person", "Sentence", "Speaker"]
