"""Comparisons and timelines on Discord: one embed with an inline field per side (a page per
side when there are many), timelines as dated pages, all within Discord's limits; and the
real discord.py client answering /ask with a comparison over the loopback stand-in."""
from __future__ import annotations

import pytest
from parley_discord_harness import running_bot, settings_for  # noqa: F401  (`start`)
from test_discord_e2e import assert_reply_ok
from test_discord_formatting import assert_page_ok

from bot.discord_bot import embeds as E
from retrieval.answering.engine import Parley
from retrieval.answering.sides_records import SidesAnswer
from tests.retrieval.answering.sides_corpus import ARTICLES
from tests.retrieval.answering.small_corpus import parley_over


@pytest.fixture(scope="module")
def parley(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    articles = {**ARTICLES, "long.txt": "Long speeches\n\n" + "\n\n".join(
        f"Labour MP Stephen Pound said tax {'and tax ' * 80}was point {i}." for i in range(6))}
    return parley_over(tmp_path_factory, articles)


def _sides(parley: Parley, question: str) -> SidesAnswer:
    answer = parley.ask(question)
    assert isinstance(answer, SidesAnswer)
    return answer


def test_a_comparison_is_one_embed_with_an_inline_field_per_side(parley: Parley) -> None:
    pages = E.answer_pages(_sides(parley, "What do Russia and Ukraine say about security "
                                          "guarantees?"), 2)
    assert len(pages) == 1
    assert_page_ok(pages[0])
    fields = pages[0].embeds[0].fields
    assert [f.name for f in fields] == ["Russia (Moscow)", "Ukraine"]
    assert all(f.inline for f in fields)
    assert "does not mention" in fields[0].value
    assert "**guarantees**" in fields[1].value and "(reported)" in fields[1].value


def test_long_sides_are_shortened_within_limits(parley: Parley) -> None:
    pages = E.answer_pages(_sides(parley, "compare Labour and the Tories on tax"), 2)
    for page in pages:
        assert_page_ok(page)


def test_many_sides_are_a_page_each(parley: Parley) -> None:
    answer = _sides(parley, "compare Labour, the Tories, the Lib Dems and Ukraine on tax")
    pages = E.answer_pages(answer, 2)
    assert [p.label for p in pages] == ["Labour", "the Tories", "the Lib Dems", "Ukraine"]
    for page in pages:
        assert_page_ok(page)
        assert len(page.embeds[0].fields) == 1


def test_a_timeline_is_pages_of_dated_articles(parley: Parley) -> None:
    pages = E.answer_pages(_sides(parley, "What has Erdogan said over time?"), 2)
    text = "\n".join(p.embeds[0].description or "" for p in pages)
    assert text.index("Tuesday 1 March 2022") < text.index("2022-03-29") < text.index(
        "undated")
    for page in pages:
        assert_page_ok(page)



@pytest.mark.integration
async def test_slash_ask_compare_over_loopback(start, parley: Parley) -> None:
    h = await start(settings_for(), engine=parley)
    iid = await h.stub.slash("ask", question="compare what Labour and the Tories said about "
                                             "tax")
    data = (await h.completed(iid))["data"]
    assert_reply_ok(data)
    fields = data["embeds"][0]["fields"]
    assert [f["name"] for f in fields] == ["Labour (Stephen Pound)",
                                           "the Tories (Michael Howard)"]
    assert all(f["inline"] for f in fields)
    assert "Galloway" not in str(data)


@pytest.mark.integration
async def test_slash_quotes_by_date_over_loopback(start, parley: Parley) -> None:
    h = await start(settings_for(), engine=parley)
    data = (await h.completed(await h.stub.slash("quotes", speaker="Erdogan", by_date=True)))[
        "data"]
    assert_reply_ok(data)
    text = data["embeds"][0]["description"]
    assert text.index("Tuesday 1 March 2022") < text.index("2022-03-29")
    assert "2 undated articles last" in data["content"]
