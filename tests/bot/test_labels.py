"""`bot.labels`: the words both front ends use, and marking matched words in a passage."""
from __future__ import annotations

import pytest

from bot.labels import counted, kind_label, mark_spans, paragraph_label, statements_summary
from corpus.models import Speaker
from retrieval.answering.records import SpeakerStats


@pytest.mark.parametrize(("kind", "label"), [("direct", "quoted"), ("reported", "reported")])
def test_kind_label_names_direct_speech_quoted(kind, label):
    assert kind_label(kind) == label


@pytest.mark.parametrize(("index", "label"), [(0, "headline"), (1, "paragraph 1"),
                                              (12, "paragraph 12")])
def test_paragraph_label_calls_passage_zero_the_headline(index, label):
    assert paragraph_label(index) == label


@pytest.mark.parametrize(("n", "text"), [(0, "0 articles"), (1, "1 article"), (2, "2 articles")])
def test_counted_is_singular_only_for_one(n, text):
    assert counted(n, "article") == text


def test_statements_summary_counts_quoted_and_reported():
    kallas = Speaker("Kaja Kallas", "Estonia's Prime Minister", "person")
    stats = SpeakerStats(kallas, statements=1, direct=1, reported=0)
    assert statements_summary(stats) == "1 statement (1 quoted, 0 reported)"


@pytest.mark.parametrize(("spans", "marked"), [
    ([(0, 4)], "[Peac]e talks"),
    ([(0, 5), (6, 11)], "[Peace] [talks]"),
    ([(6, 40)], "Peace [talks]"),            # clipped to a shortened text
    ([(20, 30)], "Peace talks"),             # wholly past the cut: no empty mark
    ([(0, 5), (3, 8)], "[Peace][ ta]lks"),   # clipped to the end of the previous span
])
def test_mark_spans_marks_each_span_within_the_text(spans, marked):
    assert mark_spans("Peace talks", spans, str, lambda t: f"[{t}]") == marked
