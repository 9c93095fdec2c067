"""The development question set (copied from ../shared/eval), answered as each entry says."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.folding import fold
from retrieval.answering.engine import Parley, open_parley

QUESTIONS = json.loads((Path(__file__).parent / "data" / "dev_questions.json").read_text())


def _norm(text: str) -> str:
    return fold(text).replace("“", '"').replace("”", '"')


@pytest.fixture(scope="module")
def engine() -> Parley:
    return open_parley()[0]


@pytest.mark.parametrize("entry", QUESTIONS, ids=[q["id"] for q in QUESTIONS])
def test_development_question_is_answered_as_its_entry_says(engine: Parley, entry: dict):
    answer = engine.ask(entry["q"])
    if entry.get("expect_empty"):
        assert answer.results == ()
        assert answer.message  # says it found nothing
        return
    if "forbid_speaker" in entry:
        banned = entry["forbid_speaker"]
        assert all(banned not in _norm(s.name) for h in answer.results
                   for s in [h.speaker] if s is not None)
        assert answer.message
    if "expect_any" in entry:
        top = answer.results[: entry.get("k", 1)]
        assert top, answer.message
        texts = [_norm(h.passage.text) for h in top]
        assert any(phrase in t for phrase in entry["expect_any"] for t in texts)
        if "speaker" in entry:
            hit = next(h for h in top if any(p in _norm(h.passage.text)
                                             for p in entry["expect_any"]))
            assert hit.speaker is not None and entry["speaker"] in _norm(hit.speaker.name)
