"""Generic Discord formatting: Discord's limits, Markdown/mention escaping, fitting and paging."""
from __future__ import annotations

import discord
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from bot.discord_bot import formatting as F


def assert_embed_ok(e: discord.Embed, total: int = F.EMBED_TOTAL_LIMIT) -> None:
    assert len(e.title or "") <= F.EMBED_TITLE_LIMIT
    assert len(e.description or "") <= F.EMBED_DESCRIPTION_LIMIT
    assert len(e.fields) <= F.EMBED_FIELDS_LIMIT
    for f in e.fields:
        assert 0 < len(f.name) <= F.EMBED_FIELD_NAME_LIMIT
        assert 0 < len(f.value) <= F.EMBED_FIELD_VALUE_LIMIT
    assert len(e.footer.text or "") <= F.EMBED_FOOTER_LIMIT
    assert len(e.author.name or "") <= F.EMBED_AUTHOR_LIMIT
    assert len(e) <= total


def assert_page_ok(page: F.Page) -> None:
    assert page.content is None or len(page.content) <= F.MESSAGE_LIMIT
    assert len(page.embeds) <= F.EMBEDS_PER_MESSAGE
    for e in page.embeds:
        assert_embed_ok(e)
    assert sum(len(e) for e in page.embeds) <= F.EMBED_TOTAL_LIMIT
    assert page.kwargs()["allowed_mentions"].to_dict() == discord.AllowedMentions.none().to_dict()


def unbalanced_bold(text: str) -> bool:
    return F.bold_markers(text) % 2 == 1


# ----------------------------------------------------------------- escaping


def test_escape_passage_text_with_mentions():
    assert F.escape("@everyone _x_") == "@\u200beveryone \\_x\\_"


def test_escape_breaks_user_role_and_channel_mention_syntax():
    assert F.escape("<@1> <@!22> <@&333> <#4444>") == \
        "<@\u200b1> <@!\u200b22> <@&\u200b333> <#\u200b4444>"


def test_escape_replaces_lone_surrogates():
    assert F.escape("a\ud800b") == "a\ufffdb"


# ----------------------------------------------------------------- shortening


def test_fit_text_cuts_at_word_boundary_with_ellipsis():
    out = F.fit_text("alpha beta gamma delta", 13)
    assert out == "alpha beta\u2026" and len(out) <= 13


def test_fit_text_one_giant_word_is_cut_anywhere():
    out = F.fit_text("x" * 50, 10)
    assert out == "x" * 9 + "\u2026"


def test_fit_text_counts_rendered_length():
    # each '*' escapes to two characters: the cut must account for that
    out = F.fit_text("* " * 100, 21, render=F.escape)
    assert len(out) <= 21 and out.endswith("\u2026") and not out.rstrip("\u2026").endswith("\\")


@hsettings(max_examples=100, deadline=None)
@given(text=st.text(max_size=3000), limit=st.integers(min_value=0, max_value=2500))
def test_shorten_never_exceeds(text, limit):
    assert len(F.shorten(text, limit)) <= max(limit, 0)


def test_shorten_closes_an_unpaired_bold_marker():
    out = F.shorten("plain **bold words that go on and on", 20)
    assert len(out) <= 20 and out.endswith("\u2026") and not unbalanced_bold(out)


def test_paginate_lines_keeps_page_size_and_line_count():
    lines = [f"line {i} " + "word " * (i % 40) for i in range(100)]
    pages = F.paginate_lines(lines, page_chars=500, max_lines=7)
    assert all(len(p) <= 500 and p.count("\n") < 7 for p in pages)
    assert "\n".join(pages).split("\n") == lines


# ----------------------------------------------------------------- limits


def test_fit_embed_generic_safety_net():
    e = discord.Embed(title="t" * 999, description="d " * 5000)
    e.set_author(name="a" * 999)
    e.set_footer(text="f " * 3000)
    for _ in range(40):
        e.add_field(name="n" * 500, value="v " * 1000)
    assert_embed_ok(F.fit_embed(e))
    assert len(e.fields) <= 25


def test_fit_page_total_over_ten_embeds():
    es = [discord.Embed(description="x " * 2000) for _ in range(12)]
    page = F.fit_page(F.Page("c" * 5000, es))
    assert_page_ok(page)


# ----------------------------------------------------------------- autocomplete
