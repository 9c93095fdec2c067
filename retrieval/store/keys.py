"""The key of a saved entry: it hashes the corpus files' paths and bytes, the tokenizer and
corpus-building code, the record schema and the BM25 settings, so any change makes a new key
and a stale entry is never used."""
from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import sys
import typing
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from corpus.models import Corpus, LoadProblem
from corpus.snapshot import Snapshot
from retrieval.inverted import FORMAT_VERSION
from retrieval.options import IndexOptions

STORE_VERSION = 4  # 4: whole-file xxh3-128 checksums
# Source files whose change alters the built corpus, the terms or the saved records: part of
# the key. Paths are relative to the folder that holds the packages (the checkout, or
# site-packages).
_CODE_ROOT = Path(__file__).resolve().parents[2]
_CODE_FILES = ("retrieval/tokenizer.py", "retrieval/stopwords.py",
               "retrieval/store/records_layout.py", "retrieval/store/records_save.py",
               "retrieval/store/records_load.py", "retrieval/store/speaker_digest.py",
               "retrieval/store/article_cache.py", "retrieval/store/article_json.py",
               # what writes the records and the cache's rows since the save is streamed
               "retrieval/store/records_stream.py", "retrieval/store/records_block.py",
               "retrieval/store/digest_rows.py", "retrieval/store/article_rows.py",
               "retrieval/store/array_writer.py", "retrieval/store/article_terms.py",
               # the vocabulary the cache keeps and the BM25 arrays made from its numbers
               "retrieval/store/word_ids.py", "retrieval/inverted_build.py",
               "retrieval/postings_count.py", "retrieval/impact_tiers.py",
               "retrieval/first_seen.py",
               "retrieval/store/merge_memory.py", "retrieval/store/renamed_rows.py",
               "retrieval/store/records_rename.py",
               # the article cache's parts: its rows, their blocks, a row made and read
               "retrieval/store/cached_rows.py", "retrieval/store/kept_blocks.py",
               "retrieval/store/article_pack.py", "retrieval/store/block_runs.py",
               "retrieval/store/string_facts.py", "retrieval/store/known_files.py")
_CODE_DIRS = ("corpus",)
_NOT_CODE = {"articles", "evaluation", "__pycache__"}  # in a code dir, but not what builds
# Libraries whose version changes what is built (tokens, sentences, speakers, arrays).
BUILD_LIBRARIES = ("PyStemmer", "anyascii", "syntok", "rapidfuzz", "numpy", "nicknames")
_SCHEMA = "parley-corpus/1"


def path_bytes(text: str) -> bytes:
    """UTF-8, keeping the raw bytes of a file name that is not valid UTF-8 (Python holds
    those as surrogate escapes, which plain `.encode()` refuses)."""
    return text.encode("utf-8", "surrogateescape")


def settings_header(kind: str, options: IndexOptions) -> bytes:
    """What every key and signature starts with: versions, schema, code, BM25 settings."""
    bm = options.bm25
    return (f"parley-{kind}/{STORE_VERSION}/index/{FORMAT_VERSION}\0"
            f"schema={schema_fingerprint()}\0code={code_fingerprint()}\0"
            f"k1={float(bm.k1)!r};b={float(bm.b)!r};epsilon={float(bm.epsilon)!r}\0").encode()


def cache_key(snapshot: Snapshot, options: IndexOptions) -> str:
    """The saved entry's key for the bytes a snapshot holds (the bytes a build parses)."""
    return _key(snapshot.paths, snapshot.problems,
                ((r.path, _digest_of(r.data, r.error)) for r in (
                    *snapshot.articles, *snapshot.aliases.values())), options)


def _key(paths: Sequence[Path], problems: Sequence[LoadProblem],
         digests: Iterable[tuple[Path, bytes]], options: IndexOptions) -> str:
    """Corpus file paths + bytes (articles, then alias files), code, record schema, BM25
    settings. (Not the build callable itself: the corpus-building code is hashed instead.)"""
    h = hashlib.sha256(settings_header("store", options))
    h.update(path_bytes("paths=" + "\0".join(str(p) for p in paths) + "\0"))
    h.update(path_bytes("problems=" + "\0".join(str(p) for p in problems) + "\0"))
    for path, digest in digests:
        h.update(path_bytes(str(path)) + b"\0" + digest)
    return h.hexdigest()


def _digest_of(data: bytes | None, error: OSError | None) -> bytes:
    if data is None:
        return f"unreadable:{getattr(error, 'errno', None)}".encode()
    return hashlib.sha256(data).digest()


def corpus_identity(paths: list[Path]) -> str:
    """Which corpus (its paths), regardless of content: finds stale entries to replace."""
    return hashlib.sha256(path_bytes("\0".join(str(Path(p).resolve()) for p in paths))
                          ).hexdigest()


def code_fingerprint() -> str:
    """Tokenizer + corpus-building code + library versions that change what is built."""
    h = hashlib.sha256()
    for rel in _CODE_FILES:
        p = _CODE_ROOT / rel
        h.update(rel.encode() + b"\0" + (p.read_bytes() if p.is_file() else b"") + b"\0")
    for d in _CODE_DIRS:
        base = _CODE_ROOT / d
        for p in sorted(base.rglob("*")):
            if (p.is_file() and not _NOT_CODE.intersection(p.relative_to(base).parts)
                    and p.suffix in {".py", ".txt", ".toml", ".tsv"}):
                h.update(p.relative_to(_CODE_ROOT).as_posix().encode() + b"\0")
                h.update(p.read_bytes() + b"\0")
    versions = installed_versions(BUILD_LIBRARIES)
    for dist in BUILD_LIBRARIES:
        h.update(f"{dist}={versions.get(dist, 'none')};".encode())
    return h.hexdigest()


def installed_versions(dists: tuple[str, ...]) -> dict[str, str]:
    """Installed versions, read from the `<name>-<version>.dist-info` folder names on
    `sys.path`, first found wins as for imports. (`importlib.metadata.version` parses each
    METADATA file and imports the email package: some 30 ms on every start.)"""
    wanted = {_dist_key(d): d for d in dists}
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info"):
                dist, _, version = name[:-len(".dist-info")].partition("-")
                want = wanted.get(_dist_key(dist))
                if want is not None and want not in found:
                    found[want] = version
    return found


def _dist_key(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def schema_fingerprint() -> str:
    """Hash of every record's field names and types (reached from Corpus)."""
    seen: dict[str, str] = {}

    def walk(tp: Any) -> None:
        if isinstance(tp, type) and dataclasses.is_dataclass(tp):
            name = f"{tp.__module__}.{tp.__qualname__}"
            if name in seen:
                return
            hints = typing.get_type_hints(tp)
            seen[name] = ";".join(f"{f.name}:{hints[f.name]}" for f in dataclasses.fields(tp))
            for f in dataclasses.fields(tp):
                walk(hints[f.name])
        for a in typing.get_args(tp):
            walk(a)
    walk(Corpus)
    return hashlib.sha256((_SCHEMA + repr(sorted(seen.items()))).encode()).hexdigest()[:16]
