"""Reply formatting for Discord, and Discord's size limits.

Modelled on Red-DiscordBot's `chat_formatting` (escape, bold, pagify): small pure functions,
each keeping one limit, so a reply can be shortened or split but never rejected by Discord.

Every piece of text is shortened *before* it is escaped and marked up (`fit_text`), so a cut
never splits an escape sequence or leaves a `**` unpaired; cuts fall on word boundaries and end
with an ellipsis. `fit_embed` and `fit_page` are a last safety net over whole embeds/messages.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import discord

from bot.text_render import valid_text
from corpus.models import Article, Speaker
from retrieval.answering.records import Answer, Hit, QuotesAnswer, SpeakerStats

# Discord's documented limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits)
MESSAGE_LIMIT = 2000
EMBED_TITLE_LIMIT = 256
EMBED_DESCRIPTION_LIMIT = 4096
EMBED_FIELDS_LIMIT = 25
EMBED_FIELD_NAME_LIMIT = 256
EMBED_FIELD_VALUE_LIMIT = 1024
EMBED_FOOTER_LIMIT = 2048
EMBED_AUTHOR_LIMIT = 256
EMBED_TOTAL_LIMIT = 6000  # summed over every embed of one message
EMBEDS_PER_MESSAGE = 10
CHOICE_NAME_LIMIT = 100  # autocomplete choices
CHOICES_LIMIT = 25

ELLIPSIS = "\u2026"
COLOUR = discord.Colour(0x2B6CB0)
NO_SPEAKER = "No named speaker"
NOTHING_FOUND = "I found nothing in the articles about that."
KIND_LABEL = {"direct": "quoted", "reported": "reported"}  # the CLI's words
DESCRIPTION_PAGE_CHARS = 1800  # list pages (speakers, quotes): long enough, still readable

Render = Callable[[str], str]
_MENTION_SYNTAX = re.compile(r"<([@#][!&]?)(\d)")


def _identity(text: str) -> str:
    return text


# --------------------------------------------------------------------------- escaping


def escape(text: str, *, mass_mentions: bool = True, formatting: bool = True) -> str:
    """Make user or corpus text inert: no Markdown, no @everyone/@here/role/user mentions.

    (AllowedMentions.none() on every message is the real guarantee against pings; this keeps
    the text from *looking* like a mention, too.)
    """
    text = valid_text(text)  # a lone surrogate would make the JSON body invalid UTF-8
    if mass_mentions:
        text = discord.utils.escape_mentions(text)
        text = _MENTION_SYNTAX.sub("<\\1\u200b\\2", text)  # <@1>, <@&1>, <#1> of any length
    if formatting:
        text = discord.utils.escape_markdown(text)
    return text


def bold(text: str, *, escape_formatting: bool = True) -> str:
    text = escape(text, mass_mentions=False) if escape_formatting else text
    return f"**{text}**" if text.strip() else text


def _merge_spans(spans: Iterable[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Sorted, clipped, whitespace-trimmed, non-overlapping spans; touching spans joined."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        start, end = max(0, start), min(len(text), end)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out  # touching spans were joined above: "**a****b**" would not render


def highlight(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Escape `text` for Markdown and wrap the character spans (matched words) in bold."""
    spans = _merge_spans(spans, text)
    parts: list[str] = []
    pos = 0
    for start, end in spans:
        parts.append(escape(text[pos:start]))
        parts.append(f"**{escape(text[start:end])}**")
        pos = end
    parts.append(escape(text[pos:]))
    return "".join(parts)


# --------------------------------------------------------------------------- shortening


def fit_text(raw: str, limit: int, render: Render = _identity, placeholder: str = ELLIPSIS) -> str:
    """`render(raw)`, or the longest word-boundary prefix of `raw` that renders within `limit`
    characters once `placeholder` is added. Never longer than `limit`; never raises."""
    if limit <= 0:
        return ""
    full = render(raw)
    if len(full) <= limit:
        return full
    if len(placeholder) >= limit:
        return placeholder[:limit]

    def fits(cut: int) -> str | None:
        out = render(raw[:cut].rstrip()) + placeholder
        return out if len(out) <= limit else None

    # word boundaries: the start of every whitespace run after some text
    cuts = [m.start() for m in re.finditer(r"\s+", raw) if m.start() > 0]
    best = _largest_fitting(cuts, fits)
    if best is None:  # one enormous word: cut it anywhere
        best = _largest_fitting(list(range(1, len(raw))), fits)
    return best if best is not None else placeholder


