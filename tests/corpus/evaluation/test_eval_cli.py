"""`parley eval attribution` end to end, with a fake system attributor."""
from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pytest

from bot import cli_eval
from corpus.evaluation import runner as eval_runner
from corpus.models import Article, Passage, Sentence, Speaker
from corpus.sentences import split_sentences

GOLD_DIR = Path(__file__).resolve().parents[3] / "tests" / "corpus" / "gold"


def parse(argv):
    parser = argparse.ArgumentParser(prog="parley")
    cli_eval.register(parser.add_subparsers(dest="command"))
    return parser.parse_args(argv)


def everyone_is_erdogan(raw):
    passages = []
    for i, text in enumerate((raw.title, *raw.paragraphs)):
        sents = tuple(Sentence(text[s:e], s, e, Speaker("Recep Tayyip Erdogan"), "direct")
                      for s, e in split_sentences(text))
        passages.append(Passage(raw.id, i, text, sents))
    return Article(raw.id, raw.path, raw.title, tuple(passages))


@pytest.fixture
def seed_only(tmp_path, monkeypatch):
    gold = tmp_path / "gold"
    gold.mkdir()
    shutil.copy(GOLD_DIR / "seed-istanbul-talks.json", gold)
    shutil.copy(GOLD_DIR / "politics-001.json", gold)  # a BBC file, skipped below
    monkeypatch.setattr(eval_runner, "system_attributor", lambda: (everyone_is_erdogan, None))
    return gold


def test_table_with_baseline_and_bbc_absent(seed_only, tmp_path, capsys):
    args = parse(["eval", "attribution", "--gold", str(seed_only), "--bbc",
                  str(tmp_path / "no-shared"), "--baseline", "--verbose"])
    assert args.func(args, None) == 0
    out = capsys.readouterr().out
    assert "system" in out and "baseline" in out
    assert "1 BBC gold file(s) skipped" in out
    assert "seed-istanbul-talks" in out and "politics-001" not in out.split("note:")[0]
    assert "false attribution" in out  # the fake names a speaker everywhere


def test_json(seed_only, tmp_path, capsys):
    args = parse(["eval", "attribution", "--gold", str(seed_only), "--bbc",
                  str(tmp_path / "none"), "--json"])
    assert args.func(args, None) == 0
    data = json.loads(capsys.readouterr().out)
    total = data["reports"]["system"]["total"]
    assert total["acts"] == {"direct": 3, "reported": 11}
    assert total["speaker_right"]["reported"] == 1  # the one Erdogan reported act
    assert total["false_attribution_rate"] == 1.0
    assert "baseline" not in data["reports"]


def test_no_system_yet_scores_the_baseline(seed_only, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(eval_runner, "system_attributor", lambda: (None, "not written yet"))
    args = parse(["eval", "attribution", "--gold", str(seed_only), "--bbc",
                  str(tmp_path / "none")])
    assert args.func(args, None) == 0
    out = capsys.readouterr().out
    assert "baseline" in out and "not written yet" in out


def test_bad_gold_dir(tmp_path, capsys):
    args = parse(["eval", "attribution", "--gold", str(tmp_path)])
    assert args.func(args, None) == 2
    assert "no gold files" in capsys.readouterr().err
