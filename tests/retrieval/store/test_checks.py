"""The checks fed rows chunk by chunk give the same verdict as on the whole array, wherever
the chunks are cut."""
from __future__ import annotations

import numpy as np
import pytest

from retrieval.store.checks import Check, Finite, Ordered, RunsUp, Utf8, Within


def _verdict(check: Check, arr: np.ndarray, cut: int) -> bool:
    for first in range(0, max(len(arr), 1), cut):
        if not check.feed(arr[first:first + cut], first):
            return False
    return check.holds()


TEXT = "Çavuşoğlu said “we are close” — Київ".encode()


@pytest.mark.parametrize("make,arr,expected", [
    (lambda: Within("", 0, 10), np.array([0, 9, 3, 5]), True),
    (lambda: Within("", 0, 10), np.array([0, 9, 10, 5]), False),
    (lambda: Within("", -1, 5, slice(1, 2)), np.array([[99, -1], [99, 4]]), True),
    (lambda: Within("", 0, 5, slice(0, 1), 2), np.array([[1, 0], [4, 0], [-1, 9]]), True),
    (lambda: Within("", 0, 5, slice(0, 1), 3), np.array([[1, 0], [4, 0], [-1, 9]]), False),
    (lambda: Finite(""), np.array([0.5, 1e300, -2.0]), True),
    (lambda: Finite(""), np.array([0.5, np.nan, 1.0]), False),
    (lambda: Finite(""), np.array([0.5, 1.0, -np.inf]), False),
    (lambda: RunsUp("", 0, 7), np.array([0, 2, 2, 5, 7]), True),
    (lambda: RunsUp("", 0, 7), np.array([0, 3, 2, 5, 7]), False),
    (lambda: RunsUp("", 0, 7), np.array([0, 2, 5, 6]), False),   # does not reach the end
    (lambda: RunsUp("", 0, 7), np.array([1, 2, 5, 7]), False),   # does not start at 0
    (lambda: RunsUp("", 0, 3, 1), np.array([[9, 0], [1, 1], [5, 3]]), True),
    (lambda: Ordered("", 0, 1), np.array([[0, 4], [4, 4], [5, 9]]), True),
    (lambda: Ordered("", 0, 1), np.array([[0, 4], [5, 4]]), False),
    (lambda: Utf8(""), np.frombuffer(TEXT, dtype=np.uint8), True),
    (lambda: Utf8(""), np.frombuffer(TEXT[:-1], dtype=np.uint8), False),  # cut inside a char
    (lambda: Utf8(""), np.frombuffer(b"ok \xff no", dtype=np.uint8), False),
])
@pytest.mark.parametrize("cut", [1, 2, 3, 64])
def test_a_check_fed_in_chunks_agrees_with_the_whole_array(make, arr, expected: bool,
                                                           cut: int):
    assert _verdict(make(), arr, cut) is expected


@pytest.mark.parametrize("text,expected", [
    (TEXT * 3, True),
    (TEXT * 3 + b"\xff", False),              # a bad byte after many slices
    (b"\xff" + TEXT * 3, False),              # in the first slice
    (TEXT * 3 + "ş".encode()[:1], False),     # the last character cut
    (b"abcd" + "€".encode() + b"efgh", True),  # a character across a slice boundary
    (b"abcd\xe2\x82" + b"efgh", False),        # a character cut short inside the text
])
@pytest.mark.parametrize("slice_bytes", [1, 2, 3, 5, 7])
@pytest.mark.parametrize("cut", [1, 4, 64])
def test_utf8_decoded_in_slices_agrees_with_decoding_the_whole_text(
        monkeypatch: pytest.MonkeyPatch, text: bytes, expected: bool, slice_bytes: int,
        cut: int):
    """Chunks are decoded a slice at a time (so their text is never allocated whole): a
    character cut by a slice or by a chunk is carried over, a bad byte anywhere is found."""
    monkeypatch.setattr("retrieval.store.checks.UTF8_SLICE", slice_bytes)
    assert _verdict(Utf8(""), np.frombuffer(text, dtype=np.uint8), cut) is expected
