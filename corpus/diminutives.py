"""Short forms of English first names ("Vince" for Vincent, "Ken" for Kenneth), from the
`nicknames` dataset, so that "Vince Cable" in one story and "Vincent Cable" in the next can
be one person. Only a short form that is the start of its name counts (Ken, Kenneth; Chris,
Christopher): the dataset also links names across languages and by custom (Ian and John,
John and Jonathan, Andy and Andrea), which in news are other people as often as not."""
from __future__ import annotations

from functools import cache

MIN_SHORT = 3  # "Al" and "Ed" start too many names


@cache
def short_forms() -> frozenset[tuple[str, str]]:
    """(full name, short form) pairs, lower-case, each short form the start of its name.
    (The package is imported here, not with the module: its import costs some 55 ms, which
    every build worker would pay for the merge that only the main process runs.)"""
    from nicknames import NickNamer

    return frozenset((full, short) for full, shorts in NickNamer().nickname_lookup.items()
                     for short in shorts
                     if len(short) >= MIN_SHORT and short != full and full.startswith(short)
                     and short.isalpha())
