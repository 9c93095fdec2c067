"""Comparisons and timelines as terminal text: columns when wide enough, one side after the
other when not, every line within the width; the REPL shows the same."""
from __future__ import annotations

import pytest
from rich.cells import cell_len

from bot.repl import Repl
from bot.sides_render import COLUMN_MIN, columns_fit
from bot.text_render import Style, render_answer
from retrieval.answering.engine import Parley
from tests.retrieval.answering.sides_corpus import ARTICLES
from tests.retrieval.answering.small_corpus import parley_over

COMPARE = "compare what Labour and the Tories said about tax"


@pytest.fixture(scope="module")
def parley(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


@pytest.mark.parametrize(("sides", "width", "fit"), [
    (2, 2 * COLUMN_MIN + 3, True), (2, 2 * COLUMN_MIN + 2, False), (3, 100, False),
    (3, 3 * COLUMN_MIN + 6, True), (1, 100, False),
])
def test_columns_only_when_each_is_wide_enough(sides: int, width: int, fit: bool) -> None:
    assert columns_fit(sides, width) is fit


@pytest.mark.parametrize("width", [40, 60, 75, 88, 100])
def test_every_line_fits_the_width(parley: Parley, width: int) -> None:
    for question in (COMPARE, "What has Erdogan said over time?",
                     "What do Russia and Ukraine say about security guarantees?"):
        out = render_answer(parley.ask(question), Style(False, width))
        assert all(cell_len(line) <= width for line in out.splitlines()), question


def test_wide_output_puts_the_sides_side_by_side(parley: Parley) -> None:
    out = render_answer(parley.ask(COMPARE), Style(False, 100)).splitlines()
    row = next(line for line in out if line.startswith("Labour"))
    assert "\u2502 the Tories (Michael Howard)" in row
    assert any("*tax*" in line for line in out)


def test_narrow_output_puts_one_side_after_the_other(parley: Parley) -> None:
    out = render_answer(parley.ask(COMPARE), Style(False, 60))
    assert "\u2502" not in out
    assert out.index("Labour (Stephen Pound)") < out.index("the Tories (Michael Howard)")


def test_colour_marks_words_without_the_plain_stars(parley: Parley) -> None:
    out = render_answer(parley.ask(COMPARE), Style(True, 100))
    assert "\x1b[" in out and "*tax*" not in out


def test_the_repl_shows_the_comparison_and_the_timeline(parley: Parley) -> None:
    repl = Repl(parley, Style(False, 100))
    assert "\u2502 the Tories (Michael Howard)" in repl.handle(COMPARE)
    timeline = repl.handle("What has Erdogan said over time?")
    assert timeline.index("Tuesday 1 March 2022") < timeline.index("undated \u2014")
    assert "No more results" in repl.handle(":more")
