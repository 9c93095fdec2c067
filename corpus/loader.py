"""Reading article files: encodings, metadata, paragraphs; problems reported, never fatal."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from corpus.models import LoadProblem

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown"}
_META_LINE = re.compile(r"^(source|date|url|author|published)\s*:\s*(.+?)\s*$", re.IGNORECASE)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")


@dataclass(frozen=True)
class RawArticle:
    """An article file's text cut into headline and paragraphs, before attribution."""

    id: str
    path: str
    title: str
    paragraphs: tuple[str, ...]
    source: str | None = None
    date: str | None = None
    url: str | None = None
    digest: str = ""


# Files a corpus folder holds about itself, not news: READMEs, source lists, licences. Matched
# on the name before its first dot, in any case ("README.TXT", "Sources.md", "LICENSE").
NOT_ARTICLE_NAMES = ("readme", "sources", "license", "licence", "copying", "changelog")


def is_left_out(path: Path, folder: Path) -> bool:
    """Whether a file found in a corpus folder is not an article: hidden (a dot file, or in a
    dot folder such as `.git`), or one of NOT_ARTICLE_NAMES. A file named on its own is
    always read: the user asked for it."""
    parts = path.relative_to(folder).parts
    return (any(part.startswith(".") for part in parts)
            or path.name.split(".", 1)[0].lower() in NOT_ARTICLE_NAMES)


def _folder_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)


def find_article_files(paths: list[Path]) -> tuple[list[Path], list[LoadProblem]]:
    """Expand files and folders into article files in a stable order (folders sorted)."""
    files: list[Path] = []
    problems: list[LoadProblem] = []
    for path in paths:
        if path.is_dir():
            found = [p for p in _folder_files(path) if not is_left_out(p, path)]
            if not found:
                problems.append(LoadProblem(str(path), "folder has no .txt or .md articles"))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        elif path.exists():
            problems.append(LoadProblem(str(path), "not a regular file or folder"))
        else:
            problems.append(LoadProblem(str(path), "no such file or folder"))
    return files, problems


def left_out_files(paths: list[Path]) -> list[Path]:
    """The files in the corpus folders that `find_article_files` does not read, as articles
    go (`.txt`, `.md`), for `parley sources` to name."""
    return [p for path in paths if path.is_dir()
            for p in _folder_files(path) if is_left_out(p, path)]


def decode(data: bytes) -> str | None:
    """The text of an article file, or None when it is not text.

    Tried in this order: UTF-8 (with or without a BOM); UTF-16 when the data starts with a
    UTF-16 byte-order mark; Windows-1252 (which also reads ASCII and most Latin-1 files). None
    -- reported by `read_articles` as "not text (binary, or an unknown encoding)", naming the
    file -- for data with a NUL byte outside UTF-16, for bytes Windows-1252 does not define
    (0x81, 0x8D, 0x8F, 0x90, 0x9D), and for text with more than 1% control characters."""
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    text: str | None = None
    for encoding in ("utf-8-sig", "utf-16", "cp1252"):
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        return None
    # control characters (whatever the encoding): binary data that happens to decode
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    return None if controls > max(2, len(text) // 100) else text


def article_id(path: Path, root: Path | None) -> str:
    """A short, stable id: the path below the corpus folder without its suffix."""
    if root is not None:
        try:
            return path.relative_to(root).with_suffix("").as_posix()
        except ValueError:
            pass
    return path.stem


def parse_article(path: Path, text: str, article_id_: str) -> RawArticle | LoadProblem:
    """Headline = first non-empty line; then optional `Source:`/`Date:`/`URL:` lines;
    paragraphs split on blank lines, or on single newlines when the file has no blank line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        return LoadProblem(str(path), "empty file")
    title = _MD_HEADING.sub("", lines.pop(0)).strip()
    meta: dict[str, str] = {}
    while lines and (lines[0].strip() == "" or _META_LINE.match(lines[0])):
        m = _META_LINE.match(lines.pop(0))
        if m:
            key = {"published": "date"}.get(m.group(1).lower(), m.group(1).lower())
            meta.setdefault(key, m.group(2))
    body = "\n".join(lines).strip("\n")
    if re.search(r"\n\s*\n", body):
        chunks = re.split(r"\n\s*\n", body)
        paragraphs = [" ".join(c.split("\n")).strip() for c in chunks]
    else:
        paragraphs = [line.strip() for line in body.split("\n")]
    paragraphs = [_MD_HEADING.sub("", p) for p in paragraphs if p.strip()]
    if not title and not paragraphs:
        return LoadProblem(str(path), "empty file")
    if not paragraphs:
        return LoadProblem(str(path), "only a headline, no article text")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return RawArticle(article_id_, str(path), title, tuple(paragraphs), meta.get("source"),
                      meta.get("date"), meta.get("url"), digest)


def read_articles(paths: list[Path]) -> tuple[list[RawArticle], list[LoadProblem]]:
    """Load every article under `paths`; unreadable, empty, binary or duplicate files are
    reported as problems and skipped, the rest loaded."""
    files, problems = find_article_files(paths)
    roots = {f: next((p for p in paths if p.is_dir() and _is_below(f, p)), None) for f in files}
    articles: list[RawArticle] = []
    seen_digest: dict[str, str] = {}
    seen_ids: set[str] = set()
    for f in files:
        try:
            data = f.read_bytes()
        except OSError as exc:
            problems.append(LoadProblem(str(f), f"cannot read ({exc.strerror or exc})"))
            continue
        if not data.strip():
            problems.append(LoadProblem(str(f), "empty file"))
            continue
        text = decode(data)
        if text is None:
            problems.append(LoadProblem(str(f), "not text (binary, or an unknown encoding)"))
            continue
        aid = article_id(f, roots[f])
        while aid in seen_ids:
            aid += "'"
        parsed = parse_article(f, text, aid)
        if isinstance(parsed, LoadProblem):
            problems.append(parsed)
            continue
        if parsed.digest in seen_digest:
            problems.append(LoadProblem(str(f), f"duplicate of {seen_digest[parsed.digest]}; "
                                                "indexed once"))
            continue
        seen_digest[parsed.digest] = str(f)
        seen_ids.add(aid)
        articles.append(parsed)
    return articles, problems


def _is_below(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False
