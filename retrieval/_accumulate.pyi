# The optional C module built from _accumulate.c (see its docstring); this stub lets mypy
# check the calls made to it. Absent at run time when there was no C compiler.
from collections.abc import Sequence

import numpy as np

def top_blocks(stream: np.ndarray, table: np.ndarray, classes: np.ndarray, norms: np.ndarray,
               spans: Sequence[tuple[object, ...]], acc: np.ndarray, seen: np.ndarray, k: int,
               k1p1: float, dense: bool) -> list[tuple[int, float]]: ...
def read_blocks(stream: np.ndarray, table: np.ndarray, classes: np.ndarray, norms: np.ndarray,
                b0: int, b1: int, idf: float, k1p1: float, docs: np.ndarray,
                weights: np.ndarray) -> None: ...
def probe_blocks(stream: np.ndarray, table: np.ndarray, classes: np.ndarray, norms: np.ndarray,
                 b0: int, b1: int, idf: float, k1p1: float, cand: np.ndarray,
                 weights: np.ndarray, hit: np.ndarray) -> None: ...
def block_ends(stream: np.ndarray, rows: np.ndarray, last: np.ndarray) -> None: ...
