"""Saving and loading the built corpus and BM25 index (instant start), and progress bars.

May import: the standard library, numpy, platformdirs, tqdm (optional), `corpus` records and
loader, `retrieval`. Never discord, `retrieval.answering` or `bot`.
"""
from retrieval.store.cache import Opened, build_index, open_index
from retrieval.store.keys import cache_key
from retrieval.store.lookups import CorpusLookups, corpus_lookups
from retrieval.store.progress import progress_iter
from retrieval.store.speaker_digest import GroupKey, SpeakerDigest, SpeakerGroup

__all__ = ["CorpusLookups", "GroupKey", "Opened", "SpeakerDigest", "SpeakerGroup",
           "build_index", "cache_key", "corpus_lookups", "open_index", "progress_iter"]
