"""`parley eval compare FILE`: the dev comparisons scored, each side's rules, bad files."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from retrieval.evaluation.compare_eval import CompareFileError, load_comparisons, run, score_case
from tests.conftest import SHARED_DIR, SHIPPED_ARTICLE

DEV = Path(__file__).resolve().parents[1] / "retrieval" / "answering" / "data" / \
    "dev_compare15.json"


def test_the_dev_comparisons_over_the_seed_are_all_right() -> None:
    cases = [c for c in load_comparisons(DEV) if c.corpus == "seed"]
    report, rows = run(cases, SHARED_DIR / "data" / "bbc", None)
    assert report.questions == len(cases) >= 5
    missed = [(c.id, r.side, r.shown) for c, _, results in rows for r in results if not r.right]
    assert not missed and report.false_statements == 0


@pytest.mark.skipif(not (SHARED_DIR / "data" / "bbc").exists(), reason="no BBC folder")
def test_the_dev_comparisons_over_the_bbc_have_no_statements_where_gold_says_nothing() -> None:
    cases = [c for c in load_comparisons(DEV) if c.corpus == "bbc"]
    report, _ = run(cases, SHARED_DIR / "data" / "bbc", None)
    assert report.questions == len(cases) and report.false_statements == 0


def _one(expect: dict, q: str = "Compare Kallas and Erdogan on the agreement") -> dict:
    return {"comparisons": [{"id": "t", "corpus": "seed", "q": q, "expect": expect}]}


@pytest.mark.parametrize(("expect", "right"), [
    ({"Kallas": {"speaker": "Kallas", "evidence": ["gunpoint"]}}, True),
    ({"Kallas": {"speaker": "Erdogan", "evidence": ["gunpoint"]}}, False),  # wrong speaker
    ({"Kallas": {"speaker": "Kallas", "evidence": ["fair peace"]}}, False),  # wrong words
    ({"Kallas": "nothing"}, False),
    ({"Erdogan": "nothing"}, True),
    ({"Putin": "nothing"}, False),  # not a side of the answer at all
])
def test_each_side_is_scored_by_speaker_and_evidence_or_nothing(
        tmp_path: Path, expect: dict, right: bool) -> None:
    from retrieval.answering.engine import open_parley

    path = tmp_path / "c.json"
    path.write_text(json.dumps(_one(expect)), encoding="utf-8")
    case = load_comparisons(path)[0]
    engine, _ = open_parley([SHIPPED_ARTICLE])
    read, results = score_case(case, engine.ask(case.question))
    assert read and [r.right for r in results] == [right]


@pytest.mark.parametrize(("content", "message"), [
    ("not json", "not JSON"),
    ('{"questions": []}', "non-empty \"comparisons\" list"),
    ('{"comparisons": [{"expect": {"a": "nothing"}}]}', "question string 'q'"),
    ('{"comparisons": [{"q": "x", "corpus": "web", "expect": {"a": "nothing"}}]}', "'corpus'"),
    ('{"comparisons": [{"q": "x", "expect": {"a": {"speaker": [], "evidence": []}}}]}',
     "'speaker'"),
    ('{"comparisons": [{"q": "x", "expect": {"a": {"speaker": "b", "evidence": "c"}}}]}',
     "'evidence'"),
])
def test_a_bad_file_is_refused_with_what_is_wrong(tmp_path: Path, content: str,
                                                  message: str) -> None:
    path = tmp_path / "c.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CompareFileError, match=message):
        load_comparisons(path)


def test_the_command_prints_the_figures_and_exits_2_on_a_bad_file(run_parley, tmp_path):
    path = tmp_path / "c.json"
    path.write_text(json.dumps(_one({"Kallas": {"speaker": "Kallas", "evidence": ["gunpoint"]},
                                     "Erdogan": "nothing"})), encoding="utf-8")
    r = run_parley("eval", "compare", path)
    assert r.returncode == 0, r.stderr
    assert "sides right (overall)" in r.stdout and "100.0% (2/2)" in r.stdout
    j = run_parley("eval", "compare", path, "--json")
    assert json.loads(j.stdout)["report"]["right"] == 2
    (tmp_path / "bad.json").write_text("[]", encoding="utf-8")
    bad = run_parley("eval", "compare", tmp_path / "bad.json")
    assert bad.returncode == 2 and "(see 'parley eval compare --help')" in bad.stderr
    assert "Traceback" not in bad.stderr
