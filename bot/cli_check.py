"""`parley check "SPEAKER" "QUOTE"`: did they say it? The verdict and its evidence passage."""
from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.cli_ask import JSON_HELP, _emit, _style, _top_k, with_engine
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.engine import Engine

# As in bot.cli_ask: the rest of the front end (bot.loading, bot.text_render,
# bot.json_output, and through them numpy, rich and the answering code) is imported when the
# command runs, not when the parser is built, so that the command line begins walking the
# corpus files first and those modules import while the walk runs.


def _words(what: str, example: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        from bot.text_render import valid_text
        if not valid_text(value).strip():
            raise argparse.ArgumentTypeError(f"give the {what}, e.g. {example}")
        return value
    return check


def register(sub: argparse._SubParsersAction) -> None:
    check = sub.add_parser(
        "check", help="check a quote: did SPEAKER say QUOTE?",
        description="Check a quote against the articles: exact (a quotation of the speaker's "
                    "holds the words), reported (said in other words), close (something near "
                    "but different), other_speaker (someone else's words) or not_found; with "
                    "the passage it rests on.")
    check.add_argument("speaker", type=_words("speaker", "Kallas"),
                       help="who said it: a name, surname, role, country or organisation")
    check.add_argument("quote", type=_words("words to check", '"made at gunpoint"'),
                       help="the words, in quotes")
    check.add_argument("--top-k", type=_top_k, metavar="N", help="how many passages to show")
    check.add_argument("--json", action="store_true", help=JSON_HELP)
    check.set_defaults(func=cmd_check, opens_corpus=True)


@with_engine
def cmd_check(args: argparse.Namespace, settings: Settings, engine: Engine) -> int:
    from bot.json_output import answer_json
    from bot.text_render import render_answer, valid_text
    answer = engine.check(valid_text(args.speaker), valid_text(args.quote), top_k=args.top_k)
    return _emit(args, lambda: answer_json(answer),
                 lambda: render_answer(answer, _style(settings)))
