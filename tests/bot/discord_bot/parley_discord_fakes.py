"""Fake answers and a fake engine for the Discord tests (records are the real dataclasses).

The fake engine has the `Parley` API (`bot.engine.Engine`: corpus, problems, ask, speakers,
quotes, sources, speaker_names) and records every call, so tests can check that Discord makes
exactly the call `parley ask` makes.
"""
from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from unittest.mock import MagicMock, create_autospec

import discord

from corpus.cancelling import BuildCancelled
from corpus.models import Article, Corpus, Passage, Sentence, Speaker
from retrieval.answering.records import Answer, Hit, QuotesAnswer, SpeakerStats

KULEBA = Speaker("Dmytro Kuleba", "Ukraine's foreign minister", "person")
LAVROV = Speaker("Sergei Lavrov", "Russia's foreign minister", "person")
KREMLIN = Speaker("Kremlin", None, "organisation")

TEXTS = [
    ("Talks in Istanbul end without a ceasefire", None),
    ("Kuleba said the ceasefire proposal was *not* acceptable and that talks would continue.",
     KULEBA),
    ("Lavrov said Russia wanted security guarantees before any ceasefire.", LAVROV),
    ("The Kremlin said the delegation would report to Moscow.", KREMLIN),
    ("Kuleba added that prisoners of war must be exchanged first.", KULEBA),
    ("Observers in Istanbul said the mood was tense.", None),
    ("Lavrov accused the West of prolonging the war.", LAVROV),
]


def _passage(doc: str, index: int, text: str, speaker: Speaker | None) -> Passage:
    kind = "reported" if speaker else None
    return Passage(doc, index, text, (Sentence(text, 0, len(text), speaker, kind),))


def make_article(texts=TEXTS, *, id="istanbul-talks",
                 title="Talks in Istanbul end without a ceasefire", source="Example News",
                 date="2022-03-29", url="https://example.org/istanbul") -> Article:
    passages = tuple(_passage(id, i, t, s) for i, (t, s) in enumerate(texts))
    return Article(id=id, path=f"{id}.txt", title=title, passages=passages, source=source,
                   date=date, url=url)


ARTICLE = make_article()


def spans_of(text: str, words: list[str]) -> tuple[tuple[int, int], ...]:
    """The whole-word matches of `words`, sorted and distinct, as the engine gives spans."""
    out = set()
    for w in words:
        for m in re.finditer(rf"\b{re.escape(w)}\b", text, re.IGNORECASE):
            out.add((m.start(), m.end()))
    return tuple(sorted(out))


def make_hit(passage: Passage, rank: int = 1, article: Article = ARTICLE,
             words: tuple[str, ...] = ()) -> Hit:
    return Hit(rank=rank, score=10.0 - rank, passage=passage, article=article, best_sentence=0,
               highlights=spans_of(passage.text, list(words)))


def make_answer(question: str, passages=None, *, words=(), message=None, article=ARTICLE) -> Answer:
    passages = list(article.passages[1:4]) if passages is None else list(passages)
    hits = tuple(make_hit(p, i + 1, article, tuple(words)) for i, p in enumerate(passages))
    return Answer(question=question, intent="search", results=hits, message=message)


