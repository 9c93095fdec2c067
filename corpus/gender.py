"""The gender a first name or a role noun implies, for he/she (a title's is in
`corpus.titles`)."""
from __future__ import annotations

from functools import cache
from importlib import resources

from corpus.folding import fold
from corpus.lexicon import phrase_words
from corpus.phrases import bare

_FEMALE_ROLES = phrase_words("female_role")
_MALE_ROLES = phrase_words("male_role")


@cache
def _first_names() -> dict[str, str]:
    text = resources.files("corpus").joinpath("data/first_names.txt").read_text("utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 2 and not line.startswith("#"):
            out[parts[0].lower()] = {"m": "male", "f": "female"}.get(parts[1], "")
    return out


def first_name_gender(word: str) -> str | None:
    """'male'/'female' for a common first name, else None."""
    return _first_names().get(fold(word)) or None


def role_gender(role: str) -> str | None:
    """"spokeswoman" -> 'female', "chairman" -> 'male', else None."""
    words = {bare(w) for w in role.split()}
    if words & _FEMALE_ROLES:
        return "female"
    if words & _MALE_ROLES:
        return "male"
    return None
