"""Everyone who speaks in a corpus, and finding one from what a user typed.

A user may write a surname, a full name, "Mr X", a role ("the Turkish foreign minister"),
with or without diacritics, or a close misspelling ("Zelensky").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from parley.corpus.gazetteer import gazetteer
from parley.corpus.models import Corpus, Speaker
from parley.corpus.folding import fold

FUZZY_CUTOFF = 88


@dataclass
class SpeakerEntry:
    speaker: Speaker
    aliases: set[str] = field(default_factory=set)
    statements: list[tuple[int, int]] = field(default_factory=list)  # (passage, sentence)
    direct: int = 0
    reported: int = 0


@dataclass(frozen=True)
class Resolution:
    """What a typed name refers to: a speaker, someone mentioned who never speaks, or nobody."""

    entry: SpeakerEntry | None
    mentioned_as: str | None = None  # a name met in the articles that never speaks


def _key(speaker: Speaker) -> tuple[str, str]:
    return fold(speaker.name), speaker.kind


def normalize_name(text: str) -> str:
    """Fold what a user typed so it compares with the alias table."""
    folded = fold(text).strip(" ?.!,\"'")
    folded = re.sub(r"^(?:the|a|an)\s+", "", folded)
    return gazetteer().normalize_role(folded) if folded else ""


class SpeakerDirectory:
    def __init__(self, corpus: Corpus) -> None:
        self.entries: dict[tuple[str, str], SpeakerEntry] = {}
        self.silent: dict[str, str] = {}  # alias -> canonical name of people who never speak
        for pi, passage in enumerate(corpus.passages):
            for si, sentence in enumerate(passage.sentences):
                if sentence.speaker is None:
                    continue
                entry = self.entries.setdefault(_key(sentence.speaker),
                                                SpeakerEntry(sentence.speaker))
                if entry.speaker.role is None and sentence.speaker.role:
                    entry.speaker = sentence.speaker
                entry.statements.append((pi, si))
                if sentence.kind == "direct":
                    entry.direct += 1
                else:
                    entry.reported += 1
        # How many articles give each alias to each speaker: across a corpus "the chancellor"
        # is whoever most articles call that, not whoever speaks most.
        votes: dict[str, dict[tuple[str, str], int]] = {}
        for article in corpus.articles:
            for person in article.people:
                key = (fold(person.name), person.kind)
                if key in self.entries:
                    self.entries[key].aliases.update(person.aliases)
                    for alias in person.aliases:
                        per = votes.setdefault(alias, {})
                        per[key] = per.get(key, 0) + 1
                else:
                    for alias in person.aliases:
                        self.silent.setdefault(alias, person.name)
        self._alias_index: dict[str, tuple[str, str]] = {}
        for key, entry in self.entries.items():
            entry.aliases.add(key[0])
            entry.aliases.add(normalize_name(entry.speaker.name))
            if entry.speaker.role:
                entry.aliases.add(normalize_name(entry.speaker.role))

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
