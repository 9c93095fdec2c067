"""Channels where a reply could not be sent, so the next reply there can say so.

When Discord refuses a reply even after discord.py's retries (429s for a while, 5xx), the asker
sees nothing at all. The channel is remembered here, and the next successful public reply in it
starts with NOTE. The memory is bounded: at most `limit` channels, the oldest forgotten first.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace

from bot.discord_bot.formatting import MESSAGE_LIMIT, Page, shorten

NOTE = ("*(An earlier question in this channel could not be answered: Discord refused the "
        "reply. Please ask again.)*")
MAX_CHANNELS = 1000


class Unanswered:
    """Channel id -> how many replies in it were refused since its last successful reply."""

    def __init__(self, limit: int = MAX_CHANNELS) -> None:
        self.limit = max(1, limit)
        self._channels: OrderedDict[int, int] = OrderedDict()

    def __len__(self) -> int:
        return len(self._channels)

    def __contains__(self, channel_id: object) -> bool:
        return channel_id in self._channels

    def refused(self, channel_id: int | None) -> None:
        """A reply in this channel could not be sent (None: a reply with no channel, e.g. a DM
        Discord did not describe; nothing to remember)."""
        if channel_id is None:
            return
        self._channels[channel_id] = self._channels.pop(channel_id, 0) + 1
        while len(self._channels) > self.limit:
            self._channels.popitem(last=False)

    def take(self, channel_id: int | None) -> str | None:
        """NOTE when a reply in this channel was refused since its last reply, and forget it: the
        caller is about to send one (a send that fails again is `refused` again)."""
        if channel_id is None or self._channels.pop(channel_id, None) is None:
            return None
        return NOTE


def with_note(page: Page, note: str | None) -> Page:
    """`page` with `note` as its first line (a copy; the paginator keeps the original)."""
    if note is None:
        return page
    content = f"{note}\n{page.content}" if page.content else note
    return replace(page, content=shorten(content, MESSAGE_LIMIT))
