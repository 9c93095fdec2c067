"""The answering function: one question in, one Answer out, for every front end."""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TypeVar

import numpy as np

from corpus.build import build_corpus
from corpus.cancelling import Cancel
from corpus.models import Article, Corpus, LoadProblem
from corpus.parallel import default_jobs
from corpus.shipped import SHIPPED_CORPUS
from retrieval.answering import claims, nearby, proximity, quantities
from retrieval.answering.about_speakers import AboutSpeakers, about_speakers, most_quoted, profile
from retrieval.answering.absence import absent_words
from retrieval.answering.article_context import CANDIDATES, with_their_articles
from retrieval.answering.candidates import Match, SpeakerFinder, is_quantifier, settled
from retrieval.answering.evidence import Evidence
from retrieval.answering.headlines import after_their_story
from retrieval.answering.named import named_then_topic
from retrieval.answering.over_time import timeline
from retrieval.answering.proximity import by_phrase
from retrieval.answering.question import MAX_QUESTION_CHARS, name_then_topic, parse_question
from retrieval.answering.quote_check import QuoteChecker
from retrieval.answering.quote_verdicts import nobody_fits, verdict_message
from retrieval.answering.records import (
    NO_CLAIM,
    Answer,
    Claim,
    ClaimKind,
    Intent,
    QuotesAnswer,
    SpeakerStats,
)
from retrieval.answering.sides import sides_answer
from retrieval.answering.sides_records import Timeline
from retrieval.answering.speaker_answer import speaker_answer
from retrieval.answering.speakers import SpeakerDirectory
from retrieval.answering.spelling import Vocabulary
from retrieval.answering.story_country import story_countries
from retrieval.answering.topics import is_bare_topic, statements_first
from retrieval.answering.unknown_names import unwritten_name
from retrieval.answering.who_said import SAID_POOL, who_said
from retrieval.article_index import article_index
from retrieval.bm25_index import BM25Index
from retrieval.options import DEFAULT_TOP_K, IndexOptions, clamp_top_k
from retrieval.store import Opened, corpus_lookups, open_index, progress_iter
from retrieval.tokenizer import terms

T = TypeVar("T")

EXAMPLE = 'Try "What did Erdogan say?" or "Who said the agreement was made at gunpoint?"'


def clean_question(question: object) -> tuple[str, bool]:
    """Printable, single-spaced text cut to MAX_QUESTION_CHARS; and whether it was cut."""
    text = question if isinstance(question, str) else ""
    text = "".join(" " if unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp"} else ch
                   for ch in text)
    text = " ".join(text.split())
    if len(text) > MAX_QUESTION_CHARS:
        return text[:MAX_QUESTION_CHARS].rsplit(" ", 1)[0] or text[:MAX_QUESTION_CHARS], True
    return text, False


