"""Autocomplete choices for speakers and articles, from the engine answering now.

The choice lists are built once per engine (a `/reload` brings a new one) and matched by
`fuzzy` on every keystroke; both are quick enough for the event loop (a few milliseconds for
thousands of speakers), so autocomplete never waits behind a slow question on the worker.
"""
from __future__ import annotations

from discord import app_commands

from bot.discord_bot.formatting import CHOICE_NAME_LIMIT, fit_text
from bot.discord_bot.fuzzy import Named, article_entries, ranked, speaker_entries
from bot.engine import Engine


class Choices:
    """The speakers and articles of one engine, as autocomplete choices."""

    def __init__(self) -> None:
        self._engine: Engine | None = None
        self._speakers: list[Named] = []
        self._articles: list[Named] = []

    def _for(self, engine: Engine) -> None:
        if engine is not self._engine:
            self._speakers = speaker_entries(engine.speakers())
            self._articles = article_entries(engine.sources())
            self._engine = engine

    def speakers(self, engine: Engine, typed: str) -> list[app_commands.Choice[str]]:
        """Speakers fitting `typed` (most quoted first when nothing is typed), with roles."""
        self._for(engine)
        return _choices(ranked(typed, self._speakers))

    def articles(self, engine: Engine, typed: str) -> list[app_commands.Choice[str]]:
        """Articles whose title fits `typed`; the value is the article's id."""
        self._for(engine)
        return _choices(ranked(typed, self._articles))


def _choices(found: list[Named]) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=fit_text(n.label, CHOICE_NAME_LIMIT),
                                value=n.value[:CHOICE_NAME_LIMIT]) for n in found]
