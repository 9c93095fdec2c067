"""The held-out gold set (tests/corpus/gold_heldout) is well-formed and lines up with the splitter.

These eight articles were annotated before the attributor's output on them was seen; they
estimate accuracy on text the rules were not tuned on (see docs/attribution-eval.md).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from parley.corpus.loader import read_articles
from parley.corpus.sentences import split_sentences
from parley.evaluation.gold import MAX_EXCERPT, article_file, load_gold, load_gold_file

PROJECT = Path(__file__).resolve().parents[2]
HELDOUT_DIR = PROJECT / "tests" / "corpus" / "gold_heldout"
DEV_DIR = PROJECT / "tests" / "corpus" / "gold"
SHARED = PROJECT.parent / "shared"
BBC_DIR = SHARED / "data" / "bbc"
HELDOUT_FILES = sorted(HELDOUT_DIR.glob("*.json"))


def test_heldout_set_is_big_enough_and_disjoint_from_dev():
    golds = load_gold(HELDOUT_DIR)
    assert len(golds) >= 8
    assert sum(len(g.sentences) for g in golds) >= 150
    dev = {g.article for g in load_gold(DEV_DIR)}
    assert not dev & {g.article for g in golds}


@pytest.mark.parametrize("path", HELDOUT_FILES, ids=lambda p: p.stem)
def test_heldout_file_is_well_formed(path):
    gold = load_gold_file(path)
    assert gold.source == "bbc"
    assert path.stem == gold.article.replace("/", "-").removesuffix(".txt")
    for s in gold.sentences:
        assert 0 < len(s.excerpt) <= MAX_EXCERPT
    speakers = {a.speaker for _, a in gold.acts()}
    for name in gold.aliases:
        assert name in speakers, f"alias entry for {name!r}, who never speaks"
    kinds: dict[str, str] = {}
    for _, a in gold.acts():
        assert kinds.setdefault(a.speaker, a.speaker_kind) == a.speaker_kind, a.speaker


@pytest.mark.parametrize("path", HELDOUT_FILES, ids=lambda p: p.stem)
def test_heldout_aligns_with_split_sentences(path):
    if not SHARED.is_dir():
        pytest.skip("../shared is absent: BBC articles are not in this checkout")
    gold = load_gold_file(path)
    raws, problems = read_articles([article_file(gold, PROJECT, BBC_DIR)])
    assert raws, problems
    raw = raws[0]
    expected = [(p, i, text[s:e], (s, e))
                for p, text in enumerate((raw.title, *raw.paragraphs))
                for i, (s, e) in enumerate(split_sentences(text))]
    assert [(g.paragraph, g.sentence) for g in gold.sentences] == [x[:2] for x in expected]
    for g, (_, _, sentence, span) in zip(gold.sentences, expected):
        assert sentence.startswith(g.excerpt), (g.paragraph, g.sentence, g.excerpt)
        assert g.span == span
