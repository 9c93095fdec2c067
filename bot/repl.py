"""The interactive prompt: line editing and history (prompt_toolkit) on a terminal, a plain
line reader otherwise (pipes, scripts), over the same answering function as the CLI."""
from __future__ import annotations

import argparse
import contextlib
import io
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from bot.engine import Engine
from bot.labels import counted
from bot.loading import left_out, with_engine
from bot.settings import Settings
from bot.text_render import (
    Style,
    render_answer,
    render_quotes,
    render_sources,
    render_speakers,
    use_color,
    valid_text,
)

HELP = """Ask a question in plain words, for example:
  What did Erdogan say?
  What did Kallas say about the agreement?
  Who said the agreement was made at gunpoint?
Commands:
  :speakers        everyone who speaks, with role and number of statements
  :quotes NAME     everything one speaker said
  :source          the articles being searched
  :help            this text
  :quit            leave (Ctrl-D or Ctrl-C also leave)"""


class Repl:
    """Turns one input line into the text to print; no I/O of its own, so it is testable."""

    def __init__(self, engine: Engine, style: Style, left_out: Sequence[str] = ()) -> None:
        self.engine = engine
        self.style = style
        self.left_out = tuple(left_out)  # corpus-folder files that are not articles
        self.done = False

    def handle(self, line: str) -> str:
        line = valid_text(line).strip()
        if not line:
            return ""
        if not line.startswith(":"):
            return render_answer(self.engine.ask(line), self.style)
        command, _, rest = line[1:].partition(" ")
        command = command.lower()
        rest = rest.strip()
        if command in {"quit", "q", "exit"}:
            self.done = True
            return "Bye."
        if command in {"help", "h", "?"}:
            return HELP
        if command == "speakers":
            return render_speakers(self.engine.speakers(), self.style)
        if command == "quotes":
            if not rest:
                return "Usage: :quotes NAME  (for example  :quotes Erdogan)"
            return render_quotes(self.engine.quotes(rest), self.style)
        if command in {"source", "sources"}:
            return render_sources(self.engine.sources(), self.style, self.left_out)
        return f"Unknown command :{command}. Type :help for the list."


def _reader(settings: Settings) -> Callable[[], str]:
    """prompt_toolkit on a terminal (editing, history); input() on anything else."""
    if sys.stdin.isatty() and sys.stdout.isatty():
        from prompt_toolkit import PromptSession
        from prompt_toolkit.history import FileHistory, History, InMemoryHistory

        history: History = InMemoryHistory()
        if settings.repl.history_file:
            path = Path(settings.repl.history_file).expanduser()
            try:
                if path.is_dir():
                    raise IsADirectoryError(21, "a folder, not a file")
                path.parent.mkdir(parents=True, exist_ok=True)
                path.touch(exist_ok=True)
                history = FileHistory(str(path))
            except OSError as exc:
                print(f"parley: history not saved ({path}: {exc.strerror})", file=sys.stderr)
        session: PromptSession[str] = PromptSession(history=history)
        return lambda: session.prompt("parley> ")
    # Undecodable bytes on a pipe become U+FFFD instead of ending the session.
    if isinstance(sys.stdin, io.TextIOWrapper):
        with contextlib.suppress(ValueError, OSError):
            sys.stdin.reconfigure(errors="replace")
    return lambda: input("parley> ")


@with_engine
def run_repl(args: argparse.Namespace, settings: Settings, engine: Engine) -> int:
    repl = Repl(engine, Style(use_color(settings)),
                left_out(args, settings))
    print(f"Parley — {counted(len(engine.corpus.articles), 'article')}, "
          f"{counted(len(engine.corpus.passages), 'passage')}. Type a question, or :help.")
    read = _reader(settings)
    while not repl.done:
        try:
            line = read()
        except (EOFError, KeyboardInterrupt):
            print("Bye.")
            return 0
        out = repl.handle(line)
        if out:
            print(out, flush=True)
    return 0
