"""Masking quotations slice by slice hides exactly what hiding them character by character
does (spaces, commas and full stops stay; the marks stay)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.quotes import _mask_each, mask_quotes, quote_spans


@pytest.mark.parametrize(("text", "masked"), [
    ('He said "Mr Blair, no." Then', 'He said "xx xxxxx, xx." Then'),
    ("“A”“B c”", "“x”“x x”"),
    ('"', '"'),
    ("no quotes here", "no quotes here"),
    ("“open to the end", "“xxxx xx xxx xxd"),  # the last character is kept, as ever
])
def test_masking_hides_quoted_words_only(text, masked):
    assert mask_quotes(text, quote_spans(text)) == masked


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='ab ,.“”"«»\u00a0\n', max_size=40))
def test_masking_is_the_same_as_character_by_character(text):
    spans = quote_spans(text)
    assert mask_quotes(text, spans) == _mask_each(text, spans)
