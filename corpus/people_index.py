"""Where an article's people are found: by folded name, surname (and its spelling variants),
role and organisation name, kept up to date as the article is read.

Why: every lookup used to read every entity met so far, so an article cost the square of
the people in it (one long article of many names took minutes). The index answers with the
same entities the full scan found; ties still go to the entity met first.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from corpus.entities import Entity
from corpus.folding import fold_name
from corpus.gazetteer import gazetteer
from corpus.surnames import CloseSurnames

Bucket = dict[int, Entity]  # by id(entity): each entity once, in the order it was added


@lru_cache(maxsize=1 << 14)
def normalized_role(role: str) -> str:
    return gazetteer().normalize_role(role)


def role_head(normalized: str) -> str:
    """The last word of a normalised role: every role `PeopleTable.find_by_role` finds alike
    ends in the same word as the one asked about."""
    return normalized.rsplit(" ", 1)[-1]


def org_key(name: str) -> str:
    return fold_name(name).removeprefix("the ")


class PeopleIndex:
    """The lookups of one `PeopleTable`. Every change to an entity's names or roles goes
    through `add_name` / `add_role`."""

    def __init__(self) -> None:
        self._order: dict[int, int] = {}
        self._by_key: dict[str, Bucket] = {}  # persons by folded name and user alias
        self._canonical: dict[int, str] = {}  # the folded canonical name each is filed by
        self._by_canonical: dict[str, Bucket] = {}
        self._by_surname: dict[str, Bucket] = {}
        self._surnames = CloseSurnames()
        self._by_role_head: dict[str, Bucket] = {}
        self._organisations: dict[str, Entity] = {}  # the first organisation per key

    def add_entity(self, entity: Entity) -> None:
        self._order[id(entity)] = len(self._order)
        if entity.kind != "person":
            for key in [entity.names[0], *entity.user_aliases]:
                self._organisations.setdefault(org_key(key), entity)
            return
        for key in entity.user_aliases:
            _file(self._by_key, fold_name(key), entity)
        _file(self._by_surname, entity.surname, entity)
        self._surnames.add(entity.surname)
        for name in entity.names:
            self.add_name(entity, name)
        for role in entity.roles_seen:
            self.add_role(entity, role)

    def add_organisation_key(self, entity: Entity, name: str) -> None:
        """File an organisation under another of its names (an acronym)."""
        self._organisations.setdefault(org_key(name), entity)

    def add_name(self, entity: Entity, name: str) -> None:
        """File a name the entity has just been given (it is already in `entity.names`)."""
        if entity.kind != "person":
            return
        _file(self._by_key, fold_name(name), entity)
        canonical = fold_name(entity.canonical())
        old = self._canonical.get(id(entity))
        if old != canonical:
            if old is not None:
                del self._by_canonical[old][id(entity)]
            _file(self._by_canonical, canonical, entity)
            self._canonical[id(entity)] = canonical

    def add_role(self, entity: Entity, role: str) -> None:
        """File a role the entity has just been given (already in `entity.roles_seen`)."""
        if entity.kind == "person" and role:
            _file(self._by_role_head, role_head(normalized_role(role)), entity)

    def latest(self, entities: Iterable[Entity]) -> Entity | None:
        """The most recently met of `entities`; on a tie, the first added."""
        return max(entities, key=lambda e: (e.last_seen, -self._order[id(e)]), default=None)

    def named(self, folded: str) -> list[Entity]:
        """Persons with this folded name, canonical name or user alias."""
        found = dict(self._by_key.get(folded, {}))
        found.update(self._by_canonical.get(folded, {}))
        return list(found.values())

    def with_surname(self, surname: str) -> list[Entity]:
        """Persons whose surname is this one or a spelling variant of it."""
        out = list(self._by_surname.get(surname, {}).values())
        for other in self._surnames.variants(surname):
            out.extend(self._by_surname[other].values())
        return out

    def with_role_like(self, normalized: str) -> list[Entity]:
        """Persons holding a role that ends in the same word as this normalised role."""
        return list(self._by_role_head.get(role_head(normalized), {}).values())

    def organisation(self, name: str) -> Entity | None:
        return self._organisations.get(org_key(name))


def _file(index: dict[str, Bucket], key: str, entity: Entity) -> None:
    index.setdefault(key, {})[id(entity)] = entity
