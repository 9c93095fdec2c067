"""Everyone who speaks in a corpus, and finding one from what a user typed.

A user may write a surname, a full name, "Mr X", a role ("the Turkish foreign minister"),
with or without diacritics, or a close misspelling ("Zelensky", "Erdogen").
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from corpus.folding import fold
from corpus.models import Corpus
from retrieval.store.records import SpeakerGroup, group_keys, normalize_name, speaker_digest

FUZZY_CUTOFF = 88


@dataclass(frozen=True)
class Resolution:
    """What a typed name refers to: a speaker, someone mentioned who never speaks, or nobody."""

    entry: SpeakerGroup | None  # its speaker, statements and direct / reported counts
    mentioned_as: str | None = None  # a name met in the articles that never speaks
    corrected: str | None = None     # the known name a misspelling was taken for


class SpeakerDirectory:
    def __init__(self, corpus: Corpus) -> None:
        # Statements grouped by speaker, which speaker each alias names, silent names: saved
        # with a cached corpus (no walk over every passage at start), else one walk.
        digest = speaker_digest(corpus)
        keys = group_keys(digest.groups)
        self.entries: Mapping[tuple[str, str], SpeakerGroup] = _ByKey(digest.groups, keys)
        # alias -> canonical name of people who never speak
        self.silent: Mapping[str, str] = digest.silent
        self._alias_index: dict[str, tuple[str, str]] = {
            alias: keys[gi] for alias, gi in digest.alias_groups.items()}

    def ordered(self) -> list[SpeakerGroup]:
        """Most statements first, then by name."""
        return sorted(self.entries.values(), key=lambda e: (-len(e.statements),
                                                             fold(e.speaker.name)))

    def resolve(self, typed: str) -> Resolution:
        wanted = normalize_name(typed)
        if not wanted:
            return Resolution(None)
        plain = re.sub(r"^(?:mr|mrs|ms|miss|dr|sir|president|minister)\.?\s+", "", wanted)
        for candidate in (wanted, plain):
            if candidate in self._alias_index:
                return Resolution(self.entries[self._alias_index[candidate]])
        for candidate in (wanted, plain):
            if candidate in self.silent:
                return Resolution(None, self.silent[candidate])
        from rapidfuzz import fuzz, process  # only for a name not found as typed

        aliases = list(self._alias_index)
        match = process.extractOne(plain, aliases, scorer=fuzz.ratio,
                                   score_cutoff=FUZZY_CUTOFF) if aliases else None
        if match:
            return Resolution(self.entries[self._alias_index[match[0]]], corrected=match[0])
        slip = _one_slip(plain, aliases, self._alias_index)
        if slip is not None:
            return Resolution(self.entries[self._alias_index[slip]], corrected=slip)
        silent = list(self.silent)
        match = process.extractOne(plain, silent, scorer=fuzz.ratio,
                                   score_cutoff=FUZZY_CUTOFF) if silent else None
        if match:
            return Resolution(None, self.silent[match[0]], match[0])
        slip = _one_slip(plain, silent, self.silent)
        if slip is not None:
            return Resolution(None, self.silent[slip], slip)
        return Resolution(None)


def _one_slip(typed: str, names: list[str], target: Mapping[str, object]) -> str | None:
    """A name one typing slip (one letter wrong, missing or extra) away from `typed`, when
    every such name leads to the same `target`. The similarity ratio is too strict
    for that in short names ("erdogen" ~ "erdogan" scores 86); one edit is not, but in a name
    under five letters it is too loose, and two people a slip apart ("Brown", "Browne") make
    it ambiguous: no match then."""
    if len(typed) < 5 or not names:
        return None
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    near = [name for name, _, _ in process.extract(
        typed, names, scorer=Levenshtein.distance, score_cutoff=1, limit=None)]
    return near[0] if near and len({target[name] for name in near}) == 1 else None


class _ByKey(Mapping):  # type: ignore[type-arg]
    """(folded name, kind) -> its speaker group, without building any group until asked (a
    saved corpus's groups are built on first use)."""

    def __init__(self, groups: Sequence[SpeakerGroup], keys: list[tuple[str, str]]) -> None:
        self._groups = groups
        self._position = {key: i for i, key in enumerate(keys)}

    def __getitem__(self, key: tuple[str, str]) -> SpeakerGroup:
        return self._groups[self._position[key]]

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self._position)

    def __len__(self) -> int:
        return len(self._position)