def _largest_fitting(cuts: Sequence[int], fits: Callable[[int], str | None]) -> str | None:
    lo, hi, found = 0, len(cuts) - 1, None
    while lo <= hi:  # rendered length grows with the cut: binary search
        mid = (lo + hi) // 2
        out = fits(cuts[mid])
        if out is not None:
            found, lo = out, mid + 1
        else:
            hi = mid - 1
    return found


def shorten(text: str, limit: int, placeholder: str = ELLIPSIS) -> str:
    """Shorten already-rendered text at a word boundary (safety net for finished embeds).

    Trailing lone backslashes are dropped and an unpaired `**` is closed, so Markdown survives.
    """
    if len(text) <= limit:
        return text
    if limit <= len(placeholder) + 2:
        return placeholder[:max(0, limit)]
    room = limit - len(placeholder) - 2  # keep 2 for closing an unpaired **
    cut = text[:room]
    space = max(cut.rfind(" "), cut.rfind("\n"))
    if space > room // 2:
        cut = cut[:space]
    cut = cut.rstrip()
    while cut.endswith("\\") and not cut.endswith("\\\\"):
        cut = cut[:-1]
    if bold_markers(cut) % 2:
        cut += "**"
    return cut + placeholder


def bold_markers(text: str) -> int:
    """How many unescaped `**` markers `text` has (an escaping backslash may itself be escaped)."""
    count, i = 0, 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
        elif text.startswith("**", i):
            count += 1
            i += 2
        else:
            i += 1
    return count


def pagify(text: str, *, delims: Sequence[str] = ("\n",), page_length: int = MESSAGE_LIMIT,
           priority: bool = False) -> Iterator[str]:
    """Split text into pages of at most `page_length`, cutting at the last delimiter
    (Red-DiscordBot's chat_formatting.pagify, without the mention escaping done elsewhere)."""
    in_text = text
    while len(in_text) > page_length:
        this_page = in_text[:page_length]
        if priority:
            closest = next((i for i in (this_page.rfind(d) for d in delims) if i > 0), -1)
        else:
            closest = max(this_page.rfind(d) for d in delims)
        if closest <= 0:
            space = this_page.rfind(" ")
            closest = space if space > 0 else page_length
        page, in_text = in_text[:closest], in_text[closest:].lstrip("\n ")
        if page.strip():
            yield page
    if in_text.strip():
        yield in_text


def paginate_lines(lines: Sequence[str], *, page_chars: int = DESCRIPTION_PAGE_CHARS,
                   max_lines: int = 15, sep: str = "\n") -> list[str]:
    """Group rendered lines into pages of at most `page_chars`; an over-long line is shortened."""
    pages: list[str] = []
    current: list[str] = []
    size = 0
    for line in lines:
        line = shorten(line, page_chars)
        extra = len(line) + (len(sep) if current else 0)
        if current and (size + extra > page_chars or len(current) >= max_lines):
            pages.append(sep.join(current))
            current, size = [], 0
            extra = len(line)
        current.append(line)
        size += extra
    if current:
        pages.append(sep.join(current))
    return pages


# --------------------------------------------------------------------------- limits


def embed_length(embed: discord.Embed) -> int:
    return len(embed)  # discord.Embed.__len__ counts exactly what Discord's 6,000 counts


