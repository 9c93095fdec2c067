"""The interactive prompt, over the same answering function as the CLI: a question or a
`:command` per line (read by bot.repl_input), the reply wrapped to the terminal's width, and
a reply taller than the terminal shown through the pager (bot.pager)."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from bot.engine import Engine
from bot.labels import counted
from bot.loading import left_out, with_engine
from bot.pager import page
from bot.repl_input import NameIndex, plain_reader, terminal_reader
from bot.settings import Settings
from bot.terminal_text import terminal_height, terminal_width
from bot.text_render import (
    Style,
    render_answer,
    render_hits,
    render_quotes,
    render_sources,
    render_speakers,
    use_color,
    valid_text,
)
from retrieval.options import DEFAULT_TOP_K, MAX_TOP_K

EXAMPLES = ("What did Erdogan say?", "What did Kallas say about the agreement?",
            "Who said the agreement was made at gunpoint?",
            "Did Kallas say \u201cmade at gunpoint\u201d?")
COMMANDS = (
    (":more", "the next results of the last answer"),
    (":top N", f"show N results for each question (1-{MAX_TOP_K})"),
    (":speakers", "everyone who speaks, with role and number of statements"),
    (":quotes NAME", "everything one speaker said"),
    (":check NAME \"WORDS\"", "did they say it? (exact, reported, close, someone else's or "
                             "not found)"),
    (":source", "the articles being searched"),
    (":help", "this text"),
    (":quit", "leave (so does Ctrl-D, and Ctrl-C at an empty prompt; Ctrl-C on a typed "
              "line clears it)"),
)
COMMAND_WORDS = tuple(usage.split()[0] for usage, _ in COMMANDS)
TIPS = ("Tab completes commands and speaker names; a long reply opens in your pager. "
        "Commands may start with / as on Discord.")
# A line of only one of these words means the command, as in most prompts: nobody searches
# the articles for "help".
BARE_COMMANDS = frozenset({"help", "quit", "exit"})
QUOTE_MARKS = "\"\u201c\u201d\u2018\u2019'"
CHECK_USAGE = 'Usage: :check NAME "WORDS"  (for example  :check Kallas "made at gunpoint")'


def help_text(style: Style) -> str:
    """What :help shows, wrapped to the width: examples, then each command beside its use."""
    lines = style.wrap("Ask a question in plain words, for example:")
    for example in EXAMPLES:
        lines += style.wrap(example, "  ")
    lines += style.wrap("Commands:")
    width = max(len(usage) for usage, _ in COMMANDS)
    for usage, does in COMMANDS:
        lines += style.wrap(does, f"  {usage:<{width}}  ")
    lines += style.wrap(TIPS)
    return style.show(lines)


class Repl:
    """Turns one input line into the text to print; no I/O of its own, so it is testable.
    Remembers the last question, for :more, and the number of results, for :top."""

    def __init__(self, engine: Engine, style: Style, left_out: Sequence[str] = (),
                 top_k: int = DEFAULT_TOP_K) -> None:
        self.engine = engine
        self.style = style
        self.left_out = tuple(left_out)  # corpus-folder files that are not articles
        self.top_k = top_k
        self.last: tuple[str, int] | None = None  # the last question, and results shown
        self.done = False

    def handle(self, line: str) -> str:
        line = valid_text(line).strip()
        if not line:
            return ""
        if line.lower() in BARE_COMMANDS:
            return self._command(line.lower(), "")
        if not line.startswith((":", "/")):
            answer = self.engine.ask(line, top_k=self.top_k)
            self.last = (line, len(answer.results))
            return render_answer(answer, self.style)
        command, _, rest = line[1:].partition(" ")
        return self._command(command.lower(), rest.strip())

    def _command(self, command: str, rest: str) -> str:
        if command in {"quit", "q", "exit"}:
            self.done = True
            return "Bye."
        if command in {"help", "h", "?"}:
            return help_text(self.style)
        if command == "more":
            return self._more()
        if command == "top":
            return self._top(rest)
        if command == "speakers":
            return render_speakers(self.engine.speakers(), self.style)
        if command == "quotes":
            if not rest:
                return self.style.paragraph("Usage: :quotes NAME  (for example  :quotes "
                                            "Erdogan)")
            return render_quotes(self.engine.quotes(rest), self.style)
        if command == "check":
            return self._check(rest)
        if command in {"source", "sources"}:
            return render_sources(self.engine.sources(), self.style, self.left_out)
        return self.style.paragraph(f"Unknown command :{command}. Type :help for the list.")

    def _check(self, rest: str) -> str:
        """`:check Kallas "made at gunpoint"`: the speaker before the first quotation mark,
        the words inside it (a closing mark is optional)."""
        speaker, mark, words = rest.partition(next((m for m in rest if m in QUOTE_MARKS), "\0"))
        words = words.strip().strip(QUOTE_MARKS).strip()
        if not mark or not speaker.strip() or not words:
            return self.style.paragraph(CHECK_USAGE)
        return render_answer(self.engine.check(speaker.strip(), words, top_k=self.top_k),
                             self.style)

    def _more(self) -> str:
        """The results after those shown, for the last question: asked again for more, so
        they are exactly what the answering function ranks next."""
        if self.last is None:
            return self.style.paragraph("Ask a question first; :more then shows its next "
                                        "results.")
        question, shown = self.last
        if shown >= MAX_TOP_K:
            return self.style.paragraph(f"Parley shows at most {MAX_TOP_K} results for one "
                                        "question.")
        answer = self.engine.ask(question, top_k=min(shown + self.top_k, MAX_TOP_K))
        new = [hit for hit in answer.results if hit.rank > shown]
        if not new:
            return self.style.paragraph(f"No more results for “{question}”.")
        self.last = (question, shown + len(new))
        return render_hits(new, self.style)

    def _top(self, rest: str) -> str:
        if not rest:
            return self.style.paragraph(f"{counted(self.top_k, 'result')} for each question; "
                                        f":top N changes it (1-{MAX_TOP_K}).")
        if not rest.isdigit() or not 1 <= int(rest) <= MAX_TOP_K:
            return self.style.paragraph(f":top takes a whole number from 1 to {MAX_TOP_K}, "
                                        f"not {rest!r}.")
        self.top_k = int(rest)
        return self.style.paragraph(f"{counted(self.top_k, 'result')} for each question from "
                                    "now on.")


def _show(text: str, on_terminal: bool) -> None:
    """Print the reply, through the pager when it is taller than the terminal."""
    height = terminal_height() if on_terminal else None
    if height is not None and text.count("\n") + 1 >= height:
        page(text)
    else:
        print(text, flush=True)


@with_engine
def run_repl(args: argparse.Namespace, settings: Settings, engine: Engine) -> int:
    color = use_color(settings)
    repl = Repl(engine, Style(color, terminal_width()), left_out(args, settings), settings.top_k)
    print(repl.style.paragraph(
        f"Parley — {counted(len(engine.corpus.articles), 'article')}, "
        f"{counted(len(engine.corpus.passages), 'passage')}. Type a question, or :help."))
    on_terminal = sys.stdin.isatty() and sys.stdout.isatty()
    names = NameIndex(lambda: ((r.speaker.name, r.speaker.role) for r in engine.speakers()))
    read = terminal_reader(settings, COMMAND_WORDS, names) if on_terminal else plain_reader()
    while not repl.done:
        try:
            line = read()
        except EOFError:
            print("Bye.")
            return 0
        repl.style = Style(color, terminal_width())  # the terminal may have been resized
        out = repl.handle(line)
        if out:
            _show(out, on_terminal)
    return 0
