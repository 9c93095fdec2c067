"""syntok's sentence segmentation, re-expressed over flat arrays: the same tokens and the same
sentence boundaries as `syntok.segmenter.analyze` (1.4.4), in about a fifth of the time.

Why: syntok builds a Token object per token and walks a state machine through generators,
one state object per step; that was 30% of attributing an article. Here the tokenizer fills
three lists (values, offsets, whether a token follows its predecessor with no spacing) and
the segmenter jumps from one token that can end a sentence (a terminal or an opening
bracket) to the next, deciding each with syntok's very rules. `tests/corpus/test_segmenter.py`
checks the spans against syntok itself, on the seed, the BBC folder (when present) and
random text.

The rules, the regular expressions (taken from syntok itself) and the character sets are
syntok's (MIT licence, Copyright (c) 2018-2022 Florian Leitner), the rules kept in the order
syntok applies them.
"""
from __future__ import annotations

import re

import syntok.segmenter
from syntok._segmentation_states import State
from syntok.tokenizer import Tokenizer

# syntok's own compiled expressions (`regex` patterns) and character sets.
_PARAGRAPH_SEP = getattr(syntok.segmenter, "__PARAGRAPH_SEP")
_HYPHENS_AND_UNDERSCORE: frozenset[str] = Tokenizer._hyphens_and_underscore
_APOSTROPHE_T = Tokenizer._apostrophe_t
_SEPARATION = Tokenizer._separation
# What syntok's chunks `[^\s\u200b]+` (in `regex`) stop at: Unicode White_Space and the
# zero-width space, spelt out so that `re`, several times faster than `regex` here, finds
# the very same chunks.
_SPACE_CHARS = "\t-\r \x85\xa0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000"
# A chunk, and the common kind read without syntok's loops: ASCII symbols, one ASCII word
# that `_SEPARATION` cannot split (no lower-case letter right before an upper-case one), ASCII
# symbols (groups 1-3). Any other chunk (no groups) goes the general way (`_chunk`).
_SYMBOLS = r"[!-/:-@\[-`{-~]*"
_CHUNK = re.compile(rf"(?=[^{_SPACE_CHARS}])({_SYMBOLS})([A-Z0-9]*[a-z0-9]*)({_SYMBOLS})"
                    rf"(?![^{_SPACE_CHARS}])|[^{_SPACE_CHARS}]+")

_TERMINALS = State.terminals
_OPENING = State.opening_brackets
_CLOSING = State.closing_brackets
_CLOSING_QUOTES = State.closing_quotes
_INNER_PUNCTUATION = State.inner_sentence_punctuation
_ROMAN = State.roman_numerals
_MONTHS = State.months
_ABBREVIATIONS = State.abbreviations
_STARTERS = State.starters
_VOWELS = State.vowels
_MAX_BRACKET = State.max_bracket_skipping_length
# Tokens where a sentence may end (or bracketed text be skipped): syntok's InnerToken moves
# over every other token without looking at it.
_STOPS = _TERMINALS | _OPENING | {"("}


class Tokens:
    """A paragraph's tokens as syntok's Tokenizer (replace_not_contraction=False) makes
    them: value, offset in the text, and whether the token has no spacing before it."""

    __slots__ = ("values", "offsets", "tight")

    def __init__(self) -> None:
        self.values: list[str] = []
        self.offsets: list[int] = []
        self.tight: list[bool] = []

    def add(self, value: str, offset: int, tight: bool) -> None:
        self.values.append(value)
        self.offsets.append(offset)
        self.tight.append(tight)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence syntok's `analyze` finds: its first token's offset to
    its last token's end."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for mo in _PARAGRAPH_SEP.finditer(text):
        _paragraph(text, begin, mo.start(), spans)
        begin = mo.end()
    _paragraph(text, begin, len(text), spans)
    return spans


def _paragraph(text: str, begin: int, stop: int, spans: list[tuple[int, int]]) -> None:
    toks = tokenize(text, begin, stop)
    values, offsets = toks.values, toks.offsets
    for first, last in segment(toks):
        spans.append((offsets[first], offsets[last] + len(values[last])))


# --- the tokenizer ------------------------------------------------------------------------

def tokenize(text: str, begin: int, stop: int) -> Tokens:
    """syntok's `Tokenizer.tokenize(text[begin:stop], begin)`, as arrays."""
    toks = Tokens()
    values, offsets, tights = toks.values, toks.offsets, toks.tight
    offset = begin
    for mo in _CHUNK.finditer(text, begin, stop):
        ms, me = mo.span()
        tight = offset == ms  # the spacing text[offset:ms] is empty
        offset = me
        lead, word, tail = mo.groups()
        if lead is None:
            _chunk(toks, text, ms, me, tight)
            continue
        if not word:  # no letter or digit: one token
            values.append(mo.group())
            offsets.append(ms)
            tights.append(tight)
            continue
        at = ms
        for ch in lead:
            values.append(ch)
            offsets.append(at)
            tights.append(tight)
            at += 1
            tight = True
        values.append(word)
        offsets.append(at)
        tights.append(tight)
        if tail:
            _tail(toks, tail, at + len(word))
    if offset < stop:
        toks.add("", stop, False)
    return toks


