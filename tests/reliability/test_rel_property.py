"""Property-based: thousands of random questions (random Unicode including surrogates and
controls, Discord syntax, Markdown, corpus words, over-long runs) through `Parley.ask` and the
Discord reply builder. No exception; every reply within Discord's limits; AllowedMentions none
on every page; no live mention in echoed text; CLI rendering always encodable."""
from __future__ import annotations

import json
import os
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from limits import check_payload, page_payload

from bot.discord_bot import embeds as E
from bot.text_render import Style, render_answer
from retrieval.answering.question import MAX_QUESTION_CHARS

EXAMPLES = int(os.environ.get("PARLEY_PROPERTY_EXAMPLES", "2500"))
RUNS: dict[str, int] = {"questions": 0, "pages": 0}

FRAGMENTS = st.sampled_from([
    "@everyone", "@here", "<@&1>", "<@1>", "<@!123456789012345678>", "<#123456789012345678>",
    "<@&123456789012345678>", "discord.gg/abc", "https://discord.gg/x", "**", "__", "~~", "`",
    "```", "||", "> ", "\\", "[a](http://b)", "Erdogan", "Kallas", "Zelensky", "Putin",
    "ceasefire", "grain", "Киев", "Çavuşoğlu", "\u202e", "\u200b", "\x00", "\x1b[31m",
    "\r\n", "\u2028", "😀", "🇺🇦", "what did", "who said", "say about", "?", " ",
])
RANDOM_TEXT = st.text(alphabet=st.characters(blacklist_categories=()), max_size=60)
def _repeated(piece: str, times: int) -> str:
    return piece * times


def _around_a_question(before: str, after: str) -> str:
    return f"{before} what did Erdogan say {after}"


# Named functions, not lambdas: older hypothesis releases re-read a lambda's source for every
# example (a minute of `compile` calls over this test).
PIECE = st.one_of(FRAGMENTS, RANDOM_TEXT, st.builds(_repeated, FRAGMENTS, st.integers(1, 400)))
QUESTION = st.lists(PIECE, max_size=12).map("".join)


def _check_answer(answer, question: str) -> None:
    assert len(answer.question) <= MAX_QUESTION_CHARS
    assert answer.results or answer.message
    pages = E.answer_pages(answer, 3)
    if pages:
        for page in pages:
            data = page_payload(page)
            check_payload(data)
            json.dumps(data, ensure_ascii=False).encode("utf-8")
            RUNS["pages"] += 1
    else:
        text = E.nothing_found(answer)
        check_payload({"content": text, "allowed_mentions": {"parse": []}})
        text.encode("utf-8")
    render_answer(answer, Style(False)).encode("utf-8", "surrogatepass")


def test_random_questions_never_break_the_engine_or_discord_limits(real_engine):
    started = time.perf_counter()

    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(question=st.one_of(QUESTION, st.builds(_around_a_question, QUESTION, QUESTION)),
           top_k=st.one_of(st.none(), st.integers(-5, 80)),
           speaker=st.one_of(st.none(), FRAGMENTS, RANDOM_TEXT))
    def prop(question, top_k, speaker):
        RUNS["questions"] += 1
        answer = real_engine.ask(question, top_k=top_k, speaker=speaker)
        _check_answer(answer, question)

    prop()
    elapsed = time.perf_counter() - started
    print(f"\nproperty: {RUNS['questions']} random questions, {RUNS['pages']} Discord pages "
          f"checked in {elapsed:.1f} s")
    assert RUNS["questions"] >= EXAMPLES * 0.9


def test_random_quotes_names_never_raise(real_engine):
    @settings(max_examples=max(200, EXAMPLES // 5), deadline=None, database=None)
    @given(name=QUESTION)
    def prop(name):
        qa = real_engine.quotes(name)
        for page in E.quotes_pages(qa):
            check_payload(page_payload(page))
        if not qa.statements:
            check_payload({"content": E.nothing_found(qa), "allowed_mentions": {"parse": []}})

    prop()


# --------------------------------------------------------- the builder alone, on hostile corpora

from corpus.models import Article, Passage, Sentence, Speaker  # noqa: E402
from retrieval.answering.records import Answer, Hit  # noqa: E402

BIG_TEXT = st.lists(PIECE, min_size=1, max_size=30).map("".join)


@st.composite
def hostile_answers(draw):
    n = draw(st.integers(1, 8))
    hits = []
    title = draw(BIG_TEXT)
    for i in range(n):
        text = draw(BIG_TEXT) or "x"
        spans = tuple(sorted(draw(st.lists(st.tuples(st.integers(-5, len(text) + 5),
                                                     st.integers(-5, len(text) + 5)),
                                           max_size=6))))
        who = draw(st.one_of(st.none(), st.builds(Speaker, BIG_TEXT, st.one_of(st.none(), BIG_TEXT),
                                                  st.sampled_from(["person", "organisation",
                                                                   "vague"]))))
        sentence = Sentence(text, 0, len(text), who, "direct" if who else None)
        passage = Passage("doc", i, text, (sentence,))
        article = Article("doc", "doc.txt", title, (passage,))
        hits.append(Hit(i + 1, 1.0, passage, article, 0, spans))
    return Answer(draw(QUESTION)[:MAX_QUESTION_CHARS], "search", tuple(hits),
                  draw(st.one_of(st.none(), BIG_TEXT)), None,
                  tuple(draw(st.lists(RANDOM_TEXT, max_size=10))), draw(st.booleans()))


def test_reply_builder_on_hostile_answers_keeps_every_limit():
    count = {"answers": 0, "pages": 0}

    @settings(max_examples=max(100, EXAMPLES // 8), deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(answer=hostile_answers(), per_page=st.integers(-2, 12))
    def prop(answer, per_page):
        count["answers"] += 1
        pages = E.answer_pages(answer, per_page)
        assert pages
        for page in pages:
            check_payload(page_payload(page))
            count["pages"] += 1
        if answer.truncated_question:
            assert "Your question was long" in pages[0].content

    prop()
    print(f"\nbuilder: {count['answers']} hostile answers, {count['pages']} pages checked")
