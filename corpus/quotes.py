"""Finding quotations in news text, whatever mix of curly and straight marks it uses."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

OPENERS = "“„«"
CLOSERS = "”»"
STRAIGHT = '"'
QUOTE_CHARS = OPENERS + CLOSERS + STRAIGHT
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z'‘\"“]")
_QUOTE_MARK = re.compile("[" + re.escape(QUOTE_CHARS + "'") + "]")  # with single marks
_MASKED = re.compile(r"[^\s,.]")  # what masking hides: all but spaces, commas, full stops


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of quotations, marks included. A straight mark opens when it
    follows a space or an opening bracket (or starts the text) and closes otherwise; a
    quotation left open runs to the end of the text (BBC quote runs close only at the end)."""
    return list(_quote_spans(text))


@lru_cache(maxsize=1 << 10)  # a paragraph's quotations are asked for several times
def _quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    single = 0  # single quotations open inside the open double one
    first_word = len(text) - len(text.lstrip())
    for mark in _QUOTE_MARK.finditer(text):  # the marks only, not every character
        i, ch = mark.start(), mark.group()
        before = text[i - 1] if i else " "
        opens = ch in OPENERS or (ch == STRAIGHT and (before.isspace() or before in "([{—–-"))
        after = text[i + 1] if i + 1 < len(text) else " "
        if open_at is None:
            if ch == "'":
                continue
            if ch == STRAIGHT and i <= first_word and after.isspace():
                continue  # a stray closing mark left over from the previous paragraph
            if ch == STRAIGHT and not opens and before.isdigit():
                continue  # an inch mark: "a 6' 2" striker"
            if ch == STRAIGHT and not opens and before in ".,!?" and not spans \
                    and (after.isspace() or i + 1 == len(text)) \
                    and not _SENTENCE_END.search(text, first_word, i):
                # 'and perhaps ... were responsible." The programme also heard ...': the
                # close of a quotation begun in an earlier paragraph, in its first sentence
                spans.append((first_word, i + 1))
                continue
            if ch == STRAIGHT and not opens and before in ".,!?" and after.isspace():
                # '... buy weapons. The French want ... from Europe." When he was': a close
                # whose opener was lost. It closes its own sentence, never opens a quotation
                # that would carry a speaker over the narration after it.
                start = _lost_opener(text, spans, first_word, i)
                while spans and spans[-1][0] >= start:
                    spans.pop()  # quotations nested in the one whose opener was lost
                spans.append((start, i + 1))
                continue
            if opens or ch == STRAIGHT:
                open_at = i
                single = 0
            continue
        if ch == "'":
            single = _single_mark(text, i, before, after, single)
            if single < 0:
                # '"I guess it's just a television show ... a bit more.' The orchestra
                # strikes up': a single mark closing a double-quoted sentence, with no
                # single quotation open inside it, ends the quotation there.
                spans.append((open_at, i + 1))
                open_at = None
            continue
        if ch == STRAIGHT and before.isspace() and after.isspace():
            opens = False  # a free-standing mark inside a quotation closes it
        if ch in CLOSERS or (ch == STRAIGHT and not opens):
            spans.append((open_at, i + 1))
            open_at = None
        elif opens:
            # An opener inside an open quotation: BBC style opens each quoted paragraph or
            # sentence again without closing the one before. The earlier quotation runs up
            # to the new mark.
            spans.append((open_at, i))
            open_at = i
            single = 0
    if open_at is not None:
        spans.append((open_at, len(text)))
    return tuple(spans)


def _lost_opener(text: str, spans: list[tuple[int, int]], first_word: int, i: int) -> int:
    """Where a quotation closed at i with no opener began: at a single mark that opened it
    ("'Networks like eDonkey ... revenue," it said") after the last quotation that closed
    before its sentence, or else at the start of its sentence."""
    start = first_word
    for m in _SENTENCE_END.finditer(text, first_word, i):
        start = m.end() - 1
    done = max((e for s, e in spans if s < start), default=first_word)
    start = max(start, done)
    for k in range(start - 1, done - 1, -1):
        if text[k] == "'" and (k == first_word or text[k - 1].isspace()) \
                and text[k + 1:k + 2].isalnum():
            return k
    return start + len(text[start:i]) - len(text[start:i].lstrip())


def _single_mark(text: str, i: int, before: str, after: str, single: int) -> int:
    """The count of single quotations open after the mark at i; -1 when the mark closes
    a sentence with none open (it ends the double quotation instead). Apostrophes inside
    or after words ("it's", "players'") change nothing."""
    if before.isspace() or before in "([{—–-\"":
        return single + 1 if after.isalnum() else single
    if before in ".,!?" and (after.isspace() or i + 1 == len(text)):
        if single:
            return single - 1
        nxt = text[i + 1:].lstrip()[:1]
        return -1 if nxt.isupper() or not nxt else single
    return single


def mask_quotes(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with quoted words hidden (offsets kept), so names inside a quotation are
    never taken for its speaker. The marks themselves stay visible."""
    pieces: list[str] = []
    done = 0
    for start, end in spans:
        inner_end = max(start + 1, end - 1)
        if start + 1 < done:  # overlapping spans: hide character by character
            return _mask_each(text, spans)
        pieces.append(text[done:start + 1])
        pieces.append(_MASKED.sub("x", text[start + 1:inner_end]))
        done = inner_end
    pieces.append(text[done:])
    return "".join(pieces)


def _mask_each(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(start + 1, end - 1 if end - 1 > start else end):
            if not chars[i].isspace() and chars[i] not in ",.":
                chars[i] = "x"
    return "".join(chars)


def quote_runs(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quotations joined into runs: a quotation that ends where the next one begins (BBC
    style: closed not by a closing mark but by the next opening mark) goes on into it
    ("...over. "And then...")."""
    runs: list[tuple[int, int]] = []
    for qs, qe in spans:
        if runs and runs[-1][1] == qs:
            runs[-1] = (runs[-1][0], qe)
        else:
            runs.append((qs, qe))
    return runs


def overlapping(spans: list[tuple[int, int]], s: int, e: int) -> list[tuple[int, int]]:
    """The spans that overlap [s, e), in order, found by bisection: `spans` sorted and
    disjoint, as `quote_spans` gives them. Why: a sentence asks about its quotations, and
    reading all of a long paragraph's quotations for each made it cost their square."""
    lo = bisect.bisect_right(spans, s, key=lambda q: q[1])
    hi = bisect.bisect_left(spans, e, lo=lo, key=lambda q: q[0])
    return spans[lo:hi]
