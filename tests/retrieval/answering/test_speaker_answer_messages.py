"""The message over a speaker's statements when no claim is made: never that no statement
holds the topic when the one shown does."""
from __future__ import annotations

import pytest

from tests.retrieval.answering.small_corpus import parley_over

CAFE = """Cafe talks in the old town
Source: Test
The minister said the cafe on the square was closed for the talks.
Mayor Tom Reed said the market would open on Friday.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return parley_over(tmp_path_factory, {"cafe.txt": CAFE})


def test_an_unnamed_speakers_statement_holding_the_topic_is_not_said_to_lack_it(engine):
    # "The minister" names nobody, so no claim; the statement does hold "the cafe"
    answer = engine.ask("what did the minister say about the cafe")
    assert answer.claim is not None and answer.claim.kind == "closest"
    assert "cafe on the square" in answer.results[0].passage.text
    assert answer.message is not None and not answer.message.startswith("No statement")
    assert "closest to \u201cthe cafe\u201d" in answer.message


def test_a_named_speaker_whose_statements_lack_the_topic_is_said_to_lack_it(engine):
    answer = engine.ask("what did tom reed say about the market and the harbour")
    assert answer.message is not None and answer.message.startswith("No statement by Tom Reed")
