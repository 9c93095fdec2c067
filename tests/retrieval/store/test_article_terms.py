"""An article's kept terms survive their bytes, and bytes that are not such terms (or not
an article of that many passages) are refused rather than indexed."""
from __future__ import annotations

import numpy as np
import pytest

from retrieval.store.article_terms import terms_bytes, terms_from_bytes

DOCS = [["peace", "talks", "çavuşoğlu"], [], ["talks", "x\udcff"]]


def test_terms_survive_their_bytes():
    terms, data = terms_bytes(DOCS)
    back = terms_from_bytes(data, len(DOCS))
    assert back is not None and back.documents() == DOCS == terms.documents()
    assert back.vocabulary == terms.vocabulary
    assert np.array_equal(back.lengths, terms.lengths) and np.array_equal(back.ids, terms.ids)


@pytest.mark.parametrize("documents", [[["a b"]], [[""]], [["ok"], ["two words"]]])
def test_a_term_the_bytes_cannot_hold_is_refused(documents: list[list[str]]):
    with pytest.raises(ValueError):
        terms_bytes(documents)


def _damaged(what: str) -> tuple[bytes, int]:
    _, data = terms_bytes(DOCS)
    ints = bytearray(data)
    if what == "passages":
        return data, len(DOCS) + 1
    if what == "short":
        return data[:-1], len(DOCS)
    if what == "empty":
        return b"", len(DOCS)
    if what == "id out of range":
        at = 4 * (3 + len(DOCS))  # the first term's id
        ints[at:at + 4] = (99).to_bytes(4, "little")
    elif what == "lengths":
        ints[4 * 3:4 * 4] = (2).to_bytes(4, "little")  # the first passage loses a term
    return bytes(ints), len(DOCS)


@pytest.mark.parametrize("what", ["passages", "short", "empty", "id out of range", "lengths"])
def test_bytes_that_are_not_the_articles_terms_are_refused(what: str):
    data, passages = _damaged(what)
    assert terms_from_bytes(data, passages) is None
