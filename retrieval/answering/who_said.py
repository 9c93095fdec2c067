""""Who said Y?": the statements that hold most of Y, and a claim only when one covers it.

The best passages among those with a speaker are kept when their attributed statements
themselves hold Y's words; among the near-best (NEAR_TOP of the best BM25 score) the
statements covering more of Y come first. The words as asked are searched first; only when
no statement they find covers Y (COVERAGE_TO_SAY) is the search widened with their synonyms
(`synonyms`): a paraphrase ("dodging hard decisions" for "ducking tough choices") is found,
and a question the articles answer in its own words is never moved by a synonym.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from retrieval.answering import claims, proximity
from retrieval.answering.asked_about import spoken_of
from retrieval.answering.asked_act import does_the_act, holds_predicate
from retrieval.answering.records import Answer, Claim, Hit
from retrieval.answering.sense import denies_asked, holds_figures, keeps_sense
from retrieval.answering.together import (
    holds_phrase,
    holds_together,
    topic_words,
    typed_share,
    written_in_order,
)
from retrieval.tokenizer import terms

if TYPE_CHECKING:
    from retrieval.answering.engine import Parley

SAID_POOL = 10  # "who said" statements judged by coverage before the best k are shown
VERBATIM_WORDS = 4  # a topic of this many words or more may be written word for word
VERBATIM_POOL = 20  # ... in one of the passages best matching it (or holding all its words)
NEAR_CLAIM = 0.5  # share of a claimed statement's coverage the statements shown after it hold


@dataclass(frozen=True)
class Found:
    """The statements shown for a question, best first, and the share of it each covers."""

    hits: tuple[Hit, ...]
    held: list[float]
    said: list[float] | None = None  # the share what was said holds (`said_part`)

    def claimable(self) -> list[float]:
        """The share of the question each statement may be claimed for: what its speaker
        said, without the narration around it, when that was measured."""
        return self.said if self.said is not None else self.held


def who_said(parley: Parley, question: str, topic: str, k: int, cut: bool) -> Answer:
    query = terms(topic)
    unmatched = parley.evidence.unmatched(topic)
    absent = parley.absent_answer(question, "who_said", topic, unmatched, cut)
    if absent is not None:
        return absent
    writing = _writing(parley, topic)
    found = _statements(parley, query, topic, k, wide=False)
    if widens(parley, query) and (found is None or
                                  max(found.claimable()) < claims.COVERAGE_TO_SAY):
        found = _statements(parley, query, topic, k, wide=True) or found
    found = _verbatim_first(parley, found, writing, topic, k)
    if found is None:
        plain = parley._search(question, topic, k, cut)
        message = claims.CLOSEST if plain.results else claims.no_statement_message(unmatched)
        return Answer(question, "who_said", plain.results, message, None, unmatched, cut,
                      Claim("closest"))
    hits, held, said = found.hits, found.held, found.claimable()
    # A statement whose own words (not the narration framing them) cover the question and
    # that names its speaker (not a vague "analysts") is the one claimed, shown first: of
    # two, the one writing more of the question's words as typed; none when a statement
    # that may not be claimed writes more of them.
    typed = [typed_share(topic, claims.said_texts(hit)) for hit in hits]
    sayers = [(i, hit.speaker) for i, hit in enumerate(hits) if hit.speaker is not None
              and said[i] >= claims.COVERAGE_TO_SAY and says_it(topic, hit)]
    if sayers:
        i, who = max(sayers, key=lambda s: (typed[s[0]], -s[0]))
        if not _unclaimed_says_more(hits, said, typed, {j for j, _ in sayers}, typed[i]) \
                and not _written_elsewhere(topic, hits[i], writing):
            shown = renumbered((hits[i], *_near_the_claim(hits, held, i)))
            return Answer(question, "who_said", shown, claims.said_message(who), who,
                          unmatched, cut, Claim("said", who, coverage=said[i]))
    # The closest statements with their speakers; first the passage that reports it in
    # the article's own words, when that holds more of the question than any statement.
    plain = parley._search(question, topic, k, cut)
    best = plain.results[0] if plain.results else None
    if best is not None and best.speaker is None and (
            parley.evidence.coverage(best, query) > max(held)):
        hits = renumbered((best, *[h for h in hits
                                   if h.passage.text != best.passage.text][:k - 1]))
    return Answer(question, "who_said", hits, claims.CLOSEST, None, unmatched, cut,
                  Claim("closest", coverage=said[0]))


def _near_the_claim(hits: Sequence[Hit], held: Sequence[float], claimed: int) -> list[Hit]:
    """The statements shown after the one claimed: those holding at least NEAR_CLAIM of
    the share of the question it holds, in their order. The claim answers the question;
    a statement holding a word or two of it ("Çavuşoğlu says Kyiv and Moscow reached a
    consensus" under "Moscow announced it would scale back its military operations near
    Kyiv") is someone shown speaking for no reason."""
    floor = NEAR_CLAIM * held[claimed]
    return [hit for j, hit in enumerate(hits) if j != claimed and held[j] >= floor]


def _unclaimed_says_more(hits: Sequence[Hit], said: Sequence[float], typed: Sequence[float],
                         claimable: set[int], best: float) -> bool:
    """Whether a statement no claim may name ("analysts say", "sources told the BBC", or one
    that `says_it` turns away: "Wales are still not thinking of winning the Grand Slam")
    covers the question and writes more of its words as typed than the one a claim would
    name, which then only shares its stems ("Mac watchers and some analysts say the Mac mini
    will go a long way to help Apple appeal to the mass of consumers" is no word of Ian
    Harris's; "France can claim another Grand Slam despite two lacklustre wins" does not say
    "thinking of winning the Grand Slam")."""
    return any(j not in claimable and said[j] >= claims.COVERAGE_TO_SAY and typed[j] > best
               for j in range(len(hits)))


def _writing(parley: Parley, topic: str) -> list[int]:
    """The passages writing the topic's words (VERBATIM_WORDS or more) one after another,
    among the best matching it and those holding them all (`Evidence.holding_all`): a
    phrase of common words ("the conservative party on this issue") is written in a long
    passage that ranks below short ones holding its words apart."""
    words = topic_words(topic)
    if len(words) < VERBATIM_WORDS:
        return []
    query = terms(topic)
    best = [p for p, _ in parley.index.top(query, VERBATIM_POOL)]
    return [p for p in dict.fromkeys([*best, *parley.evidence.holding_all(query)])
            if written_in_order(words, parley.corpus.passages[p].text)]


def _verbatim_first(parley: Parley, found: Found | None, writing: Sequence[int], topic: str,
                    k: int) -> Found | None:
    """The statements whose speaker's own words write the topic (`writing`), first: a
    quotation pasted whole is found by its words as written, however common they are. Only
    the order changes; each is still claimed only as any statement is (`says_it`)."""
    words = topic_words(topic)
    query = terms(topic)
    shown = {h.passage.text for h in found.hits} if found is not None else set()
    new: list[Hit] = []
    for p in writing:
        sentences = parley.corpus.passages[p].sentences
        own = [i for i, st in enumerate(sentences) if st.speaker is not None]
        if not own or parley.corpus.passages[p].text in shown:
            continue
        score = parley.index.top(query, 1, allowed=[p])[0][1]
        hit = parley.evidence.hits([(p, score)], set(query), only={p: own})[0]
        if any(written_in_order(words, text) for text in claims.said_texts(hit)):
            new.append(hit)
    if not new:
        return found
    before = found or Found((), [], [])
    hits = renumbered((*new, *before.hits))[:k]
    held = [*(parley.evidence.coverage(h, query) for h in new), *before.held][:k]
    said = [*(parley.evidence.coverage(h, query, said_only=True) for h in new),
            *before.claimable()][:k]
    return Found(hits, held, said)


def _written_elsewhere(topic: str, hit: Hit, writing: Sequence[int]) -> bool:
    """Whether a passage best matching the topic writes its words (`writing`) while the
    statement a claim would name does not: the words are someone else's, or the
    narration's ("City experts say there is a £10bn 'black hole' in the public finances" is
    no word of George Osborne's)."""
    words = topic_words(topic)
    return bool(writing) and not any(written_in_order(words, text)
                                     for text in claims.statement_texts(hit))


def says_it(topic: str, hit: Hit) -> bool:
    """Whether a statement covering the topic's words may be claimed as saying it: its
    speaker is named, and it keeps the topic's sense (`sense`), does the act the topic asks
    for (`asked_act`), says its predicate of its subject and every figure it names in what
    was said (`said_part`), holds a short topic's words together and a phrase of common words
    as typed there (`together`), and does not deny one of the topic's words."""
    texts, said = claims.statement_texts(hit), claims.said_texts(hit)
    return claims.names_someone(hit.speaker) and keeps_sense(topic, texts) \
        and does_the_act(topic, hit) and holds_predicate(topic, said) \
        and holds_figures(topic, said, terms) and holds_together(topic, said) \
        and holds_phrase(topic, said) and not denies_asked(topic, texts, terms)


def widens(parley: Parley, query: Sequence[str]) -> bool:
    """Whether the query's synonyms add a term the articles use (else wide is narrow)."""
    return len(parley.evidence.searched(query)) > len(parley.evidence.widened(query))


def _statements(parley: Parley, query: Sequence[str], topic: str, k: int,
                wide: bool) -> Found | None:
    """The best statements for the query (its synonyms searched too when `wide`), or None
    when no passage's attributed statements hold a word of it."""
    evidence = parley.evidence
    qset = set(evidence.searched(query) if wide else evidence.widened(query))
    attributed: dict[int, list[int]] = {}  # only for passages actually looked at

    def statements(p: int) -> list[int]:
        """The passage's attributed sentences, less those of a person the topic names
        (`asked_about`)."""
        if p not in attributed:
            attributed[p] = [i for i, s in enumerate(parley.corpus.passages[p].sentences)
                             if s.speaker is not None and not spoken_of(topic, s.speaker)]
        return attributed[p]

    # Best passages among those with a speaker, keeping the ones whose attributed
    # statements themselves hold the words; look deeper only when too few survive.
    ranked: list[tuple[int, float]] = []
    pool = max(k, SAID_POOL)
    depth = 4 * k + 16
    while query:
        top = parley._top(query, topic, depth, parley._attributed_ids, wide=wide)
        ranked = evidence.distinct([(p, sc) for p, sc in top if sc > 0 and any(
            evidence.sentence_score(p, s, qset) > 0 for s in statements(p))], pool)
        if len(ranked) >= k or len(top) < depth:  # deeper only for the k shown
            break
        depth *= 4
    if not ranked:
        return None
    # The statements that hold most of the question, by coverage, first (BM25's order
    # among equals): "who said Y?" asks for a statement, and a passage's other words
    # (narration, another speaker) are no part of it.
    hits, held = covered_first(parley, ranked,
                               lambda chosen: evidence.hits(chosen, qset, only=attributed),
                               query, k)
    return Found(hits, held, [evidence.coverage(h, query, said_only=True) for h in hits])


def covered_first(parley: Parley, ranked: Sequence[tuple[int, float]],
                  make_hits: Callable[[list[tuple[int, float]]], Sequence[Hit]],
                  query: Sequence[str], k: int, first: set[int] | None = None,
                  ) -> tuple[tuple[Hit, ...], list[float]]:
    """The k hits to show, and their coverage: among those scoring at least NEAR_TOP of
    the best, the passages in `first` (a speaker phrase's best-fitting speakers), then
    the statements holding more of the question, before the rest (BM25's order among
    equals). Hits are made only for the near-best and the rest shown."""
    floor = proximity.NEAR_TOP * max(score for _, score in ranked)
    near = [item for item in ranked if item[1] >= floor]
    near_hits = list(make_hits(near))
    held = [parley.evidence.coverage(h, query) for h in near_hits]

    def key(i: int) -> tuple[bool, float]:
        return first is not None and near[i][0] not in first, -held[i]

    seen: set[tuple[str | None, str]] = set()
    order = [i for i in sorted(range(len(near)), key=key) if _first(near_hits[i], seen)][:k]
    shown = [near_hits[i] for i in order]
    covered = [held[i] for i in order]
    rest = [item for item in ranked if item[1] < floor][:k]
    rest_hits = [h for h in (make_hits(rest) if rest and len(shown) < k else ())
                 if _first(h, seen)][:k - len(shown)]
    covered += [parley.evidence.coverage(h, query) for h in rest_hits]
    return renumbered([*shown, *rest_hits]), covered


def _first(hit: Hit, seen: set[tuple[str | None, str]]) -> bool:
    """Whether no hit before showed this statement (speaker and sentence), remembering it:
    a story filed twice repeats a paragraph with other sentences around it, too unlike for
    a near copy, and the one statement twice tells the reader nothing more."""
    who = hit.speaker
    key = (who.name if who is not None else None, hit.sentence.text)
    if key in seen:
        return False
    seen.add(key)
    return True


def renumbered(hits: Sequence[Hit]) -> tuple[Hit, ...]:
    """Hits moved about, ranked 1, 2, … in their new order."""
    return tuple(replace(h, rank=i) for i, h in enumerate(hits, start=1))
