"""The one reader of the answering code's word tables (data/*.tsv): each row is a lemma, a
tab and its words; `#` lines and blank lines are comments. Each table says what its words
mean and how they are separated; this module only cuts the rows, so that every table skips
comments and numbers its lines for error messages alike."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """One row of a word table: `rest` is None when the line has no tab."""

    number: int  # from 1, as an editor counts lines
    lemma: str
    rest: str | None


def table_rows(lines: Iterable[str]) -> Iterator[Row]:
    """The rows of a table's lines, comments and blank lines left out."""
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        lemma, tab, rest = line.rstrip("\n").partition("\t")
        yield Row(number, lemma.strip(), rest if tab else None)
