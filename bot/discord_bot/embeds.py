"""Parley's replies on Discord: answer pages, the speakers list, one speaker's quotes, the sources.

Built from the generic pieces in `formatting` (limits, escaping, fitting, paging) and the words
shared with the terminal in `bot.labels`; every page is fitted to Discord's limits before it is
returned, so a reply can be shortened or split but never rejected.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import discord

from bot.discord_bot.formatting import (
    EMBED_AUTHOR_LIMIT,
    EMBED_DESCRIPTION_LIMIT,
    EMBED_FIELD_NAME_LIMIT,
    EMBED_FIELD_VALUE_LIMIT,
    EMBED_FIELDS_LIMIT,
    EMBED_FOOTER_LIMIT,
    EMBED_TITLE_LIMIT,
    EMBED_TOTAL_LIMIT,
    EMBEDS_PER_MESSAGE,
    MESSAGE_LIMIT,
    Page,
    escape,
    fit_embed,
    fit_page,
    fit_text,
    paginate_lines,
    shorten,
)
from bot.labels import counted, kind_label, mark_spans, paragraph_label, statements_summary
from corpus.models import Article, Speaker, SpeechKind
from retrieval.answering.records import Answer, Hit, QuotesAnswer, SpeakerStats

COLOUR = discord.Colour(0x2B6CB0)
NO_SPEAKER = "No named speaker"
NOTHING_FOUND = "I found nothing in the articles about that."


def _bold(text: str) -> str:
    return f"**{escape(text)}**"


def highlight(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Escape `text` for Markdown and wrap the engine's spans (matched words) in bold."""
    return mark_spans(text, spans, escape, _bold)


def speaker_line(speaker: Speaker | None) -> str:
    """Plain (unescaped) author line: embed author names are not Markdown-rendered."""
    return speaker.label() if speaker is not None else NO_SPEAKER


def question_line(question: str, *, limit: int = 300) -> str:
    """The asker's question echoed back: shortened, Markdown and mentions escaped."""
    flat = " ".join(question.split())
    return "**Q:** " + fit_text(flat, limit, render=escape)


# --------------------------------------------------------------------------- answers


def _speaker_and_kind(hit: Hit) -> tuple[Speaker | None, SpeechKind | None]:
    """Who speaks in the best sentence, and how; nobody in a passage without sentences."""
    try:
        speaker, kind = hit.speaker, hit.sentence.kind
    except IndexError:
        return None, None
    return speaker, (kind if speaker is not None else None)


