"""The long lists: who speaks (`/speakers [filter]`) and the articles (`/source [article]`).

On a big corpus these run to hundreds of pages (230 of speakers on the BBC folder), which nobody
pages through. So a list opens ranked (most statements first) and stops at LISTED entries,
saying how many more there are and how to narrow it: `/speakers filter:` matches names and
roles by fuzzy score (`fuzzy`), `/source article:` shows one article. Each page carries a label
naming its first and last entry, for the page-jump menu.
"""
from __future__ import annotations

from collections.abc import Sequence

import discord

from bot.discord_bot.embeds import COLOUR
from bot.discord_bot.formatting import (
    EMBED_FIELD_NAME_LIMIT,
    EMBED_FIELD_VALUE_LIMIT,
    SELECT_LABEL_LIMIT,
    Link,
    Page,
    escape,
    fit_embed,
    fit_page,
    fit_text,
    paginate_lines,
    safe_url,
)
from bot.discord_bot.fuzzy import article_entries, ranked, speaker_entries
from bot.labels import counted, paragraph_label, statements_summary
from corpus.models import Article
from retrieval.answering.records import SpeakerStats

LISTED_SPEAKERS = 60  # four pages of 15
LISTED_ARTICLES = 50  # five pages of 10
ARTICLES_PER_PAGE = 10
SPEAKERS_TITLE = "Who speaks in the articles"
SOURCES_TITLE = "The articles I answer from"


def _footer(n: int, pages: int, summary: str) -> str:
    return f"Page {n + 1} of {pages} \u00b7 {summary}" if pages > 1 else summary


def _range_label(first: str, last: str) -> str:
    """'First – Last': how the page-jump menu names a page of a list."""
    text = first if first == last else f"{first} \u2013 {last}"
    return fit_text(text, SELECT_LABEL_LIMIT)


def _more(shown: int, total: int, how: str) -> str | None:
    left = total - shown
    return f"{counted(left, 'more')}: {how}" if left > 0 else None


# --------------------------------------------------------------------------- speakers


def chosen_speakers(stats: Sequence[SpeakerStats], query: str) -> list[SpeakerStats]:
    """Everyone, most statements first; with `query`, those whose name or role fits it best."""
    if not query.strip():
        return sorted(stats, key=lambda s: -s.statements)
    by_name = {s.speaker.name: s for s in stats}
    return [by_name[e.value] for e in ranked(query, speaker_entries(stats), limit=len(stats))]


def speakers_pages(stats: Sequence[SpeakerStats], query: str = "") -> list[Page]:
    """The ranked speakers list (or those that fit `query`), LISTED_SPEAKERS at most."""
    chosen = chosen_speakers(stats, query)
    shown = chosen[:LISTED_SPEAKERS]
    lines = [f"**{fit_text(s.speaker.label(), 200, render=escape)}** \u2014 "
             f"{statements_summary(s)}" for s in shown]
    typed = fit_text(query, 100, render=escape)
    empty = (f"Nobody quoted in the articles fits \u201c{typed}\u201d." if query.strip()
             else "Nobody is quoted in the articles.")
    chunks = paginate_lines(lines) or [empty]
    more = _more(len(shown), len(chosen), "narrow the list with `/speakers filter:`")
    summary = counted(len(chosen), "speaker")
    pages, at = [], 0
    for n, text in enumerate(chunks):
        count = text.count("\n") + 1 if shown else 0
        names = [s.speaker.name for s in shown[at:at + count]] or [SPEAKERS_TITLE]
        at += count
        embed = discord.Embed(title=SPEAKERS_TITLE, description=text, colour=COLOUR)
        footer = _footer(n, len(chunks), summary) + (f" \u00b7 {more}" if more else "")
        embed.set_footer(text=footer)
        label = _range_label(names[0], names[-1])
        pages.append(fit_page(Page(None, [fit_embed(embed)], label=label)))
    return pages


# --------------------------------------------------------------------------- articles


def _source_field(article: Article) -> tuple[str, str]:
    """(name, value) of one article's field: title; source, date, link and length."""
    bits = [escape(article.source) if article.source else "source unknown",
            escape(article.date) if article.date else "date unknown"]
    value = " \u00b7 ".join(bits)
    url = safe_url(article.url)
    if url:
        value += f"\n<{url}>" if len(value) + len(url) + 3 <= EMBED_FIELD_VALUE_LIMIT else ""
    value += f"\n{counted(len(article.passages), 'paragraph')}"
    return (fit_text(article.title or article.id, EMBED_FIELD_NAME_LIMIT, render=escape),
            fit_text(value, EMBED_FIELD_VALUE_LIMIT))


def _link(article: Article) -> tuple[Link, ...]:
    url = safe_url(article.url)
    return (Link(fit_text(f"Open: {article.title or article.id}", 80), url),) if url else ()


def sources_pages(articles: Sequence[Article]) -> list[Page]:
    """The articles (the first LISTED_ARTICLES): title, source, date and link when known."""
    shown = list(articles[:LISTED_ARTICLES])
    chunks = [shown[i:i + ARTICLES_PER_PAGE]
              for i in range(0, len(shown), ARTICLES_PER_PAGE)] or [[]]
    more = _more(len(shown), len(articles), "pick one with `/source article:`")
    pages = []
    for n, chunk in enumerate(chunks):
        embed = discord.Embed(title=SOURCES_TITLE, colour=COLOUR)
        embed.description = more or ("No articles are loaded." if not chunk else None)
        for a in chunk:
            name, value = _source_field(a)
            embed.add_field(name=name, value=value, inline=False)
        embed.set_footer(text=_footer(n, len(chunks), counted(len(articles), "article")))
        label = (_range_label(chunk[0].title or chunk[0].id, chunk[-1].title or chunk[-1].id)
                 if chunk else None)
        pages.append(fit_page(Page(None, [fit_embed(embed)], label=label)))
    return pages


def matching_articles(articles: Sequence[Article], query: str) -> list[Article]:
    """The articles whose id is `query` (an autocomplete choice) or, failing that, whose title
    fits it best."""
    exact = [a for a in articles if a.id == query]
    if exact:
        return exact
    by_id = {a.id: a for a in articles}
    return [by_id[e.value] for e in ranked(query, article_entries(articles))]


def article_page(article: Article) -> Page:
    """One article: its title linked to its `URL:`, source, date, length and headline."""
    embed = discord.Embed(title=fit_text(article.title or article.id, 250, render=escape),
                          url=safe_url(article.url), colour=COLOUR)
    _, value = _source_field(article)
    embed.add_field(name="Source", value=value, inline=False)
    first = next((p for p in article.passages if p.index > 0), None)
    if first is not None:
        embed.description = fit_text(first.text, 600, render=escape)
        embed.set_footer(text=paragraph_label(first.index))
    return fit_page(Page(None, [fit_embed(embed)], links=_link(article)))
