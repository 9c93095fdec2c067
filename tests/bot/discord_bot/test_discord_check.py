"""/check and the "Check quote" message menu, end to end: the real discord.py client against
the loopback stand-in (127.0.0.1 only), answering from a real engine over the seed article."""
from __future__ import annotations

import pytest
from parley_discord_harness import running_bot  # noqa: F401  (`start`)

from bot.discord_bot.check import MENU_NAME, NO_QUOTATION, NO_SPEAKER, speaker_and_quote
from retrieval.answering.engine import open_parley

pytestmark = pytest.mark.integration

EPHEMERAL = 64


@pytest.fixture(scope="module")
def seed():
    return open_parley()[0]


async def test_slash_check_shows_the_verdict_and_the_evidence(start, seed):
    h = await start(engine=seed)
    iid = await h.stub.slash("check", speaker="Kallas", quote="made at gunpoint")
    data = await h.answer(iid)
    assert not data.get("flags", 0) & EPHEMERAL
    assert data["content"].splitlines()[1].startswith("Yes: Kaja Kallas")
    assert data["embeds"][0]["author"]["name"].startswith("Kaja Kallas")
    assert data.get("allowed_mentions") == {"parse": []}


async def test_slash_check_other_speaker_names_them_and_private_is_ephemeral(start, seed):
    h = await start(engine=seed)
    iid = await h.stub.slash("check", speaker="Erdogan", quote="made at gunpoint", private=True)
    data = await h.answer(iid)
    assert data["flags"] & EPHEMERAL
    assert data["content"].splitlines()[1].startswith("Not Erdogan: Kaja Kallas")


async def test_slash_check_with_nothing_to_show_is_a_short_ephemeral(start, seed):
    h = await start(engine=seed)
    iid = await h.stub.slash("check", speaker="Lavrov", quote="bitcoin wins")
    data = await h.answer(iid)
    assert data["flags"] & EPHEMERAL
    assert data["content"] == ("No speaker in the articles fits \u201cLavrov\u201d. Nothing in "
                               "the articles supports that Lavrov said \u201cbitcoin wins\u201d.")


async def test_check_quote_menu_checks_the_messages_quotation_privately(start, seed):
    h = await start(engine=seed)
    target = h.stub.user_message("Did Erdogan really say \u201cthere are no losing parties\u201d?")
    data = await h.answer(await h.stub.message_command(MENU_NAME, target))
    assert data["flags"] & EPHEMERAL
    assert data["content"].startswith("*About a message by")
    assert "Yes: Recep Tayyip Erdogan" in data["content"]


@pytest.mark.parametrize(("text", "reply"), [
    ("Erdogan talked about peace", NO_QUOTATION),
    ("nobody's benefit, isn't it", NO_QUOTATION),
    ("\u00abstop this tragedy\u00bb", NO_SPEAKER),
])
async def test_check_quote_menu_without_a_quotation_or_speaker_says_so(start, seed, text, reply):
    h = await start(engine=seed)
    target = h.stub.user_message(text)
    data = await h.answer(await h.stub.message_command(MENU_NAME, target))
    assert data["flags"] & EPHEMERAL and data["content"] == reply


@pytest.mark.parametrize(("text", "found"), [
    ('Kallas said "made at gunpoint"', ("Kallas", "made at gunpoint")),
    ("\u201cIn a fair peace,\u201d said Mr Erdogan.", ("Mr Erdogan", "In a fair peace,")),
    ("He said 'made at gunpoint'", (None, "made at gunpoint")),
    ("no quotation here", None),
])
def test_speaker_and_quote_of_a_message(text, found):
    assert speaker_and_quote(text) == found
