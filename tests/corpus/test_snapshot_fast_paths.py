"""The corpus files read and listed the quick ways (`corpus.snapshot`, `corpus.listing`)
give exactly what the plain ways give: pathlib's alias file names and order, a file object's
bytes."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from corpus.aliases import alias_path
from corpus.listing import _folder_files, is_left_out
from corpus.snapshot import _read_all, alias_files, read_bytes, side_name

NAMES = ["talks.txt", "a.b.txt", ".hidden", ".hidden.txt", "no_suffix", "trailing.",
         "x..txt", "ünïcödé.md", "two words.markdown", "..", "a.", ".a.b"]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("folder", ["/tmp/news", "relative/news", "", "/"])
def test_alias_file_names_are_pathlibs(folder: str, name: str):
    article = Path(folder) / name if folder else Path(name)
    assert side_name(article) == str(alias_path(article))


def test_alias_files_are_those_that_exist(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    for rel in ["a.txt", "a.aliases.toml", "b.txt", "sub/c.txt", "sub/c.aliases.toml",
                "d.txt"]:
        (tmp_path / rel).write_text("x", encoding="utf-8")
    (tmp_path / "d.aliases.toml").mkdir()  # a folder: no alias file
    articles = [tmp_path / r for r in ["a.txt", "b.txt", "sub/c.txt", "d.txt", "a.txt"]]
    assert alias_files(articles) == list(dict.fromkeys(
        p for p in map(alias_path, articles) if p.is_file()))


@pytest.mark.parametrize("content", [b"", b"x", b"Headline\n\nBody.\n" * 1000,
                                     bytes(range(256)) * 300])
@pytest.mark.parametrize("told", ["its size", "less (it grew)", "more (it shrank)", "none"])
def test_a_files_bytes_read_to_its_end(tmp_path: Path, content: bytes, told: str):
    path = tmp_path / "f.txt"
    path.write_bytes(content)
    size = {"its size": len(content), "less (it grew)": max(0, len(content) // 3),
            "more (it shrank)": len(content) + 100, "none": 0}[told]
    fd = os.open(path, os.O_RDONLY)
    try:
        assert _read_all(fd, size) == content
    finally:
        os.close(fd)
    assert read_bytes(path).data == path.read_bytes()


def test_folder_files_in_paths_order(tmp_path: Path):
    names = ["b.txt", "a.txt", "B.txt", "a b.txt", "a-b.txt", "a/z.txt", "a/b/c.txt",
             "ab/a.txt", "a.b/x.txt", "Z.md", "é.txt", "e.txt"]
    for rel in names:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    files, _ = _folder_files(tmp_path, os.stat(tmp_path))
    assert files == sorted(files) and len(files) == len(names)


@pytest.mark.parametrize(("rel", "folder"), [
    ("news/a.txt", "news"), ("news/.git/a.txt", "news"), ("news/sub/README.md", "news"),
    (".news/a.txt", ".news"), ("news/a.txt", "news/"), ("news/x/../a.txt", "news"),
])
def test_left_out_as_relative_to_says(tmp_path: Path, rel: str, folder: str):
    path, base = tmp_path / rel, tmp_path / folder
    parts = path.relative_to(base).parts
    plain = any(p.startswith(".") for p in parts) or \
        path.name.split(".", 1)[0].lower() in ("readme", "sources", "license", "licence",
                                               "copying", "changelog")
    assert is_left_out(path, base) == plain
