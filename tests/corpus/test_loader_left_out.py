"""Which files in a corpus folder are articles: READMEs, source lists, licences and hidden
files are left out (and can be listed); a file named on its own is always read."""
from __future__ import annotations

from pathlib import Path

import pytest

from corpus.listing import find_article_files, is_left_out, left_out_files


@pytest.mark.parametrize(("name", "left_out"), [
    ("talks.txt", False),
    ("readme-first-talks.md", False),  # only the name before the first dot counts
    ("README.TXT", True),
    ("Readme.md", True),
    ("SOURCES.txt", True),
    ("LICENSE.md", True),
    ("licence.txt", True),
    (".draft.txt", True),
    (".git/notes.txt", True),
    ("2022/.hidden/a.txt", True),
    ("2022/march/talks.txt", False),
])
def test_is_left_out_names_folder_files_that_are_not_news(tmp_path: Path, name: str,
                                                          left_out: bool):
    assert is_left_out(tmp_path / name, tmp_path) is left_out


def test_folder_scan_skips_and_lists_left_out_files(tmp_path: Path, write_article):
    for name in ("a.txt", "README.TXT", "sub/b.md", ".git/c.txt", "SOURCES.md", "notes.csv"):
        path = tmp_path / name
        write_article(path.parent, path.name, "Headline\n\nThe minister said so.\n")
    files, problems = find_article_files([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in files] == ["a.txt", "sub/b.md"]
    assert problems == []
    assert sorted(p.relative_to(tmp_path).as_posix() for p in left_out_files([tmp_path])) == [
        ".git/c.txt", "README.TXT", "SOURCES.md"]


def test_a_readme_named_on_its_own_is_read(tmp_path: Path, write_article):
    readme = write_article(tmp_path, "README.md", "Headline\n\nThe minister said so.\n")
    assert find_article_files([readme]) == ([readme], [])
    assert left_out_files([readme]) == []
