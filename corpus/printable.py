"""File names and OS errors as one safe line: a name may hold newlines, escape sequences,
right-to-left overrides or bytes that are not UTF-8, and printed raw those would forge or
garble the messages around them."""
from __future__ import annotations

import unicodedata

# Control characters, format characters (bidi overrides, zero-width) and lone surrogates (the
# bytes of a file name that is not UTF-8) are shown escaped.
_ESCAPED_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp"}


def printable(text: str) -> str:
    """`text` with every character that is not safe on one line written as an escape:
    `\\n`, `\\x1b`, `\\u202e`, and `\\xe9` for an undecodable byte."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if unicodedata.category(ch) not in _ESCAPED_CATEGORIES:
            out.append(ch)
        elif 0xDC80 <= ord(ch) <= 0xDCFF:  # surrogateescape: one raw byte of the name
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        else:
            out.append(ch.encode("unicode_escape").decode("ascii"))
    return "".join(out)


def os_error_text(exc: OSError) -> str:
    """What went wrong and where, e.g. "no space left on device (writing /c/x.npy)"."""
    what = exc.strerror or str(exc) or type(exc).__name__
    what = what[:1].lower() + what[1:]
    where = exc.filename
    return f"{what} ({printable(str(where))})" if where else what
