"""Replies without embeds, for a channel where the bot lacks the Embed Links permission:
Discord would drop every embed and leave an empty message. Each page becomes plain text within
2,000 characters, saying which permission to grant; the buttons (links too) stay."""
from __future__ import annotations

from dataclasses import replace

import discord

from bot.discord_bot.formatting import MESSAGE_LIMIT, Page, escape, shorten

NO_EMBEDS = ("*(Plain text: I lack the **Embed Links** permission in this channel. Grant it "
             "to my role for the full layout.)*")


def interaction_embeds(interaction: discord.Interaction) -> bool:
    """Whether a reply to `interaction` may carry embeds (always, outside a server)."""
    return interaction.guild_id is None or bool(interaction.app_permissions.embed_links)


def message_embeds(message: discord.Message) -> bool:
    """Whether a reply in `message`'s channel may carry embeds (always, outside a server)."""
    guild = message.guild
    if guild is None or isinstance(message.channel, discord.abc.PrivateChannel):
        return True
    return bool(message.channel.permissions_for(guild.me).embed_links)


def _embed_text(embed: discord.Embed, limit: int) -> str:
    """An embed's parts as Markdown lines (title and description are rendered already; author
    and footer are plain text, escaped here)."""
    lines = [f"**{embed.title}**"] if embed.title else []
    if embed.author and embed.author.name:
        lines.append(f"__{escape(embed.author.name)}__")
    if embed.description:
        lines.append(embed.description)
    lines.extend(f"**{f.name}**\n{f.value}" for f in embed.fields)
    if embed.footer and embed.footer.text:
        lines.append(f"*{escape(embed.footer.text)}*")
    return shorten("\n".join(lines), limit)


def plain_page(page: Page) -> Page:
    """`page` as plain text: the note, its content, then each embed in an equal share."""
    head = "\n".join(part for part in (NO_EMBEDS, page.content) if part)
    if not page.embeds:
        return replace(page, content=shorten(head, MESSAGE_LIMIT))
    share = (MESSAGE_LIMIT - len(head)) // len(page.embeds) - 2
    bodies = [_embed_text(e, max(1, share)) for e in page.embeds]
    return replace(page, content=shorten("\n\n".join([head, *bodies]), MESSAGE_LIMIT), embeds=[])


def plain_pages(pages: list[Page]) -> list[Page]:
    return [plain_page(p) for p in pages]
