"""One `.npy` array written part by part, as `index_files.save_array` writes it whole: the
same bytes, the same manifest entry. Why: the records save writes the corpus's sentences and
texts article by article as it meets them (`records_stream`) instead of holding them whole."""
from __future__ import annotations

import io
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

import numpy as np
import xxhash

from retrieval.store.index_files import naming


class ArrayWriter:
    """`<name>.npy` of `shape` and `dtype`, its rows given in order by `write`; `close`
    returns the manifest entry and raises ValueError when fewer or more rows came than the
    shape holds."""

    def __init__(self, folder: Path, name: str, dtype: np.dtype[Any] | type,
                 shape: tuple[int, ...]) -> None:
        self.path = folder / f"{name}.npy"
        self.dtype = np.dtype(dtype)
        self.shape = shape
        self._left = int(np.prod(shape, dtype=np.int64))
        self._hash = xxhash.xxh3_128()
        header = io.BytesIO()
        np.lib.format.write_array_header_1_0(header, {
            "descr": np.lib.format.dtype_to_descr(self.dtype), "fortran_order": False,
            "shape": shape})
        with naming(self.path):
            self._file: BinaryIO | None = open(self.path, "wb")  # noqa: SIM115 (closed by close)
            self._put(header.getvalue())

    def _put(self, data: bytes | memoryview) -> None:
        assert self._file is not None
        with naming(self.path):
            self._file.write(data)
        self._hash.update(data)

    def write(self, part: np.ndarray | bytes) -> None:
        """The next rows (any shape: their items in order), or raw bytes of a uint8 array."""
        if isinstance(part, bytes):
            if self.dtype != np.uint8:
                raise TypeError("raw bytes are only a uint8 array's")
            n, data = len(part), memoryview(part)
        else:
            arr = np.ascontiguousarray(part, dtype=self.dtype)
            n, data = arr.size, arr.reshape(-1).data.cast("B")
        if n > self._left:
            raise ValueError(f"{self.path.name}: more items than its shape {self.shape}")
        self._left -= n
        if n:
            self._put(data)

    def close(self) -> dict[str, Any]:
        """Finish the file: its manifest entry (size, checksum, dtype, shape)."""
        if self._file is None:
            raise ValueError(f"{self.path.name} is closed")
        with naming(self.path):
            self._file.close()
        self._file = None
        if self._left:
            raise ValueError(f"{self.path.name}: {self._left} items short of {self.shape}")
        return {"size": self.path.stat().st_size, "xxh3_128": self._hash.hexdigest(),
                "dtype": str(self.dtype), "shape": list(self.shape)}

    def abandon(self) -> None:
        """Close the file after a failure (the entry's folder is thrown away)."""
        if self._file is not None:
            self._file.close()
            self._file = None

    def __enter__(self) -> ArrayWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.abandon()
