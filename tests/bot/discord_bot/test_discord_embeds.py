"""Reply formatting: Discord's limits, Markdown/mention escaping, highlighting."""
from __future__ import annotations

import discord
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from parley_discord_fakes import ARTICLE, KULEBA, make_answer, make_article, make_hit

from bot.discord_bot import embeds as E
from corpus.models import Speaker
from retrieval.answering.records import QuotesAnswer, SpeakerStats


def assert_embed_ok(e: discord.Embed, total: int = E.EMBED_TOTAL_LIMIT) -> None:
    assert len(e.title or "") <= E.EMBED_TITLE_LIMIT
    assert len(e.description or "") <= E.EMBED_DESCRIPTION_LIMIT
    assert len(e.fields) <= E.EMBED_FIELDS_LIMIT
    for f in e.fields:
        assert 0 < len(f.name) <= E.EMBED_FIELD_NAME_LIMIT
        assert 0 < len(f.value) <= E.EMBED_FIELD_VALUE_LIMIT
    assert len(e.footer.text or "") <= E.EMBED_FOOTER_LIMIT
    assert len(e.author.name or "") <= E.EMBED_AUTHOR_LIMIT
    assert len(e) <= total


def assert_page_ok(page: E.Page) -> None:
    assert page.content is None or len(page.content) <= E.MESSAGE_LIMIT
    assert len(page.embeds) <= E.EMBEDS_PER_MESSAGE
    for e in page.embeds:
        assert_embed_ok(e)
    assert sum(len(e) for e in page.embeds) <= E.EMBED_TOTAL_LIMIT
    assert page.kwargs()["allowed_mentions"].to_dict() == discord.AllowedMentions.none().to_dict()


def unbalanced_bold(text: str) -> bool:
    return E.bold_markers(text) % 2 == 1


# ----------------------------------------------------------------- escaping & highlighting


def test_highlight_escapes_markdown_then_bolds_spans():
    text = "Kuleba said the *plan* was not_acceptable, ~~really~~."
    spans = [(7, 11), (17, 21)]  # "said", "plan"
    out = E.highlight(text, spans)
    assert out == r"Kuleba **said** the \***plan**\* was not\_acceptable, \~\~really\~\~."


def test_highlight_merges_overlapping_and_touching_spans_and_trims_space():
    text = "ceasefire talks"
    assert E.highlight(text, [(0, 4), (2, 9), (9, 10)]) == "**ceasefire** talks"
    assert E.highlight(text, [(9, 16)]) == "ceasefire **talks**"
    assert E.highlight(text, [(100, 200), (-5, 0)]) == "ceasefire talks"  # out of range: ignored


def test_question_echo_escapes_mass_mentions_and_markdown():
    line = E.question_line("@everyone what did **Kuleba** say? <@123456789012345678> @here")
    assert "@everyone" not in line and "@here" not in line
    assert "@\u200beveryone" in line and "@\u200b123456789012345678" in line
    assert r"\*\*Kuleba\*\*" in line


def test_escape_passage_text_with_mentions():
    assert E.escape("@everyone _x_") == "@\u200beveryone \\_x\\_"


# ----------------------------------------------------------------- shortening


def test_fit_text_cuts_at_word_boundary_with_ellipsis():
    out = E.fit_text("alpha beta gamma delta", 13)
    assert out == "alpha beta\u2026" and len(out) <= 13


def test_fit_text_one_giant_word_is_cut_anywhere():
    out = E.fit_text("x" * 50, 10)
    assert out == "x" * 9 + "\u2026"


def test_fit_text_counts_rendered_length():
    # each '*' escapes to two characters: the cut must account for that
    out = E.fit_text("* " * 100, 21, render=E.escape)
    assert len(out) <= 21 and out.endswith("\u2026") and not out.rstrip("\u2026").endswith("\\")


