"""Parley's replies on Discord: answer pages, the speakers list, one speaker's quotes, the sources.

Built from the generic pieces in `formatting` (limits, escaping, fitting, paging) and the words
shared with the terminal in `bot.labels`; every page is fitted to Discord's limits before it is
returned, so a reply can be shortened or split but never rejected.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import discord

from bot.discord_bot.formatting import (
    BUTTON_LABEL_LIMIT,
    EMBED_AUTHOR_LIMIT,
    EMBED_DESCRIPTION_LIMIT,
    EMBED_TITLE_LIMIT,
    EMBED_TOTAL_LIMIT,
    EMBEDS_PER_MESSAGE,
    MESSAGE_LIMIT,
    Link,
    Page,
    escape,
    fit_embed,
    fit_page,
    fit_text,
    pagify,
    paginate_lines,
    safe_url,
    shorten,
)
from bot.labels import counted, kind_label, mark_spans, paragraph_label
from corpus.models import Article, Speaker, SpeechKind
from retrieval.answering.records import Answer, Hit, QuotesAnswer
from retrieval.answering.sides_records import SidesAnswer

COLOUR = discord.Colour(0x2B6CB0)
NO_SPEAKER = "No named speaker"
NOTHING_FOUND = "I found nothing in the articles about that."
FULL_MESSAGES = 5  # the most messages one "Full passage" press sends
TITLE_CHARS = 200  # an article title in an embed (Discord allows 256)


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
    """'paragraph N · result R of M · quoted' (the article is the embed's title)."""
    footer = f"{paragraph_label(hit.passage.index)} \u00b7 result {hit.rank}"
    footer += f" of {of}" if of else ""
    return footer + (f" \u00b7 {kind_label(kind)}" if kind else "")


def _hit_title(hit: Hit) -> str:
    return fit_text(hit.article.title or hit.article.id, TITLE_CHARS, render=escape)


def hit_embed(hit: Hit, *, total: int = EMBED_TOTAL_LIMIT, of: int | None = None) -> discord.Embed:
    """One result: speaker as author, highlighted passage, the article as its title (linked to
    the article's `URL:` when it has one), paragraph and result in the footer."""
    speaker, kind = _speaker_and_kind(hit)
    author = fit_text(speaker_line(speaker), EMBED_AUTHOR_LIMIT)
    footer = _hit_footer(hit, kind, of)
    title = _hit_title(hit)
    budget = min(EMBED_DESCRIPTION_LIMIT, total - len(author) - len(footer) - len(title))
    if budget < 200:  # tiny share: give the passage room, shorten the title instead
        title = fit_text(hit.article.title or hit.article.id, 60, render=escape)
        budget = min(EMBED_DESCRIPTION_LIMIT, total - len(author) - len(footer) - len(title))
    description = fit_text(hit.passage.text, max(1, budget),
                           render=lambda s: highlight(s, hit.highlights))
    embed = discord.Embed(title=title, url=safe_url(hit.article.url), description=description,
                          colour=COLOUR)
    embed.set_author(name=author)
    embed.set_footer(text=footer)
    return fit_embed(embed, total)


def was_shortened(hit: Hit, embed: discord.Embed) -> bool:
    """True when `embed` shows less than the whole passage of `hit`."""
    return embed.description != highlight(hit.passage.text, hit.highlights)


def full_passages(hits: Sequence[Hit]) -> tuple[str, ...]:
    """The whole passages of `hits`, each headed by where it is from, as messages of at most
    2,000 characters (what the "Full passage" button shows; at most FULL_MESSAGES of them)."""
    messages: list[str] = []
    for h in hits:
        head = f"**{_hit_title(h)}**, {paragraph_label(h.passage.index)}"
        body = highlight(h.passage.text, h.highlights)
        messages.extend(pagify(f"{head}\n{body}", MESSAGE_LIMIT))
    if len(messages) > FULL_MESSAGES:
        left = sum(map(len, messages[FULL_MESSAGES:]))
        messages = messages[:FULL_MESSAGES]
        note = f"\n*(cut here: about {left:,} more characters; `parley ask` shows it whole)*"
        messages[-1] = shorten(messages[-1], MESSAGE_LIMIT - len(note)) + note
    return tuple(messages)


def article_links(hits: Sequence[Hit]) -> tuple[Link, ...]:
    """One link button per article of `hits` that has a `URL:`, in the order they appear."""
    links: dict[str, Link] = {}
    for h in hits:
        url = safe_url(h.article.url)
        if url and url not in links:
            label = fit_text(f"{len(links) + 1}. {h.article.title or h.article.id}",
                             BUTTON_LABEL_LIMIT)
            links[url] = Link(label, url)
    return tuple(links.values())


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
    if isinstance(answer, SidesAnswer):  # a comparison or a timeline
        from bot.discord_bot.sides_embeds import sides_pages

        return sides_pages(answer)
    if not answer.results:
        return []
    per_page = max(1, min(per_page, EMBEDS_PER_MESSAGE))
    chunks = [answer.results[i:i + per_page] for i in range(0, len(answer.results), per_page)]
    pages = []
    for n, chunk in enumerate(chunks):
        share = EMBED_TOTAL_LIMIT // len(chunk)
        embeds = [hit_embed(h, total=share, of=len(answer.results)) for h in chunk]
        shortened = [h for h, e in zip(chunk, embeds, strict=True) if was_shortened(h, e)]
        page = Page(answer_header(answer, page=n, pages=len(chunks)), embeds,
                    links=article_links(chunk), full_text=full_passages(shortened),
                    label=f"Results {chunk[0].rank}\u2013{chunk[-1].rank}")
        pages.append(fit_page(page))
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
