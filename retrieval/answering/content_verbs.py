"""The "who VERBed …?" verbs a claim must hold as well as the words after them
(data/content_verbs.tsv): "Who thanked fans?" is answered by a statement that thanks fans,
never by one that merely mentions them."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from retrieval.answering.word_tables import table_rows

VERBS_FILE = Path(__file__).with_name("data") / "content_verbs.tsv"


class ContentVerbsFileError(ValueError):
    """A line of the content-verbs table that cannot be read; the message names the line."""


def parse(lines: list[str], where: str = "content_verbs.tsv") -> frozenset[str]:
    """Every form of every row, lower-cased."""
    out: set[str] = set()
    for row in table_rows(lines):
        forms = [f.strip().lower() for f in (row.rest or "").split(",") if f.strip()]
        if not forms:
            raise ContentVerbsFileError(f"{where}, line {row.number}: no forms after "
                                        f"the lemma {row.lemma!r}")
        out.update(forms)
    return frozenset(out)


@cache
def content_verb_forms() -> frozenset[str]:
    return parse(VERBS_FILE.read_text(encoding="utf-8").splitlines())


def is_content_verb(form: str) -> bool:
    """Whether a typed verb form is part of what "who VERBed …?" asks."""
    return form.lower() in content_verb_forms()
