"""The one answering function every front end calls, and the records it returns.

May import: `parley.corpus`, `parley.retrieval`, `parley.config`, the standard library, rapidfuzz. Never discord, never
`parley.bot`: front ends only render what this package decides.
"""
from parley.answering.records import Answer, Hit, QuotesAnswer, SpeakerStats

__all__ = ["Answer", "Hit", "QuotesAnswer", "SpeakerStats"]
