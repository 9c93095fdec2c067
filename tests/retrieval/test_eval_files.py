"""Every evaluation file shipped in tests/retrieval/answering/data loads with the loader its
`parley eval` command uses, and names each case once: a held-out set that the scorer refuses
or that repeats an id would be measured wrongly without anyone noticing."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from retrieval.evaluation.cases import load_cases
from retrieval.evaluation.checks_eval import load_checks
from retrieval.evaluation.compare_eval import load_comparisons

DATA = Path(__file__).resolve().parent / "answering" / "data"
QUESTION_FILES = sorted(p for p in DATA.glob("*.json") if "checks" not in p.stem
                        and "compare" not in p.stem)
CHECK_FILES = sorted(DATA.glob("*checks*.json"))
COMPARE_FILES = sorted(p for p in DATA.glob("*.json")
                       if isinstance(data := json.loads(p.read_text(encoding="utf-8")), dict)
                       and "comparisons" in data)


def _unique(ids: list[str]) -> list[str]:
    return sorted({i for i in ids if ids.count(i) > 1})


def test_every_kind_of_evaluation_file_is_found():
    assert len(QUESTION_FILES) >= 6 and len(CHECK_FILES) >= 2 and len(COMPARE_FILES) >= 2


@pytest.mark.parametrize("path", QUESTION_FILES, ids=lambda p: p.stem)
def test_question_file_loads_with_unique_ids(path: Path):
    cases = load_cases(path)
    assert cases
    assert _unique([c.id for c in cases]) == []


@pytest.mark.parametrize("path", CHECK_FILES, ids=lambda p: p.stem)
def test_checks_file_loads_with_unique_ids(path: Path):
    checks = load_checks(path)
    assert checks
    assert _unique([c.id for c in checks]) == []


@pytest.mark.parametrize("path", COMPARE_FILES, ids=lambda p: p.stem)
def test_comparisons_file_loads_with_unique_ids(path: Path):
    cases = load_comparisons(path)
    assert cases
    assert _unique([c.id for c in cases]) == []
