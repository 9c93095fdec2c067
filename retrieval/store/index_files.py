"""Saving a BM25Index as `.npy` arrays + JSON, and memory-mapping it back, every byte and
every reference checked first. Nothing pickled."""
from __future__ import annotations

import dataclasses
import functools
import io
import json
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import xxhash

from retrieval.bm25_index import BM25Index
from retrieval.inverted import ARRAY_NAMES, FORMAT_VERSION, InvertedIndex, Stats
from retrieval.store.check_batch import Group, run_groups
from retrieval.store.checks import Check
from retrieval.store.structure import CopyInto, index_checks

# Every byte of every saved file is checked at each start (xxh3-128: some 10 GB/s, so the
# 1 GB entry of a million passages costs a fraction of a second), as the issue of a flipped
# byte in a large file showed a sampled check cannot: it served NaN scores and tracebacks.
_CHUNK = 1 << 22
# What each index array holds (`retrieval.inverted_build`): a manifest naming another type
# is refused before any check runs on the rows.
ARRAY_DTYPES = {"idf": "float64", "df": "int64", "doc_len": "int32", "term_tiers": "int64",
                "tier_max": "float64", "tier_blocks": "int64", "block_table": "int64",
                "post_stream": "uint8"}


class CorruptIndex(Exception):
    """A saved index that fails a check; the message says which."""


def file_digest(path: Path) -> str:
    """xxh3-128 of every byte of the file."""
    h = xxhash.xxh3_128()
    buf = bytearray(_CHUNK)
    view = memoryview(buf)
    with open(path, "rb", buffering=0) as f:
        while n := _fill(f, view):
            h.update(view[:n])
    return h.hexdigest()


def save_array(folder: Path, name: str, arr: np.ndarray) -> dict[str, Any]:
    """One array as `<name>.npy` (the standard format, written here so that a full disk is
    an OSError naming the file, not numpy's "N requested and M written"); returns its
    manifest entry (size, checksum of what was written, dtype, shape)."""
    path = folder / f"{name}.npy"
    arr = np.ascontiguousarray(arr)
    h = xxhash.xxh3_128()
    with naming(path), open(path, "wb") as f:
        header = io.BytesIO()
        np.lib.format.write_array_header_1_0(header, np.lib.format.header_data_from_array_1_0(arr))
        for part in (header.getvalue(), arr.reshape(-1).data.cast("B")):
            f.write(part)
            h.update(part)
    return {"size": path.stat().st_size, "xxh3_128": h.hexdigest(),
            "dtype": str(arr.dtype), "shape": list(arr.shape)}


def load_array(folder: Path, name: str, meta: dict[str, Any] | None,
               checks: Sequence[Check] = (), mmap: bool = True) -> np.ndarray:
    """What `save_array` wrote, every byte checked against its manifest entry and every row
    against `checks`, then memory-mapped."""
    check_array(folder, name, meta, checks)
    return mapped_array(folder, name, mmap)


def check_array(folder: Path, name: str, meta: dict[str, Any] | None,
                checks: Sequence[Check] = ()) -> None:
    """Every byte of `<name>.npy` checked against its manifest entry, every row against
    `checks` (CorruptIndex when one fails)."""
    if meta is None:
        raise CorruptIndex(f"{name}.npy is not listed")
    _read_checked(folder / f"{name}.npy", meta, checks)


def mapped_array(folder: Path, name: str, mmap: bool = True) -> np.ndarray:
    """`<name>.npy` memory-mapped (or read), once `check_array` has passed."""
    try:
        return np.load(folder / f"{name}.npy", mmap_mode="r" if mmap else None,
                       allow_pickle=False)
    except (ValueError, OSError) as exc:
        raise CorruptIndex(f"{name}.npy cannot be read ({exc})") from None


def _read_checked(path: Path, meta: dict[str, Any], checks: Sequence[Check]) -> None:
    """One pass over the file: its size, header, checksum, and `checks` fed its rows."""
    name = path.name
    try:
        with open(path, "rb", buffering=0) as f:
            if os.fstat(f.fileno()).st_size != meta["size"]:
                raise CorruptIndex(f"{name} has the wrong size")
            try:
                np.lib.format.read_magic(f)
                shape, fortran, dtype = np.lib.format.read_array_header_1_0(f)
            except Exception:  # numpy parses the header as a literal: Syntax-, Token-, Value-
                raise CorruptIndex(f"{name} has a damaged header") from None
            if fortran or str(dtype) != meta["dtype"] or list(shape) != meta["shape"]:
                raise CorruptIndex(f"{name} has the wrong type or shape")
            header = f.tell()
            f.seek(0)
            h = xxhash.xxh3_128(f.read(header))
            _rows(f, h, np.dtype(dtype), tuple(shape), checks)
    except OSError:
        raise CorruptIndex(f"{name} is missing or unreadable") from None
    if h.hexdigest() != meta["xxh3_128"]:
        raise CorruptIndex(f"{name} does not match its checksum")
    failed = next((c.why for c in checks if not c.holds()), None)
    if failed:
        raise CorruptIndex(failed)


def _fill(f: Any, view: memoryview) -> int:
    """Read until `view` is full or the file ends (a read may return less than asked)."""
    got = 0
    while got < len(view) and (n := f.readinto(view[got:])):
        got += n
    return got


