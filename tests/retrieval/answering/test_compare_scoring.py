"""How `eval compare` scores a side: a gold name with a leading article meets the speaker
named without it, and every comparisons file keys its expected sides as its questions type
them (a side keyed otherwise is matched to nothing and scored as missed)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from corpus.models import Speaker
from retrieval.evaluation.cases import folded_text
from retrieval.evaluation.compare_eval import _key, _same_body, load_comparisons

DATA = Path(__file__).resolve().parent / "data"
COMPARE_FILES = sorted(p for p in DATA.glob("*.json")
                       if isinstance(data := json.loads(p.read_text(encoding="utf-8")), dict)
                       and "comparisons" in data)


@pytest.mark.parametrize(("speaker", "gold", "same"), [
    ("Treasury", "the Treasury", True),  # business/154
    ("The government", "the government", True),
    ("Indian Government", "the government", False),  # another body
    ("Treasury spokesman", "the Treasury", False),
])
def test_a_gold_name_with_its_article_is_the_body_named_without(speaker: str, gold: str,
                                                                 same: bool) -> None:
    assert _same_body(Speaker(speaker, None, "vague"), (folded_text(gold),)) is same


@pytest.mark.parametrize("path", COMPARE_FILES, ids=lambda p: p.stem)
def test_expected_sides_are_keyed_as_the_question_types_them(path: Path) -> None:
    """A property of the gold, whatever Parley makes of the question (how it reads the sides
    is what `eval compare` scores): every side's key is words the question types."""
    for case in load_comparisons(path):
        asked = " {} ".format(re.sub(r"[,;:?!.]", " ", _key(case.question)))
        assert all(f" {_key(k)} " in asked for k in case.expect), case.id