def fit_embed(embed: discord.Embed, total: int = EMBED_TOTAL_LIMIT) -> discord.Embed:
    """Bring any embed within every per-field limit and within `total` characters."""
    if embed.title and len(embed.title) > EMBED_TITLE_LIMIT:
        embed.title = shorten(embed.title, EMBED_TITLE_LIMIT)
    if embed.description and len(embed.description) > EMBED_DESCRIPTION_LIMIT:
        embed.description = shorten(embed.description, EMBED_DESCRIPTION_LIMIT)
    if embed.author and embed.author.name and len(embed.author.name) > EMBED_AUTHOR_LIMIT:
        embed.set_author(name=shorten(embed.author.name, EMBED_AUTHOR_LIMIT),
                         url=embed.author.url, icon_url=embed.author.icon_url)
    if embed.footer and embed.footer.text and len(embed.footer.text) > EMBED_FOOTER_LIMIT:
        embed.set_footer(text=shorten(embed.footer.text, EMBED_FOOTER_LIMIT),
                         icon_url=embed.footer.icon_url)
    while len(embed.fields) > EMBED_FIELDS_LIMIT:
        embed.remove_field(len(embed.fields) - 1)
    for i, f in enumerate(list(embed.fields)):
        name = shorten(f.name or "\u200b", EMBED_FIELD_NAME_LIMIT) or "\u200b"
        value = shorten(f.value or "\u200b", EMBED_FIELD_VALUE_LIMIT) or "\u200b"
        if name != f.name or value != f.value:
            embed.set_field_at(i, name=name, value=value, inline=f.inline)
    # over the total: shorten the description, then drop trailing fields, then the footer
    excess = embed_length(embed) - total
    if excess > 0 and embed.description:
        embed.description = shorten(embed.description, max(1, len(embed.description) - excess))
    while embed_length(embed) > total and embed.fields:
        embed.remove_field(len(embed.fields) - 1)
    if embed_length(embed) > total and embed.footer and embed.footer.text:
        embed.set_footer(text=shorten(embed.footer.text, max(1, len(embed.footer.text)
                                                          - (embed_length(embed) - total))))
    if embed_length(embed) > total and embed.title:
        embed.title = shorten(embed.title, max(1, len(embed.title) - (embed_length(embed) - total)))
    return embed


@dataclass
class Page:
    """One message's worth of reply: text content and up to ten embeds."""

    content: str | None = None
    embeds: list[discord.Embed] = field(default_factory=list)

    def kwargs(self) -> dict:
        return {"content": self.content, "embeds": self.embeds,
                "allowed_mentions": discord.AllowedMentions.none()}


def fit_page(page: Page) -> Page:
    """A message within 2,000 characters of content, ten embeds and 6,000 embed characters."""
    if page.content is not None and len(page.content) > MESSAGE_LIMIT:
        page.content = shorten(page.content, MESSAGE_LIMIT)
    page.embeds = page.embeds[:EMBEDS_PER_MESSAGE]
    if page.embeds:
        share = EMBED_TOTAL_LIMIT // len(page.embeds)
        for e in page.embeds:
            fit_embed(e)
        while sum(embed_length(e) for e in page.embeds) > EMBED_TOTAL_LIMIT:
            biggest = max(page.embeds, key=embed_length)
            fit_embed(biggest, total=max(share, embed_length(biggest) - 200))
            if embed_length(biggest) <= share and sum(map(embed_length, page.embeds)) > EMBED_TOTAL_LIMIT:
                page.embeds.pop()  # cannot happen with sane shares; never loop forever
    return page


# --------------------------------------------------------------------------- answers


def speaker_line(speaker: Speaker | None) -> str:
    """Plain (unescaped) author line: embed author names are not Markdown-rendered."""
    return speaker.label() if speaker is not None else NO_SPEAKER


def paragraph_label(index: int) -> str:
    return "headline" if index == 0 else f"paragraph {index}"


def question_line(question: str, *, limit: int = 300) -> str:
    """The asker's question echoed back: shortened, Markdown and mentions escaped."""
    flat = " ".join(question.split())
    return "**Q:** " + fit_text(flat, limit, render=escape)


