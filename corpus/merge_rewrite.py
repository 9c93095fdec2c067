"""Rewriting an article as the cross-article merge (`corpus.merging`) decided: each merged
person's name made the group's, its aliases joined, the speakers of its sentences renamed.

The passages are rewritten only when first read (`RenamedPassages`): a build that adds one
file to a large folder rewrites hundreds of unchanged articles ("Mr Blair" joins "Tony
Blair"), and reads few of their passages before the saved entry serves them."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import overload

from corpus.models import Article, Passage, Person, Sentence
from corpus.sequence_views import equals_sequence

Renames = dict[str, tuple[str, frozenset[str]]]  # old name -> (group's name, its names folded)


def rewrite(article: Article, renames: Renames) -> Article:
    """The article as the merge leaves it (the article itself when nothing is renamed)."""
    if not renames:
        return article
    people = tuple(_renamed_person(p, renames) for p in article.people)
    return replace(article, passages=RenamedPassages(article.passages, renames), people=people)


class RenamedPassages(Sequence[Passage]):
    """An article's passages with its speakers renamed, made together on the first access;
    equal to any sequence of equal passages and hashed as their tuple (as the tuple it
    stands for would be)."""

    __slots__ = ("_source", "_renames", "_made")

    def __init__(self, source: Sequence[Passage], renames: Renames) -> None:
        self._source: Sequence[Passage] | None = source
        self._renames = renames
        self._made: tuple[Passage, ...] | None = None

    def _all(self) -> tuple[Passage, ...]:
        made = self._made
        if made is None:
            assert self._source is not None
            made = tuple(_renamed_passage(p, self._renames) for p in self._source)
            self._made, self._source = made, None
        return made

    def __len__(self) -> int:
        return len(self._made if self._made is not None else self._source or ())

    @overload
    def __getitem__(self, i: int) -> Passage: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[Passage, ...]: ...

    def __getitem__(self, i: int | slice) -> Passage | tuple[Passage, ...]:
        return self._all()[i]

    def __iter__(self) -> Iterator[Passage]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        return equals_sequence(self, other)

    def __hash__(self) -> int:
        return hash(self._all())

    def __repr__(self) -> str:
        return repr(self._all())


def _renamed_person(person: Person, renames: Renames) -> Person:
    if person.kind != "person" or person.name not in renames:
        return person
    name, aliases = renames[person.name]
    return replace(person, name=name, aliases=person.aliases | aliases)


def _renamed_passage(passage: Passage, renames: Renames) -> Passage:
    sentences = tuple(_renamed_sentence(s, renames) for s in passage.sentences)
    return passage if sentences == passage.sentences else replace(passage, sentences=sentences)


def _renamed_sentence(s: Sentence, renames: Renames) -> Sentence:
    sp = s.speaker
    if sp is None or sp.kind != "person" or sp.name not in renames:
        return s
    return replace(s, speaker=replace(sp, name=renames[sp.name][0]))
