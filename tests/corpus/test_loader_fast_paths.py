"""The loader's shortcuts give exactly what the plain ways give: control characters counted
in the bytes (UTF-8, Windows-1252) as in the text, and article ids worked out on path
strings as pathlib's `relative_to` and `with_suffix` give them."""
from __future__ import annotations

from pathlib import Path

import pytest

from corpus.loader import _CONTROLS, _is_below, _Roots, article_id, decode


def _decode_by_text(data: bytes) -> str | None:
    """`decode` as it was: the control characters counted in the decoded text."""
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    text = None
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
    controls = len(text) - len(text.translate(_CONTROLS))
    return None if controls > max(2, len(text) // 100) else text


BODY = "Çavuşoğlu said “yes” – 😀 " * 12  # multi-byte UTF-8 throughout


@pytest.mark.parametrize("data", [
    BODY.encode("utf-8"),
    ("\ufeff" + BODY).encode("utf-8"),
    (BODY + "\x01\x02").encode("utf-8"),            # at the floor of 2: kept
    (BODY + "\x01\x02\x03").encode("utf-8"),        # over it
    (BODY * 4 + "\x07" * 12).encode("utf-8"),       # 1% of the characters: kept
    (BODY * 4 + "\x07" * 13).encode("utf-8"),       # (while 1% of the bytes is more)
    ("café déjà vu\x0b\x0c " * 20).encode("cp1252"),  # not UTF-8: Windows-1252
    ("naïve\x1b\x1c" * 3).encode("cp1252"),
    ("tab\tnew\nline\rfeed\f" * 10).encode("utf-8"),  # the allowed ones
    ("utf16 \x01\x02\x03 text" * 4).encode("utf-16"),
    ("utf16 plain text" * 4).encode("utf-16"),
    bytes(range(1, 256)),
    b"\x81\x8d not cp1252",
])
def test_decode_counts_controls_as_the_text_does(data: bytes):
    assert decode(data) == _decode_by_text(data)


@pytest.mark.parametrize(("root", "path"), [
    ("/a/b", "/a/b/c.txt"), ("/a/b", "/a/b/x/y.tar.gz"), ("/a/b", "/a/b/.hidden"),
    ("/a/b", "/a/b/name."), ("/a/b", "/a/bc/d.txt"), ("/", "/x/y.txt"),
    ("/a", "/a/b.c/d"), ("/a", "/a/b.c/d.e"), ("/a/b", "/q/r.txt"), ("/a/b", "/a/b/..x"),
    ("/a/b", "/a/b/a..b"), ("/a/b", "/a/b/sub/Ünï cödé.md"),
])
def test_article_id_from_strings_is_pathlibs(root: str, path: str):
    r, p = Path(root), Path(path)
    by_pathlib = article_id(p, r if _is_below(p, r) else None)
    assert _Roots([r]).article_id(p) == by_pathlib


def test_article_id_takes_the_first_folder_holding_the_file():
    roots = _Roots([Path("/x"), Path("/a"), Path("/a/b")])
    assert roots.article_id(Path("/a/b/c.txt")) == "b/c"
    assert _Roots([]).article_id(Path("/a/b/c.txt")) == "c"