def hit_embed(hit: Hit, *, total: int = EMBED_TOTAL_LIMIT, of: int | None = None) -> discord.Embed:
    """One result: speaker as author, highlighted passage, article and paragraph in the footer."""
    try:
        speaker, kind = hit.speaker, hit.sentence.kind
    except IndexError:  # a passage without sentences: nobody speaks
        speaker, kind = None, None
    kind = kind if speaker is not None else None
    author = fit_text(speaker_line(speaker), EMBED_AUTHOR_LIMIT)
    where = f"{hit.article.title} \u00b7 {paragraph_label(hit.passage.index)}"
    tail = f" \u00b7 result {hit.rank}" + (f" of {of}" if of else "")
    tail += f" \u00b7 {KIND_LABEL.get(kind, kind)}" if kind else ""
    footer = fit_text(hit.article.title, max(1, EMBED_FOOTER_LIMIT // 2)) + where[len(hit.article.title):] + tail
    footer = fit_text(footer, EMBED_FOOTER_LIMIT)
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


def nothing_found(answer: Answer | QuotesAnswer | None = None) -> str:
    """The short, friendly (ephemeral) reply when there are no results."""
    message = getattr(answer, "message", None)  # the engine's words for the user, when it has any
    truncation = getattr(answer, "truncation_note", None)
    note = f"*({truncation})*\n" if truncation else ""
    return note + fit_text(message or NOTHING_FOUND, MESSAGE_LIMIT - len(note), render=escape)


def speakers_pages(stats: Sequence[SpeakerStats]) -> list[Page]:
    lines = []
    for s in stats:
        name = fit_text(s.speaker.label(), 200, render=escape)
        plural = "" if s.statements == 1 else "s"
        lines.append(f"**{name}** \u2014 {s.statements} statement{plural} "
                     f"({s.direct} quoted, {s.reported} reported)")
    chunks = paginate_lines(lines) or ["Nobody is quoted in the articles."]
    pages = []
    for n, text in enumerate(chunks):
        embed = discord.Embed(title="Who speaks in the articles", description=text, colour=COLOUR)
        if len(chunks) > 1:
            embed.set_footer(text=f"Page {n + 1} of {len(chunks)} \u00b7 {len(stats)} speakers")
        pages.append(fit_page(Page(None, [fit_embed(embed)])))
    return pages


def quotes_pages(qa: QuotesAnswer) -> list[Page]:
    """Everything one speaker said, a few statements per page. Empty when there is nothing."""
    if qa.speaker is None or not qa.statements:
        return []
    lines = []
    for article, passage, sentence in qa.statements:
        quote = fit_text(" ".join(sentence.text.split()), 700, render=escape)
        source = fit_text(article.title, 150, render=escape)
        kind = " (reported)" if sentence.kind == "reported" else ""
        lines.append(f"\u201c{quote}\u201d{kind}\n\u2014 *{source}*, {paragraph_label(passage.index)}")
    chunks = paginate_lines(lines, max_lines=5, sep="\n\n")
    pages = []
    for n, text in enumerate(chunks):
        embed = discord.Embed(description=text, colour=COLOUR)
        embed.set_author(name=fit_text(qa.speaker.label(), EMBED_AUTHOR_LIMIT))
        embed.title = fit_text(f"What {qa.speaker.name} said", EMBED_TITLE_LIMIT, render=escape)
        footer = f"{len(qa.statements)} statement{'s' if len(qa.statements) != 1 else ''}"
        if len(chunks) > 1:
            footer = f"Page {n + 1} of {len(chunks)} \u00b7 {footer}"
        embed.set_footer(text=footer)
        content = fit_text(qa.message, 600, render=escape) if qa.message else None
        pages.append(fit_page(Page(content, [fit_embed(embed)])))
    return pages


def _safe_url(url: str | None) -> str | None:
    if url and re.fullmatch(r"https?://\S{1,500}", url):
        return url
    return None


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
            bits = [escape(a.source) if a.source else "source unknown",
                    escape(a.date) if a.date else "date unknown"]
            value = " \u00b7 ".join(bits)
            url = _safe_url(a.url)
            if url:
                value += f"\n<{url}>" if len(value) + len(url) + 3 <= EMBED_FIELD_VALUE_LIMIT else ""
            value += f"\n{len(a.passages)} paragraphs"
            embed.add_field(name=fit_text(a.title or a.id, EMBED_FIELD_NAME_LIMIT, render=escape),
                            value=fit_text(value, EMBED_FIELD_VALUE_LIMIT), inline=False)
        footer = f"{len(articles)} article{'s' if len(articles) != 1 else ''}"
        if len(chunks) > 1:
            footer = f"Page {n + 1} of {len(chunks)} \u00b7 {footer}"
        embed.set_footer(text=footer)
        pages.append(fit_page(Page(None, [fit_embed(embed)])))
    return pages


def choices_for(names: Iterable[str], current: str) -> list[tuple[str, str]]:
    """Autocomplete (name, value) pairs: prefix matches first, then substring; 25 at most."""
    needle = current.casefold().strip()
    pref, sub = [], []
    for name in names:
        folded = name.casefold()
        if not needle or folded.startswith(needle) or any(w.startswith(needle) for w in folded.split()):
            pref.append(name)
        elif needle in folded:
            sub.append(name)
    out = []
    for name in (pref + sub)[:CHOICES_LIMIT]:
        label = fit_text(name, CHOICE_NAME_LIMIT)
        out.append((label, name[:CHOICE_NAME_LIMIT]))
    return out
