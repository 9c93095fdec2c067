"""Discord's documented limits, checked on a message payload or on a Page."""
from __future__ import annotations

import re

import discord

from bot.discord_bot import formatting as F

# a mention Discord would parse in content or an embed description (escaped ones carry U+200B)
LIVE_MENTION = re.compile(r"@(everyone|here)\b|<@[!&]?\d+>|<#\d+>")


def check_embed_dict(e: dict) -> int:
    title = e.get("title") or ""
    desc = e.get("description") or ""
    author = (e.get("author") or {}).get("name") or ""
    footer = (e.get("footer") or {}).get("text") or ""
    fields = e.get("fields") or []
    assert len(title) <= F.EMBED_TITLE_LIMIT, len(title)
    assert len(desc) <= F.EMBED_DESCRIPTION_LIMIT, len(desc)
    assert len(author) <= F.EMBED_AUTHOR_LIMIT, len(author)
    assert len(footer) <= F.EMBED_FOOTER_LIMIT, len(footer)
    assert len(fields) <= F.EMBED_FIELDS_LIMIT
    for f in fields:
        assert 0 < len(f["name"]) <= F.EMBED_FIELD_NAME_LIMIT
        assert 0 < len(f["value"]) <= F.EMBED_FIELD_VALUE_LIMIT
    return (len(title) + len(desc) + len(author) + len(footer)
            + sum(len(f["name"]) + len(f["value"]) for f in fields))


def check_payload(data: dict, *, allowed_key: str = "allowed_mentions") -> None:
    """A message body as sent to Discord: every limit kept, nothing may ping, nothing looks
    like a live mention."""
    assert data.get(allowed_key) == {"parse": []}, data.get(allowed_key)
    content = data.get("content") or ""
    assert len(content) <= F.MESSAGE_LIMIT
    embeds = data.get("embeds") or []
    assert len(embeds) <= F.EMBEDS_PER_MESSAGE
    assert sum(check_embed_dict(e) for e in embeds) <= F.EMBED_TOTAL_LIMIT
    for text in [content] + [e.get("description") or "" for e in embeds] + \
            [e.get("title") or "" for e in embeds]:
        assert not LIVE_MENTION.search(text), text[:300]


def page_payload(page: F.Page) -> dict:
    kw = page.kwargs()
    am = kw["allowed_mentions"]
    assert isinstance(am, discord.AllowedMentions)
    return {"content": kw["content"], "embeds": [e.to_dict() for e in kw["embeds"]],
            "allowed_mentions": am.to_dict()}
