"""Everyone who speaks in a corpus, and finding one from what a user typed.

A user may write a surname, a full name, "Mr X", a role ("the Turkish foreign minister"),
with or without diacritics, or a close misspelling ("Zelensky").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from parley.corpus.models import Corpus, Speaker
from parley.corpus.folding import fold
from parley.store.records import normalize_name, speaker_digest  # noqa: F401 - re-exported

FUZZY_CUTOFF = 88


@dataclass
class SpeakerEntry:
    speaker: Speaker
    aliases: set[str] = field(default_factory=set)
    # (passage, sentence) in corpus order: a list, or a read-only sequence for a saved corpus
    statements: list[tuple[int, int]] = field(default_factory=list)
    direct: int = 0
    reported: int = 0


@dataclass(frozen=True)
class Resolution:
    """What a typed name refers to: a speaker, someone mentioned who never speaks, or nobody."""

    entry: SpeakerEntry | None
    mentioned_as: str | None = None  # a name met in the articles that never speaks


def _key(speaker: Speaker) -> tuple[str, str]:
    return fold(speaker.name), speaker.kind


class SpeakerDirectory:
    def __init__(self, corpus: Corpus) -> None:
        self.entries: dict[tuple[str, str], SpeakerEntry] = {}
        self.silent: dict[str, str] = {}  # alias -> canonical name of people who never speak
        # Statements grouped by speaker, aliases, silent names: saved with a cached corpus
        # (no walk over every passage at start), computed by one walk otherwise.
        digest = speaker_digest(corpus)
        for g in digest.groups:
            # the folded key, normalize_name(name) and normalize_name(role), as aliases
            self.entries[(g.folded, g.kind)] = SpeakerEntry(
                g.speaker, {g.folded, *g.name_aliases, *g.aliases},
                g.statements, g.direct, g.reported)  # type: ignore[arg-type]
        self.silent = dict(digest.silent)
        # How many articles give each alias to each speaker: across a corpus "the chancellor"
        # is whoever most articles call that, not whoever speaks most.
        votes = digest.votes
        self._alias_index: dict[str, tuple[str, str]] = {}
        for key, entry in self.entries.items():

            def rank(k: tuple[str, str], alias: str) -> tuple[int, int]:
                return votes.get(alias, {}).get(k, 0), len(self.entries[k].statements)

            for alias in entry.aliases:
                current = self._alias_index.get(alias)
                if current is None or rank(key, alias) > rank(current, alias):
                    self._alias_index[alias] = key

    def ordered(self) -> list[SpeakerEntry]:
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
        aliases = list(self._alias_index)
        match = process.extractOne(plain, aliases, scorer=fuzz.ratio,
                                   score_cutoff=FUZZY_CUTOFF) if aliases else None
        if match:
            return Resolution(self.entries[self._alias_index[match[0]]])
        silent = list(self.silent)
        match = process.extractOne(plain, silent, scorer=fuzz.ratio,
                                   score_cutoff=FUZZY_CUTOFF) if silent else None
        if match:
            return Resolution(None, self.silent[match[0]])
        return Resolution(None)
