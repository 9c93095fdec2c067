"""Saving and loading the built corpus and BM25 index (instant start), and progress bars.

May import: the standard library, numpy, tqdm (optional), `bot.settings`, `corpus`
records and loader, `retrieval`. Never discord, `retrieval.answering` or `bot`.
"""
from retrieval.store.cache import Opened, build_index, cache_key, load_or_build, open_index
from retrieval.store.corpus_json import corpus_from_json, corpus_to_json
from retrieval.store.index_files import CorruptIndex, load_index, save_index
from retrieval.store.progress import progress_iter

__all__ = ["CorruptIndex", "Opened", "build_index", "cache_key", "corpus_from_json",
           "corpus_to_json", "load_index", "load_or_build", "open_index", "progress_iter",
           "save_index"]
