"""Comparisons and timelines as terminal text: the sides in columns side by side when the
output is wide enough for each to be readable (COLUMN_MIN cells), else one after the other;
a timeline article by article, dated. Only what the answer's record holds is shown."""
from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from bot.labels import kind_label, paragraph_label
from bot.sides_labels import (
    date_label,
    side_heading,
    statement_place,
    statement_spans,
    statement_who,
)
from bot.terminal_text import Style
from bot.text_render import highlighted, safe
from retrieval.answering.compare import nothing_note
from retrieval.answering.over_time import timeline_heading
from retrieval.answering.records import Hit
from retrieval.answering.sides_records import Comparison, Side, SidesAnswer, Timeline

COLUMN_MIN = 36  # narrower columns wrap a statement into a ribbon of two-word lines
GAP = " \u2502 "
INDENT = "    "


def render_sides(answer: SidesAnswer, style: Style) -> str:
    lines: list[Text] = []
    if answer.truncation_note:
        lines += style.wrap(style.dim(f"({answer.truncation_note})"))
    if answer.message:
        lines += style.wrap(safe(answer.message))
    if answer.comparison is not None:
        lines += comparison_lines(answer.comparison, style)
    if answer.timeline is not None:
        lines += timeline_lines(answer.timeline, style)
    return style.show(lines)


def columns_fit(sides: int, width: int) -> bool:
    """Whether `sides` columns of at least COLUMN_MIN cells fit in `width`."""
    return sides > 1 and sides * COLUMN_MIN + (sides - 1) * cell_len(GAP) <= width


def comparison_lines(comparison: Comparison, style: Style) -> list[Text]:
    n = len(comparison.sides)
    if not columns_fit(n, style.width):
        out: list[Text] = []
        for side in comparison.sides:
            out += [Text("")] + side_lines(side, comparison.topic, style)
        return out
    width = (style.width - (n - 1) * cell_len(GAP)) // n
    narrow = Style(style.color, width)
    cols = [side_lines(side, comparison.topic, narrow) for side in comparison.sides]
    rows = max(len(c) for c in cols)
    out = [Text("")]
    for i in range(rows):
        row = Text()
        for j, col in enumerate(cols):
            cell = col[i] if i < len(col) else Text("")
            if j < n - 1:
                cell = cell + " " * max(0, width - cell.cell_len) + GAP
            row = row + cell
        row.rstrip()
        out.append(row)
    return out


def side_lines(side: Side, topic: str, style: Style) -> list[Text]:
    """One side: its heading, then its statements best first, or what it has instead."""
    lines = style.wrap(style.bold(safe(side_heading(side))))
    if side.nothing:
        return lines + style.wrap(style.dim(safe(nothing_note(side, topic))), INDENT)
    for hit in side.statements:
        lines += _statement(hit, style, f"[{hit.rank}] ")
    return lines


def _statement(hit: Hit, style: Style, first: str) -> list[Text]:
    head = [Text(first) + style.accent(safe(statement_who(hit)))]
    if hit.sentence.kind:
        head.append(style.dim(kind_label(hit.sentence.kind)))
    text = highlighted(hit.sentence.text, statement_spans(hit), style)
    return (style.fields(head, rest=INDENT) + style.wrap(text, INDENT)
            + style.fields([style.dim(safe(statement_place(hit)))]
                           + ([style.dim(f"score {hit.score:.2f}")] if hit.score else []),
                           INDENT))


def render_timeline(line: Timeline, style: Style) -> str:
    """`parley quotes NAME --by-date`: the heading, then every statement by article."""
    return style.show(style.wrap(safe(timeline_heading(line))) + timeline_lines(line, style))


def timeline_lines(line: Timeline, style: Style) -> list[Text]:
    out: list[Text] = []
    for group in line.articles:
        out += [Text("")] + style.wrap(
            style.bold(safe(f"{date_label(group)} \u2014 {group.article.title}")))
        for hit in group.statements:
            out += style.wrap(highlighted(hit.sentence.text, statement_spans(hit), style),
                              "  \u2022 ", INDENT)
            who = [style.accent(safe(statement_who(hit)))]
            if hit.sentence.kind:
                who.append(style.dim(kind_label(hit.sentence.kind)))
            who.append(style.dim(paragraph_label(hit.passage.index)))
            out += style.fields(who, INDENT)
    return out