def _tail(toks: Tokens, tail: str, at: int) -> None:
    """The symbols after a chunk's last letter or digit: "..." first, then one each."""
    if tail.startswith("..."):
        toks.add("...", at, True)
        tail = tail[3:]
        at += 3
    for ch in tail:
        toks.add(ch, at, True)
        at += 1


def _chunk(toks: Tokens, text: str, ms: int, me: int, tight: bool) -> None:
    """Any other chunk, as syntok's tokenizer reads it."""
    start = ms
    while start < me and not text[start].isalnum():
        start += 1
    if start == me:
        toks.add(text[ms:me], ms, tight)
        return
    end = me
    while not text[end - 1].isalnum():
        end -= 1
    for i in range(ms, start):
        toks.add(text[i], i, tight)
        tight = True  # the word's spacing is then text[start:start]
    _split_word(toks, tight, text[start:end], start)
    _tail(toks, text[end:me], end)


def _split_word(toks: Tokens, tight: bool, word: str, offset: int) -> None:
    """syntok's `_split_word` (with `_produce_separator_split_token`): `tight` says whether
    the word's prefix is empty."""
    remainder = 0
    for mo in _SEPARATION.finditer(word):
        ms, me = mo.span()
        sep = mo.group()
        if ms > remainder:
            if _APOSTROPHE_T.fullmatch(sep) and word[ms - 1] == "n":
                if remainder < ms - 1:
                    toks.add(word[remainder:ms - 1], offset + remainder, tight)
                    tight = True
                toks.add("n" + sep, offset + ms - 1, tight)
                tight = True
                remainder = me
                continue
            toks.add(word[remainder:ms], offset + remainder, tight)
            tight = True
        if sep and sep not in _HYPHENS_AND_UNDERSCORE:
            toks.add(sep, offset + ms, tight)
            tight = True
        else:
            tight = tight and not sep  # the prefix of what follows is prefix + separator
        remainder = me
    if remainder == 0:
        toks.add(word, offset, tight)
    elif remainder < len(word):
        toks.add(word[remainder:], offset + remainder, tight)


# --- the segmenter ------------------------------------------------------------------------

_FIRST, _INNER, _TERMINAL, _END = range(4)


