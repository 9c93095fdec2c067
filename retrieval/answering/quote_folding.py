"""Words as a quote check compares them: quotation marks, case, punctuation and diacritics
folded away, so "“Made at gunpoint”" and "made at Gunpoint" are the same three words.

`quoted_spans` finds what a passage puts in quotation marks, so that only words a speaker is
quoted as saying can make a check `exact` (never the "said Mr X" around them).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from corpus.folding import fold

# Every double quotation mark, open or close: news text mixes them (“… benefit," said), so
# a mark opens or closes by what stands around it, never by its shape.
DOUBLE_QUOTES = "\"“”„‟«»〝〞＂「」『』"
# Single marks are apostrophes too ("nobody's"); they count only around a whole check quote
# or a Discord message's quotation (see `quotations_in`), never inside article text.
SINGLE_QUOTES = "'‘’‚‛‹›"
_WORD = re.compile(r"[a-z0-9]+")
_ELLIPSIS = re.compile(r"\.\.\.+|…|\[\s*\.\.\.\s*\]")
# Words that turn a statement round: a check never says "in other words" across one of
# these ("would join Nato" is not "would not join Nato"). Grammatical words, like stop words.
NEGATIONS = frozenset({"not", "no", "never", "nobody", "none", "nothing", "neither", "nor",
                       "without", "cannot", "t", "nowhere", "noone"})


def fold_words(text: str) -> list[str]:
    """Lower-case ASCII words, diacritics transliterated, quotes and punctuation dropped."""
    return _WORD.findall(fold(text))


def quote_pieces(quote: str) -> list[list[str]]:
    """The folded words of a check's quote, split where it leaves words out ("…"); empty
    pieces dropped."""
    pieces = [fold_words(p) for p in _ELLIPSIS.split(strip_quote_marks(quote))]
    return [p for p in pieces if p]


def strip_quote_marks(text: str) -> str:
    """The text without the quotation marks (and spaces) around it."""
    return text.strip().strip(DOUBLE_QUOTES + SINGLE_QUOTES + " \t").strip()


def contains(words: Sequence[str], pieces: Sequence[Sequence[str]]) -> bool:
    """Whether every piece occurs in `words` as a run of whole words, in order."""
    start = 0
    for piece in pieces:
        found = _find(words, piece, start)
        if found < 0:
            return False
        start = found + len(piece)
    return bool(pieces)


def _find(words: Sequence[str], piece: Sequence[str], start: int) -> int:
    n = len(piece)
    first = piece[0]
    for i in range(start, len(words) - n + 1):
        if words[i] == first and list(words[i:i + n]) == list(piece):
            return i
    return -1


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of `text` inside double quotation marks. A mark with a space (or the
    start) before it and a word after it opens a quotation, whatever its shape; the reverse
    closes one; any other mark toggles. An opening mark inside an open quotation starts a new
    one: the one before was left open, as news style does for a quote that goes on into the
    next paragraph (and a passage joins its paragraphs). A quotation left open at the end
    runs to the end."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for i, ch in enumerate(text):
        if ch not in DOUBLE_QUOTES:
            continue
        side = _side(text, i)
        if opened is None:
            if side != "close":
                opened = i + 1
        elif side == "open":
            spans.append((opened, i))
            opened = i + 1
        else:
            spans.append((opened, i))
            opened = None
    if opened is not None and opened < len(text):
        spans.append((opened, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _side(text: str, i: int) -> str:
    """"open", "close" or "either", from what stands on each side of the mark at `i`."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    spaced_before = before.isspace() or before in "([{\u2014\u2013-"
    word_after = after.isalnum() or after in "\u2018'\u00a3$\u20ac.\u2026"
    if spaced_before and word_after:
        return "open"
    if not spaced_before and not word_after:
        return "close"
    return "either"


# Words that turn round what follows them, as a negation does: "against compulsory
# mediation" is "opposed compulsory mediation", and neither is "enforcing compulsory
# mediation"; "denied fathers' activists had forced the changes" does not say they had.
# Counted with the negations, by parity: "would not oppose the ban" is not against it.
TURNING = frozenset({"against", "oppose", "opposes", "opposed", "opposing", "reject",
                     "rejects", "rejected", "rejecting", "deny", "denies", "denied",
                     "denying"})


def negated(words: Sequence[str], after: Sequence[str] = ()) -> bool:
    """Whether the words (before a word, and `after` it) hold a negation (folded words:
    "don't" is "don", "t"); a word that turns round what follows (TURNING) counts before
    it only, and two of them, or one and a negation, cancel out."""
    plain = any(w in NEGATIONS for w in (*words, *after))
    return plain != (sum(w in TURNING for w in words) % 2 == 1)


_QUOTATION = re.compile(
    r"[\"“”„‟«»〝〞＂「」『』]\s*(?P<a>[^\"“”„‟«»〝〞＂「」『』]*?\w[^\"“”„‟«»〝〞＂「」『』]*?)"
    r"\s*[\"“”„‟«»〝〞＂「」『』]"
    r"|(?<!\w)[‘'](?P<b>[^‘’']*?\w[^‘’']*?)[’'](?!\w)")


def quotations_in(message: str) -> list[str]:
    """The quotations in a message, in order: text in double marks of any kind, or in single
    marks that are not apostrophes (a mark with a letter before the opening one or after
    the closing one is an apostrophe: "nobody's")."""
    out = []
    for m in _QUOTATION.finditer(message):
        text = (m.group("a") if m.group("a") is not None else m.group("b")) or ""
        if text.strip():
            out.append(" ".join(text.split()))
    return out
