"""Finding quotations in news text, whatever mix of curly and straight marks it uses."""
from __future__ import annotations

OPENERS = "“„«"
CLOSERS = "”»"
STRAIGHT = '"'
QUOTE_CHARS = OPENERS + CLOSERS + STRAIGHT


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of quotations, marks included. A straight mark opens when it
    follows a space or an opening bracket (or starts the text) and closes otherwise; a
    quotation left open runs to the end of the text (BBC quote runs close only at the end)."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for i, ch in enumerate(text):
        if ch not in QUOTE_CHARS:
            continue
        before = text[i - 1] if i else " "
        opens = ch in OPENERS or (ch == STRAIGHT and (before.isspace() or before in "([{—–-"))
        if open_at is None:
            if opens or ch == STRAIGHT:
                open_at = i
            continue
        if ch in CLOSERS or (ch == STRAIGHT and not opens):
            spans.append((open_at, i + 1))
            open_at = None
        elif opens:
            open_at = i  # an opener inside an open quotation: the earlier one was unbalanced
    if open_at is not None:
        spans.append((open_at, len(text)))
    return spans


def mask_quotes(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with quoted words hidden (offsets kept), so names inside a quotation are
    never taken for its speaker. The marks themselves stay visible."""
    chars = list(text)
    for start, end in spans:
        for i in range(start + 1, end - 1 if end - 1 > start else end):
            if not chars[i].isspace() and chars[i] not in ",.":
                chars[i] = "x"
    return "".join(chars)


def is_open_ended(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the last quotation in the text is never closed."""
    if not spans:
        return False
    start, end = spans[-1]
    return end == len(text) and text.rstrip()[-1:] not in CLOSERS + STRAIGHT or (
        end == len(text) and end - start == 1)