@hsettings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab *_~`|>\\@# \n")), max_size=400),
       limit=st.integers(min_value=1, max_value=300), data=st.data())
def test_fit_text_highlight_never_exceeds_and_keeps_bold_paired(text, limit, data):
    n = len(text)
    spans = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted)
                               .map(tuple), max_size=6))
    out = E.fit_text(text, limit, render=lambda s: E.highlight(s, spans))
    assert len(out) <= limit
    assert not unbalanced_bold(out)


@hsettings(max_examples=100, deadline=None)
@given(text=st.text(max_size=3000), limit=st.integers(min_value=0, max_value=2500))
def test_shorten_never_exceeds(text, limit):
    assert len(E.shorten(text, limit)) <= max(limit, 0)


def test_pagify_pages_fit_message_limit():
    text = "\n".join(f"line {i} " + "word " * (i % 50) for i in range(600))
    pages = list(E.pagify(text))
    assert len(pages) > 1
    assert all(len(p) <= E.MESSAGE_LIMIT for p in pages)
    assert "".join(p.replace("\n", "") for p in pages).count("line ") == 600


# ----------------------------------------------------------------- answer embeds


def test_hit_embed_author_footer_and_bold():
    hit = make_hit(ARTICLE.passages[1], rank=1, words=("ceasefire",))
    e = E.hit_embed(hit, of=3)
    assert e.author.name == "Dmytro Kuleba, Ukraine's foreign minister"
    assert "**ceasefire**" in e.description
    assert r"\*not\*" in e.description  # passage Markdown escaped
    assert e.footer.text.startswith("Talks in Istanbul end without a ceasefire \u00b7 paragraph 1")
    assert "result 1 of 3" in e.footer.text
    assert_embed_ok(e)


def test_headline_hit_says_headline_and_no_speaker():
    e = E.hit_embed(make_hit(ARTICLE.passages[0]))
    assert "headline" in e.footer.text and e.author.name == E.NO_SPEAKER


def test_oversized_answer_respects_every_limit():
    giant = ("Kuleba said the ceasefire " + "very " * 3000 + "long.")
    long_title = "A headline " * 60
    speaker = Speaker("Dmytro Kuleba " * 30, "minister " * 40)
    texts = [(long_title, None)] + [(giant, speaker)] * 5
    article = make_article(texts, title=long_title)
    answer = make_answer("ceasefire? " * 400, article.passages[1:], words=("ceasefire", "very"),
                         message="note " * 300, article=article)
    pages = E.answer_pages(answer, per_page=5)
    assert len(pages) == 1 and len(pages[0].embeds) == 5
    assert_page_ok(pages[0])
    for e in pages[0].embeds:
        assert e.description.endswith("\u2026") and "**ceasefire**" in e.description
        assert not unbalanced_bold(e.description)


def test_single_giant_passage_gets_description_limit():
    giant = "word " * 5000
    article = make_article([("t", None), (giant, KULEBA)])
    e = E.hit_embed(make_hit(article.passages[1], article=article))
    assert len(e.description) <= E.EMBED_DESCRIPTION_LIMIT
    assert len(e.description) > 3000  # uses the room it has
    assert e.description.endswith("word\u2026")  # a word boundary
    assert_embed_ok(e)


def test_answer_pages_split_by_results_per_page():
    answer = make_answer("q", ARTICLE.passages[1:6])
    pages = E.answer_pages(answer, per_page=2)
    assert [len(p.embeds) for p in pages] == [2, 2, 1]
    assert "Page 2 of 3" in pages[1].content
    for p in pages:
        assert_page_ok(p)


def test_no_results_gives_no_pages_and_friendly_text():
    answer = make_answer("zebra", [], message=None)
    assert E.answer_pages(answer, 3) == []
    assert E.nothing_found(answer) == E.NOTHING_FOUND
    said = make_answer("x", [], message="Lavrov is mentioned but said nothing about that.")
    assert E.nothing_found(said) == "Lavrov is mentioned but said nothing about that."


def test_fit_embed_generic_safety_net():
    e = discord.Embed(title="t" * 999, description="d " * 5000)
    e.set_author(name="a" * 999)
    e.set_footer(text="f " * 3000)
    for i in range(40):
        e.add_field(name="n" * 500, value="v " * 1000)
    assert_embed_ok(E.fit_embed(e))
    assert len(e.fields) <= 25


def test_fit_page_total_over_ten_embeds():
    es = [discord.Embed(description="x " * 2000) for _ in range(12)]
    page = E.fit_page(E.Page("c" * 5000, es))
    assert_page_ok(page)


# ----------------------------------------------------------------- lists


def test_sources_fields_within_limits_and_paginated():
    articles = [make_article(id=f"a{i}", title=f"Title {i} " + "long " * 100,
                             url="https://example.org/" + "p" * 30) for i in range(60)]
    pages = E.sources_pages(articles)
    assert len(pages) == 6
    for p in pages:
        assert_page_ok(p)
    field = pages[0].embeds[0].fields[0]
    assert "Example News" in field.value and "2022-03-29" in field.value
    assert "<https://example.org/" in field.value


def test_sources_unknown_metadata_and_bad_url_not_linked():
    a = make_article(source=None, date=None, url="javascript:alert(1)")
    f = E.sources_pages([a])[0].embeds[0].fields[0]
    assert "source unknown" in f.value and "javascript" not in f.value


def test_speakers_pages_paginate_many_speakers():
    stats = [SpeakerStats(Speaker(f"Person {i} " + "x" * 50, "role " * 10), i, i, 0) for i in range(200)]
    pages = E.speakers_pages(stats)
    assert len(pages) > 5
    for p in pages:
        assert_page_ok(p)
        assert len(p.embeds[0].description) <= E.DESCRIPTION_PAGE_CHARS


def test_quotes_pages():
    items = tuple((ARTICLE, p, p.sentences[0]) for p in ARTICLE.passages if p.speakers() == [KULEBA]) * 4
    qa = QuotesAnswer("kuleba", KULEBA, items)
    pages = E.quotes_pages(qa)
    assert len(pages) == 2  # 8 statements, 5 a page
    assert pages[0].embeds[0].author.name == KULEBA.label()
    assert "paragraph 1" in pages[0].embeds[0].description
    for p in pages:
        assert_page_ok(p)
    assert E.quotes_pages(QuotesAnswer("nobody", None, (), "No such speaker.")) == []


def test_autocomplete_choices_limits():
    names = [f"Name{i} " + "y" * 150 for i in range(40)] + ["Dmytro Kuleba", "Sergei Lavrov"]
    assert len(E.choices_for(names, "")) == 25
    assert all(len(n) <= 100 and len(v) <= 100 for n, v in E.choices_for(names, ""))
    assert E.choices_for(names, "kul") == [("Dmytro Kuleba", "Dmytro Kuleba")]
    assert E.choices_for(names, "lavr")[0][1] == "Sergei Lavrov"
    assert E.choices_for(["Sergei Lavrov"], "ei la") == [("Sergei Lavrov", "Sergei Lavrov")]


def test_hit_without_sentences_and_unmatched_words_note():
    from corpus.models import Passage
    from retrieval.answering.records import Answer, Hit

    p = Passage("d", 3, "Plain text with no sentences recorded.", ())
    hit = Hit(1, 1.0, p, ARTICLE, 0, ((0, 5),))
    e = E.hit_embed(hit)
    assert e.author.name == E.NO_SPEAKER and e.description.startswith("**Plain**")
    a = Answer("plain zebra", "search", (hit,), unmatched_words=("zebra", "@everyone"))
    content = E.answer_pages(a, 3)[0].content
    assert "Not in the articles: zebra, @\u200beveryone" in content
