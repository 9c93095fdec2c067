"""`parley check` and `parley eval checks` as a user runs them: a subprocess, its exit code,
stdout and stderr; and the quote-check claim in `ask --json`."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

DEV = Path(__file__).resolve().parents[1] / "retrieval/answering/data/dev_checks15.json"


@pytest.mark.parametrize(("speaker", "quote", "verdict", "who"), [
    ("Kallas", "made at gunpoint", "exact", "Kaja Kallas"),
    ("Erdogan", "made at gunpoint", "other_speaker", "Kaja Kallas"),
    ("Kallas", "the agreement was signed under duress", "close", "Kaja Kallas"),
    ("Putin", "the talks were constructive", "not_found", None),
])
def test_check_json_has_the_verdict_and_its_evidence(run_parley, speaker, quote, verdict, who):
    proc = run_parley("check", speaker, quote, "--json")
    assert proc.returncode == 0, proc.stderr
    claim = json.loads(proc.stdout)["claim"]
    assert claim["kind"] == "quote_check" and claim["verdict"] == verdict
    assert (claim["speaker"] or {}).get("name") == who
    assert set(claim) >= {"evidence", "shared", "missing", "extra", "candidates"}
    if who is not None:
        assert claim["evidence"]["speaker"]["name"] == who


def test_check_text_says_the_verdict_then_shows_the_passage(run_parley):
    proc = run_parley("check", "Kallas", "“made at gunpoint”")
    assert proc.returncode == 0
    assert proc.stdout.startswith("Yes: Kaja Kallas (Estonia's Prime Minister) is quoted")
    assert "made* at *gunpoint" in proc.stdout


def test_ask_json_claim_for_a_check_question(run_parley):
    proc = run_parley("ask", "Did Erdogan really say 'there are no losing parties'?", "--json")
    claim = json.loads(proc.stdout)["claim"]
    assert (claim["kind"], claim["verdict"]) == ("quote_check", "exact")


@pytest.mark.parametrize("args", [("check", "", "words"), ("check", "Kallas", "  "),
                                  ("check", "Kallas")])
def test_check_bad_usage_is_one_line_exit_2(run_parley, args):
    proc = run_parley(*args)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert len([x for x in proc.stderr.splitlines() if x.strip()]) == 1


def test_check_with_only_punctuation_says_what_to_give(run_parley):
    proc = run_parley("check", "Kallas", "?!")
    assert proc.returncode == 0 and "Give the words to check" in proc.stdout


def test_eval_checks_scores_a_file_and_ignores_comparisons(run_parley, tmp_path):
    checks = json.loads(DEV.read_text(encoding="utf-8"))["checks"]
    data = {"checks": [c for c in checks if c["corpus"] == "seed"][:6],
            "comparisons": [{"id": "x", "q": "compare"}]}
    path = tmp_path / "checks.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    proc = run_parley("eval", "checks", path, "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["checks"] == 6 and out["too_strong"] == []
    assert set(out["confusion"]) == {"exact", "reported", "close", "other_speaker", "not_found"}
    text = run_parley("eval", "checks", path).stdout
    assert "gold \\ system" in text and "overall:" in text


@pytest.mark.parametrize(("content", "why"), [
    ("not json", "cannot read it as JSON"),
    ('{"checks": [{"speaker": "a", "quote": "b", "verdict": "maybe"}]}', "'verdict' must be"),
    ('{"nothing": []}', 'needs a list "checks"'),
])
def test_eval_checks_bad_file_is_one_line_exit_2(run_parley, tmp_path, content, why):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    proc = run_parley("eval", "checks", path)
    assert proc.returncode == 2 and why in proc.stderr and "Traceback" not in proc.stderr


def test_repl_answers_a_check_question(run_parley):
    proc = run_parley(input="Did Kallas really say \u201cmade at gunpoint\u201d?\n:quit\n")
    assert proc.returncode == 0 and "Traceback" not in proc.stderr
    assert "Yes: Kaja Kallas (Estonia's Prime Minister) is quoted saying" in proc.stdout
