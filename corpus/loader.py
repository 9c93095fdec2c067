"""Reading article files: encodings, metadata, paragraphs; problems reported, never fatal."""
from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol, cast

from corpus.aliases import AliasEntry, alias_path, parse_aliases
from corpus.cancelling import Cancel, asking
from corpus.models import LoadProblem
from corpus.printable import printable
from corpus.snapshot import FileRead, Snapshot, read_snapshot

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
    aliases: tuple[AliasEntry, ...] = ()  # from its alias file, when it has one


# The control characters that mark binary data (all of C0 but tab, newline, CR, form feed),
# as a deletion table for str.translate.
_CONTROLS = dict.fromkeys(c for c in range(32) if chr(c) not in "\t\n\r\f")
# The same characters as bytes: in UTF-8 and Windows-1252 each is one byte of its own value
# (no byte of a longer UTF-8 sequence is below 0x80), so they are counted in the bytes,
# where deleting them is one pass in C without a table lookup per character.
_CONTROL_BYTES = bytes(_CONTROLS)


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
    if encoding == "utf-16":
        controls = len(text) - len(text.translate(_CONTROLS))
    else:  # the same count, in the bytes
        controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
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


class KnownFiles(Protocol):
    """Article files an earlier build parsed, by their bytes (the article cache keeps them):
    one whose bytes and path are unchanged need not be parsed again."""

    def look(self, path: str, data: bytes) -> tuple[str, str, str] | None:
        """(id, digest, key) the file had when it was last loaded with these bytes (`key`:
        its raw article's, `RawArticle` being a function of the bytes, path, id and alias
        entries); None when not known."""

    def loaded(self, path: str, article_id: str, digest: str) -> None:
        """The file was loaded as an article of this id and digest (after `look`)."""


@dataclass(frozen=True)
class KnownRaw:
    """An article file unchanged since an earlier build loaded it (`KnownFiles`): its id,
    path, digest and raw article's key, the file parsed only when the article is asked for
    (`raw`)."""

    id: str
    path: str
    digest: str
    key: str
    read: FileRead

    def raw(self) -> RawArticle:
        """The raw article, parsed now (as `read_articles` parses it: the file has no alias
        file, or it would not be a known one)."""
        text = decode(self.read.data) if self.read.data is not None else None
        parsed = parse_article(self.read.path, text, self.id) if text is not None else None
        if not isinstance(parsed, RawArticle) or parsed.digest != self.digest:
            raise ValueError(f"{self.path} no longer parses as it did")
        return parsed


def read_articles(source: Sequence[Path] | Snapshot, cancel: Cancel | None = None
                  ) -> tuple[list[RawArticle], list[LoadProblem]]:
    """Every article of a snapshot (read now when given paths); unreadable, empty, binary or
    duplicate files are reported as problems and skipped, the rest loaded. `cancel` is asked
    as they are read and parsed (`corpus.cancelling`)."""
    articles, problems = read_known_articles(source, None, cancel)
    return cast("list[RawArticle]", articles), problems


