"""How the REPL reads a line: prompt_toolkit on a terminal (editing, history, Tab completion of
`:commands` and speaker names, Ctrl-C clearing a typed line), `input()` on anything else."""
from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from anyascii import anyascii

from bot.settings import Settings

if TYPE_CHECKING:  # imported when a terminal reader is made: prompt_toolkit takes 0.2 s
    from prompt_toolkit.completion import CompleteEvent, Completer, Completion
    from prompt_toolkit.document import Document
    from prompt_toolkit.history import History

PROMPT = "parley> "
MAX_COMPLETIONS = 40
NAME_WORDS = 3  # a name is completed from at most its first three typed words


def _fold(text: str) -> str:
    """Case and diacritics folded, so "cavus" completes "Çavuşoğlu"."""
    return anyascii(text).casefold()


class NameIndex:
    """Speaker names by the folded start of each of their words; built on first use."""

    def __init__(self, speakers: Callable[[], Iterable[tuple[str, str | None]]]) -> None:
        self._speakers = speakers
        self._entries: list[tuple[tuple[str, ...], str, str | None]] | None = None

    def _built(self) -> list[tuple[tuple[str, ...], str, str | None]]:
        if self._entries is None:
            seen: set[str] = set()
            self._entries = []
            for name, role in self._speakers():  # most statements first
                if name not in seen:
                    seen.add(name)
                    words = _fold(name).split()
                    tails = tuple(" ".join(words[i:]) for i in range(len(words)))
                    self._entries.append((tails, name, role))
        return self._entries

    def matching(self, fragment: str) -> list[tuple[str, str | None]]:
        """The names (with roles) one of whose words, or run of words, starts `fragment`."""
        key = _fold(fragment)
        return [(name, role) for tails, name, role in self._built()
                if any(tail.startswith(key) for tail in tails)][:MAX_COMPLETIONS]


def completions(text: str, commands: Sequence[str], names: NameIndex
                ) -> Iterator[tuple[str, int, str | None]]:
    """What Tab offers for the text before the cursor: (replacement, how many characters
    before the cursor it replaces, a note to show beside it)."""
    if text.startswith(":") and " " not in text:
        for command in commands:
            if command.startswith(text.lower()):
                yield command, len(text), None
        return
    words = text.split(" ")
    if not words[-1]:
        return
    for count in range(min(NAME_WORDS, len(words)), 0, -1):
        fragment = " ".join(words[-count:])
        if count > 1 and not words[-count]:
            continue
        found = names.matching(fragment)
        if found:
            for name, role in found:
                yield name, len(fragment), role
            return


def _completer(commands: Sequence[str], names: NameIndex) -> Completer:
    from prompt_toolkit.completion import Completer, Completion

    class ReplCompleter(Completer):
        def get_completions(self, document: Document, complete_event: CompleteEvent
                            ) -> Iterator[Completion]:
            for text, back, meta in completions(document.text_before_cursor, commands, names):
                yield Completion(text, start_position=-back, display_meta=meta or "")

    return ReplCompleter()


def terminal_reader(settings: Settings, commands: Sequence[str], names: NameIndex
                    ) -> Callable[[], str]:
    """prompt_toolkit's line editor. Ctrl-C on a typed line gives a fresh prompt (the line
    is dropped); at an empty prompt, like Ctrl-D, it leaves (EOFError)."""
    from prompt_toolkit import PromptSession

    session: PromptSession[str] = PromptSession(
        history=_history(settings), completer=_completer(commands, names),
        complete_while_typing=False)

    def read() -> str:
        try:
            return session.prompt(PROMPT)
        except KeyboardInterrupt:
            if session.default_buffer.text.strip():
                return ""
            raise EOFError from None

    return read


def _history(settings: Settings) -> History:
    from prompt_toolkit.history import FileHistory, InMemoryHistory

    if settings.repl.history_file:
        path = Path(settings.repl.history_file).expanduser()
        try:
            if path.is_dir():
                raise IsADirectoryError(21, "a folder, not a file")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.touch(exist_ok=True)
            return FileHistory(str(path))
        except OSError as exc:
            print(f"parley: history not saved ({path}: {exc.strerror})", file=sys.stderr)
    return InMemoryHistory()


def plain_reader() -> Callable[[], str]:
    """`input()` for pipes and scripts; undecodable bytes become U+FFFD instead of ending the
    session. Ctrl-C leaves."""
    if isinstance(sys.stdin, io.TextIOWrapper):
        with contextlib.suppress(ValueError, OSError):
            sys.stdin.reconfigure(errors="replace")

    def read() -> str:
        try:
            return input(PROMPT)
        except KeyboardInterrupt:
            raise EOFError from None

    return read
