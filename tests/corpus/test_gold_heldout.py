"""The held-out gold set (tests/corpus/gold_heldout) is big enough and shares no article with
the development gold (its form and alignment are checked with the rest in
tests/evaluation/test_eval_gold.py).

These eight articles were annotated before the attributor's output on them was seen; they
estimate accuracy on text the rules were not tuned on (see docs/attribution-eval.md).
"""
from __future__ import annotations

from pathlib import Path

from corpus.evaluation.gold import load_gold

PROJECT = Path(__file__).resolve().parents[2]
HELDOUT_DIR = PROJECT / "tests" / "corpus" / "gold_heldout"
DEV_DIR = PROJECT / "tests" / "corpus" / "gold"


def test_heldout_set_is_big_enough_and_disjoint_from_dev():
    golds = load_gold(HELDOUT_DIR)
    assert len(golds) >= 8
    assert sum(len(g.sentences) for g in golds) >= 150
    dev = {g.article for g in load_gold(DEV_DIR)}
    assert not dev & {g.article for g in golds}
