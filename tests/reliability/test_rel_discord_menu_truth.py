""""Ask Parley" on a message never claims more than the passages say: it renders the claim of
the engine's own `ask` on the message's text, with the real engine on the shipped article."""
from __future__ import annotations

from unittest.mock import create_autospec

import pytest
from discord.ext import commands
from limits import check_payload
from parley_discord_fakes import make_interaction, make_message

from bot.discord_bot.cog import AskCog
from bot.discord_bot.context_menu import MessageMenu
from bot.discord_bot.formatting import escape
from bot.settings import Settings


@pytest.fixture
def menu(real_engine):
    cog = AskCog(create_autospec(commands.Bot, instance=True), real_engine, Settings())
    yield MessageMenu(create_autospec(commands.Bot, instance=True), cog)
    cog._executor.shutdown(wait=False)


@pytest.mark.parametrize("text", [
    "Erdogan said that in a fair peace there are no losing parties",
    "Putin said the moon is made of cheese",
    "the agreement was made at gunpoint",
])
async def test_ask_parley_reply_says_exactly_the_engines_claim_privately(menu, real_engine,
                                                                          text):
    expected = real_engine.ask(text, top_k=3)
    message = make_message(text, author_id=7)
    message.author.display_name = "Someone"
    message.embeds = []
    inter = make_interaction()
    await menu.ask_about(inter, message)
    kw = inter.response.send_message.await_args.kwargs
    assert kw["ephemeral"] is True
    if not expected.results:
        assert escape(expected.message or "")[:50] in kw["content"]
        return
    assert kw["content"].startswith("*About a message by Someone:*")
    if expected.message:  # the claim in the engine's words ("X said it." only when it did)
        assert escape(expected.message)[:80] in kw["content"]
    said = expected.claim.kind == "said"
    assert ("said it" in kw["content"]) == said
    shown = [e.description for e in kw["embeds"]]
    assert len(shown) == len(expected.results[:3])
    check_payload({"content": kw["content"], "embeds": [e.to_dict() for e in kw["embeds"]],
                   "allowed_mentions": kw["allowed_mentions"].to_dict()})
