"""The controls under a reply: which appear for which reply, and who may use them (spec'd
mocks of discord.py's Interaction)."""
from __future__ import annotations

import discord
import pytest
from parley_discord_fakes import make_interaction

from bot.discord_bot.formatting import Link, Page
from bot.discord_bot.replying import controls
from bot.discord_bot.views import NOT_YOURS, Paginator


def pages(n: int, **extra) -> list[Page]:
    return [Page(f"page {i}", [discord.Embed(description=f"body {i}")], label=f"P{i}", **extra)
            for i in range(n)]


def labels(view: Paginator) -> list[str]:
    return [getattr(item, "label", None) or getattr(item, "placeholder", None)
            for item in view.children]


@pytest.mark.parametrize(("n", "deletable", "expected"), [
    (1, False, []),
    (1, True, ["Delete"]),
    (2, False, ["First", "Previous", "1/2", "Next", "Last"]),
    (3, True, ["First", "Previous", "1/3", "Next", "Last", "Jump to a page\u2026", "Delete"]),
])
def test_controls_shown_depend_on_pages_and_whether_the_reply_is_public(n, deletable, expected):
    view = controls(pages(n), 1, 60, deletable=deletable)
    assert (labels(view) if view else []) == expected


def test_link_buttons_and_full_passage_follow_the_page():
    link = Link("1. Talks", "https://example.org/a")
    view = Paginator([Page("a", links=(link,), full_text=("whole",)), Page("b")], 1)
    [button] = [b for b in view.children if getattr(b, "url", None)]
    assert button.url == link.url and button.style is discord.ButtonStyle.link
    assert "Full passage" in labels(view)
    view.index = 1
    view._update_items()
    assert "Full passage" not in labels(view) and "1. Talks" not in labels(view)


def test_jump_menu_lists_at_most_25_pages_around_the_current_one():
    view = Paginator(pages(60), 1)
    view.index = 40
    view._update_items()
    values = [int(o.value) for o in view.jump.options]
    assert len(values) == 25 and 40 in values and values == sorted(values)
    assert [o.default for o in view.jump.options].count(True) == 1


async def test_first_last_and_jump_change_the_page_for_the_asker():
    view = Paginator(pages(5), owner_id=1)
    owner = make_interaction(1)
    await view._last(owner)
    assert view.index == 4 and view.last.disabled and not view.first.disabled
    await view._first(make_interaction(1))
    assert view.index == 0
    view.jump._values = ["3"]  # what discord.py sets from the interaction's data
    await view._jump(make_interaction(1))
    assert view.index == 3


async def test_a_stranger_may_read_the_full_passage_but_not_turn_or_delete():
    view = Paginator(pages(2, full_text=("whole",)), owner_id=1, deletable=True)
    stranger = make_interaction(2)
    stranger.data = {"custom_id": view.full.custom_id}
    assert await view.interaction_check(stranger)
    stranger = make_interaction(2)
    stranger.data = {"custom_id": view.delete.custom_id}
    assert not await view.interaction_check(stranger)
    assert stranger.response.send_message.await_args.args[0] == NOT_YOURS


async def test_delete_removes_the_message_and_stops_the_view():
    view = Paginator(pages(1), owner_id=1, deletable=True)
    owner = make_interaction(1)
    await view._delete(owner)
    owner.response.defer.assert_awaited_once()
    owner.delete_original_response.assert_awaited_once()
    assert view.is_finished()
