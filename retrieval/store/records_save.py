"""A corpus as the flat arrays and JSON part of `records_layout`, and writing them: each
article's records block (`records_block`; kept ones reused, the others made by walking the
article), put together, and the speaker digest worked out from the tables (`digest_rows`)."""
from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from corpus.build import ArticlesPassages
from corpus.held_articles import article_keys
from corpus.models import Corpus
from retrieval.store.block_runs import Packed
from retrieval.store.digest_rows import DigestRows, Facts, digest_rows
from retrieval.store.records_block import Tables, article_block, assemble
from retrieval.store.records_layout import (
    RECORDS_FORMAT,
    RECORDS_JSON,
    UnsupportedCorpus,
    check_fields,
    join_names,
)
from retrieval.store.records_stream import (
    BlockOf,
    SizesChanged,
    SizesOf,
    StreamedBlockOf,
    Vocabulary,
    Writer,
    stream_records,
)


def records_arrays(corpus: Corpus, blocks: StreamedBlockOf | None = None,
                   facts: Facts | None = None
                   ) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """(arrays, JSON part) holding `corpus` exactly; UnsupportedCorpus when they cannot.
    `blocks`: each article's records block when one was kept with it (the article cache's,
    for the articles it gave unchanged), so that only the others are walked."""
    _check_corpus(corpus)
    keys = list(article_keys(corpus.articles))
    owner = {aid: ai for ai, (aid, _, _) in enumerate(keys)}  # the last of equal ids wins
    made = []
    for ai, (aid, path, _) in enumerate(keys):
        b = blocks((aid, path)) if blocks is not None else None
        if isinstance(b, Packed):
            b = b.read()
        made.append(article_block(corpus.articles[ai]) if b is None else b)
    t = assemble(made, [owner[aid] for aid, _, _ in keys])
    digest = digest_rows(t, facts)
    return _arrays(t, digest), _part(corpus, digest)


def _check_corpus(corpus: Corpus) -> None:
    """UnsupportedCorpus unless the records can hold the corpus: its passages are its
    articles' in order."""
    check_fields()
    passages = corpus.passages
    if not (isinstance(passages, ArticlesPassages) and passages.articles is corpus.articles):
        derived = [p for a in corpus.articles for p in a.passages]
        if len(derived) != len(passages) or not all(
                x is y or x == y for x, y in zip(derived, passages, strict=True)):
            raise UnsupportedCorpus("passages are not the articles' passages in order")


def _part(corpus: Corpus, digest: DigestRows) -> dict[str, Any]:
    """The JSON part of the records."""
    return {
        "format": RECORDS_FORMAT,
        "problems": [[p.path, p.reason] for p in corpus.problems],
        "groups": digest.groups,
        "alias_names": join_names(digest.alias_groups),
        "alias_groups": list(digest.alias_groups.values()),
        "silent_aliases": join_names(digest.silent),
        "silent_names": join_names(digest.silent.values()),
        "silent_count": len(digest.silent),
        "described": join_names(digest.described),
    }


def _arrays(t: Tables, digest: DigestRows) -> dict[str, np.ndarray]:
    str_offsets = np.zeros(len(t.strings) + 1, dtype=np.int64)
    np.cumsum([len(s) for s in t.strings], out=str_offsets[1:])
    # every range table ends with a row holding the ends of the last ranges
    articles_end = [[-1] * 6 + [len(t.passages), len(t.people)]]
    return {
        "text_bytes": t.text_bytes, "text_offsets": t.text_offsets,
        "str_bytes": np.frombuffer(b"".join(t.strings), dtype=np.uint8),
        "str_offsets": str_offsets,
        "articles": np.concatenate([t.articles, np.array(articles_end, dtype=np.int64)]),
        "passages": np.concatenate([t.passages, np.array([[-1, -1, len(t.sentences)]],
                                                         dtype=np.int64)]),
        "sentences": t.sentences,
        "speakers": t.speakers,
        "people": t.people,
        "people_aliases": t.people_aliases,
        "aliases": t.aliases,
        "statements": digest.statements.reshape(-1, 2),
        "attributed": digest.attributed,
    }


def save_records(corpus: Corpus, folder: Path,
                 save_array: Callable[[str, np.ndarray], dict[str, Any]],
                 blocks: StreamedBlockOf | None = None, *, writer: Writer | None = None,
                 sizes: SizesOf | None = None, vocabulary: Vocabulary | None = None,
                 whole_blocks: BlockOf | None = None, facts: Facts | None = None
                 ) -> dict[str, Any]:
    """Write the records into `folder` with `save_array(name, array) -> file entry`; returns
    the manifest part. UnsupportedCorpus when the layout cannot hold the corpus. With
    `writer` (an `ArrayWriter` per file) they are written as each article's block is met
    (`records_stream`; `sizes`: the kept blocks' sizes), the same files without holding
    the tables whole. `vocabulary`: the strings' vocabulary the streamed blocks may give
    their strings' numbers in (`Block.words`); `whole_blocks`: the blocks with their strings,
    for the whole-table way (else `blocks`); `facts`: what the digest works out of single
    strings, when kept (`string_facts`)."""
    files: dict[str, dict[str, Any]] | None = None
    if writer is not None:
        _check_corpus(corpus)
        with contextlib.suppress(SizesChanged):  # a damaged block: the whole-table way
            files, digest = stream_records(corpus, writer, blocks, sizes, vocabulary, facts)
            part = _part(corpus, digest)
    if files is None:
        arrays, part = records_arrays(corpus, whole_blocks or blocks, facts)
        files = {name: save_array(name, arr) for name, arr in arrays.items()}
        del arrays
    path = folder / RECORDS_JSON
    # ASCII JSON: \u escapes also carry the surrogates of file names that are not UTF-8
    path.write_text(json.dumps(part, separators=(",", ":")), encoding="ascii")
    return {"format": RECORDS_FORMAT, "arrays": files, "json": RECORDS_JSON}
