"""Linking a role-only lead ("The foreign minister said ...") to the person named as
speaking next, once the whole article is read."""
from __future__ import annotations

import re

from corpus.attribution.state import Unit
from corpus.gazetteer import gazetteer
from corpus.lexicon import attribution_words
from corpus.phrases import bare

_ANONYMOUS_ROLES = attribution_words("anonymous_role")
_OWNER = re.compile(r"^(?:the\s+)?(.+?)['’]s\s", re.I)


def link_roles(units: list[Unit]) -> None:
    """A role-only lead takes the person named as speaking next, when that statement is
    within the next paragraph and the person has no role of their own."""
    for i, unit in enumerate(units):
        if unit.role_only is None or not _may_point_forward(unit, unit.role_only):
            continue
        for nxt in units[i + 1:]:
            if nxt.passage > unit.passage + 1:
                break
            if nxt.role_only == unit.role_only:
                continue
            ent = nxt.entity
            if ent is None or ent.kind != "person":
                continue
            g = gazetteer()
            if ent.role is None or g.normalize_role(ent.role) == g.normalize_role(
                    unit.role_only):
                ent.role = ent.role or unit.role_only
                ent.roles_seen.append(unit.role_only)
                role = unit.role_only
                for other in units:
                    if other.role_only == role:
                        other.entity, other.role_only = ent, None
            break


def _may_point_forward(unit: Unit, role: str) -> bool:
    """Not an anonymous role ("a spokesman"), not somebody's aide ("Mr Blair's official
    spokesman"; a country's role, "India's finance minister", still may), and not a
    definite role met while a person was in focus ("The chancellor would not comment"
    points back, not forward: better no link than a doubtful one)."""
    owner = _OWNER.match(role)
    return not (unit.anaphoric or bare(role.split()[-1]) in _ANONYMOUS_ROLES
                or (owner and not gazetteer().is_place(owner.group(1))))
