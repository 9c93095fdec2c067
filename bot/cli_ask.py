"""`parley ask`, `parley passages`, `parley speakers`, `parley quotes`, `parley sources`."""
from __future__ import annotations

import argparse
import functools
import gc
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from bot.settings import Settings
from retrieval.options import MAX_TOP_K

if TYPE_CHECKING:
    from bot.engine import Engine
    from bot.text_render import Style

# The rest of the front end (bot.loading, bot.text_render, bot.json_output) is imported when
# a command runs, not when the parser is built: the command line begins walking the corpus
# files first (`retrieval.store.file_walk.walking_ahead`), and numpy, rich and the answering
# code import while the walk runs.

T = TypeVar("T")
JSON_HELP = "print JSON (the stable scripting format in the README)"
SHOWN = 50  # long listings show this many unless --all


def _speaker_name(value: str) -> str:
    from bot.text_render import valid_text
    if not valid_text(value).strip():
        raise argparse.ArgumentTypeError("name a speaker, e.g. Erdogan")
    return value


def _top_k(value: str) -> int:
    try:
        k = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"--top-k must be a whole number, not {value!r}") from None
    if not 1 <= k <= MAX_TOP_K:
        raise argparse.ArgumentTypeError(f"--top-k must be from 1 to {MAX_TOP_K}, not {k}")
    return k


def register(sub: argparse._SubParsersAction) -> None:
    ask = sub.add_parser("ask", help="answer one question and exit")
    ask.add_argument("question", help="the question, in quotes")
    ask.add_argument("--top-k", type=_top_k, metavar="N", help=f"how many passages (1-{MAX_TOP_K})")
    ask.add_argument("--speaker", metavar="NAME", help="only what this speaker said")
    ask.add_argument("--json", action="store_true", help=JSON_HELP)
    ask.set_defaults(func=cmd_ask, opens_corpus=True)

    passages = sub.add_parser("passages",
                              help="list every passage with its attributed sentences")
    passages.add_argument("--json", action="store_true", help=JSON_HELP)
    passages.set_defaults(func=cmd_passages, opens_corpus=True)

    speakers = sub.add_parser("speakers",
                              help="everyone who speaks, with role and statement count")
    speakers.add_argument("--json", action="store_true", help=JSON_HELP)
    speakers.add_argument("--all", action="store_true",
                          help=f"list every speaker, not only the {SHOWN} most quoted")
    speakers.set_defaults(func=cmd_speakers, opens_corpus=True)

    quotes = sub.add_parser("quotes", help="everything one speaker said")
    quotes.add_argument("name", type=_speaker_name, help="the speaker, e.g. Erdogan")
    quotes.add_argument("--json", action="store_true", help=JSON_HELP)
    quotes.add_argument("--by-date", action="store_true",
                        help="grouped by article, in the order of the articles' dates "
                             "(undated last)")
    quotes.set_defaults(func=cmd_quotes, opens_corpus=True)

    sources = sub.add_parser("sources", help="the articles in the corpus")
    sources.add_argument("--json", action="store_true", help=JSON_HELP)
    sources.add_argument("--all", action="store_true",
                         help=f"list every article, not only the first {SHOWN}")
    sources.add_argument("--skipped", action="store_true",
                         help="list the files skipped while loading (unusable, or duplicates "
                              "indexed once), each with why")
    sources.set_defaults(func=cmd_sources, opens_corpus=True)


def use_color(settings: Settings) -> bool:
    """`bot.text_render.use_color` (imported when a command runs: see the imports above)."""
    from bot.text_render import use_color as colour_on
    return colour_on(settings)


def _style(settings: Settings) -> Style:
    from bot.terminal_text import terminal_width
    from bot.text_render import Style
    return Style(use_color(settings), terminal_width())


def with_engine(command: Callable[[argparse.Namespace, Settings, Engine], int]
                ) -> Callable[[argparse.Namespace, Settings], int]:
    """`bot.loading.with_engine`, imported when the command runs (see the imports above),
    with the collector paused until the engine is loaded (`_StartUp`)."""
    @functools.wraps(command)
    def run(args: argparse.Namespace, settings: Settings) -> int:
        start_up = _StartUp()

        def answering(args: argparse.Namespace, settings: Settings, engine: Engine) -> int:
            start_up.end()
            return command(args, settings, engine)
        try:
            from bot.loading import with_engine as loading_with_engine
            return loading_with_engine(answering)(args, settings)
        finally:
            start_up.end()
    return run


