"""Terminal text: lines within the width, words never cut, colour only as asked."""
from __future__ import annotations

import pytest
from rich.cells import cell_len

from bot.terminal_text import MAX_WIDTH, Style, terminal_width
from bot.text_render import render_answer, render_quotes, render_sources, render_speakers
from retrieval.answering.engine import open_parley

QUESTIONS = ["What did Erdogan say?", "Moscow Ukraine Russia Kyiv peace",
             "Who said the agreement was made at gunpoint?", "zebra xylophone"]


@pytest.fixture(scope="module")
def engine():
    return open_parley()[0]


def _renders(engine, style):
    yield from (render_answer(engine.ask(q, top_k=5), style) for q in QUESTIONS)
    yield render_speakers(engine.speakers(), style)
    yield render_quotes(engine.quotes("Cavusoglu"), style)
    yield render_sources(engine.sources(), style, ["/a/folder/README.md"], "… and 3 more.")


@pytest.mark.parametrize("width", [20, 50, 88, 160])
def test_every_rendered_line_fits_the_width(engine, width):
    for text in _renders(engine, Style(False, width)):
        assert [line for line in text.splitlines() if cell_len(line) > width] == []


@pytest.mark.parametrize("width", [30, 50, 88])
def test_wrapping_never_cuts_a_word_that_fits_on_a_line(engine, width):
    narrow, wide = Style(False, width), Style(False, 10_000)
    for cut, whole in zip(_renders(engine, narrow), _renders(engine, wide), strict=True):
        assert "".join(cut.split()) == "".join(whole.split())  # nothing lost or added
        fitting = [w for w in whole.split() if len(w) <= width - 4]  # room after an indent
        assert set(fitting) <= set(cut.split())


@pytest.mark.parametrize(("text", "width", "lines"), [
    ("東京都の会議で話しました東京", 20, ["東京都の会議で話しま", "した東京"]),  # two cells each
    ("an-overlong-hyphenated-word and more", 20, ["an-overlong-hyphenat", "ed-word and more"]),
    ("Putin-Zelenskiy meeting", 20, ["Putin-Zelenskiy", "meeting"]),  # no break at a hyphen
])
def test_lines_are_measured_in_display_cells_and_only_an_overlong_word_is_folded(
        text, width, lines):
    assert Style(False, width).paragraph(text).splitlines() == lines


def test_fields_that_do_not_fit_move_to_the_next_line_behind_the_separator():
    style = Style(False, 30)
    out = style.show(style.fields(["Istanbul talks, paragraph 11", "score 2.01"], "    "))
    assert out.splitlines() == ["    Istanbul talks, paragraph", "    11 · score 2.01"]
    out = style.show(style.fields(["Istanbul talks, headline", "score 2.01"], "    "))
    assert out.splitlines() == ["    Istanbul talks, headline", "    · score 2.01"]


@pytest.mark.parametrize(("color", "has_escapes", "mark"), [(True, True, "\x1b[1mErdogan"),
                                                            (False, False, "*Erdogan*")])
def test_colour_writes_ansi_styles_and_no_colour_writes_plain_text_with_marks(
        engine, color, has_escapes, mark):
    text = render_answer(engine.ask("What did Erdogan say?"), Style(color))
    assert ("\x1b[" in text) is has_escapes and mark in text


@pytest.mark.parametrize(("columns", "width"), [("50", 50), ("160", MAX_WIDTH), ("5", 20),
                                                ("junk", 88)])
def test_terminal_width_follows_columns_within_bounds(monkeypatch, columns, width):
    monkeypatch.setenv("COLUMNS", columns)
    import io
    assert terminal_width(io.StringIO()) == width
