"""`parley ask`, `parley passages`, `parley speakers`, `parley quotes`, `parley sources`."""
from __future__ import annotations

import argparse
import json
import sys

from parley.bot.json_output import answer_json, passages_json, speakers_json
from parley.bot.loading import LoadFailed, load_engine
from parley.bot.text_render import (
    Style, render_answer, render_passage, render_quotes, render_sources, render_speakers,
)
from parley.config import Settings


def _top_k(value: str) -> int:
    try:
        k = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--top-k must be a whole number, not {value!r}")
    if not 1 <= k <= 50:
        raise argparse.ArgumentTypeError(f"--top-k must be from 1 to 50, not {k}")
    return k


def register(sub: argparse._SubParsersAction) -> None:
    ask = sub.add_parser("ask", help="answer one question and exit")
    ask.add_argument("question", help="the question, in quotes")
    ask.add_argument("--top-k", type=_top_k, metavar="N", help="how many passages (1-50)")
    ask.add_argument("--speaker", metavar="NAME", help="only what this speaker said")
    ask.add_argument("--json", action="store_true", help="print the JSON scripting format")
    ask.set_defaults(func=cmd_ask)

    passages = sub.add_parser("passages",
                              help="list every passage with its attributed sentences")
    passages.add_argument("--json", action="store_true")
    passages.set_defaults(func=cmd_passages)

    speakers = sub.add_parser("speakers",
                              help="everyone who speaks, with role and statement count")
    speakers.add_argument("--json", action="store_true")
    speakers.set_defaults(func=cmd_speakers)

    quotes = sub.add_parser("quotes", help="everything one speaker said")
    quotes.add_argument("name")
    quotes.set_defaults(func=cmd_quotes)

    sources = sub.add_parser("sources", help="the articles in the corpus")
    sources.set_defaults(func=cmd_sources)


def _style(settings: Settings) -> Style:
    return Style(settings.repl.color and sys.stdout.isatty())


def _engine(args: argparse.Namespace, settings: Settings):
    try:
        return load_engine(args, settings)
    except LoadFailed as exc:
        print(f"parley: corpus error: {exc}", file=sys.stderr)
        return None


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    engine = _engine(args, settings)
    if engine is None:
        return 1
    answer = engine.ask(args.question, top_k=args.top_k, speaker=args.speaker)
    if args.json:
        print(json.dumps(answer_json(answer), ensure_ascii=False, indent=2))
    else:
        print(render_answer(answer, _style(settings)))
    return 0


def cmd_passages(args: argparse.Namespace, settings: Settings) -> int:
    engine = _engine(args, settings)
    if engine is None:
        return 1
    if args.json:
        print(json.dumps(passages_json(engine.corpus), ensure_ascii=False, indent=2))
        return 0
    style = _style(settings)
    for passage in engine.corpus.passages:
        print(render_passage(engine.corpus.article(passage.document), passage, style))
    return 0


def cmd_speakers(args: argparse.Namespace, settings: Settings) -> int:
    engine = _engine(args, settings)
    if engine is None:
        return 1
    rows = engine.speakers()
    if args.json:
        print(json.dumps(speakers_json(rows), ensure_ascii=False, indent=2))
    else:
        print(render_speakers(rows, _style(settings)))
    return 0


def cmd_quotes(args: argparse.Namespace, settings: Settings) -> int:
    engine = _engine(args, settings)
    if engine is None:
        return 1
    print(render_quotes(engine.quotes(args.name), _style(settings)))
    return 0


def cmd_sources(args: argparse.Namespace, settings: Settings) -> int:
    engine = _engine(args, settings)
    if engine is None:
        return 1
    print(render_sources(engine.sources(), _style(settings)))
    return 0
