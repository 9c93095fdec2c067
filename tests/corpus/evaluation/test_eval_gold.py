"""The gold files are well-formed and line up with the sentence splitter on the real text."""
from __future__ import annotations

from pathlib import Path

import pytest

from corpus.evaluation.gold import MAX_EXCERPT, GoldError, article_file, load_gold, load_gold_file
from corpus.loader import read_articles
from corpus.sentences import split_sentences

PROJECT = Path(__file__).resolve().parents[3]
GOLD_DIR = PROJECT / "tests" / "corpus" / "gold"
SHARED = PROJECT.parent / "shared"  # evaluation data lives next to the project, never in it
BBC_DIR = SHARED / "data" / "bbc"
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))
# The held-out sets (tests/corpus/gold_heldout and every gold_blind*) obey the same rules.
HELD_OUT_DIRS = [GOLD_DIR.parent / "gold_heldout", *sorted(GOLD_DIR.parent.glob("gold_blind*"))]
ALL_GOLD_FILES = GOLD_FILES + sorted(p for folder in HELD_OUT_DIRS for p in folder.glob("*.json"))


def test_there_is_enough_gold():
    golds = load_gold(GOLD_DIR)
    bbc = [g for g in golds if g.source == "bbc"]
    assert any(g.source == "seed" for g in golds)
    assert len(bbc) >= 12
    assert sum(len(g.sentences) for g in golds) >= 400


@pytest.mark.parametrize("path", ALL_GOLD_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_gold_file_is_well_formed(path):
    gold = load_gold_file(path)
    assert path.stem == (f"seed-{Path(gold.article).stem}" if gold.source == "seed"
                         else gold.article.replace("/", "-").removesuffix(".txt"))
    for s in gold.sentences:
        assert 0 < len(s.excerpt) <= MAX_EXCERPT
    speakers = {a.speaker for _, a in gold.acts()}
    for name in gold.aliases:
        assert name in speakers, f"alias entry for {name!r}, who never speaks"
    # one speaker name, one kind of speaker
    kinds: dict[str, str] = {}
    for _, a in gold.acts():
        assert kinds.setdefault(a.speaker, a.speaker_kind) == a.speaker_kind, a.speaker


@pytest.mark.parametrize("path", ALL_GOLD_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_gold_aligns_with_split_sentences(path):
    gold = load_gold_file(path)
    text_path = article_file(gold, PROJECT, BBC_DIR)
    if gold.source == "bbc" and not SHARED.is_dir():
        pytest.skip("../shared is absent: BBC articles are not in this checkout")
    raws, problems = read_articles([text_path])
    assert raws, problems
    raw = raws[0]
    expected = [(p, i, text[s:e], (s, e))
                for p, text in enumerate((raw.title, *raw.paragraphs))
                for i, (s, e) in enumerate(split_sentences(text))]
    assert [(g.paragraph, g.sentence) for g in gold.sentences] == [x[:2] for x in expected]
    for g, (_, _, sentence, span) in zip(gold.sentences, expected, strict=True):
        assert sentence.startswith(g.excerpt), (g.paragraph, g.sentence, g.excerpt)
        if g.span is not None:
            assert g.span == span


def test_bad_gold_is_refused(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text('{"article": "a.txt", "source": "bbc", "sentences": [{"paragraph": 0, '
                   '"sentence": 0, "excerpt": "Hi", "acts": [{"speaker": "X", '
                   '"speaker_kind": "robot", "kind": "direct"}]}]}')
    with pytest.raises(GoldError, match="speaker_kind"):
        load_gold_file(bad)
    bad.write_text('{"article": "a.txt", "source": "bbc", "sentences": [{"paragraph": 0, '
                   '"sentence": 0, "excerpt": "' + "x" * 61 + '", "acts": []}]}')
    with pytest.raises(GoldError, match="excerpt"):
        load_gold_file(bad)
    with pytest.raises(GoldError, match="no gold files"):
        load_gold(tmp_path / "empty")
