"""User alias files next to an article: `<article>.aliases.toml`."""
from __future__ import annotations

from pathlib import Path

from corpus.aliases import alias_path, parse_aliases
from corpus.build import build_corpus

ARTICLE = """Talks make progress, says minister

Peace talks made progress, Turkey's top diplomat said on Tuesday.

Mevlut Cavusoglu said negotiators had reached a consensus.
"""

ALIASES = """
[[person]]
name = "Mevlut Çavuşoğlu"
role = "Turkish foreign minister"
aliases = ["Turkey's top diplomat", "the top diplomat"]

[[organisation]]
name = "Downing Street"
aliases = ["Number 10"]
"""


def _write(tmp_path: Path, aliases: str | None) -> Path:
    article = tmp_path / "talks.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    if aliases is not None:
        (tmp_path / "talks.aliases.toml").write_text(aliases, encoding="utf-8")
    return article


def test_alias_path_sits_next_to_the_article():
    assert alias_path("a/b/istanbul-talks.txt") == Path("a/b/istanbul-talks.aliases.toml")


def test_aliases_reach_the_who_is_who_table_folded(tmp_path):
    corpus = build_corpus([_write(tmp_path, ALIASES)])
    assert not corpus.problems
    article = corpus.articles[0]
    person = next(p for p in article.people if p.name == "Mevlut Çavuşoğlu")
    assert "turkey's top diplomat" in person.aliases
    assert "mevlut cavusoglu" in person.aliases
    org = next(p for p in article.people if p.name == "Downing Street")
    assert "number 10" in org.aliases


def test_an_alias_role_names_the_speaker(tmp_path):
    corpus = build_corpus([_write(tmp_path, ALIASES)])
    first = corpus.articles[0].passages[1].sentences[0]
    assert first.speaker is not None and first.speaker.name == "Mevlut Çavuşoğlu"


def test_bad_alias_file_is_a_problem_naming_the_file_not_a_crash(tmp_path):
    corpus = build_corpus([_write(tmp_path, "[[person]]\nname = \n")])
    assert len(corpus.articles) == 1
    assert any("talks.aliases.toml" in p.path for p in corpus.problems)


def test_alias_entry_without_a_name_is_reported(tmp_path):
    entries, problem = parse_aliases(tmp_path / "talks.aliases.toml",
                                     b'[[person]]\naliases = ["x"]\n')
    assert entries == [] and problem is not None and "needs a name" in problem.reason


def test_no_alias_file_is_fine(tmp_path):
    corpus = build_corpus([_write(tmp_path, None)])
    assert corpus.problems == () and len(corpus.articles) == 1


def test_unreadable_alias_file_is_a_problem_naming_it(tmp_path):
    entries, problem = parse_aliases(tmp_path / "talks.aliases.toml", None,
                                     PermissionError(13, "Permission denied"))
    assert entries == [] and problem is not None and "cannot read alias file" in problem.reason