class _Segmenter:
    """syntok's states (`Begin`, `FirstToken`, `InnerToken`, `Terminal`, `End`) over a
    token array: the queue is the tokens from `pos` on, the sentence being collected the
    tokens from `start` to `pos`."""

    def __init__(self, toks: Tokens) -> None:
        self.v = toks.values
        self.tight = toks.tight
        self.offsets = toks.offsets
        self.n = len(self.v)
        self.pos = 0
        self.start = 0
        # The tokens syntok's InnerToken stops at, in order, and the next one to look at.
        self.stops = [i for i, value in enumerate(self.v) if value in _STOPS]
        self.stop_at = 0

    def run(self) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        state = _FIRST if self.n else _END
        while True:
            if state == _FIRST:
                state = self._first()
            elif state == _INNER:
                state = self._inner()
            else:
                if self.pos > self.start and (self.pos - self.start > 1
                                              or self.v[self.start]):
                    out.append((self.start, self.pos - 1))
                self.start = self.pos
                if state == _END or self.pos >= self.n:
                    return out
                state = _FIRST

    # --- what the queue holds next --------------------------------------------------------
    def _next(self) -> str | None:
        return self.v[self.pos] if self.pos < self.n else None

    def _last(self) -> str:
        return self.v[self.pos - 1] if self.pos > self.start else ""

    def _next_lowercase(self) -> bool:
        nxt = self._next()
        return nxt is not None and nxt[:1].islower()

    def _next_opening(self) -> bool:
        nxt = self._next()
        return nxt is not None and nxt in _OPENING

    def _next_terminal(self) -> bool:
        nxt = self._next()
        return nxt is not None and (nxt in _TERMINALS or nxt == "(")

    def _next_post_terminal(self) -> bool:
        nxt = self._next()
        return nxt is not None and (nxt in _TERMINALS or nxt in _CLOSING)

    def _next_tight(self) -> bool:
        return self.pos < self.n and self.tight[self.pos]

    def _move(self) -> bool:
        self.pos += 1
        return self.pos < self.n

    # --- the states -----------------------------------------------------------------------
    def _first(self) -> int:
        if self.pos < self.n and self._next_opening() and self._skip_bracketed() \
                and self.pos - self.start > 3 and not self._next_lowercase():
            return _TERMINAL
        if self.pos >= self.n:
            return _END
        self._move()
        if self._next_terminal():
            return self._extract(_FIRST)
        return _INNER

    def _inner(self) -> int:
        if self.pos >= self.n:
            return _END
        if self._move() and self._next_opening():
            self._skip_bracketed()
        while not self._next_terminal() and not self._next_opening():
            # syntok stays in InnerToken, moving one token at a time: go to the next stop
            self._jump()
            if self.pos >= self.n:
                return _END
            if self._next_opening():
                self._skip_bracketed()
        return self._extract(_INNER)

    def _jump(self) -> None:
        """Move to the first token after `pos` that InnerToken would stop at."""
        stops, k, pos = self.stops, self.stop_at, self.pos
        while k < len(stops) and stops[k] <= pos:
            k += 1
        self.stop_at = k
        self.pos = stops[k] if k < len(stops) else self.n

    def _extract(self, state: int) -> int:
        """syntok's `_move_and_maybe_extract_terminal`: whether the sentence ends here
        (`state`: stay in the state it was called from)."""
        before = self._last()
        if not self._next_opening():
            self._move()
        after = self._token_after_terminal()
        nxt = self._next()
        if nxt is not None and (nxt[:1].islower() or nxt in _INNER_PUNCTUATION):
            return state
        if not (state == _FIRST and _single_letter_or_roman(before)) and nxt is not None \
                and nxt in _STARTERS:
            return _TERMINAL
        if before in _ABBREVIATIONS and after not in _CLOSING:
            return state
        if nxt is not None and _keeps_going(before, after, nxt, self.tight[self.pos]):
            return state
        return self._extract_tail(state, before, after)

    def _extract_tail(self, state: int, before: str, after: str) -> int:
        if "." in before and after != ".":
            return state
        if (state == _FIRST or before.isupper()) and _single_letter_or_roman(before):
            return state
        if len(before) == 1 and before.isalpha() and before not in _VOWELS:
            return state
        if after in _OPENING:
            after_brackets = self._token_after_bracket()
            after_opening = self.v[self.pos + 1] if self.pos + 1 < self.n else ""
            if after_brackets in _INNER_PUNCTUATION:
                return state
            if after_opening.istitle():
                return _TERMINAL
            return state if after_brackets[:1].islower() else _TERMINAL
        return _TERMINAL

    def _token_after_terminal(self) -> str:
        """syntok's `__move_to_next_relevant_word_and_return_token_after_terminal`."""
        token: str | None = None
        if self._next_opening() and self._last() not in _TERMINALS:
            self._skip_bracketed()
        else:
            while self._next_post_terminal():
                if not self._move():
                    break
                if token is None:
                    token = self._last()
            nxt = self._next()
            if nxt is not None and nxt in _CLOSING_QUOTES and self.tight[self.pos] \
                    and self._move() and token is None:
                token = self._last()
            while self._next_post_terminal():
                if not self._move():
                    break
                if token is None:
                    token = self._last()
            if self._next_opening():
                token = self.v[self.pos]
        if token is None and self.pos < self.n:
            token = self.v[self.pos]
        return "" if token is None else token

    # --- bracketed text -------------------------------------------------------------------
    def _skip_bracketed(self) -> bool:
        """Move over bracketed text if not too long and not looking like a sentence."""
        closing, inner_sentence = self._end_of_bracketed()
        if closing > 0:
            t = self.pos + closing
            end = self.offsets[t] + len(self.v[t])
            if end - self.offsets[self.pos] < _MAX_BRACKET or not inner_sentence:
                self.pos = t + 1
                return True
        return False

    def _end_of_bracketed(self) -> tuple[int, bool]:
        """Where the bracket opened at `pos` closes (0: not within 50 tokens), and whether
        it seems to hold a sentence."""
        v, pos, n = self.v, self.pos, self.n
        depth = 1
        k = 1
        first_is_title: bool | None = None
        last_is_terminal = False
        while pos + k < n and k < 50:
            value = v[pos + k]
            if first_is_title is None and value.isalnum():
                first_is_title = value.istitle()
            elif first_is_title and value.isalnum():
                last_is_terminal = pos + k + 1 < n and v[pos + k + 1] in _TERMINALS
            if value in _OPENING:
                depth += 1
            elif value in _CLOSING:
                depth -= 1
                if depth == 0:
                    break
            k += 1
        return (k if depth == 0 else 0), bool(first_is_title and last_is_terminal)

    def _token_after_bracket(self) -> str:
        closing, inner_sentence = self._end_of_bracketed()
        if closing > 0 and not inner_sentence and self.pos + closing + 1 < self.n:
            return self.v[self.pos + closing + 1]
        return ""


def _keeps_going(before: str, after: str, nxt: str, tight: bool) -> bool:
    """syntok's middle rules, which all need a next token: numbers and months around the
    terminal, or a next token with no spacing before it."""
    if before in ("no", "No", "NO") and any(c.isnumeric() for c in nxt) and nxt.isalnum():
        return True
    if nxt.isnumeric() and tight:
        return True
    if tight and (not after.istitle() or not after.isalpha() or len(after) == 1):
        return True
    if nxt.isnumeric() and len(nxt) > 2:
        return True
    return (before.isnumeric() and nxt in _MONTHS) or (before in _MONTHS and nxt.isnumeric())


def _single_letter_or_roman(token: str) -> bool:
    return len(token) == 1 or token in _ROMAN


def segment(toks: Tokens) -> list[tuple[int, int]]:
    """The sentences syntok's `segment` yields, as (first, last) token indexes."""
    return _Segmenter(toks).run()
