"""The one answering function every front end calls, and the records it returns.

May import: `corpus`, `retrieval`, the standard library, numpy, rapidfuzz. Never discord,
never `bot`: front ends only render what this package decides.
"""
from retrieval.answering.records import Answer, Hit, QuotesAnswer, SpeakerStats

__all__ = ["Answer", "Hit", "QuotesAnswer", "SpeakerStats"]
