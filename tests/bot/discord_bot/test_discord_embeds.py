"""Parley's replies on Discord: highlighted answer embeds, the speakers, quotes and sources
lists, all within Discord's limits; and the same words as the terminal."""
from __future__ import annotations

from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from parley_discord_fakes import ARTICLE, KULEBA, make_answer, make_article, make_hit
from test_discord_formatting import assert_embed_ok, assert_page_ok, unbalanced_bold

from bot.discord_bot import embeds as E
from bot.discord_bot import formatting as F
from bot.discord_bot import lists as L
from bot.text_render import Style, render_quotes, render_speakers
from corpus.models import Speaker
from retrieval.answering.records import QuotesAnswer, SpeakerStats

# ----------------------------------------------------------------- escaping & highlighting


def test_highlight_escapes_markdown_then_bolds_spans():
    text = "Kuleba said the *plan* was not_acceptable, ~~really~~."
    spans = [(7, 11), (17, 21)]  # "said", "plan"
    out = E.highlight(text, spans)
    assert out == r"Kuleba **said** the \***plan**\* was not\_acceptable, \~\~really\~\~."


def test_highlight_clips_the_engines_spans_to_a_shortened_text():
    """The engine merges spans; a cut passage may end inside one or before others."""
    assert E.highlight("ceasefire", [(0, 9), (10, 15)]) == "**ceasefire**"
    assert E.highlight("cease", [(0, 9)]) == "**cease**"
    assert E.highlight("ceasefire talks", [(100, 200)]) == "ceasefire talks"


def test_highlight_never_repeats_text_or_leaves_an_empty_mark():
    assert E.highlight("ceasefire talks", [(0, 9), (0, 9), (2, 4)]) == "**ceasefire** talks"


def test_question_echo_escapes_mass_mentions_and_markdown():
    line = E.question_line("@everyone what did **Kuleba** say? <@123456789012345678> @here")
    assert "@everyone" not in line and "@here" not in line
    assert "@\u200beveryone" in line and "@\u200b123456789012345678" in line
    assert r"\*\*Kuleba\*\*" in line


@st.composite
def text_and_engine_spans(draw):
    """A text and spans as the engine gives them: sorted, apart, none empty."""
    text = draw(st.text(alphabet=st.sampled_from(list("ab *_~`|>\\@# \n")), max_size=400))
    cuts = sorted(draw(st.sets(st.integers(0, len(text)), max_size=12)))
    return text, list(zip(cuts[0::2], cuts[1::2], strict=False))


@hsettings(max_examples=150, deadline=None)
@given(case=text_and_engine_spans(), limit=st.integers(min_value=1, max_value=300))
def test_fit_text_highlight_never_exceeds_and_keeps_bold_paired(case, limit):
    text, spans = case
    out = F.fit_text(text, limit, render=lambda s: E.highlight(s, spans))
    assert len(out) <= limit
    assert not unbalanced_bold(out)


# ----------------------------------------------------------------- answer embeds


def test_hit_embed_author_title_linked_to_the_article_footer_and_bold():
    hit = make_hit(ARTICLE.passages[1], rank=1, words=("ceasefire",))
    e = E.hit_embed(hit, of=3)
    assert e.author.name == "Dmytro Kuleba, Ukraine's foreign minister"
    assert "**ceasefire**" in e.description
    assert r"\*not\*" in e.description  # passage Markdown escaped
    assert e.title == "Talks in Istanbul end without a ceasefire"
    assert e.url == "https://example.org/istanbul"
    assert e.footer.text.startswith("paragraph 1")
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
    assert len(e.description) <= F.EMBED_DESCRIPTION_LIMIT
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


# ----------------------------------------------------------------- lists


def test_sources_fields_within_limits_and_paginated():
    articles = [make_article(id=f"a{i}", title=f"Title {i} " + "long " * 100,
                             url="https://example.org/" + "p" * 30) for i in range(60)]
    pages = L.sources_pages(articles)
    assert len(pages) == 5  # the first 50, and how to find the rest
    assert "10 more" in pages[0].embeds[0].description
    for p in pages:
        assert_page_ok(p)
    field = pages[0].embeds[0].fields[0]
    assert "Example News" in field.value and "2022-03-29" in field.value
    assert "<https://example.org/" in field.value