class _StartUp:
    """A one-shot command's start-up (its imports and the engine loaded) with the cyclic
    collector paused: the modules, numpy and the engine make a few hundred thousand objects
    that all live until the exit, and each collection of the oldest generation walked every
    one of them again (about 4% of a start's CPU at a million passages). At the end they
    are frozen (`gc.freeze`: later collections, during the answer, skip them; the memory
    goes back with the process) and the collector runs again, if it was on."""

    def __init__(self) -> None:
        self._resume = gc.isenabled()
        self._paused = True
        gc.disable()

    def end(self) -> None:
        if self._paused:
            self._paused = False
            gc.freeze()
            if self._resume:
                gc.enable()


def _shown(rows: list[T], everything: bool, noun: str) -> tuple[list[T], str | None]:
    """The first SHOWN rows, and a line saying how many more `--all` lists."""
    from bot.labels import counted
    if everything or len(rows) <= SHOWN:
        return rows, None
    rest = len(rows) - SHOWN
    return rows[:SHOWN], f"… and {counted(rest, 'more ' + noun)} (--all lists every one)."


def _emit(args: argparse.Namespace, as_json: Callable[[], object], as_text: Callable[[], str]
          ) -> int:
    if getattr(args, "json", False):
        print(json.dumps(as_json(), ensure_ascii=False, indent=2))
    else:
        print(as_text())
    return 0


@with_engine
def cmd_ask(args: argparse.Namespace, settings: Settings, engine: Engine) -> int:
    from bot.json_output import answer_json
    from bot.text_render import render_answer, valid_text
    speaker = valid_text(args.speaker) if args.speaker else args.speaker
    answer = engine.ask(valid_text(args.question), top_k=args.top_k, speaker=speaker)
    return _emit(args, lambda: answer_json(answer),
                 lambda: render_answer(answer, _style(settings)))


@with_engine
def cmd_passages(args: argparse.Namespace, settings: Settings, engine: Engine) -> int:
    from bot.json_output import passages_json
    from bot.text_render import render_passage
    style = _style(settings)
    return _emit(args, lambda: passages_json(engine.corpus), lambda: "\n".join(
        render_passage(engine.corpus.article(p.document), p, style)
        for p in engine.corpus.passages))


@with_engine
def cmd_speakers(args: argparse.Namespace, settings: Settings, engine: Engine) -> int:
    from bot.json_output import speakers_json
    from bot.text_render import render_speakers
    rows = engine.speakers()
    shown, more = _shown(rows, args.all, "speaker")
    return _emit(args, lambda: speakers_json(rows), lambda: "\n".join(
        [render_speakers(shown, _style(settings))] + ([more] if more else [])))


@with_engine
def cmd_quotes(args: argparse.Namespace, settings: Settings, engine: Engine) -> int:
    from bot.json_output import quotes_json
    from bot.text_render import render_quotes, valid_text
    if args.by_date:
        from bot.sides_json import timeline_json
        from bot.sides_render import render_timeline
        line = engine.over_time(valid_text(args.name))
        return _emit(args, lambda: timeline_json(line),
                     lambda: render_timeline(line, _style(settings)))
    answer = engine.quotes(valid_text(args.name))
    return _emit(args, lambda: quotes_json(answer),
                 lambda: render_quotes(answer, _style(settings)))


@with_engine
def cmd_sources(args: argparse.Namespace, settings: Settings, engine: Engine) -> int:
    from bot.json_output import sources_json
    from bot.loading import left_out
    from bot.text_render import render_skipped, render_sources
    articles, outside = engine.sources(), left_out(args, settings)
    if args.skipped and not args.json:
        print(render_skipped(engine.problems, _style(settings)))
        return 0
    shown, more = _shown(articles, args.all, "article")
    return _emit(args, lambda: sources_json(articles, outside, engine.problems),
                 lambda: render_sources(shown, _style(settings), outside, more))
