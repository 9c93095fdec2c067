"""The one answering function every front end calls, and the records it returns.

May import: `corpus`, `retrieval`, `bot.settings`, the standard library, rapidfuzz. Never discord, never
`bot`: front ends only render what this package decides.
"""
from retrieval.answering.records import Answer, Hit, QuotesAnswer, SpeakerStats

__all__ = ["Answer", "Hit", "QuotesAnswer", "SpeakerStats"]