@dataclass
class FakeEngine:
    """The `Parley` API over ARTICLE: a word-overlap search good enough for front-end tests."""

    article: Article = ARTICLE
    calls: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    fail_on: str | None = None  # a question that makes ask() raise (to test error handling)
    delay: float = 0.0  # seconds ask() takes first (to test deferring a slow answer)

    def ask(self, question: str, top_k: int | None = None, speaker: str | None = None) -> Answer:
        if self.delay:
            time.sleep(self.delay)
        self.calls.append(("ask", question, top_k, speaker))
        if self.fail_on is not None and self.fail_on in question:
            raise RuntimeError("boom (test)")
        words = [w for w in re.findall(r"[a-z]+", question.lower()) if len(w) > 3]
        hits = []
        for p in self.article.passages:
            if speaker and not any(s.name == speaker for s in p.speakers()):
                continue
            score = sum(1 for w in words if w in p.text.lower())
            if score:
                hits.append((score, p))
        hits.sort(key=lambda x: (-x[0], x[1].index))
        chosen = hits[: top_k or 3]
        results = tuple(
            Hit(rank=i + 1, score=float(s), passage=p, article=self.article, best_sentence=0,
                highlights=spans_of(p.text, words))
            for i, (s, p) in enumerate(chosen))
        message = None if results else "Nothing in the articles matches that."
        return Answer(question=question, intent="search", results=results, message=message)

    @property
    def corpus(self) -> Corpus:
        return Corpus.of([self.article], list(self.problems))

    def speakers(self) -> list[SpeakerStats]:
        self.calls.append(("speakers",))
        counts: dict[str, list] = {}
        for p in self.article.passages:
            for s in p.sentences:
                if s.speaker:
                    counts.setdefault(s.speaker.name, [s.speaker, 0])[1] += 1
        return [SpeakerStats(sp, n, 0, n) for sp, n in counts.values()]

    def quotes(self, name: str) -> QuotesAnswer:
        self.calls.append(("quotes", name))
        items = tuple((self.article, p, s) for p in self.article.passages for s in p.sentences
                      if s.speaker and s.speaker.name.lower() == name.lower())
        if not items:
            return QuotesAnswer(name, None, (), f"I don't know anyone called {name}.")
        return QuotesAnswer(name, items[0][2].speaker, items)

    def sources(self) -> list[Article]:
        self.calls.append(("sources",))
        return [self.article]

    def speaker_names(self) -> list[str]:
        return sorted({s.speaker.name for p in self.article.passages for s in p.sentences
                       if s.speaker})


def make_interaction(user_id: int = 42) -> MagicMock:
    """A spec'd discord.Interaction from `user_id`, with a response not yet sent."""
    inter = create_autospec(discord.Interaction, instance=True)
    inter.user = create_autospec(discord.Member, instance=True)
    inter.user.id = user_id
    inter.response = create_autospec(discord.InteractionResponse, instance=True)
    inter.response.is_done.return_value = False
    inter.followup = create_autospec(discord.Webhook, instance=True)
    inter.command = None
    inter.channel = make_channel()
    inter.channel_id = CHANNEL_ID
    return inter


CHANNEL_ID = 900000000000000009


def make_channel(channel_id: int = CHANNEL_ID, name: str = "general") -> MagicMock:
    """A spec'd `discord.TextChannel`."""
    channel = create_autospec(discord.TextChannel, instance=True)
    channel.id = channel_id
    channel.name = name
    return channel


def make_message(content: str, author_id: int = 42, bot_author: bool = False,
                 channel_id: int = CHANNEL_ID) -> MagicMock:
    """A spec'd `discord.Message` from a member (not a webhook), in a spec'd text channel."""
    msg = create_autospec(discord.Message, instance=True)
    msg.content = content
    msg.webhook_id = None
    msg.channel = make_channel(channel_id)
    msg.author = create_autospec(discord.Member, instance=True)
    msg.author.id = author_id
    msg.author.bot = bot_author
    return msg


class FakeRebuild:
    """A `/reload` rebuild `(force, cancel) -> engine` that records each `force` and behaves as
    `mode` says: "returns" a fresh engine at once; "until_cancelled" works until `cancel()` says
    stop, then raises BuildCancelled (as the real build does between articles); "ignores_cancel"
    works on regardless until the test sets `release` (a build stuck in one huge article)."""

    def __init__(self, mode: str = "returns") -> None:
        self.mode = mode
        self.calls: list[bool] = []
        self.started = threading.Event()
        self.release = threading.Event()
        self.engine = FakeEngine(article=make_article(id="fresh", title="Fresh articles"))

    def __call__(self, force: bool, cancel: Callable[[], bool]) -> FakeEngine:
        self.calls.append(force)
        self.started.set()
        deadline = time.monotonic() + 30  # never outlive a test run
        if self.mode == "until_cancelled":
            while not cancel() and time.monotonic() < deadline:
                time.sleep(0.005)
            raise BuildCancelled("the build was cancelled")
        if self.mode == "ignores_cancel":
            self.release.wait(30)
        return self.engine