def read_known_articles(source: Sequence[Path] | Snapshot, known: KnownFiles | None,
                        cancel: Cancel | None = None
                        ) -> tuple[list[RawArticle | KnownRaw], list[LoadProblem]]:
    """`read_articles`, a file `known` holds with exactly its bytes, its path and the id it
    gets now (and no alias file) given as a `KnownRaw`, not parsed; `known` is told of every
    article loaded."""
    snap = source if isinstance(source, Snapshot) else read_snapshot(source, cancel)
    problems = list(snap.problems)
    roots = _Roots([p for p in snap.paths if p.is_dir()])
    articles: list[RawArticle | KnownRaw] = []
    seen_digest: dict[str, str] = {}
    seen_ids: set[str] = set()

    def first_time(article: RawArticle | KnownRaw) -> bool:
        """Whether no article before had these bytes (a duplicate is a problem, skipped)."""
        if article.digest in seen_digest:
            first = printable(seen_digest[article.digest])
            problems.append(LoadProblem(article.path, f"duplicate of {first}; indexed once"))
            return False
        seen_digest[article.digest] = article.path
        seen_ids.add(article.id)
        return True

    for read in asking(snap.articles, cancel):
        hit = _known(read, roots, seen_ids, snap, known) if known is not None else None
        if hit is not None:
            if first_time(hit):
                cast(KnownFiles, known).loaded(hit.path, hit.id, hit.digest)
                articles.append(hit)
            continue
        parsed = _parse_read(read, roots, seen_ids)
        if isinstance(parsed, LoadProblem):
            problems.append(parsed)
            continue
        if not first_time(parsed):
            continue
        entries, problem = _aliases_of(read.path, snap)
        if problem is not None:
            problems.append(problem)
        if known is not None:
            known.loaded(parsed.path, parsed.id, parsed.digest)
        articles.append(replace(parsed, aliases=tuple(entries)))
    return articles, problems


def _known(read: FileRead, roots: _Roots, seen_ids: set[str], snap: Snapshot,
           known: KnownFiles) -> KnownRaw | None:
    """The file as `known` holds it, when its bytes, path and the id it gets now are those,
    and it has no alias file (its entries would be parsed for the problems they may raise)."""
    if read.data is None:
        return None
    got = known.look(str(read.path), read.data)
    if got is None or snap.aliases and alias_path(read.path) in snap.aliases:
        return None
    aid = _unique_id(roots, read.path, seen_ids)
    article_id_, digest, key = got
    return KnownRaw(aid, str(read.path), digest, key, read) if aid == article_id_ else None


def _parse_read(read: FileRead, roots: _Roots, seen_ids: set[str]
                ) -> RawArticle | LoadProblem:
    f = read.path
    if read.data is None:
        exc = read.error
        return LoadProblem(str(f), f"cannot read ({(exc.strerror if exc else None) or exc})")
    if not read.data.strip():
        return LoadProblem(str(f), "empty file")
    text = decode(read.data)
    if text is None:
        return LoadProblem(str(f), "not text (binary, or an unknown encoding)")
    return parse_article(f, text, _unique_id(roots, f, seen_ids))


def _unique_id(roots: _Roots, path: Path, seen_ids: set[str]) -> str:
    """The file's article id, primed until no article loaded before has it."""
    aid = roots.article_id(path)
    while aid in seen_ids:
        aid += "'"
    return aid


def _aliases_of(article: Path, snap: Snapshot) -> tuple[list[AliasEntry], LoadProblem | None]:
    if not snap.aliases:  # the common case: no alias file at all, no path to work out
        return [], None
    read = snap.aliases.get(alias_path(article))
    if read is None:
        return [], None
    return parse_aliases(read.path, read.data, read.error)


class _Roots:
    """The corpus folders, and each file's id below the first that holds it: `article_id`
    with `_is_below`, worked out on the paths' strings where that is exactly the same (POSIX
    paths, already normal as `Path` keeps them): pathlib's parsing was a tenth of a
    start that reads the files."""

    def __init__(self, folders: list[Path]) -> None:
        self.folders = folders
        self.prefixes = [s if s.endswith("/") else s + "/" for s in map(str, folders)]

    def article_id(self, path: Path) -> str:
        if os.sep != "/" or os.altsep is not None:
            return article_id(path, next((p for p in self.folders if _is_below(path, p)),
                                         None))
        text = str(path)
        for prefix in self.prefixes:
            if text.startswith(prefix) and len(text) > len(prefix):
                return _without_suffix(text[len(prefix):])
        return article_id(path, None)


def _without_suffix(relative: str) -> str:
    """`PurePosixPath(relative).with_suffix("").as_posix()` of a normal relative path."""
    name = relative.rpartition("/")[2]
    i = name.rfind(".")
    return relative[:len(relative) - len(name) + i] if 0 < i < len(name) - 1 else relative


def _is_below(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False
