# The optional C module built from _filewalk.c (see its comment and file_walk.py); this stub
# lets mypy check the one call made to it. Absent at run time when there was no C compiler.
from collections.abc import Sequence

def stream(paths: Sequence[str], threads: int, /) -> tuple[bytes, int]: ...
