"""A closed compound the articles never write is searched as its last part, when that part
is a word they use and long enough to mean something on its own."""
from __future__ import annotations

import pytest

from retrieval.answering.compounds import known_head

KNOWN = {"light", "storm", "coin", "exit", "keeper"}


@pytest.mark.parametrize(("term", "head"), [
    ("floodlight", "light"),
    ("snowstorm", "storm"),
    ("goalkeeper", "keeper"),
    ("bitcoin", None),  # "coin" is too short a part to stand for the whole
    ("brexit", None),
    ("light", None),  # a known term is searched as itself
    ("ablight", None),  # too little before the part: a word, not a compound
    ("flood2light", None),  # not a plain word
])
def test_the_last_part_of_a_closed_compound_is_searched(term: str, head: str | None):
    assert known_head(term, KNOWN.__contains__) == head
