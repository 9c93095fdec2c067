"""The evidence an answer shows: ranked passages as hits with their best sentence and
matched words, and the checks an answer's claim rests on (coverage, words that occur)."""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache

from corpus.folding import fold
from corpus.models import Corpus
from retrieval.answering import claims, compounds, synonyms, variants
from retrieval.answering.records import Hit
from retrieval.bm25_index import BM25Index
from retrieval.store import CorpusLookups
from retrieval.tokenizer import Token, terms, tokens

RARE_POOL = 400  # passages best for a phrase's rarest term searched for all of it

NEAR_COPY = 0.9  # share of words (Jaccard) above which two passages are one passage twice
_WORDS = re.compile(r"\w+")


@lru_cache(maxsize=8192)
def _word_set(text: str) -> frozenset[str]:
    return frozenset(_WORDS.findall(fold(text)))


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def _near_copies(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two passages share NEAR_COPY of their words: never when their sizes alone
    rule it out (the overlap is at most the smaller over the larger)."""
    small, large = sorted((len(a), len(b)))
    return small >= NEAR_COPY * large and _overlap(a, b) >= NEAR_COPY


class Evidence:
    """Passages of one corpus turned into what answers show and check."""

    def __init__(self, corpus: Corpus, index: BM25Index, lookups: CorpusLookups) -> None:
        self.corpus = corpus
        self.index = index
        self.lookups = lookups
        # BM25Okapi's IDF of a word in one passage: the most any word of the articles weighs,
        # and so what a word they never use weighs in coverage.
        self.unseen_idf = math.log((index.size - 0.5) / 1.5) if index.size > 1 else 1.0

    def coverage(self, hit: Hit, query: Sequence[str], said_only: bool = False,
                 framed: bool = False) -> float:
        """The share of the query the hit's statement holds, a term held when its place or
        proper-adjective form is ("Crimean" for "crimea", see `variants`); `said_only`:
        held by what was said, not by the narration framing it (`said_part`); `framed`:
        by the statement with its passage's narration (`claims.framed_texts`)."""
        held = claims.statement_terms(hit, terms, said_only, framed)
        held |= {t for t in query if any(v in held for v in self.variants_of(t))}
        return claims.coverage(query, held, self.idf_of, self.unseen_idf,
                               synonyms.held_through(query, held), synonyms.SYNONYM_WEIGHT)

    def idf_of(self, term: str) -> float | None:
        """The term's IDF, None for a word no passage uses (coverage weighs it
        `unseen_idf`)."""
        return self.index.idf(term) if term in self.index else None

    @lru_cache(maxsize=4096)  # noqa: B019 - one Evidence per engine, kept for its life
    def variants_of(self, term: str) -> tuple[str, ...]:
        """The term's place or proper-adjective form the articles use (see `variants`)."""
        return variants.proper_variants(term, self.index,
                                        lambda p: self.corpus.passages[p].text)

    def widened(self, query: Sequence[str]) -> list[str]:
        return list(self._widened(tuple(query)))

    def searched(self, query: Sequence[str]) -> list[str]:
        """The widened query and its synonyms' terms that the articles use (`synonyms`)."""
        return list(self._searched(tuple(query)))

    @lru_cache(maxsize=4096)  # noqa: B019 - one Evidence per engine, kept for its life
    def _searched(self, query: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(synonyms.widened(self._widened(query), self.index.__contains__))

    @lru_cache(maxsize=4096)  # noqa: B019 - one Evidence per engine, kept for its life
    def _widened(self, query: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(variants.widened(query, self._searched_as))

    def _searched_as(self, term: str) -> tuple[str, ...]:
        """What the term is also searched as: its place or proper-adjective form, or the
        last part of a closed compound the articles never write (`compounds`)."""
        head = compounds.known_head(term, self.index.__contains__)
        return self.variants_of(term) + (() if head is None else (head,))

    def terms_of(self, p: int) -> list[str]:
        """A passage's search terms in order (its tokens are remembered for the hits)."""
        return [t.term for t in _passage_tokens(self.corpus.passages[p].text)]

    def holding_all(self, query: Sequence[str], among: int = RARE_POOL) -> list[int]:
        """The passages holding every term of the query among the `among` best for its
        rarest term, in that order: what a phrase of common words ("the conservative party
        on this issue") is found by, where the best passages for all its words are those
        short ones holding some of them."""
        wanted = list(dict.fromkeys(query))
        if not wanted or any(t not in self.index for t in wanted):
            return []
        rarest = max(wanted, key=self.index.idf)
        found = [p for p, _ in self.index.top([rarest], among)]
        held = set(found)
        for t in wanted:
            if t != rarest and held:
                held = {p for p, _ in self.index.top([t], len(held), allowed=sorted(held))}
        return [p for p in found if p in held]

    # --- helpers --------------------------------------------------------------------------
    def distinct(self, ranked: list[tuple[int, float]], k: int) -> list[tuple[int, float]]:
        """The first k results whose passage is not a near copy of a better one's (news
        archives repeat paragraphs across updated versions of a story, with a word or two
        changed): near copies share NEAR_COPY of their words."""
        shown: list[frozenset[str]] = []
        out: list[tuple[int, float]] = []
        for p, score in ranked:
            words = _word_set(self.corpus.passages[p].text)
            if any(_near_copies(words, other) for other in shown):
                continue
            shown.append(words)
            out.append((p, score))
            if len(out) == k:
                break
        return out

    def hits(self, ranked: list[tuple[int, float]], query: set[str],
              only: dict[int, list[int]] | None = None) -> tuple[Hit, ...]:
        hits = []
        for rank, (p, score) in enumerate(ranked, start=1):
            passage = self.corpus.passages[p]
            candidates = only[p] if only is not None else range(len(passage.sentences))
            best = max(candidates, key=lambda s: (self.content_score(p, s, query),
                                                   passage.sentences[s].speaker is not None,
                                                   -s))
            spans = tuple((t.start, t.end) for t in _passage_tokens(passage.text)
                          if t.term in query)
            hits.append(Hit(rank, score, passage, self.lookups.article_of(p), best,
                            _merge(spans)))
        return tuple(hits)

    def content_score(self, p: int, s: int, query: set[str]) -> float:
        """`sentence_score` less the words of the sentence's own speaker's name: in
        "Ukraine said …, while Moscow said it had succeeded in diminishing the Ukrainian
        armed forces", a question about Ukraine's forces is answered by Moscow's clause,
        and "Producers say …" is not about producers (as in `claims.statement_terms`)."""
        who = self.corpus.passages[p].sentences[s].speaker
        own = set(terms(who.name)) if who is not None else set()
        return self.sentence_score(p, s, query - own if own & query else query)

    def sentence_score(self, p: int, s: int, query: set[str]) -> float:
        sentence = self.corpus.passages[p].sentences[s]
        found = {t.term for t in _passage_tokens(self.corpus.passages[p].text)
                 if sentence.start <= t.start < sentence.end and t.term in query}
        return sum(max(self.index.idf(t), 1e-6) for t in found)

    def unmatched(self, topic: str) -> tuple[str, ...]:
        """The topic's words no article has, as searched: a word found through its
        proper-adjective form ("crimea" in "the Crimean peninsula") is not one of them."""
        words: list[str] = []
        for t in tokens(topic):
            word = topic[t.start:t.end]
            if t.term not in self.index and not self.variants_of(t.term) \
                    and word not in words:
                words.append(word)
        return tuple(words)

    def appears(self, typed: str) -> bool:
        """Whether the words typed occur together, as typed, in some passage (checked on the
        few passages that match them best, not the whole corpus)."""
        query = terms(typed)
        if not query:
            return False
        pattern = _phrase_pattern(typed)
        return any(pattern.search(fold(self.corpus.passages[p].text))
                   for p, _ in self.index.top(query, 10))


def _phrase_pattern(text: str) -> re.Pattern[str]:
    """The folded words as a whole phrase, a leading article optional ("the Kremlin")."""
    words = re.sub(r"^(?:the|a|an)\s+", "", fold(text))
    return re.compile(r"(?<!\w)" + re.escape(words) + r"(?!\w)")


@lru_cache(maxsize=4096)
def _passage_tokens(text: str) -> tuple[Token, ...]:
    return tuple(tokens(text))


def _merge(spans: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """Sorted, non-overlapping spans (a hyphenated word yields several terms, one span)."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(set(spans)):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return tuple(out)
