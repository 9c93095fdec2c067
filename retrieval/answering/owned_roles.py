""""Ernst and Young's head of tax": a role typed with the body whose role it is.

The articles write such a person as "said Aidan O'Carroll, E&Y's UK head of tax" or "Tennis
Australia president Geoff Pollard", and the speaker directory may keep no role for them: the
sentence they speak in holds, next to their name, the role's words and the body, by its name
or its initials ("E&Y"). Asked only when no speaker's name or role fits the phrase (see
`speaker_answer`).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from corpus.models import Sentence, Speaker
from retrieval.answering.candidates import Match
from retrieval.answering.side_members import most_heard, speakers_in_passages_of
from retrieval.tokenizer import terms

if TYPE_CHECKING:
    from retrieval.answering.engine import Parley

_OWNED = re.compile(r"^(?:the\s+)?(?P<owner>\S.*?)(?:['’]s|(?<=s)['’])\s+(?P<role>\S.*)$",
                    re.IGNORECASE)
_SMALL = frozenset({"of", "and", "the", "for", "&"})
NEAR = 60  # characters either side of the name where its role and body are written


def split_owner(phrase: str) -> tuple[str, str] | None:
    """(the body, the role) of "X's role", or None."""
    m = _OWNED.match(" ".join(phrase.split()))
    return (m.group("owner"), m.group("role")) if m else None


def names_owner(found: Sequence[str], owner: str) -> bool:
    """Whether terms (in order) name the body: its name's terms side by side, or its
    initials written as single letters ("e", "y" from "E&Y's" for Ernst and Young)."""
    wanted = terms(owner)
    letters = [w[0] for w in owner.lower().split() if w not in _SMALL and w[0].isalnum()]
    return bool(wanted) and _holds_run(found, wanted) or (
        len(letters) >= 2 and _holds_run(found, letters))


def _holds_run(found: Sequence[str], run: Sequence[str]) -> bool:
    size = len(run)
    return any(list(found[i:i + size]) == list(run) for i in range(len(found) - size + 1))


def written_beside(text: str, name: str, owner: str, role: str) -> bool:
    """Whether the text writes the body and every word of the role right before the name
    ("Tennis Australia president Geoff Pollard") or right after it ("Aidan O'Carroll,
    E&Y's UK head of tax")."""
    at = text.find(name)
    if at < 0:
        return False
    wanted = set(terms(role))
    after = text[at + len(name):at + len(name) + NEAR]
    before = text[max(0, at - NEAR):at]
    sides = [terms(after)] if after.startswith(",") else []
    written = terms(before)
    if written and written[-1] in wanted:  # the role's head right before the name
        sides.append(written)
    return bool(wanted) and any(wanted <= set(side) and names_owner(side, owner)
                                for side in sides)


def holders(parley: Parley, typed: str) -> list[Match]:
    """The people the passages best matching the phrase write as holding the role at the
    body, most statements first."""
    split = split_owner(typed)
    if split is None:
        return []
    owner, role = split

    def keep(sentence: Sentence, who: Speaker) -> bool:
        return who.kind == "person" and written_beside(sentence.text, who.name, owner, role)

    groups = speakers_in_passages_of(parley, f"{owner} {role}", keep)
    return most_heard(Match(g, "role", 0.8) for g in groups)