def _hit_footer(hit: Hit, kind: SpeechKind | None, of: int | None) -> str:
    """'Title · paragraph N · result R of M · quoted'; a long title is cut first."""
    where = f"{hit.article.title} \u00b7 {paragraph_label(hit.passage.index)}"
    tail = f" \u00b7 result {hit.rank}" + (f" of {of}" if of else "")
    tail += f" \u00b7 {kind_label(kind)}" if kind else ""
    title = fit_text(hit.article.title, max(1, EMBED_FOOTER_LIMIT // 2))
    return fit_text(title + where[len(hit.article.title):] + tail, EMBED_FOOTER_LIMIT)


def hit_embed(hit: Hit, *, total: int = EMBED_TOTAL_LIMIT, of: int | None = None) -> discord.Embed:
    """One result: speaker as author, highlighted passage, article and paragraph in the footer."""
    speaker, kind = _speaker_and_kind(hit)
    author = fit_text(speaker_line(speaker), EMBED_AUTHOR_LIMIT)
    footer = _hit_footer(hit, kind, of)
    budget = min(EMBED_DESCRIPTION_LIMIT, total - len(author) - len(footer))
    if budget < 200:  # tiny share: give the passage room, shorten the footer instead
        footer = fit_text(footer, 100)
        budget = min(EMBED_DESCRIPTION_LIMIT, total - len(author) - len(footer))
    description = fit_text(hit.passage.text, max(1, budget),
                           render=lambda s: highlight(s, hit.highlights))
    embed = discord.Embed(description=description, colour=COLOUR)
    embed.set_author(name=author)
    embed.set_footer(text=footer)
    return fit_embed(embed, total)


def answer_header(answer: Answer, *, page: int = 0, pages: int = 1) -> str:
    lines = [question_line(answer.question)]
    if answer.truncation_note:
        lines.append(f"*({answer.truncation_note})*")
    if answer.message:
        lines.append(fit_text(answer.message, 600, render=escape))
    if answer.unmatched_words:
        words = ", ".join(answer.unmatched_words[:8])
        lines.append("*(Not in the articles: " + fit_text(words, 200, render=escape) + ")*")
    if pages > 1:
        lines.append(f"Page {page + 1} of {pages}")
    return shorten("\n".join(lines), MESSAGE_LIMIT)


def answer_pages(answer: Answer, per_page: int) -> list[Page]:
    """The reply to a question, `per_page` results per message. Empty when nothing was found."""
    if not answer.results:
        return []
    per_page = max(1, min(per_page, EMBEDS_PER_MESSAGE))
    chunks = [answer.results[i:i + per_page] for i in range(0, len(answer.results), per_page)]
    pages = []
    for n, chunk in enumerate(chunks):
        share = EMBED_TOTAL_LIMIT // len(chunk)
        embeds = [hit_embed(h, total=share, of=len(answer.results)) for h in chunk]
        pages.append(fit_page(Page(answer_header(answer, page=n, pages=len(chunks)), embeds)))
    return pages


def nothing_found(answer: Answer | QuotesAnswer) -> str:
    """The short, friendly (ephemeral) reply when there are no results."""
    truncation = answer.truncation_note if isinstance(answer, Answer) else None
    note = f"*({truncation})*\n" if truncation else ""
    words = answer.message or NOTHING_FOUND  # the engine's words for the user, when it has any
    return note + fit_text(words, MESSAGE_LIMIT - len(note), render=escape)


# --------------------------------------------------------------------------- lists


def _paged_footer(n: int, pages: int, summary: str) -> str:
    return f"Page {n + 1} of {pages} \u00b7 {summary}" if pages > 1 else summary


def speakers_pages(stats: Sequence[SpeakerStats]) -> list[Page]:
    lines = [f"**{fit_text(s.speaker.label(), 200, render=escape)}** \u2014 "
             f"{statements_summary(s)}" for s in stats]
    chunks = paginate_lines(lines) or ["Nobody is quoted in the articles."]
    pages = []
    for n, text in enumerate(chunks):
        embed = discord.Embed(title="Who speaks in the articles", description=text, colour=COLOUR)
        if len(chunks) > 1:
            embed.set_footer(text=_paged_footer(n, len(chunks), f"{len(stats)} speakers"))
        pages.append(fit_page(Page(None, [fit_embed(embed)])))
    return pages


def _quote_line(article: Article, index: int, text: str, kind: SpeechKind | None) -> str:
    quote = fit_text(" ".join(text.split()), 700, render=escape)
    source = fit_text(article.title, 150, render=escape)
    mark = f" ({kind_label(kind)})" if kind == "reported" else ""  # direct speech goes unmarked
    return f"\u201c{quote}\u201d{mark}\n\u2014 *{source}*, {paragraph_label(index)}"


def quotes_pages(qa: QuotesAnswer) -> list[Page]:
    """Everything one speaker said, a few statements per page. Empty when there is nothing."""
    if qa.speaker is None or not qa.statements:
        return []
    lines = [_quote_line(article, passage.index, sentence.text, sentence.kind)
             for article, passage, sentence in qa.statements]
    chunks = paginate_lines(lines, max_lines=5, sep="\n\n")
    summary = counted(len(qa.statements), "statement")
    pages = []
    for n, text in enumerate(chunks):
        embed = discord.Embed(description=text, colour=COLOUR)
        embed.set_author(name=fit_text(qa.speaker.label(), EMBED_AUTHOR_LIMIT))
        embed.title = fit_text(f"What {qa.speaker.name} said", EMBED_TITLE_LIMIT, render=escape)
        embed.set_footer(text=_paged_footer(n, len(chunks), summary))
        content = fit_text(qa.message, 600, render=escape) if qa.message else None
        pages.append(fit_page(Page(content, [fit_embed(embed)])))
    return pages


def _safe_url(url: str | None) -> str | None:
    if url and re.fullmatch(r"https?://\S{1,500}", url):
        return url
    return None


def _source_field(article: Article) -> tuple[str, str]:
    """(name, value) of one article's field: title; source, date, link and length."""
    bits = [escape(article.source) if article.source else "source unknown",
            escape(article.date) if article.date else "date unknown"]
    value = " \u00b7 ".join(bits)
    url = _safe_url(article.url)
    if url:
        value += f"\n<{url}>" if len(value) + len(url) + 3 <= EMBED_FIELD_VALUE_LIMIT else ""
    value += f"\n{counted(len(article.passages), 'paragraph')}"
    return (fit_text(article.title or article.id, EMBED_FIELD_NAME_LIMIT, render=escape),
            fit_text(value, EMBED_FIELD_VALUE_LIMIT))


def sources_pages(articles: Sequence[Article], *, per_page: int = 10) -> list[Page]:
    """Articles: title, source, date and link when known, as embed fields."""
    per_page = max(1, min(per_page, EMBED_FIELDS_LIMIT))
    pages = []
    chunks = [articles[i:i + per_page] for i in range(0, len(articles), per_page)] or [[]]
    for n, chunk in enumerate(chunks):
        embed = discord.Embed(title="The articles I answer from", colour=COLOUR)
        if not chunk:
            embed.description = "No articles are loaded."
        for a in chunk:
            name, value = _source_field(a)
            embed.add_field(name=name, value=value, inline=False)
        embed.set_footer(text=_paged_footer(n, len(chunks), counted(len(articles), "article")))
        pages.append(fit_page(Page(None, [fit_embed(embed)])))
    return pages
