"""Reading a question set: one `Case` per entry, every field checked."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus.folding import fold


class CaseFileError(Exception):
    """A question file that cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class Case:
    """One question and what a right, honest answer to it must (and must not) show."""

    id: str
    corpus: str  # "seed" or "bbc"
    question: str
    expect_any: tuple[str, ...]  # folded phrases; one must be in a result among the first k
    k: int
    speakers: tuple[str, ...]  # folded names; the matching statement's speaker is one of them
    no_speaker_claim: bool  # nobody says it: no answer may say someone did
    expect_empty: bool  # nothing answers it
    forbid: tuple[str, ...]  # folded names nobody may present as speaking
    category: str | None


def folded_text(text: str) -> str:
    """Lower case, diacritics and curly quotes folded, single spaces: how phrases compare."""
    return fold(text).replace("\u201c", '"').replace("\u201d", '"').replace("\u2018", "'")


def _names(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    values = value if isinstance(value, list) else [value]
    return tuple(folded_text(str(v)) for v in values)


def _case(entry: Any, where: str) -> Case:
    if not isinstance(entry, dict) or not isinstance(entry.get("q"), str):
        raise CaseFileError(f"{where}: each entry needs a question string 'q'")
    corpus = entry.get("corpus", "seed")
    if corpus not in ("seed", "bbc"):
        raise CaseFileError(f"{where}: 'corpus' must be \"seed\" or \"bbc\", not {corpus!r}")
    k = entry.get("k", 3)
    if not isinstance(k, int) or isinstance(k, bool) or k < 1:
        raise CaseFileError(f"{where}: 'k' must be a whole number of results, not {k!r}")
    phrases = entry.get("expect_any") or []
    if not isinstance(phrases, list) or not all(isinstance(x, str) for x in phrases):
        raise CaseFileError(f"{where}: 'expect_any' must be a list of phrases")
    return Case(str(entry.get("id", where)), corpus, entry["q"],
                tuple(folded_text(x) for x in phrases), k, _names(entry.get("speaker")),
                bool(entry.get("no_speaker_claim")), bool(entry.get("expect_empty")),
                _names(entry.get("forbid_speaker")), entry.get("category") or entry.get("tier"))


def load_cases(path: Path) -> list[Case]:
    """Every entry of a question file, in order; CaseFileError for anything unusable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CaseFileError(f"{path}: cannot read ({exc.strerror})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CaseFileError(f"{path}: not a JSON question list ({exc})") from None
    if not isinstance(data, list) or not data:
        raise CaseFileError(f"{path}: expected a non-empty JSON list of questions")
    return [_case(entry, f"{path} entry {i + 1}") for i, entry in enumerate(data)]
