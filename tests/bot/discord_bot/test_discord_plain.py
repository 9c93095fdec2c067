"""Without the Embed Links permission every reply becomes plain text within Discord's 2,000
characters, says which permission to grant, and keeps the buttons."""
from __future__ import annotations

import pytest
from parley_discord_fakes import KULEBA, make_answer, make_article
from test_discord_formatting import unbalanced_bold

from bot.discord_bot import embeds as E
from bot.discord_bot import lists as L
from bot.discord_bot.formatting import MESSAGE_LIMIT, Link, Page
from bot.discord_bot.help import help_page
from bot.discord_bot.plain import NO_EMBEDS, plain_page
from corpus.models import Speaker
from retrieval.answering.records import SpeakerStats

GIANT = make_article([("Headline " * 80, None)]
                     + [("Kuleba said the ceasefire " + "very " * 3000, KULEBA)] * 5,
                     title="Headline " * 80)
PAGES = {
    "answer": E.answer_pages(make_answer("ceasefire " * 300, GIANT.passages[1:], article=GIANT,
                                         words=("ceasefire",), message="note " * 300), 5)[0],
    "speakers": L.speakers_pages([SpeakerStats(Speaker(f"P{i} " * 20, "role " * 30), i, i, 0)
                                  for i in range(100)])[0],
    "sources": L.sources_pages([GIANT] * 30)[0],
    "help": help_page(),
    "text only": Page("x " * 1500),
}


@pytest.mark.parametrize("name", list(PAGES))
def test_plain_page_is_under_2000_characters_names_the_permission_and_has_no_embeds(name):
    page = plain_page(PAGES[name])
    assert page.embeds == [] and page.content is not None
    assert len(page.content) <= MESSAGE_LIMIT
    assert page.content.startswith(NO_EMBEDS) and "Embed Links" in page.content
    assert not unbalanced_bold(page.content)


def test_plain_page_keeps_the_links_and_full_passage_for_the_buttons():
    page = Page("q", [], links=(Link("1. Talks", "https://example.org/a"),), full_text=("all",))
    plain = plain_page(page)
    assert plain.links == page.links and plain.full_text == ("all",)
