"""Terminal text: colour or not, and lines that fit the terminal.

rich lays the text out: it measures display cells (a CJK character takes two columns, an escape
code none), keeps a style across the line breaks it makes, never breaks a word at a hyphen and
folds only a word longer than the whole line. What Parley keeps of its own: when colour is off
(not a terminal, NO_COLOR, --no-color) nothing but plain text is written, and matched words are
marked *like this*, because bold alone would vanish; and lines are at most MAX_WIDTH columns.
"""
from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Sequence
from typing import TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from bot.settings import Settings

DEFAULT_WIDTH = 88  # off a terminal (a pipe, a file) and for renderers built without a width
MAX_WIDTH = 100     # a wider terminal still gets lines a reader's eye can follow
MIN_WIDTH = 20


def terminal_width(stream: TextIO | None = None) -> int:
    """The columns to wrap at: COLUMNS when set (as Python's shutil reads it), else the
    terminal's current width, else DEFAULT_WIDTH; never more than MAX_WIDTH."""
    return max(MIN_WIDTH, min(_columns(stream or sys.stdout) or DEFAULT_WIDTH, MAX_WIDTH))


def _columns(stream: TextIO) -> int:
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, OSError, ValueError):
        return 0


def terminal_height(stream: TextIO | None = None) -> int | None:
    """The terminal's rows (LINES first), or None off a terminal."""
    out = stream or sys.stdout
    try:
        if not out.isatty():
            return None
        return int(os.environ.get("LINES") or os.get_terminal_size(out.fileno()).lines)
    except (AttributeError, OSError, ValueError):
        return None


def use_color(settings: Settings, stream: TextIO | None = None) -> bool:
    """Colour only on a terminal, when the config allows it and NO_COLOR is not set
    (https://no-color.org: any value) and --no-color was not given."""
    out = stream or sys.stdout
    return (settings.repl.color and not os.environ.get("NO_COLOR")
            and hasattr(out, "isatty") and out.isatty())


class Style:
    """How text looks on one output: ANSI styles or plain text, wrapped to `width` columns."""

    def __init__(self, color: bool, width: int = DEFAULT_WIDTH) -> None:
        self.color = color
        self.width = max(MIN_WIDTH, width)
        # Every choice explicit, so no environment variable (FORCE_COLOR, TERM, COLUMNS)
        # changes what the renderer writes; color_system None writes no escape code at all.
        self._console = Console(file=io.StringIO(), width=self.width,
                                color_system="standard" if color else None,
                                force_terminal=color, highlight=False, markup=False,
                                emoji=False, soft_wrap=True, legacy_windows=False)

    def strong(self, text: str) -> Text:
        """A matched word: bold, or *marked* where there is no bold to see."""
        return Text(text, style="bold") if self.color else Text(f"*{text}*")

    def bold(self, text: str) -> Text:
        """A heading: bold, or plain without colour."""
        return Text(text, style="bold" if self.color else "")

    def dim(self, text: str) -> Text:
        return Text(text, style="dim" if self.color else "")

    def accent(self, text: str) -> Text:
        return Text(text, style="cyan" if self.color else "")

    def wrap(self, text: Text | str, first: str = "", rest: str | None = None) -> list[Text]:
        """`text` as lines that fit the width: the first after `first`, the others after
        `rest` (as many spaces as `first` unless given). Words are never split, except one
        longer than a whole line."""
        body = text if isinstance(text, Text) else Text(text)
        rest = " " * cell_len(first) if rest is None else rest
        room = max(1, self.width - max(cell_len(first), cell_len(rest)))
        lines = body.wrap(self._console, room, overflow="fold")
        out = []
        for i, line in enumerate(lines):
            line.rstrip()
            out.append(Text(first if i == 0 else rest) + line)
        return out or [Text(first.rstrip())]

    def fields(self, pieces: Sequence[Text | str], first: str = "", rest: str | None = None,
               sep: str = " · ") -> list[Text]:
        """Pieces joined by `sep`, as lines that fit: a piece that does not fit on the line
        moves to the next, which then opens with the separator ("· score 2.01"); a piece is
        broken only when it is longer than a line by itself."""
        rest = " " * cell_len(first) if rest is None else rest
        lines = self.wrap(pieces[0], first, rest) if pieces else [Text(first)]
        for piece in pieces[1:]:
            if lines[-1].cell_len + cell_len(sep) + cell_len(str(piece)) <= self.width:
                lines[-1] = lines[-1] + sep + piece
            else:
                lines += self.wrap(Text(sep.lstrip()) + piece, rest, rest)
        return lines

    def show(self, lines: Iterable[Text]) -> str:
        """The lines as the text to print: ANSI codes with colour, plain text without."""
        with self._console.capture() as capture:
            self._console.print(Text("\n").join(lines), end="")
        return capture.get()

    def paragraph(self, text: Text | str, first: str = "", rest: str | None = None) -> str:
        """`wrap` then `show`: one wrapped paragraph as text to print."""
        return self.show(self.wrap(text, first, rest))