def test_sources_unknown_metadata_and_bad_url_not_linked():
    a = make_article(source=None, date=None, url="javascript:alert(1)")
    f = L.sources_pages([a])[0].embeds[0].fields[0]
    assert "source unknown" in f.value and "javascript" not in f.value


def test_speakers_pages_paginate_many_speakers():
    stats = [SpeakerStats(Speaker(f"Person {i} " + "x" * 50, "role " * 10), i, i, 0)
             for i in range(200)]
    pages = L.speakers_pages(stats)
    assert len(pages) > 3
    for p in pages:
        assert_page_ok(p)
        assert len(p.embeds[0].description) <= F.DESCRIPTION_PAGE_CHARS


def test_quotes_pages():
    items = tuple((ARTICLE, p, p.sentences[0]) for p in ARTICLE.passages
                  if p.speakers() == [KULEBA]) * 4
    qa = QuotesAnswer("kuleba", KULEBA, items)
    pages = E.quotes_pages(qa)
    assert len(pages) == 2  # 8 statements, 5 a page
    assert pages[0].embeds[0].author.name == KULEBA.label()
    assert "paragraph 1" in pages[0].embeds[0].description
    for p in pages:
        assert_page_ok(p)
    assert E.quotes_pages(QuotesAnswer("nobody", None, (), "No such speaker.")) == []


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


def test_nothing_found_says_the_answers_message_with_the_words_no_article_has():
    from retrieval.answering.records import Answer

    a = Answer("who said zebra", "who_said", (),
               "Parley finds no statement that says that: \u201czebra\u201d is in none of the "
               "articles.", unmatched_words=("zebra",))
    assert E.answer_pages(a, 3) == [] and "\u201czebra\u201d is in none" in E.nothing_found(a)


# ----------------------------------------------------------------- the terminal's words


def test_speakers_list_counts_statements_in_the_terminals_words():
    stats = [SpeakerStats(KULEBA, 3, 2, 1), SpeakerStats(Speaker("Kremlin"), 1, 0, 1)]
    on_discord = L.speakers_pages(stats)[0].embeds[0].description
    for line in render_speakers(stats, Style(False)).splitlines():
        assert line.split(" \u2014 ")[1] in on_discord
    assert "3 statements (2 quoted, 1 reported)" in on_discord
    assert "1 statement (0 quoted, 1 reported)" in on_discord


def test_quotes_and_hits_name_speech_and_place_in_the_terminals_words():
    items = tuple((ARTICLE, p, p.sentences[0]) for p in ARTICLE.passages
                  if p.speakers() == [KULEBA])
    qa = QuotesAnswer("kuleba", KULEBA, items)
    terminal = render_quotes(qa, Style(False))
    embed = E.quotes_pages(qa)[0].embeds[0]
    assert embed.footer.text == "2 statements" and terminal.splitlines()[0].endswith(
        "\u2014 2 statements")
    assert "(reported)" in embed.description and "paragraph 1 \u00b7 reported" in terminal
    assert "\u00b7 reported" in E.hit_embed(make_hit(ARTICLE.passages[1])).footer.text
    assert E.hit_embed(make_hit(ARTICLE.passages[0])).footer.text.startswith("headline \u00b7")


def test_full_passage_longer_than_five_messages_says_where_it_was_cut():
    from corpus.models import Passage
    from retrieval.answering.records import Hit

    text = " ".join(f"word{i}" for i in range(4000))  # some 31,000 characters
    hit = Hit(1, 1.0, Passage("d", 3, text, ()), ARTICLE, 0, ())
    messages = E.full_passages((hit,))
    assert len(messages) == E.FULL_MESSAGES
    assert all(len(m) <= F.MESSAGE_LIMIT for m in messages)
    assert "cut here: about" in messages[-1] and "more characters" in messages[-1]
    short = E.full_passages((Hit(1, 1.0, Passage("d", 3, "Short.", ()), ARTICLE, 0, ()),))
    assert len(short) == 1 and "cut here" not in short[0]
