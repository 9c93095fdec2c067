"""Comparisons and timelines on Discord: a comparison is one embed with an inline field per
side (Discord lays up to three side by side), or one page per side when the sides are too
many or too long for one embed; a timeline is pages of its articles, dated, oldest first."""
from __future__ import annotations

import discord

from bot.discord_bot.embeds import COLOUR, answer_header, article_links
from bot.discord_bot.formatting import (
    EMBED_FIELD_NAME_LIMIT,
    EMBED_FIELD_VALUE_LIMIT,
    EMBED_TITLE_LIMIT,
    EMBED_TOTAL_LIMIT,
    Page,
    escape,
    fit_embed,
    fit_page,
    fit_text,
    paginate_lines,
)
from bot.labels import counted, kind_label, mark_spans, paragraph_label
from bot.sides_labels import date_label, side_heading, statement_spans, statement_who
from retrieval.answering.compare import nothing_note
from retrieval.answering.over_time import timeline_heading
from retrieval.answering.records import Hit
from retrieval.answering.sides_records import Comparison, Side, SidesAnswer, Timeline

INLINE_SIDES = 3  # more sides than Discord shows in one row: a page per side
HEADER_ROOM = 400  # what an embed's title and footer may take of the message's 6,000


def sides_pages(answer: SidesAnswer) -> list[Page]:
    """The reply to a comparison or a timeline question; never empty."""
    if answer.comparison is not None:
        return comparison_pages(answer)
    if answer.timeline is not None and answer.timeline.articles:
        return timeline_pages(answer, answer.timeline)
    return [fit_page(Page(answer_header(answer)))]


def by_date_pages(line: Timeline) -> list[Page]:
    """/quotes with by_date: the timeline under its heading; never empty."""
    answer = SidesAnswer(f"{line.typed} by date", "speaker", (), timeline_heading(line),
                         timeline=line)
    return sides_pages(answer)


def _statement(hit: Hit, chars: int) -> str:
    """One statement in a field: the sentence, matched words bold, then who and where."""
    text = mark_spans(hit.sentence.text, statement_spans(hit), escape,
                      lambda w: f"**{escape(w)}**")
    quote = text if len(text) <= chars else fit_text(hit.sentence.text, chars, render=escape)
    kind = f" ({kind_label(hit.sentence.kind)})" if hit.sentence.kind else ""
    where = fit_text(hit.article.title, 120, render=escape)
    who = fit_text(statement_who(hit), 120, render=escape)
    place = paragraph_label(hit.passage.index)
    return f"\u201c{quote}\u201d\n\u2014 {who}{kind}, *{where}*, {place}"


def side_value(side: Side, topic: str, limit: int) -> str:
    """A side's field: its statements best first (as many as fit), or its nothing note."""
    if side.nothing:
        return fit_text(nothing_note(side, topic), limit, render=escape)
    per = max(80, limit // max(1, len(side.statements)) - 80)
    parts: list[str] = []
    for hit in side.statements:
        part = _statement(hit, per)
        if len("\n\n".join([*parts, part])) > limit:
            break
        parts.append(part)
    return "\n\n".join(parts) or fit_text(_statement(side.statements[0], per), limit)


def _embed(comparison: Comparison, sides: tuple[Side, ...], title: str) -> discord.Embed:
    embed = discord.Embed(title=fit_text(title, EMBED_TITLE_LIMIT, render=escape), colour=COLOUR)
    share = min(EMBED_FIELD_VALUE_LIMIT,
                (EMBED_TOTAL_LIMIT - HEADER_ROOM) // max(1, len(sides)) - EMBED_FIELD_NAME_LIMIT)
    for side in sides:
        embed.add_field(name=fit_text(side_heading(side), EMBED_FIELD_NAME_LIMIT),
                        value=side_value(side, comparison.topic, share), inline=True)
    embed.set_footer(text=counted(len(comparison.sides), "side"))
    return fit_embed(embed)


def comparison_pages(answer: SidesAnswer) -> list[Page]:
    comparison = answer.comparison
    assert comparison is not None
    title = f"On \u201c{comparison.topic}\u201d" if comparison.topic else "What each side says"
    hits = [h for s in comparison.sides for h in s.statements]
    if len(comparison.sides) <= INLINE_SIDES:
        page = Page(answer_header(answer), [_embed(comparison, comparison.sides, title)],
                    links=article_links(hits))
        return [fit_page(page)]
    pages = []
    for n, side in enumerate(comparison.sides):
        page = Page(answer_header(answer, page=n, pages=len(comparison.sides)),
                    [_embed(comparison, (side,), title)], links=article_links(side.statements),
                    label=fit_text(side.typed, 90))
        pages.append(fit_page(page))
    return pages


def timeline_pages(answer: SidesAnswer, line: Timeline) -> list[Page]:
    lines = []
    for group in line.articles:
        head = fit_text(f"{date_label(group)} \u2014 {group.article.title}", 250, render=escape)
        said = "\n".join(_statement(h, 400) for h in group.statements)
        lines.append(f"**{head}**\n{said}")
    chunks = paginate_lines(lines, max_lines=4, sep="\n\n")
    pages = []
    for n, text in enumerate(chunks):
        embed = discord.Embed(description=text, colour=COLOUR,
                              title=fit_text(f"{line.typed} over time", EMBED_TITLE_LIMIT,
                                             render=escape))
        pages.append(fit_page(Page(answer_header(answer, page=n, pages=len(chunks)),
                                   [fit_embed(embed)], label=f"Page {n + 1}")))
    return pages
