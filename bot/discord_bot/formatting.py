"""Generic Discord formatting: Discord's size limits, escaping, shortening and paging text.

In the spirit of Red-DiscordBot's `chat_formatting`: small pure functions, each keeping one
limit, so a message can be shortened or split but never rejected by Discord. Nothing here knows
about Parley's answers (`embeds` builds those from these pieces).

Every piece of text is shortened *before* it is escaped and marked up (`fit_text`), so a cut
never splits an escape sequence or leaves a `**` unpaired; cuts fall on word boundaries and end
with an ellipsis. `fit_embed` and `fit_page` are a last safety net over whole embeds/messages.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import discord

from bot.text_render import valid_text

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
BUTTON_LABEL_LIMIT = 80
SELECT_OPTIONS_LIMIT = 25
SELECT_LABEL_LIMIT = 100
URL_LIMIT = 512  # a link button's url

ELLIPSIS = "\u2026"
DESCRIPTION_PAGE_CHARS = 1800  # list pages: long enough, still readable

Render = Callable[[str], str]
_MENTION_SYNTAX = re.compile(r"<([@#][!&]?)(\d)")


def _identity(text: str) -> str:
    return text


# --------------------------------------------------------------------------- escaping


def escape(text: str) -> str:
    """Make user or corpus text inert: no Markdown, no @everyone/@here/role/user mentions.

    (AllowedMentions.none() on every message is the real guarantee against pings; this keeps
    the text from *looking* like a mention, too.)
    """
    text = valid_text(text)  # a lone surrogate would make the JSON body invalid UTF-8
    text = discord.utils.escape_mentions(text)
    text = _MENTION_SYNTAX.sub("<\\1\u200b\\2", text)  # <@1>, <@&1>, <#1> of any length
    return discord.utils.escape_markdown(text)


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


# --------------------------------------------------------------------------- shortening


def fit_text(raw: str, limit: int, render: Render = _identity) -> str:
    """`render(raw)`, or the longest word-boundary prefix of `raw` that renders within `limit`
    characters once an ellipsis is added. Never longer than `limit`; never raises."""
    if limit <= 0:
        return ""
    full = render(raw)
    if len(full) <= limit:
        return full
    if len(ELLIPSIS) >= limit:
        return ELLIPSIS[:limit]

    def fits(cut: int) -> str | None:
        out = render(raw[:cut].rstrip()) + ELLIPSIS
        return out if len(out) <= limit else None

    # word boundaries: the start of every whitespace run after some text
    cuts = [m.start() for m in re.finditer(r"\s+", raw) if m.start() > 0]
    best = _largest_fitting(cuts, fits)
    if best is None:  # one enormous word: cut it anywhere
        best = _largest_fitting(list(range(1, len(raw))), fits)
    return best if best is not None else ELLIPSIS


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


def shorten(text: str, limit: int) -> str:
    """Shorten already-rendered text at a word boundary (safety net for finished embeds).

    Trailing lone backslashes are dropped and an unpaired `**` is closed, so Markdown survives.
    """
    if len(text) <= limit:
        return text
    if limit <= len(ELLIPSIS) + 2:
        return ELLIPSIS[:max(0, limit)]
    room = limit - len(ELLIPSIS) - 2  # keep 2 for closing an unpaired **
    cut = text[:room]
    space = max(cut.rfind(" "), cut.rfind("\n"))
    if space > room // 2:
        cut = cut[:space]
    cut = cut.rstrip()
    while cut.endswith("\\") and not cut.endswith("\\\\"):
        cut = cut[:-1]
    if bold_markers(cut) % 2:
        cut += "**"
    return cut + ELLIPSIS


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


def pagify(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """`text` in pieces of at most `limit` characters, cut at whitespace (Red's `pagify`).

    Rendered Markdown survives the cuts: escapes and the engine's bold spans never hold
    whitespace. A single word longer than `limit` is cut where it must be."""
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        cut = max(rest.rfind(" ", 0, limit + 1), rest.rfind("\n", 0, limit + 1))
        cut = cut if cut > limit // 2 else limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return [*pieces, rest] if rest else pieces


# --------------------------------------------------------------------------- limits


def embed_length(embed: discord.Embed) -> int:
    return len(embed)  # discord.Embed.__len__ counts exactly what Discord's 6,000 counts


def fit_embed(embed: discord.Embed, total: int = EMBED_TOTAL_LIMIT) -> discord.Embed:
    """Bring any embed within every per-field limit and within `total` characters."""
    _fit_each_part(embed)
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


def _fit_each_part(embed: discord.Embed) -> None:
    """Every part of `embed` within its own limit (the total is `fit_embed`'s business)."""
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


@dataclass(frozen=True)
class Link:
    """A link button: its label (at most 80 characters) and an http(s) address."""

    label: str
    url: str


@dataclass
class Page:
    """One message's worth of reply: text content and up to ten embeds, with what its buttons
    need: `links` to the articles, `full_text` (the whole passages its embeds had to shorten,
    already split into messages) and `label` (how the page-jump menu names this page)."""

    content: str | None = None
    embeds: list[discord.Embed] = field(default_factory=list)
    links: tuple[Link, ...] = ()
    full_text: tuple[str, ...] = ()
    label: str | None = None

    def kwargs(self) -> dict[str, Any]:
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
        while _page_length(page) > EMBED_TOTAL_LIMIT:
            biggest = max(page.embeds, key=embed_length)
            fit_embed(biggest, total=max(share, embed_length(biggest) - 200))
            if embed_length(biggest) <= share and _page_length(page) > EMBED_TOTAL_LIMIT:
                page.embeds.pop()  # cannot happen with sane shares; never loop forever
    return page


def _page_length(page: Page) -> int:
    return sum(embed_length(e) for e in page.embeds)


def safe_url(url: str | None) -> str | None:
    """`url` when it is an http(s) address a link button or embed may carry, else None."""
    if url and len(url) <= URL_LIMIT and re.fullmatch(r"https?://[^\s<>]{1,500}", url):
        return url
    return None
