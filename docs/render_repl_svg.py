"""Dev tool (not a test): the REPL answering one question, drawn from the real renderer into
docs/repl.svg for the README.

    .venv/bin/python docs/render_repl_svg.py ["question"] [--width 88]

The banner and the reply are the strings `parley` prints (bot.repl, bot.text_render, with
colour) on the shipped article; rich records them and writes the SVG.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console
from rich.text import Text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.labels import counted  # noqa: E402
from bot.loading import engine_for  # noqa: E402
from bot.repl import Repl  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from bot.terminal_text import Style  # noqa: E402
from retrieval.answering.engine import SHIPPED_CORPUS  # noqa: E402

QUESTION = "Who said the agreement was made at gunpoint?"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("question", nargs="?", default=QUESTION)
    parser.add_argument("--width", type=int, default=88)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "repl.svg")
    args = parser.parse_args()
    settings = load_settings(ROOT / "config.toml", explicit=True)
    engine = engine_for(settings, [SHIPPED_CORPUS])
    repl = Repl(engine, Style(True, args.width), top_k=settings.top_k)
    banner = repl.style.paragraph(
        f"Parley — {counted(len(engine.corpus.articles), 'article')}, "
        f"{counted(len(engine.corpus.passages), 'passage')}. Type a question, or :help.")
    screen = Console(record=True, width=args.width, force_terminal=True,
                     color_system="standard", file=open("/dev/null", "w"))  # noqa: SIM115
    for text in (banner, f"parley> {args.question}", repl.handle(args.question), "parley> "):
        screen.print(Text.from_ansi(text), soft_wrap=True)
    screen.save_svg(str(args.out), title="parley")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
