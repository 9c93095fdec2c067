"""Saving and loading the built corpus and BM25 index (instant start), and progress bars.

May import: the standard library, numpy, platformdirs, tqdm (optional), `corpus` records and
loader, `retrieval`. Never discord, `retrieval.answering` or `bot`.

The names below are imported when first asked for (PEP 562), so that `file_walk` can be
imported alone: the command line starts the walk of the corpus files with it before numpy
and the answering code are imported, and they import while it runs.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from retrieval.store.cache import Opened, build_index, open_index
    from retrieval.store.keys import cache_key
    from retrieval.store.lookups import CorpusLookups, corpus_lookups
    from retrieval.store.progress import progress_iter
    from retrieval.store.speaker_digest import GroupKey, SpeakerDigest, SpeakerGroup

_WHERE = {"Opened": "cache", "build_index": "cache", "open_index": "cache",
          "cache_key": "keys", "CorpusLookups": "lookups", "corpus_lookups": "lookups",
          "progress_iter": "progress", "GroupKey": "speaker_digest",
          "SpeakerDigest": "speaker_digest", "SpeakerGroup": "speaker_digest"}

__all__ = ["CorpusLookups", "GroupKey", "Opened", "SpeakerDigest", "SpeakerGroup",
           "build_index", "cache_key", "corpus_lookups", "open_index", "progress_iter"]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:  # a submodule not imported yet: the import system imports it
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
