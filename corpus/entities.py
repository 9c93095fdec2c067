"""A person or organisation while an article is being read, and its frozen `Person` entry.

Mutable on purpose: reading the article adds names, roles and a gender as they are met;
`freeze` gives the read-only record the corpus keeps.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from corpus.folding import fold_name
from corpus.gazetteer import gazetteer
from corpus.models import Person, Speaker, SpeakerKind
from corpus.name_forms import NameForms
from corpus.titles import title_gender, titles_in


@dataclass
class Entity:
    """A person or organisation while the article is being read (mutable until frozen)."""

    names: list[str]
    kind: SpeakerKind = "person"
    role: str | None = None
    gender: str | None = None
    last_seen: int = -1
    first_seen: int = -1  # the first sentence naming them (-1: known from the start)
    roles_seen: list[str] = field(default_factory=list)
    preferred: str | None = None  # the name a user alias file gives
    user_aliases: list[str] = field(default_factory=list)
    # What the names say, read incrementally (names are only ever appended).
    _forms: NameForms = field(default_factory=NameForms, init=False, repr=False,
                              compare=False)

    @property
    def surname(self) -> str:
        return fold_name(self.names[0].split()[-1]) if self.names else ""

    def canonical(self) -> str:
        """The fullest form met, each word in its most accented spelling (or the name a
        user alias file gives)."""
        if self.preferred:
            return self.preferred
        self._forms.sync(self.names)
        return self._forms.canonical()

    def distinct_names(self) -> set[str]:
        """Every name met, once each (a set: do not change it)."""
        self._forms.sync(self.names)
        return self._forms.distinct

    def aliases(self) -> frozenset[str]:
        out: set[str] = set()
        g = gazetteer()
        for n in self.names:
            out.add(fold_name(n))
        out.update(fold_name(a) for a in self.user_aliases)
        if self.kind == "person":
            canonical = self.canonical()
            surname = fold_name(canonical.split()[-1])
            out.add(surname)
            out.update(f"{t} {surname}" for t in _address_titles(self.gender))
            for role in [self.role, *self.roles_seen]:
                if role:
                    norm = g.normalize_role(role)
                    out.add(norm)
                    out.add(f"{norm} {fold_name(canonical)}")
                    out.add(f"{norm} {surname}")
        return frozenset(a for a in out if a)

    def speaker(self) -> Speaker:
        return Speaker(self.canonical(), self.role, self.kind)

    def freeze(self) -> Person:
        return Person(self.canonical(), self.role, self.kind, self.aliases())


def _address_titles(gender: str | None) -> frozenset[str]:
    """"Mr X", "Dr X", ...: the titles of the "address" set that agree with a known gender;
    with none known, the "surname" set (every everyday title, any gender)."""
    if gender is None:
        return titles_in("surname")
    return frozenset(t for t in titles_in("address") if title_gender(t) in (None, gender))
