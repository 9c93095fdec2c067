"""Saving a BM25Index as `.npy` arrays + JSON, and memory-mapping it back. Nothing pickled."""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from pathlib import Path
from typing import Any

import numpy as np

from retrieval.bm25_index import BM25Index
from retrieval.inverted import ARRAY_NAMES, FORMAT_VERSION, InvertedIndex, Stats

# Files up to this many bytes are checked by full SHA-256 on load; bigger ones by size, header
# and a hash of their first and last 64 KiB plus 64 blocks of 4 KiB spread evenly between
# (hashing hundreds of MB at every start would defeat instant start; the shapes and offsets
# are checked as well).
FULL_HASH_LIMIT = 256 * 1024
_SAMPLE = 64 * 1024
_BLOCKS, _BLOCK = 64, 4 * 1024


class CorruptIndex(Exception):
    """A saved index that fails a check; the message says which."""


def file_digest(path: Path, full: bool = True) -> str:
    h = hashlib.sha256()
    size = path.stat().st_size
    with open(path, "rb") as f:
        if full or size <= 2 * _SAMPLE:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        else:
            h.update(f.read(_SAMPLE))
            span = size - 2 * _SAMPLE - _BLOCK
            for i in range(_BLOCKS if span > 0 else 0):
                f.seek(_SAMPLE + span * i // max(_BLOCKS - 1, 1))
                h.update(f.read(_BLOCK))
            f.seek(size - _SAMPLE)
            h.update(f.read(_SAMPLE))
    return h.hexdigest()


def save_array(folder: Path, name: str, arr: np.ndarray) -> dict[str, Any]:
    """`np.save` one array as `<name>.npy`; returns its manifest entry (size, checksum,
    dtype, shape)."""
    path = folder / f"{name}.npy"
    np.save(path, np.ascontiguousarray(arr), allow_pickle=False)
    size = path.stat().st_size
    full = size <= FULL_HASH_LIMIT
    return {"size": size, "sha256": file_digest(path, full), "full_hash": full,
            "dtype": str(arr.dtype), "shape": list(arr.shape)}


def load_array(folder: Path, name: str, meta: dict[str, Any] | None,
               mmap: bool = True) -> np.ndarray:
    """What `save_array` wrote, checked against its manifest entry."""
    if meta is None:
        raise CorruptIndex(f"{name}.npy is not listed")
    path = check_file(folder, f"{name}.npy", meta)
    try:
        arr = np.load(path, mmap_mode="r" if mmap else None, allow_pickle=False)
    except (ValueError, OSError) as exc:
        raise CorruptIndex(f"{name}.npy cannot be read ({exc})") from None
    if str(arr.dtype) != meta["dtype"] or list(arr.shape) != meta["shape"]:
        raise CorruptIndex(f"{name}.npy has the wrong type or shape")
    return arr


def save_index(index: BM25Index, folder: Path) -> dict[str, Any]:
    """Write the index into `folder` (which must exist); returns its manifest part."""
    inv = index.inverted
    files: dict[str, Any] = {}
    for name, arr in inv.arrays().items():
        files[f"{name}.npy"] = save_array(folder, name, arr)
    terms_path = folder / "terms.json"
    terms_path.write_text(json.dumps(inv.terms, separators=(",", ":")), encoding="ascii")
    files["terms.json"] = {"size": terms_path.stat().st_size,
                           "sha256": file_digest(terms_path), "full_hash": True}
    return {"format": FORMAT_VERSION, "stats": dataclasses.asdict(inv.stats), "files": files}


def check_file(folder: Path, name: str, meta: dict[str, Any]) -> Path:
    path = folder / name
    try:
        size = path.stat().st_size
    except OSError:
        raise CorruptIndex(f"{name} is missing") from None
    if size != meta["size"]:
        raise CorruptIndex(f"{name} has {size} bytes, expected {meta['size']}")
    if file_digest(path, meta.get("full_hash", True)) != meta["sha256"]:
        raise CorruptIndex(f"{name} does not match its checksum")
    return path


def load_index(folder: Path, part: dict[str, Any], mmap: bool = True) -> BM25Index:
    """Load what `save_index` wrote, checking sizes, checksums, dtypes and shapes."""
    if part.get("format") != FORMAT_VERSION:
        raise CorruptIndex(f"index format {part.get('format')}, expected {FORMAT_VERSION}")
    files = part["files"]
    arrays: dict[str, np.ndarray] = {}
    for name in ARRAY_NAMES:
        arrays[name] = load_array(folder, name, files.get(f"{name}.npy"), mmap)
    terms_path = check_file(folder, "terms.json", files["terms.json"])
    try:
        terms = json.loads(terms_path.read_text(encoding="utf-8"))
        stats = Stats(**part["stats"])
    except (ValueError, TypeError) as exc:
        raise CorruptIndex(f"terms or statistics unreadable ({exc})") from None
    _check_shapes(arrays, terms, stats)
    return BM25Index.from_inverted(InvertedIndex(terms, arrays, stats))


def _check_shapes(a: dict[str, np.ndarray], terms: list[str], stats: Stats) -> None:
    V, N = len(terms), stats.size
    T = a["tier_max"].shape[0]
    ok = (a["idf"].shape == (V,) and a["df"].shape == (V,) and a["doc_len"].shape == (N,)
          and a["term_tiers"].shape == (V + 1,) and a["tier_offsets"].shape == (T + 1,)
          and a["post_docs"].shape == a["post_weights"].shape
          and (V == 0 or int(a["term_tiers"][-1]) == T)
          and int(a["tier_offsets"][-1]) == a["post_docs"].shape[0]
          and bool(np.all(np.diff(a["tier_offsets"]) >= 0))
          and len(set(terms)) == V)
    if not ok:
        raise CorruptIndex("array shapes do not fit together")


def dir_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file()) if folder.is_dir() else 0


def fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
