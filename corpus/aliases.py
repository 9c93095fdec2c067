"""User alias files: `<article>.aliases.toml` next to an article names its people and the
other ways the article refers to them.

    [[person]]
    name = "Mevlut Çavuşoğlu"
    role = "Turkish foreign minister"
    aliases = ["Turkey's top diplomat"]

    [[organisation]]
    name = "Downing Street"
    aliases = ["Number 10"]

A bad file is reported as a `LoadProblem` naming it; the article is still attributed.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from corpus.models import LoadProblem, SpeakerKind

ALIAS_SUFFIX = ".aliases.toml"
_KINDS: tuple[SpeakerKind, ...] = ("person", "organisation")


@dataclass(frozen=True)
class AliasEntry:
    name: str
    kind: SpeakerKind  # "person" or "organisation"
    role: str | None = None
    aliases: tuple[str, ...] = ()


def alias_path(article_path: str | Path) -> Path:
    """`istanbul-talks.txt` -> `istanbul-talks.aliases.toml`, in the same folder."""
    path = Path(article_path)
    return path.with_name(path.stem + ALIAS_SUFFIX)


def parse_aliases(path: Path, data: bytes | None, error: OSError | None = None
                  ) -> tuple[list[AliasEntry], LoadProblem | None]:
    """The entries of an alias file's bytes (None: it could not be read, because of `error`);
    a problem naming the file when they are not a good alias file."""
    try:
        if data is None:
            raise error or OSError("unreadable")
        data_ = tomllib.loads(data.decode("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        return [], LoadProblem(str(path), f"cannot read alias file ({exc})")
    except tomllib.TOMLDecodeError as exc:
        return [], LoadProblem(str(path), f"bad alias file: {exc}")
    return _entries(path, data_)


def _entries(path: Path, data: dict[str, object]
             ) -> tuple[list[AliasEntry], LoadProblem | None]:
    entries: list[AliasEntry] = []
    unknown = sorted(set(data) - set(_KINDS))
    if unknown:
        return [], LoadProblem(str(path), "bad alias file: unknown table(s) "
                                          + ", ".join(unknown)
                                          + " (use [[person]] or [[organisation]])")
    for kind in _KINDS:
        items = data.get(kind, [])
        if not isinstance(items, list):
            return [], LoadProblem(str(path), f"bad alias file: use [[{kind}]] tables")
        for n, item in enumerate(items, 1):
            where = f"[[{kind}]] #{n}"
            if not isinstance(item, dict):
                return [], LoadProblem(str(path), f"bad alias file: {where} is not a table")
            name = item.get("name")
            role = item.get("role")
            aliases = item.get("aliases", [])
            if not isinstance(name, str) or not name.strip():
                return [], LoadProblem(str(path), f"bad alias file: {where} needs a name")
            if role is not None and not isinstance(role, str):
                return [], LoadProblem(str(path), f"bad alias file: {where} role must be text")
            if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
                return [], LoadProblem(str(path), f"bad alias file: {where} aliases must be a "
                                                  "list of text")
            extra = sorted(set(item) - {"name", "role", "aliases"})
            if extra:
                return [], LoadProblem(str(path), f"bad alias file: {where} has unknown "
                                                  f"key(s) {', '.join(extra)}")
            entries.append(AliasEntry(name.strip(), kind, role.strip() if role else None,
                                      tuple(a.strip() for a in aliases if a.strip())))
    return entries, None
