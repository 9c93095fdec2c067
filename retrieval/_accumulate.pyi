# The optional C module built from _accumulate.c (see its docstring); this stub lets mypy
# check the one call made to it. Absent at run time when there was no C compiler.
from collections.abc import Sequence

import numpy as np

def top_postings(docs: np.ndarray, weights: np.ndarray, spans: Sequence[tuple[object, ...]],
                 acc: np.ndarray, seen: np.ndarray, k: int) -> list[tuple[int, float]]: ...
