"""The held-out gold sets are big enough and share no article with the development gold or
each other (their form and alignment are checked with the rest in
tests/corpus/evaluation/test_eval_gold.py).

gold_heldout (8 articles) and gold_blind (17 articles, across all five BBC categories) were
annotated before the attributor's output on them was seen; gold_blind by an annotator who
never saw it at all. They estimate accuracy on text the rules were not tuned on (see
docs/attribution-eval.md).
"""
from __future__ import annotations

from pathlib import Path

from corpus.evaluation.gold import load_gold

PROJECT = Path(__file__).resolve().parents[2]
HELDOUT_DIR = PROJECT / "tests" / "corpus" / "gold_heldout"
BLIND_DIR = PROJECT / "tests" / "corpus" / "gold_blind"
DEV_DIR = PROJECT / "tests" / "corpus" / "gold"


def test_heldout_set_is_big_enough_and_disjoint_from_dev():
    golds = load_gold(HELDOUT_DIR)
    assert len(golds) >= 8
    assert sum(len(g.sentences) for g in golds) >= 150
    dev = {g.article for g in load_gold(DEV_DIR)}
    assert not dev & {g.article for g in golds}


def test_blind_set_covers_every_category_and_shares_no_article():
    golds = load_gold(BLIND_DIR)
    assert len(golds) >= 12
    assert {g.article.split("/")[0] for g in golds} == {
        "politics", "business", "tech", "sport", "entertainment"}
    others = {g.article for d in (DEV_DIR, HELDOUT_DIR) for g in load_gold(d)}
    assert not others & {g.article for g in golds}
