"""The lazy sequences' shared equality (`corpus.sequence_views.equals_sequence`)."""
from __future__ import annotations

import pytest

from corpus.sequence_views import equals_sequence


@pytest.mark.parametrize(("view", "other", "expected"), [
    ((1, 2), [1, 2], True),          # any sequence of equal items
    ((1, 2), (1, 3), False),
    ((1, 2), (1, 2, 3), False),      # another length
    ((), [], True),
    (("a", "b"), "ab", NotImplemented),  # a string is a sequence, never equal to a view
    ((1,), {1}, NotImplemented),     # not a sequence at all
])
def test_a_view_equals_a_sequence_of_equal_items(view, other, expected):
    assert equals_sequence(view, other) is expected


def test_a_view_equals_itself_without_reading_its_items():
    class Unreadable(tuple[int, ...]):
        def __iter__(self):
            raise AssertionError("read")

    view = Unreadable((1,))
    assert equals_sequence(view, view) is True
