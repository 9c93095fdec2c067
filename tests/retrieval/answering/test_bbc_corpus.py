"""The BBC news folder as a corpus: built once, answered, saved, loaded back from the cache
(identical answers), asked through `parley ask`, and rendered as Discord pages within limits.

Skipped when `<project>/../shared/data/bbc` is absent. The build (~20 s) writes its cache
into a temporary folder, never beside the (read-only) data.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from retrieval.answering.engine import Parley, open_parley
from retrieval.answering.proximity import NEAR_TOP
from retrieval.options import IndexOptions

PROJECT = Path(__file__).resolve().parents[3]
BBC = PROJECT.parent / "shared" / "data" / "bbc"

pytestmark = pytest.mark.skipif(not BBC.is_dir(), reason=f"no BBC data at {BBC}")

QUESTIONS = [
    "What did Blair say about the election?",
    "What did Gordon Brown say about the economy?",
    "Who said the merger would go ahead?",
    "Who said interest rates would rise?",
    "broadband prices in Europe",
    "Arsenal Champions League",
]


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bbc-cache")


@pytest.fixture(scope="module")
def built(cache_dir: Path) -> tuple[Parley, list[str]]:
    engine, opened = open_parley([BBC], IndexOptions(cache_dir=cache_dir))
    return engine, opened.messages


@pytest.fixture(scope="module")
def loaded(built, cache_dir: Path) -> tuple[Parley, list[str]]:
    engine, opened = open_parley([BBC], IndexOptions(cache_dir=cache_dir))
    return engine, opened.messages


def test_built_and_saved(built, cache_dir: Path):
    engine, notes = built
    assert len(engine.corpus.articles) > 2000 and len(engine.corpus.passages) > 10000
    assert any("saved in" in n for n in notes)
    assert len(list(cache_dir.glob("index-*"))) == 1
    assert not (BBC.parent / ".parley-cache").exists() or os.access(BBC.parent, os.W_OK)


def test_duplicates_skipped_and_listed(built):
    engine, _ = built
    dups = [p for p in engine.problems if "duplicate of" in p.reason]
    assert len(dups) >= 50  # the BBC set repeats about a hundred stories
    ids = [a.id for a in engine.corpus.articles]
    for p in dups[:20]:
        # the skipped file is not indexed; the one it duplicates is
        assert all(a.path != p.path for a in engine.corpus.articles)
        kept = p.reason.split("duplicate of ", 1)[1].split(";")[0]
        assert any(a.path == kept for a in engine.corpus.articles), kept
    assert len(ids) == len(engine.corpus.articles)


def test_answers_name_articles_and_speakers(built):
    engine, _ = built
    blair = engine.ask("What did Blair say about the election?")
    assert blair.intent == "speaker" and blair.results
    assert "Blair" in blair.speaker.name
    for hit in blair.results:
        assert hit.article.title and hit.article.id == hit.passage.document
        assert hit.speaker is not None and "Blair" in hit.speaker.name
        assert "election" in hit.passage.text.lower()
    who = engine.ask("Who said interest rates would rise?")
    assert who.intent == "who_said" and who.results
    assert who.results[0].speaker is not None and who.results[0].article.title
    assert who.message and who.results[0].speaker.name in who.message
    plain = engine.ask("broadband prices in Europe")
    assert plain.intent == "search" and len(plain.results) == engine.top_k
    assert all(h.article.title for h in plain.results)
    # a bare topic: a statement may come first among the near-best (see topics.py)
    assert plain.results[0].score >= NEAR_TOP * max(h.score for h in plain.results)
    names = engine.speaker_names()
    assert any("Blair" in n for n in names) and any("Brown" in n for n in names)


def test_second_start_loads_from_cache_with_identical_answers(built, loaded):
    first, _ = built
    second, notes = loaded
    assert not any("Built the index" in n for n in notes)  # loaded, not built
    assert second.corpus == first.corpus
    assert second.problems == first.problems
    for q in QUESTIONS:
        assert second.ask(q) == first.ask(q), q
    assert second.speakers() == first.speakers()
    assert second.quotes("Blair") == first.quotes("Blair")
    assert second.ask("economy", speaker="Gordon Brown") == \
        first.ask("economy", speaker="Gordon Brown")
    assert second.sources() == first.sources()


def test_parley_ask_command_reuses_the_cache(built, cache_dir: Path, tmp_path: Path):
    engine, _ = built
    config = tmp_path / "config.toml"
    config.write_text(f'[corpus]\ncache_dir = "{cache_dir.as_posix()}"\n', encoding="utf-8")
    question = "What did Blair say about the election?"
    out = subprocess.run(
        [sys.executable, "-m", "bot.cli", "ask", "--config", str(config),
         "--corpus", str(BBC), question],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
        env={**os.environ, "NO_COLOR": "1"})
    assert out.returncode == 0, out.stderr
    assert "Built the index" not in out.stderr  # the saved entry was used
    expected = engine.ask(question)
    assert expected.results[0].speaker.name in out.stdout
    assert " ".join(expected.results[0].article.title.split()[:3]) in " ".join(
        out.stdout.split())


def test_discord_pages_within_limits(built):
    embeds = pytest.importorskip("bot.discord_bot.embeds")
    formatting = pytest.importorskip("bot.discord_bot.formatting")
    engine, _ = built
    for q in QUESTIONS:
        answer = engine.ask(q, top_k=10)
        pages = embeds.answer_pages(answer, 5)
        assert pages, q
        for page in pages:
            assert page.content is None or len(page.content) <= formatting.MESSAGE_LIMIT
            assert len(page.embeds) <= formatting.EMBEDS_PER_MESSAGE
            assert sum(len(e) for e in page.embeds) <= formatting.EMBED_TOTAL_LIMIT
            for e in page.embeds:
                assert len(e.title or "") <= formatting.EMBED_TITLE_LIMIT
                assert len(e.description or "") <= formatting.EMBED_DESCRIPTION_LIMIT
                assert len(e.fields) <= formatting.EMBED_FIELDS_LIMIT
                for f in e.fields:
                    assert len(f.name) <= formatting.EMBED_FIELD_NAME_LIMIT
                    assert len(f.value) <= formatting.EMBED_FIELD_VALUE_LIMIT
                assert len(e.footer.text or "") <= formatting.EMBED_FOOTER_LIMIT
                assert len(e.author.name or "") <= formatting.EMBED_AUTHOR_LIMIT
        # every result of the answer appears on some page, titled by its article
        shown = " ".join(str(e.to_dict()) for p in pages for e in p.embeds)
        for hit in answer.results:
            assert hit.article.title[:40] in shown or hit.article.title[:20] in shown, q
