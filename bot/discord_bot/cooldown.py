"""Per-user cooldown: at most `rate` questions per `per` seconds.

Pure Python (no discord import) so it is trivially testable. A fixed window opens at a user's
first question; once `rate` questions have been used, further ones are refused until the window
ends. Only the first refusal in a window is marked `notify`: a mention or `!ask` gets one public
reply per window, not one per attempt. (A refused slash command is always answered, privately:
Discord shows an error for an interaction left without a response.)

Why not discord.py's `commands.CooldownMapping`: it keeps the same fixed window per user, but
has no "first refusal of this window" flag (only the private `Cooldown._window` would tell),
which the one-notice rule needs, and it counts on `time.time()`, which jumps when the clock is
set; this one uses `time.monotonic()` and is 60 lines with its tests.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: float = 0.0  # seconds until the window ends (when refused)
    notify: bool = False  # refused, and this is the first refusal of the window: say so once


@dataclass
class _Window:
    start: float
    used: int = 0
    notified: bool = False


class Cooldown:
    def __init__(self, rate: int, per: float, clock: Callable[[], float] = time.monotonic):
        if rate < 1:
            raise ValueError("rate must be at least 1")
        self.rate = rate
        self.per = float(per)
        self._clock = clock
        self._windows: dict[int, _Window] = {}

    def hit(self, user_id: int) -> Verdict:
        """Record one question from `user_id` and say whether it may be answered."""
        now = self._clock()
        if self.per <= 0:
            return Verdict(True)
        self._forget_expired(now)
        window = self._windows.get(user_id)
        if window is None or now - window.start >= self.per:
            window = self._windows[user_id] = _Window(now)
        if window.used < self.rate:
            window.used += 1
            return Verdict(True)
        retry = max(0.0, window.start + self.per - now)
        first = not window.notified
        window.notified = True
        return Verdict(False, retry, first)

    def _forget_expired(self, now: float) -> None:
        if len(self._windows) < 512:
            return
        for uid in [u for u, w in self._windows.items() if now - w.start >= self.per]:
            del self._windows[uid]


def notice(retry_after: float) -> str:
    """The polite reply sent once per window."""
    seconds = max(1, round(retry_after + 0.49))
    unit = "second" if seconds == 1 else "seconds"
    return (f"You're asking faster than I can keep up with \u2014 please wait {seconds} {unit} "
            "and ask again.")
