"""The word tables' one reader: comments and blank lines skipped, lines numbered as an editor
counts them, a line without a tab told apart from one with an empty rest."""
from __future__ import annotations

import pytest

from retrieval.answering.word_tables import Row, table_rows


@pytest.mark.parametrize("lines, rows", [
    (["# a comment", "", "agreement\tdeal, accord"], [Row(3, "agreement", "deal, accord")]),
    (["  labour \tLabour|Labour Party\n"], [Row(1, "labour", "Labour|Labour Party")]),
    (["lemma only"], [Row(1, "lemma only", None)]),
    (["empty\t"], [Row(1, "empty", "")]),
    (["   ", "#x\ty", "a\tb", "c\td"], [Row(3, "a", "b"), Row(4, "c", "d")]),
])
def test_rows_skip_comments_and_keep_line_numbers(lines, rows):
    assert list(table_rows(lines)) == rows
