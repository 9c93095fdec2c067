"""Everyone who speaks in a corpus, and finding one from what a user typed.

A user may write a surname, a full name, "Mr X", a role ("the Turkish foreign minister"),
with or without diacritics, or a close misspelling ("Zelensky", "Erdogen").
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from corpus.folding import fold
from corpus.gazetteer import gazetteer
from corpus.titles import titles_in
from retrieval.store import GroupKey, SpeakerDigest, SpeakerGroup

FUZZY_CUTOFF = 88
WORD_CUTOFF = 70  # each word of a fuzzy match at least this like its counterpart
# A title typed before a name ("mr erdogan", "president zelensky"): tried without it too.
_TYPED_TITLE = re.compile(r"^(?:" + "|".join(sorted(titles_in("typed"))) + r")\.?\s+")


@dataclass(frozen=True)
class Resolution:
    """What a typed name refers to: a speaker, someone mentioned who never speaks, or nobody."""

    entry: SpeakerGroup | None  # its speaker, statements and direct / reported counts
    mentioned_as: str | None = None  # a name met in the articles that never speaks
    corrected: str | None = None     # the known name a misspelling was taken for


class SpeakerDirectory:
    """Everyone who speaks in a corpus, from its speaker digest."""

    def __init__(self, digest: SpeakerDigest) -> None:
        # Statements grouped by speaker, which speaker each alias names, silent names: saved
        # with a cached corpus (no walk over every passage at start), else one walk.
        keys = digest.keys
        self.keys: Sequence[GroupKey] = keys
        self.groups: Sequence[SpeakerGroup] = digest.groups  # built when first reached
        self.described: Sequence[str] = digest.described  # "name terms<TAB>role terms"
        self.entries: Mapping[GroupKey, SpeakerGroup] = _ByKey(digest.groups, keys)
        self.silent: Mapping[str, str] = digest.silent  # alias -> name of people never quoted
        self._alias_index: dict[str, GroupKey] = {
            alias: keys[gi] for alias, gi in digest.alias_groups.items()}

    def ordered(self) -> list[SpeakerGroup]:
        """Most statements first, then by name."""
        return sorted(self.entries.values(), key=lambda e: (-len(e.statements),
                                                             fold(e.speaker.name)))

    def known(self, typed: str) -> SpeakerGroup | None:
        """The speaker an alias names exactly as typed (no spelling put right), or None:
        cheap, for trying the words of a question one split at a time."""
        wanted = normalize_name(typed)
        key = self._alias_index.get(wanted) or self._alias_index.get(
            _TYPED_TITLE.sub("", wanted))
        return self.entries[key] if key is not None else None

    def resolve(self, typed: str) -> Resolution:
        """What a typed name refers to; remembered, as one question asks it more than once."""
        return self._resolve(typed)

    @functools.lru_cache(maxsize=2048)  # noqa: B019 - one directory per engine, kept for its life
    def _resolve(self, typed: str) -> Resolution:
        wanted = normalize_name(typed)
        if not wanted:
            return Resolution(None)
        plain = _TYPED_TITLE.sub("", wanted)
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
        if match and word_by_word(plain, match[0]):
            return Resolution(self.entries[self._alias_index[match[0]]], corrected=match[0])
        slip = _one_slip(plain, aliases, self._alias_index)
        if slip is not None:
            return Resolution(self.entries[self._alias_index[slip]], corrected=slip)
        silent = list(self.silent)
        match = process.extractOne(plain, silent, scorer=fuzz.ratio,
                                   score_cutoff=FUZZY_CUTOFF) if silent else None
        if match and word_by_word(plain, match[0]):
            return Resolution(None, self.silent[match[0]], match[0])
        slip = _one_slip(plain, silent, self.silent)
        if slip is not None:
            return Resolution(None, self.silent[slip], slip)
        return Resolution(None)


def word_by_word(typed: str, alias: str) -> bool:
    """Whether a spelling near as a whole is near word by word: "chelsea chief executive" is
    88% like "lse chief executive", but Chelsea is not the LSE."""
    from rapidfuzz import fuzz

    mine, theirs = typed.split(), alias.split()
    return len(mine) == len(theirs) and all(
        fuzz.ratio(a, b) >= WORD_CUTOFF for a, b in zip(mine, theirs, strict=True))


def _one_slip(typed: str, names: list[str], target: Mapping[str, object]) -> str | None:
    """A name one typing slip (one letter wrong, missing or extra, or two side by side
    swapped: "erdgoan") away from `typed`, when
    every such name leads to the same `target`. The similarity ratio is too strict
    for that in short names ("erdogen" ~ "erdogan" scores 86); one edit is not, but in a name
    under five letters it is too loose, and two people a slip apart ("Brown", "Browne") make
    it ambiguous: no match then."""
    if len(typed) < 5 or not names:
        return None
    from rapidfuzz import process
    from rapidfuzz.distance import OSA  # edit distance where a swap of neighbours is one edit

    near = [name for name, _, _ in process.extract(
        typed, names, scorer=OSA.distance, score_cutoff=1, limit=None)]
    return near[0] if near and len({target[name] for name in near}) == 1 else None


class _ByKey(Mapping[GroupKey, SpeakerGroup]):
    """(folded name, kind) -> its speaker group, without building any group until asked (a
    saved corpus's groups are built on first use)."""

    def __init__(self, groups: Sequence[SpeakerGroup], keys: Sequence[GroupKey]) -> None:
        self._groups = groups
        self._position = {key: i for i, key in enumerate(keys)}

    def __getitem__(self, key: GroupKey) -> SpeakerGroup:
        return self._groups[self._position[key]]

    def __iter__(self) -> Iterator[GroupKey]:
        return iter(self._position)

    def __len__(self) -> int:
        return len(self._position)


def normalize_name(text: str) -> str:
    """Fold what a user typed so it compares with the alias table: no leading article, a
    country possessive written as its adjective."""
    folded = fold(text).strip(" ?.!,\"'")
    folded = re.sub(r"^(?:the|a|an)\s+", "", folded)
    return gazetteer().normalize_role(folded) if folded else ""