class Parley:
    """A built corpus and its index, answering questions. Read-only after construction, so
    one instance serves every front end and every concurrent Discord handler."""

    def __init__(self, corpus: Corpus, index: BM25Index, top_k: int = DEFAULT_TOP_K) -> None:
        self.corpus = corpus
        self.index = index
        self.top_k = clamp_top_k(top_k)
        self.problems: list[LoadProblem] = list(corpus.problems)
        # A corpus loaded from the cache answers these from its saved arrays: none of this
        # walks every passage.
        self._lookups = corpus_lookups(corpus)
        digest = self._lookups.speaker_digest()
        self.directory = SpeakerDirectory(digest)
        self.finder = SpeakerFinder(self.directory)
        self.vocabulary = Vocabulary(index.inverted.terms)
        self.evidence = Evidence(corpus, index, self._lookups)
        self.checker = QuoteChecker(corpus, index, self.evidence)
        # Passages with at least one attributed sentence, as the index takes them fastest.
        self._attributed_ids = np.sort(np.asarray(digest.attributed, dtype=np.int64))

    @functools.cached_property
    def _owners(self) -> np.ndarray:
        """Each passage's article number (see `article_bm25`)."""
        return self._lookups.article_numbers()

    @functools.cached_property
    def article_bm25(self) -> BM25Index:
        """BM25Okapi over whole articles (`article_index`), made on first use (about 0.1 s
        over the BBC folder) so that opening stays as fast as it was."""
        return article_index(self.index, self._owners)

    # --- public API -----------------------------------------------------------------------
    def ask(self, question: str, top_k: int | None = None, speaker: str | None = None) -> Answer:
        text, cut = clean_question(question)
        k = clamp_top_k(top_k, self.top_k)
        if not re.search(r"\w", text):
            return Answer(text, "search", (), f"Please ask a question about the articles. "
                                              f"{EXAMPLE}", truncated_question=cut)
        if not terms(text):
            return Answer(text, "search", (), "Your question has only common words; name "
                          f"someone or something from the articles. {EXAMPLE}",
                          truncated_question=cut)
        sides = None if speaker else sides_answer(self, text, k, cut)
        if sides is not None:  # "What do X and Y say about Z?", "X over time"
            return sides
        about = None if speaker else about_speakers(text)
        if about is not None:
            answer = self._about_speakers(text, about, k, cut)
            if answer is not None:
                return answer
        parsed = parse_question(text)
        if speaker and speaker.strip():
            topic = parsed.topic if parsed.intent == "speaker" else text
            return speaker_answer(self, text, speaker.strip(), topic, k, cut)
        if parsed.intent == "check" and parsed.speaker:
            return self.check(parsed.speaker, parsed.topic, k, question=text, cut=cut)
        if parsed.intent == "speaker" and parsed.speaker and (
                not parsed.loose or self.finder.find(parsed.speaker)):
            return speaker_answer(self, text, parsed.speaker, parsed.topic, k, cut)
        if parsed.intent == "who_said" and parsed.topic:
            return self._who_said(text, parsed.topic, k, cut)
        named = named_then_topic(text, self.directory, self.index) or self._nobodys_name(text)
        if named is not None:
            return speaker_answer(self, text, *named, k, cut)
        # "How did markets react to the talks?" with no speaker "markets" searches it all.
        return self._search(text, text if parsed.loose else parsed.topic or text, k, cut)

    def check(self, speaker: str, quote: str, top_k: int | None = None, *,
              question: str | None = None, cut: bool = False) -> Answer:
        """"Did `speaker` say `quote`?": a verdict with its evidence (see `quote_check`)."""
        typed, quote = clean_question(speaker)[0], clean_question(quote)[0]
        text = question or f"Did {typed} say \u201c{quote}\u201d?"
        k = clamp_top_k(top_k, self.top_k)
        if not typed or is_quantifier(typed):  # "did anyone say …" asks who said it
            return self._who_said(text, quote, k, cut)
        matches = self._found(typed)
        if not any(nearby.by_own_name(m, typed) for m in matches):
            matches = [*matches, *self._described_nearby(typed, quote)]
        claim, hits = self.checker.check(typed, quote, matches, k)
        first = claims.several_message(typed, matches) if matches else nobody_fits(typed)
        message = " ".join(m for m in (first, verdict_message(claim)) if m)
        return Answer(text, "check", hits, message, claim.speaker,
                      self.evidence.unmatched(quote), cut, claim)

    def speakers(self) -> list[SpeakerStats]:
        return [SpeakerStats(e.speaker, len(e.statements), e.direct, e.reported)
                for e in self.directory.ordered()]

    def speaker_names(self) -> list[str]:
        return [e.speaker.name for e in self.directory.ordered()]

    def quotes(self, name: str) -> QuotesAnswer:
        typed, _ = clean_question(name)
        if not typed:
            return QuotesAnswer(typed, None, (), "Name a speaker, e.g. \"Erdogan\".")
        resolution = self.directory.resolve(typed)
        if resolution.entry is None:
            message, _ = self._not_a_speaker(typed, resolution.mentioned_as)
            return QuotesAnswer(typed, None, (), message)
        entry = resolution.entry
        rows = tuple((self._lookups.article_of(p), self.corpus.passages[p],
                      self.corpus.passages[p].sentences[s]) for p, s in entry.statements)
        return QuotesAnswer(typed, entry.speaker, rows)

    def over_time(self, name: str) -> Timeline:
        """Everything `name` said, grouped by article in the order of the articles' dates."""
        return timeline(self, clean_question(name)[0])

    def sources(self) -> list[Article]:
        return list(self.corpus.articles)

    # --- the three kinds of question ------------------------------------------------------
    def _search(self, question: str, topic: str, k: int, cut: bool, name: str = "") -> Answer:
        """The best passages for the topic; `name`, a name typed with it, is searched as
        typed (a name has no synonyms: "Mobile PC magazine" is not a computer)."""
        topic = f"{name} {topic}".strip()
        query = terms(topic)
        unmatched = self.evidence.unmatched(topic)
        absent = self.absent_answer(question, "search", topic, unmatched, cut)
        if absent is not None:
            return absent
        # A passage scoring 0 (only words in exactly half the passages) answers nothing.
        # A bare topic judges the near-best passages by their statements (see `topics`).
        bare = is_bare_topic(question)
        figure = quantities.asked(question)
        pool = max(k, SAID_POOL) if bare else k
        fetched = quantities.POOL if figure is not None else 2 * pool + 5
        found = [(p, sc) for p, sc in self._top(query, topic, fetched, wide=True,
                                                exact=terms(name)) if sc > 0]
        if figure is not None:  # "how many spectators …": a figure of them first
            found = quantities.figures_first(found, self._sentence_texts, figure)
        ranked = self.evidence.distinct(after_their_story(found, self.corpus.passages), pool)
        if not ranked:
            message = self._nothing(topic) if not any(t in self.index for t in query) else (
                f"The words of “{topic}” are in so many passages that they tell none "
                "apart (BM25 gives them no weight); add a more particular word.")
            return Answer(question, "search", (), message, None, unmatched, cut)
        wanted = set(self.evidence.searched(query))
        hits = (statements_first(self.evidence, ranked, query, wanted, k) if bare
                else self.evidence.hits(ranked, wanted))
        return Answer(question, "search", hits, None, None, unmatched, cut)

    def _nobodys_name(self, text: str) -> tuple[str, str] | None:
        """"angela merkel on the greek debt bailout": a name no article writes, then what
        about, is asked as of a speaker, so the answer says nobody called that appears
        rather than show passages on the topic as if they answered."""
        split = name_then_topic(text)
        if split is None or not unwritten_name(split[0], self.index, self._passage_text,
                                               self.vocabulary.has_near):
            return None
        return split

    def _passage_text(self, passage: int) -> str:
        return self.corpus.passages[passage].text

    def _found(self, typed: str) -> list[Match]:
        """The speakers the finder fits the phrase, those of no stated country settled by
        their stories (`candidates.settled`)."""
        return settled(self.finder.find(typed), typed, self._story_countries)

    def _story_countries(self, passage: int, sentence: int) -> frozenset[str]:
        return story_countries(self.corpus.passages, passage, sentence)

    def _sentence_texts(self, passage: int) -> list[str]:
        return [s.text for s in self.corpus.passages[passage].sentences]

    def _about_speakers(self, question: str, about: AboutSpeakers, k: int,
                        cut: bool) -> Answer | None:
        """"Who is quoted most?", "Who is X?", "Who spoke about X?"; None when X fits no
        speaker (then it is an ordinary question)."""
        if about.kind == "most":
            return Answer(question, "speakers", (), most_quoted(self.directory.ordered()),
                          truncated_question=cut)
        if about.kind == "spoke_about":
            return self._who_said(question, about.phrase, k, cut)
        matches = self.finder.find(about.phrase)
        if not matches or is_quantifier(about.phrase):
            return None
        answer = speaker_answer(self, question, about.phrase, "", k, cut, matches)
        text = " ".join(profile(m, self._lookups.article_of) for m in matches[:5])
        return Answer(question, "speakers", answer.results, text, answer.speaker,
                      answer.unmatched_words, cut, answer.claim)

    @functools.lru_cache(maxsize=1024)  # noqa: B019 - one engine per corpus, kept for its life
    def _described_nearby(self, typed: str, topic: str) -> tuple[Match, ...]:
        """Speakers the role phrase fits as their sentences describe them (see `nearby`),
        in the passages with a speaker that best match the phrase and the topic. When the
        phrase is the name of someone the articles mention who never speaks, a speaker
        whose own name shares a word with it is another person the articles name apart
        ("Ronnie Barker" is not Ronnie Corbett, whom a sentence calls "soon to reunite with
        Ronnie Barker"), though an analyst "at Goldman Sachs" may speak for the bank."""
        found = self.index.top(terms(f"{typed} {topic}"), nearby.POOL,
                               allowed=self._attributed_ids)
        fitted = nearby.described_nearby(typed, (self.corpus.passages[p] for p, _ in found),
                                         self.directory, self.finder.find(typed))
        silent = self.directory.resolve(typed).mentioned_as
        if silent is None:
            return fitted
        named = set(terms(silent))
        return tuple(m for m in fitted if not named & set(terms(m.group.speaker.name)))

    def _who_said(self, question: str, topic: str, k: int, cut: bool) -> Answer:
        return who_said(self, question, topic, k, cut)

    def _top(self, query: Sequence[str], topic: str, k: int,
             allowed: Iterable[int] | None = None, *, wide: bool = False,
             exact: Sequence[str] = ()) -> list[tuple[int, float]]:
        """BM25's best passages (at least proximity.POOL of them), ranked with their
        articles (see `article_context`: the best of BM25's CANDIDATES by their own score
        and their article's together), those holding the topic's word runs first (see
        `proximity`); `wide` searches the synonyms too (`synonyms`), except those of the
        `exact` terms (a name's). The scores are BM25Okapi's over each passage."""
        rest = [t for t in query if t not in exact]
        searched = self.evidence.searched(rest) if wide else self.evidence.widened(rest)
        if exact:
            searched = [*self.evidence.widened(exact), *searched]
        wanted = max(k, proximity.POOL)
        found = self.index.top(searched, max(wanted, CANDIDATES), allowed=allowed)
        found = with_their_articles(found, searched, self.article_bm25, self._owners)[:wanted]
        return by_phrase(found, topic, self.evidence.terms_of)

    def _absent(self, topic: str) -> Sequence[str]:
        return absent_words(topic, self.index, self.vocabulary.has_near)

    def absent_answer(self, question: str, intent: Intent, topic: str,
                      unmatched: tuple[str, ...], cut: bool,
                      claim: Claim = NO_CLAIM) -> Answer | None:
        """The answer when words of the topic are in no article ("No article mentions …"),
        shown with no passage; None when every word is somewhere."""
        missing = self._absent(topic)
        if not missing:
            return None
        return Answer(question, intent, (), claims.not_in_articles(missing), None, unmatched,
                      cut, claim)

    @staticmethod
    def _nothing(topic: str) -> str:
        return f"Nothing in the articles matches \u201c{topic}\u201d."

    def _not_a_speaker(self, typed: str, mentioned_as: str | None) -> tuple[str, ClaimKind]:
        """Why nobody's statements can be shown for a typed name, and the claim that makes:
        never "X is not quoted", which attribution cannot promise, only what Parley does and
        does not find; `absent` only when the name is nowhere in the articles."""
        if mentioned_as:
            return (f"{mentioned_as} is mentioned in the articles, but Parley finds no "
                    "statement of theirs in them.", "closest")
        if self.evidence.appears(typed):
            return (f"\u201c{typed}\u201d appears in the articles, but Parley finds no "
                    "statement by anyone of that name.", "closest")
        return f"Nobody called \u201c{typed}\u201d appears in the articles.", "absent"


