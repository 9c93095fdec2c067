"""Linking a role-only lead ("The foreign minister said ...") to the person named as
speaking next, once the whole article is read."""
from __future__ import annotations

import bisect
import re

from corpus.attribution.state import Unit
from corpus.gazetteer import gazetteer
from corpus.lexicon import attribution_words
from corpus.people import PeopleTable
from corpus.phrases import bare

_ANONYMOUS_ROLES = attribution_words("anonymous_role")
_OWNER = re.compile(r"^(?:the\s+)?(.+?)['’]s\s", re.I)


def link_roles(units: list[Unit], people: PeopleTable, paragraphs: list[str] | None = None
               ) -> None:
    """A role-only lead takes the person named as speaking next, when that statement is
    within the next paragraph and the person has no role of their own."""
    g = gazetteer()
    with_role: dict[str, list[int]] = {}  # by the role normalised: "Russia's president"
    for i, unit in enumerate(units):     # is "the Russian president"
        if unit.role_only is not None:
            with_role.setdefault(g.normalize_role(unit.role_only), []).append(i)
    speakers = _PersonSpeakers(units)
    for i, unit in enumerate(units):
        role = unit.role_only
        if role is None or not _may_point_forward(unit, role, paragraphs):
            continue
        k = speakers.first_after(i)
        ent = units[k].entity if k is not None else None
        if k is None or ent is None or units[k].passage > unit.passage + 1:
            continue
        if ent.role is None or g.normalize_role(ent.role) == g.normalize_role(role):
            ent.role = ent.role or role
            people.add_role(ent, role)
            for j in with_role.pop(g.normalize_role(role), []):
                units[j].entity, units[j].role_only = ent, None
                speakers.add(j)


class _PersonSpeakers:
    """Where the units with a person speaking are, as links make more of them: the first
    after a unit is found without reading the units between (a role-only unit has no
    entity, so the next person speaking is the first unit the link may go to)."""

    def __init__(self, units: list[Unit]) -> None:
        self._next: list[int | None] = [None] * (len(units) + 1)
        for k in range(len(units) - 1, -1, -1):
            ent = units[k].entity
            self._next[k] = k if ent is not None and ent.kind == "person" else self._next[k + 1]
        self._added: list[int] = []

    def add(self, k: int) -> None:
        bisect.insort(self._added, k)

    def first_after(self, i: int) -> int | None:
        found = self._next[i + 1]
        at = bisect.bisect_right(self._added, i)
        if at < len(self._added) and (found is None or self._added[at] < found):
            return self._added[at]
        return found


def _may_point_forward(unit: Unit, role: str, paragraphs: list[str] | None = None) -> bool:
    """Not an anonymous role ("a spokesman", "a spokeswoman for MTV"; "X, spokeswoman for the
    DEC" is X), not somebody's aide
    ("Mr Blair's official spokesman"; a country's role, "India's finance minister", still
    may), and not a
    definite role met while a person was in focus ("The chancellor would not comment"
    points back, not forward: better no link than a doubtful one)."""
    owner = _OWNER.match(role)
    indefinite = paragraphs is not None and unit.act is not None and re.search(
        rf"\b(?:a|an)\s+{re.escape(role.split()[0])}\b",
        paragraphs[unit.passage][unit.start:unit.act.cue], re.IGNORECASE) is not None
    return not (unit.anaphoric or bare(role.split()[-1]) in _ANONYMOUS_ROLES
                or (indefinite and any(bare(w) in _ANONYMOUS_ROLES for w in role.split()))
                or (owner and not gazetteer().is_place(owner.group(1))))
