"""`parley eval questions`: the development sets answer without a false claim, and the
scorer counts what the README's rules say (each rule checked on a made-up answer)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.models import Speaker
from retrieval.answering.records import Answer, Claim
from retrieval.evaluation.cases import CaseFileError, load_cases
from retrieval.evaluation.runner import score_cases
from retrieval.evaluation.scoring import false_claim, score_case, speaker_matches

DATA = Path(__file__).resolve().parent / "answering" / "data"
BBC = Path(__file__).resolve().parents[3] / "shared" / "data" / "bbc"


@pytest.mark.parametrize("name", ["dev_answers.json", "dev_questions.json"])
def test_development_questions_over_the_seed_make_no_false_claim(name):
    seed = [c for c in load_cases(DATA / name) if c.corpus == "seed"]
    scored = score_cases(seed, BBC, baseline=False)
    assert [(r.case.id, r.false_claim) for r in scored.results if r.false_claim] == []
    assert all(r.passage_ok is not False for r in scored.results), [
        r.case.id for r in scored.results if r.passage_ok is False]


@pytest.mark.skipif(not BBC.is_dir(), reason="no ../shared/data/bbc in this checkout")
def test_development_questions_over_the_bbc_folder_make_no_false_claim():
    bbc = [c for c in load_cases(DATA / "dev_answers.json") if c.corpus == "bbc"]
    scored = score_cases(bbc, BBC, baseline=False)
    assert len(scored.results) == len(bbc)
    assert [(r.case.id, r.false_claim) for r in scored.results if r.false_claim] == []


def _case(folder: Path, **entry):
    path = folder / "one.json"
    path.write_text(json.dumps([{"id": "t", "q": "Who said the talks went well?", **entry}]),
                    encoding="utf-8")
    return load_cases(path)[0]


KALLAS = Speaker("Kaja Kallas", "Estonia's Prime Minister")


@pytest.mark.parametrize(("entry", "claim", "false"), [
    ({"no_speaker_claim": True}, Claim("said", KALLAS), True),
    ({"speaker": "erdogan"}, Claim("said", KALLAS), True),
    ({"speaker": "kallas"}, Claim("said", KALLAS), False),
    ({"no_speaker_claim": True}, Claim("closest"), False),
    ({"speaker": "kallas"}, Claim("absent"), True),
    ({"expect_empty": True}, Claim("none"), False),
])
def test_false_claims_follow_the_readme_rules(tmp_path, entry, claim, false):
    answer = Answer("Who said the talks went well?", "who_said", (), claim=claim)
    why = false_claim(_case(tmp_path, **entry), answer, lambda phrase: False)
    assert (why is not None) is false


@pytest.mark.parametrize(("entry", "claim", "said_ok"), [
    ({"speaker": "kallas"}, Claim("said", KALLAS), True),  # said plainly, and rightly
    ({"speaker": "kallas"}, Claim("closest"), False),  # right perhaps, but timid
    ({"speaker": "erdogan"}, Claim("said", KALLAS), False),
    ({"no_speaker_claim": True}, Claim("closest"), None),  # no speaker to name
])
def test_a_said_claim_naming_the_gold_speaker_is_counted(tmp_path, entry, claim, said_ok):
    answer = Answer("Who said the talks went well?", "who_said", (), claim=claim)
    assert score_case(_case(tmp_path, **entry), answer, lambda phrase: False).said_ok is said_ok


@pytest.mark.parametrize(("gold", "name", "fits"), [
    ("kallas", "Kaja Kallas", True), ("cavusoglu", "Mevlüt Çavuşoğlu", True),
    ("charles clarke", "Kenneth Clarke", False), ("kilroy-silk", "Robert Kilroy-Silk", True),
])
def test_speaker_matching_needs_every_word_of_the_gold_name(gold, name, fits):
    assert speaker_matches(Speaker(name), (gold,)) is fits


@pytest.mark.parametrize(("text", "why"), [
    ("not json", "not a JSON question list"), ("[]", "non-empty JSON list"),
    ('[{"q": "x", "corpus": "web"}]', "'corpus' must be"), ('[{"q": "x", "k": 0}]', "'k' must"),
])
def test_a_bad_question_file_is_one_clear_error(tmp_path, text, why):
    path = tmp_path / "set.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CaseFileError, match=why):
        load_cases(path)