def open_parley(corpus_paths: Sequence[Path] | None = None,
                options: IndexOptions | None = None, *, top_k: int = DEFAULT_TOP_K,
                progress: bool = False, rebuild: bool = False,
                cancel: Cancel | None = None,
                jobs: int | None = None) -> tuple[Parley, Opened]:
    """The engine for a corpus (the shipped article unless paths are given), and what opening
    it found or did: loaded from the saved copy when it is still valid (keyed by the files'
    bytes and the BM25 parameters), else built and saved; `rebuild` ignores any saved copy.
    A build attributes on `jobs` processes (None: every core). Raises
    corpus.build.CorpusError when no article loads, BuildCancelled when `cancel()` says so
    during a build."""
    paths = list(corpus_paths) if corpus_paths else [SHIPPED_CORPUS]
    jobs = jobs or default_jobs()

    def bar(items: Iterable[T], sizes: Sequence[int], desc: str) -> Iterable[T]:
        return progress_iter(items, len(sizes), desc, progress, sizes=sizes)

    opened = open_index(paths, options or IndexOptions(),
                        lambda snap, attributor: build_corpus(
                            snap, progress=bar, cancel=cancel, attributor=attributor,
                            jobs=jobs), progress,
                        rebuild=rebuild, cancel=cancel)
    return Parley(opened.corpus, opened.index, top_k), opened
