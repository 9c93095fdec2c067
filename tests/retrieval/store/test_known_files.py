"""Files the corpus's last build loaded are not parsed again when their bytes, path and id
are as then (`known_files`, `corpus.loader.read_known_articles`): an add-one build parses
only the new file; a changed file, one whose id moves, one with an alias file, one whose
kept row does not hold, and one whose cached article is gone are parsed as before; each
build is exactly a full rebuild."""
from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import pytest

from corpus import loader
from corpus.build import build_corpus
from retrieval.options import IndexOptions
from retrieval.store import open_index
from tests.retrieval.store.test_incremental import ARTICLES, _same

NEW = "Talks to go on\n\n\"We will meet again,\" Erdogan said.\n"
ALIASES = '[[person]]\nname = "Recep Tayyip Erdogan"\naliases = ["the host"]\n'


@pytest.fixture
def news(tmp_path: Path) -> Path:
    d = tmp_path / "news"
    d.mkdir()
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


def _parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files parsed from here on, by name."""
    names: list[str] = []
    real = loader.parse_article

    def counting(path, text, article_id):
        names.append(Path(path).name)
        return real(path, text, article_id)
    monkeypatch.setattr(loader, "parse_article", counting)
    return names


def _db(tmp_path: Path) -> Path:
    (db,) = (tmp_path / "cache").glob("articles-*.sqlite")
    return db


@pytest.mark.parametrize("change", [
    "a new file", "a changed file", "an id that moves", "an alias file", "a damaged row",
    "a cached article gone", "nothing but the times"])
def test_only_files_not_known_as_they_are_are_parsed(tmp_path: Path, news: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     change: str):
    options = IndexOptions(cache_dir=tmp_path / "cache")
    open_index([news], options, build_corpus)
    expected = {"a new file": {"new.txt"}, "a changed file": {"grain.txt"},
                "an id that moves": {"kallas.md", "kallas.txt"},
                "an alias file": {"talks.txt"}, "a damaged row": {"grain.txt"},
                "a cached article gone": {"grain.txt"}, "nothing but the times": set()}[change]
    if change == "a new file":
        (news / "new.txt").write_text(NEW, encoding="utf-8")
    elif change == "a changed file":
        (news / "grain.txt").write_text(ARTICLES["grain.txt"] + "\nMore.\n", encoding="utf-8")
    elif change == "an id that moves":  # kallas.md sorts first: kallas.txt's id is "kallas'"
        (news / "kallas.md").write_text(NEW, encoding="utf-8")
    elif change == "an alias file":
        (news / "talks.aliases.toml").write_text(ALIASES, encoding="utf-8")
    elif change == "nothing but the times":
        for p in news.iterdir():
            p.write_bytes(p.read_bytes())
    else:
        con = sqlite3.connect(_db(tmp_path))
        with con:
            if change == "a damaged row":
                con.execute("UPDATE files SET id = 'grain2' WHERE CAST(path AS TEXT) LIKE ?",
                            ("%grain.txt",))
            else:
                con.execute("DELETE FROM articles WHERE key IN (SELECT key FROM files"
                            " WHERE CAST(path AS TEXT) LIKE ?)", ("%grain.txt",))
        con.close()
        (news / "new.txt").write_text(NEW, encoding="utf-8")  # (files changed: a build)
        expected = expected | {"new.txt"}
    parsed = _parsed(monkeypatch)
    again = open_index([news], options, build_corpus)
    assert set(parsed) == expected
    _same(again, open_index([news], IndexOptions(cache_dir=tmp_path / "fresh"), build_corpus))


def test_a_forced_rebuild_parses_every_file_and_the_next_build_knows_them(
        tmp_path: Path, news: Path, monkeypatch: pytest.MonkeyPatch):
    options = IndexOptions(cache_dir=tmp_path / "cache")
    open_index([news], options, build_corpus)
    parsed = _parsed(monkeypatch)
    open_index([news], options, build_corpus, rebuild=True)
    assert set(parsed) == set(ARTICLES)
    parsed.clear()
    (news / "new.txt").write_text(NEW, encoding="utf-8")
    again = open_index([news], options, build_corpus)
    assert parsed == ["new.txt"]
    line = "1 new, 0 changed, 0 removed; 3 reused"
    assert any(line in m for m in again.messages), again.messages


@pytest.mark.skipif(os.name == "nt" or sys.platform == "darwin",
                    reason="needs a file system that takes any bytes in a file name")
def test_a_file_name_that_is_not_utf8_is_known_too(tmp_path: Path, news: Path,
                                                   monkeypatch: pytest.MonkeyPatch):
    """Its path and id hold surrogate escapes: kept as their bytes, known the next build."""
    with open(os.fsencode(news) + b"/caf\xe9.txt", "wb") as f:
        f.write(NEW.replace("meet", "talk").encode("utf-8"))
    options = IndexOptions(cache_dir=tmp_path / "cache")
    open_index([news], options, build_corpus)
    parsed = _parsed(monkeypatch)
    (news / "new.txt").write_text(NEW, encoding="utf-8")
    again = open_index([news], options, build_corpus)
    assert parsed == ["new.txt"]
    _same(again, open_index([news], IndexOptions(cache_dir=tmp_path / "fresh"), build_corpus))