def _rows(f: Any, h: Any, dtype: np.dtype[Any], shape: tuple[int, ...],
          checks: Sequence[Check]) -> None:
    """Hash the data, handing whole rows to the checks a chunk at a time."""
    width = int(np.prod(shape[1:], dtype=np.int64)) if len(shape) > 1 else 1
    row_bytes = max(1, width * dtype.itemsize)
    buf = bytearray(max(1, _CHUNK // row_bytes) * row_bytes)
    view = memoryview(buf)
    first = 0
    while n := _fill(f, view):
        h.update(view[:n])
        if n % row_bytes:
            raise CorruptIndex("an array file ends inside a row")
        if checks:
            rows = np.frombuffer(buf, dtype=dtype, count=n // dtype.itemsize)
            if len(shape) > 1:
                rows = rows.reshape(-1, *shape[1:])
            failed = next((c.why for c in checks if not c.feed(rows, first)), None)
            if failed:
                raise CorruptIndex(failed)
            first += rows.shape[0]
    if first and first != (shape[0] if shape else 1):
        raise CorruptIndex("an array file holds fewer rows than its header says")


def save_index(index: BM25Index, folder: Path) -> dict[str, Any]:
    """Write the index into `folder` (which must exist); returns its manifest part."""
    inv = index.inverted
    files: dict[str, Any] = {}
    for name, arr in inv.arrays().items():
        files[f"{name}.npy"] = save_array(folder, name, arr)
    terms_path = folder / "terms.json"
    with naming(terms_path):
        terms_path.write_text(json.dumps(inv.terms, separators=(",", ":")), encoding="ascii")
    files["terms.json"] = file_entry(terms_path)
    return {"format": FORMAT_VERSION, "stats": dataclasses.asdict(inv.stats), "files": files}


@contextmanager
def naming(path: Path) -> Iterator[None]:
    """An OSError raised while writing `path` names it (a failed write does not): "no space
    left on device" then says where."""
    try:
        yield
    except OSError as exc:
        if exc.filename is None:
            raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from exc
        raise


def file_entry(path: Path) -> dict[str, Any]:
    """The manifest entry of a file already written: its size and checksum."""
    return {"size": path.stat().st_size, "xxh3_128": file_digest(path)}


def check_file(folder: Path, name: str, meta: dict[str, Any]) -> Path:
    """A file that is not an array, when its size and every byte's checksum are what the
    manifest says."""
    path = folder / name
    try:
        size = path.stat().st_size
        if size != meta["size"]:
            raise CorruptIndex(f"{name} has {size} bytes, expected {meta['size']}")
        if file_digest(path) != meta["xxh3_128"]:
            raise CorruptIndex(f"{name} does not match its checksum")
    except OSError:
        raise CorruptIndex(f"{name} is missing or unreadable") from None
    return path


def load_index(folder: Path, part: dict[str, Any], mmap: bool = True) -> BM25Index:
    """Load what `save_index` wrote: every byte and every row checked first."""
    group, finish = index_plan(folder, part, mmap)
    run_groups([group], 1)
    return finish()


def index_plan(folder: Path, part: dict[str, Any], mmap: bool = True
               ) -> tuple[Group, Callable[[], BM25Index]]:
    """What `load_index` does, in two halves: the files' checks (one group: the stream is
    decoded against the block table checked before it) and, once they have passed, the
    index loaded from them."""
    if part.get("format") != FORMAT_VERSION:
        raise CorruptIndex(f"index format {part.get('format')}, expected {FORMAT_VERSION}")
    try:
        files = part["files"]
        stats = Stats(**part["stats"])
        checks = index_checks({name: tuple(files[f"{name}.npy"]["shape"])
                               for name in ARRAY_NAMES}, stats.size)
        wrong = [n for n in ARRAY_NAMES if files[f"{n}.npy"]["dtype"] != ARRAY_DTYPES[n]]
        # the passage lengths as read, for the length normalisation (shape checked)
        lengths = np.zeros(int(files["doc_len.npy"]["shape"][0]), dtype=np.int32)
        size = sum(int(files[f"{n}.npy"]["size"]) for n in ARRAY_NAMES)
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise CorruptIndex(f"the manifest's index part is unreadable ({exc})") from None
    if wrong:
        raise CorruptIndex(f"{wrong[0]}.npy has the wrong type")
    checks["doc_len"].append(CopyInto("", lengths))
    group = Group(size, [functools.partial(check_array, folder, name, files[f"{name}.npy"],
                                           checks[name]) for name in ARRAY_NAMES])
    group.steps.append(functools.partial(check_file, folder, "terms.json", files["terms.json"]))

    def finish() -> BM25Index:
        arrays = {name: mapped_array(folder, name, mmap) for name in ARRAY_NAMES}
        try:
            terms = json.loads((folder / "terms.json").read_text(encoding="utf-8"))
        except ValueError as exc:
            raise CorruptIndex(f"terms unreadable ({exc})") from None
        except OSError:
            raise CorruptIndex("terms.json is missing or unreadable") from None
        _check_shapes(arrays, terms, stats)
        return BM25Index.from_inverted(InvertedIndex(terms, arrays, stats, lengths))
    return group, finish


def _check_shapes(a: dict[str, np.ndarray], terms: list[str], stats: Stats) -> None:
    V, N = len(terms), stats.size
    T = a["tier_max"].shape[0]
    table = a["block_table"]
    ok = (a["idf"].shape == (V,) and a["df"].shape == (V,) and a["doc_len"].shape == (N,)
          and a["term_tiers"].shape == (V + 1,) and a["tier_blocks"].shape == (T + 1,)
          and table.ndim == 2 and table.shape[1] == 2 and a["post_stream"].ndim == 1
          and isinstance(terms, list) and len(set(terms)) == V)
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
