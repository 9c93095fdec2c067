"""Words the terminal and Discord share for comparisons and timelines (no styling, no
discord import): a side's heading, where a statement is, an article's date."""
from __future__ import annotations

from bot.labels import counted, paragraph_label
from retrieval.answering.records import Hit
from retrieval.answering.sides_records import ArticleStatements, Side

__all__ = ["side_heading", "statement_spans", "date_label", "statement_who", "statement_place"]


def side_heading(side: Side) -> str:
    """"Russia" and who it stands for: one speaker by name, several counted."""
    if not side.speakers:
        return side.typed
    if len(side.speakers) == 1 and side.speakers[0].name.casefold() != side.typed.casefold():
        return f"{side.typed} ({side.speakers[0].name})"
    if len(side.speakers) == 1:
        return side.typed
    return f"{side.typed} ({counted(len(side.speakers), 'speaker')})"


def statement_spans(hit: Hit) -> tuple[tuple[int, int], ...]:
    """The matched words' spans within the statement's own sentence."""
    s = hit.sentence
    return tuple((max(a, s.start) - s.start, min(b, s.end) - s.start)
                 for a, b in hit.highlights if a < s.end and b > s.start)


def statement_who(hit: Hit) -> str:
    who = hit.speaker
    return who.label() if who is not None else "no speaker"


def statement_place(hit: Hit) -> str:
    return f"{hit.article.title}, {paragraph_label(hit.passage.index)}"


def date_label(group: ArticleStatements) -> str:
    """The article's date as its header writes it, or that it has none Parley can read."""
    if group.date is not None:
        return group.article.date or group.date.isoformat()
    if group.article.date:
        return f"{group.article.date} (not read as a date)"
    return "undated"
