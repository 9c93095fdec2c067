"""Comparing sides: each side's statements on a topic, ranked by BM25, side by side.

A side's statements are the attributed sentences of the speakers it stands for
(`side_members`); a passage that only mentions a side gives it nothing. Each side's
passages are ranked by BM25Okapi's scores for the topic among the passages where the side
speaks (the scores are the index's own, exactly), and a passage counts for the side only
when one of the side's own sentences in it holds a word of the topic (as searched: "Crimean"
for Crimea): the statement, not its paragraph, must be on the topic; except that a direct
quote in a paragraph holding every word of a topic of two words or more answers it (a
reply, "I tried to order some", to the paragraph's "contamination-free supplements"); and,
when the topic names something (a proper word: "Kruger"), only in an article naming it. Those
in an article where another side speaks on the topic come first, headlines last. A side
with none is given its quoted words in the stories where another side speaks on the topic
(`_in_their_story`), or, when no side does, in the stories about it where every side is
quoted (`shared_story`); a side with none even so is told that none of its statements (so
many) mentions the topic: what the words show, never that they are about other things.
"""
from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from retrieval.answering import claims
from retrieval.answering.candidates import Match
from retrieval.answering.quote_sense import same_word_set, widened_terms
from retrieval.answering.records import Claim
from retrieval.answering.shared_story import headline_holds, quoted_in, shared_stories
from retrieval.answering.side_members import (
    person_choices,
    side_matches,
    speakers_of,
    written_as_former,
)
from retrieval.answering.sides_frames import framed_terms
from retrieval.answering.sides_question import SidesQuestion
from retrieval.answering.sides_records import Comparison, Side, SidesAnswer
from retrieval.answering.sides_replies import replies
from retrieval.answering.variants import LOOKED_AT, is_proper
from retrieval.tokenizer import terms

if TYPE_CHECKING:
    from retrieval.answering.engine import Parley

PER_SIDE = 3  # statements shown for each side (fewer when top_k is smaller)
TOPIC_POOL = 200  # passages best matching a topic whose articles may be about it
_BY_OFFICE = frozenset({"role", "nearby"})  # fits by the post they hold, not by name
_LOOSE = frozenset({"role", "first name"})  # fits that a name written whole may produce


def statements_of(matches: Sequence[Match], parley: Parley | None = None
                  ) -> dict[int, list[int]]:
    """Passage -> the side's sentences in it; given the engine, not those of someone who
    fits the side by office where the sentence calls them a former holder of it."""
    mine: dict[int, list[int]] = {}
    for m in matches:
        for p, s in m.group.statements:
            if parley is not None and m.how in _BY_OFFICE and written_as_former(
                    parley.corpus.passages[p].sentences[s].text, m.group.speaker):
                continue
            if s not in mine.setdefault(p, []):
                mine[p].append(s)
    return mine


def is_comparison(parley: Parley, question: SidesQuestion) -> bool:
    """Whether the sides are sides: the phrase is not one speaker's own name; and, when only
    "and" joins them ("What did X and Y say?") and the articles write the phrase whole, each
    side fits someone by name, country or party, not by a role word alone ("the Department
    of Trade and Industry" is one body, "Marks and Spencer" one firm); at least one side
    fits someone."""
    whole = parley.directory.resolve(question.whole)
    if whole.entry is not None and whole.corrected is None:
        return False
    if not question.explicit and _and_inside_a_name(parley, question.sides):
        return False
    matches = [side_matches(parley, side, question.topic) for side in question.sides]
    if not question.explicit and parley.evidence.appears(question.whole) and not all(
            any(m.how not in _LOOSE for m in found) for found in matches):
        return False
    return any(matches)


def _and_inside_a_name(parley: Parley, sides: Sequence[str]) -> bool:
    """"What did Ernst and Young's head of tax say?": two sides that "and" parts make a
    speaker's name written with "&" or "and" ("Ernst & Young"), so the question has one
    speaker, not two."""
    for a, b in itertools.pairwise(sides):
        words = b.split()
        for n in range(1, min(3, len(words)) + 1):
            head = re.sub(r"['’]s?$", "", " ".join(words[:n]))
            for joiner in ("&", "and"):
                found = parley.directory.resolve(f"{a} {joiner} {head}")
                if found.entry is not None and found.corrected is None:
                    return True
    return False


@dataclass(frozen=True)
class _Candidates:
    """A side's passages on the topic, BM25's best first, and its sentences in each."""

    matches: tuple[Match, ...]
    ranked: list[tuple[int, float]]
    sentences: dict[int, list[int]]
    total: int  # all the side's statements
    mine: dict[int, list[int]]  # all the side's sentences, by passage


def _replies(parley: Parley, found: Sequence[_Candidates | None]
             ) -> list[_Candidates | None]:
    """Each side with its replies (`sides_replies`) to another side's statements on the
    topic, after those holding a word of it, at the other side's score for the paragraph."""
    passages = parley.corpus.passages
    out: list[_Candidates | None] = []
    for i, c in enumerate(found):
        if c is None:
            out.append(c)
            continue
        added: dict[int, list[int]] = {}
        scores: dict[int, float] = {}
        for j, other in enumerate(found):
            if j == i or other is None:
                continue
            for p, score in other.ranked:
                said = replies(passages[p], c.mine.get(p, []), other.sentences.get(p, []))
                if said and p not in c.sentences and p not in added:
                    added[p], scores[p] = said, score
        out.append(_Candidates(c.matches, [*c.ranked, *scores.items()],
                               {**c.sentences, **added}, c.total, c.mine) if added else c)
    return out


def _in_their_story(parley: Parley, found: Sequence[_Candidates | None], topic: str
                    ) -> list[_Candidates | None]:
    """A side with nothing on the topic, given its own quoted words in the stories whose
    headline holds half its words or more and where another side speaks on it, in order:
    asked what Norbert Reithofer and Brad Wernle say about the Mini, Wernle's "The risk is
    that after they've invested massively in the brand, demand tapers off" in "BMW cash to
    fuel Mini production", where Reithofer speaks of the Mini, is on it, though it never
    says "Mini"; Kallas's words in the seed's story are not on "the fighting" Ukraine
    speaks of there. A reported sentence is not (see `_in_topic_articles`). When no side
    speaks on it, the stories where every side is quoted (see `shared_story`)."""
    passages = parley.corpus.passages
    wanted = same_word_set(terms(topic))
    if all(c is not None and not c.ranked for c in found):
        given = shared_stories(parley, [c.mine for c in found if c is not None], wanted)
    else:
        given = []
        for i, c in enumerate(found):
            stories = {passages[p].document for j, other in enumerate(found)
                       if j != i and other is not None for p, _ in other.ranked
                       if headline_holds(parley, p - passages[p].index, wanted)}
            given.append(quoted_in(parley, c.mine, stories)
                         if c is not None and not c.ranked else {})
    return [_Candidates(c.matches, [(p, 0.0) for p in extra], extra, c.total, c.mine)
            if c is not None and extra else c for c, extra in zip(found, given, strict=True)]


def _searched(parley: Parley, topic: str) -> set[str]:
    """The topic's terms as searched: "crimea" holds "Crimean" too."""
    return set(parley.evidence.widened(terms(topic)))


def _on_topic(parley: Parley, mine: dict[int, list[int]], topic: str, k: int
              ) -> tuple[list[tuple[int, float]], dict[int, list[int]]]:
    """The side's passages where one of its own sentences holds a word of the topic, or,
    in a paragraph holding every word of a topic of two or more, one it is quoted saying;
    BM25's best first (all its passages, in corpus order, when the topic has no words).
    When the words as typed find none, their plain synonyms are searched too (those of a
    quote check, `quote_sense`: Kallas's "Whatever agreement there is" is on "a peace
    deal")."""
    query = terms(topic)
    if not mine:
        return [], {}
    if not query:
        return [(p, 0.0) for p in sorted(mine)], mine
    ranked, on_topic = _held(parley, mine, topic, k, False)
    if not ranked:
        ranked, on_topic = _held(parley, mine, topic, k, True)
    if not ranked:
        ranked, on_topic = _held(parley, mine, topic, k, True, framed=True)
    return _in_topic_articles(parley, mine, tuple(query), ranked, on_topic)


def _in_topic_articles(parley: Parley, mine: dict[int, list[int]], query: tuple[str, ...],
                       ranked: list[tuple[int, float]], on_topic: dict[int, list[int]]
                       ) -> tuple[list[tuple[int, float]], dict[int, list[int]]]:
    """The side's own quoted words in the articles about the topic (see `_topic_articles`)
    join the statements holding its words, after them, in the article's order: a reply in
    the story on "cold calls" is on them though it says "When we ask which party they will
    vote for, that is not marketing". A reported sentence is not: the narration that sums
    up what they said would name the topic if it were on it (Moscow's "would scale back its
    military operations", in a story on security guarantees)."""
    about = _topic_articles(parley, query)
    passages = parley.corpus.passages
    quoted = {p: [s for s in mine[p] if passages[p].sentences[s].kind == "direct"]
              for p in mine if p not in on_topic and passages[p].index > 0
              and passages[p].document in about}
    extra = sorted(p for p, held in quoted.items() if held)
    if not extra:
        return ranked, on_topic
    scores = dict(parley.index.top(list(query), len(extra), allowed=extra))
    return ([*ranked, *((p, scores.get(p, 0.0)) for p in extra)],
            {**on_topic, **{p: quoted[p] for p in extra}})


def _scored(parley: Parley, p: int, score: float, query: set[str]) -> bool:
    """Whether the passage holds the topic: a score, or a word of it that weighs nothing
    (BM25Okapi gives a word in half the passages IDF 0: "the talks" on the seed)."""
    return score > 0 or bool(query & set(parley.evidence.terms_of(p)))


@functools.lru_cache(maxsize=256)
def _topic_articles(parley: Parley, query: tuple[str, ...]) -> frozenset[str]:
    """The articles whose headline holds a word of a topic of two words or more and, with
    the first paragraph, every word of it (by stem or irregular form), among those of the
    passages best matching it: the story is about it ("Campaign 'cold calls' questioned";
    "Child access laws shake-up", whose lead speaks of plans). A lead alone is not enough
    (the seed's opens on the peace talks and Moscow's military operations, and Kallas on
    the agreement is not on peace), nor one word ("the economy"). Worked out once per
    engine and topic."""
    passages = parley.corpus.passages
    wanted = same_word_set(query)
    out: set[str] = set()
    seen: set[int] = set()
    for p, _ in parley.index.top(list(query), TOPIC_POOL) if len(wanted) > 1 else ():
        start = p - passages[p].index
        if start in seen:
            continue
        seen.add(start)
        lead = [q for q in (start, start + 1) if q < len(passages)
                and passages[q].document == passages[start].document]
        held = same_word_set(t for q in lead for t in parley.evidence.terms_of(q))
        if wanted <= held and wanted & same_word_set(parley.evidence.terms_of(start)):
            out.add(passages[start].document)
    return frozenset(out)


def _held(parley: Parley, mine: dict[int, list[int]], topic: str, k: int, wide: bool,
          framed: bool = False) -> tuple[list[tuple[int, float]], dict[int, list[int]]]:
    """`_on_topic` for the topic's words as searched, or (`wide`) with their synonyms, and
    (`framed`) the words of their frames (`sides_frames`: Ukraine's "counter-attacks" are
    on "the fighting")."""
    query = terms(topic)
    if wide:  # a name's words as typed ("British" is not any "UK"), the others' synonyms
        names = _proper_terms(parley, tuple(query))
        typed = [t for t in query if t not in names]
        query = [*names, *typed, *(t for t in widened_terms(typed)[len(set(typed)):]
                                   if t in parley.index)]
        if framed:
            query += [t for t in framed_terms(typed) if t in parley.index]
    qset = set(parley.evidence.widened(query))
    found = parley._top(query, topic, 4 * k + 8, sorted(mine))
    on_topic: dict[int, list[int]] = {}
    naming = _naming_articles(parley, tuple(query))
    for p, score in found:
        if not _scored(parley, p, score, qset) or (
                naming is not None and parley.corpus.passages[p].document not in naming):
            continue
        held = [s for s in mine[p] if parley.evidence.sentence_score(p, s, qset) > 0]
        if not held and len(set(query)) > 1 and set(query) <= set(parley.evidence.terms_of(p)):
            # a paragraph on the whole topic: the side's own words quoted in it answer it
            held = [s for s in mine[p] if parley.corpus.passages[p].sentences[s].kind == "direct"]
        if held:
            on_topic[p] = held
    return [(p, sc) for p, sc in found if p in on_topic], on_topic


@functools.lru_cache(maxsize=256)
def _proper_terms(parley: Parley, query: tuple[str, ...]) -> tuple[str, ...]:
    """The topic's terms the articles write capitalised inside sentences (names)."""
    passages = parley.corpus.passages
    return tuple(t for t in dict.fromkeys(query) if t in parley.index and is_proper(
        t, (passages[p].text for p, _ in parley.index.top([t], LOOKED_AT))))


@functools.lru_cache(maxsize=256)
def _naming_articles(parley: Parley, query: tuple[str, ...]) -> frozenset[str] | None:
    """The articles that name what the topic names, when it holds a proper word (one the
    articles write capitalised inside sentences: "kruger", "iraq"), or its variants; None
    when it holds none (worked out once per engine and topic). A statement on "Danny
    Kruger's remark" is in an article naming him: Ken Livingstone "standing by his remarks"
    elsewhere is on his own."""
    passages = parley.corpus.passages
    proper = _proper_terms(parley, query)
    if not proper:
        return None
    found = parley.index.top(parley.evidence.widened(proper), len(passages))
    return frozenset(passages[p].document for p, _ in found)


def _headlines_last(parley: Parley, ranked: list[tuple[int, float]],
                    debated: frozenset[str] = frozenset()) -> list[tuple[int, float]]:
    """The ranking with the statements in an article where another side speaks on the topic
    first (a comparison is most often of one debate), and headlines after the rest (a
    headline says again, in fewer words, what its article's lead says); BM25's order
    otherwise."""
    passages = parley.corpus.passages

    def key(item: tuple[int, float]) -> tuple[bool, bool]:
        passage = passages[item[0]]
        return passage.index == 0, passage.document not in debated

    return sorted(ranked, key=key)


def compare(parley: Parley, question: SidesQuestion, k: int) -> Comparison:
    """Each side's statements on the topic; those in the articles where two sides or more
    speak on it first."""
    per_side = max(1, min(k, PER_SIDE))
    found = [_side(parley, typed, question.topic, per_side) for typed in question.sides]
    if terms(question.topic):
        found = _in_their_story(parley, _replies(parley, found), question.topic)
    documents = [{parley.corpus.passages[p].document for p, _ in c.ranked} if c else set()
                 for c in found]
    debated = frozenset(d for i, mine in enumerate(documents) for d in mine
                        if any(d in other for j, other in enumerate(documents) if j != i))
    sides = []
    for typed, c in zip(question.sides, found, strict=True):
        if c is None:
            sides.append(Side(typed, (), (), 0))
            continue
        ordered = _headlines_last(parley, c.ranked, debated) if terms(question.topic) \
            else c.ranked
        ranked = parley.evidence.distinct(ordered, per_side)
        hits = parley.evidence.hits(ranked, _searched(parley, question.topic),
                                    only=c.sentences)
        sides.append(Side(typed, speakers_of(c.matches), hits, c.total))
    return Comparison(question.topic, tuple(sides))


def _side(parley: Parley, typed: str, topic: str, k: int) -> _Candidates | None:
    """The side a phrase names; a surname several people share is the one of them whose
    statements answer the topic best (the name's own first when none does)."""
    best: _Candidates | None = None
    for matches in person_choices(side_matches(parley, typed, topic)):
        mine = statements_of(matches, parley)
        ranked, on_topic = _on_topic(parley, mine, topic, k)
        side = _Candidates(tuple(matches), ranked, on_topic, sum(map(len, mine.values())),
                           mine)
        if best is None or (side.ranked and (
                not best.ranked or side.ranked[0][1] > best.ranked[0][1])):
            best = side
    return best


def heading(comparison: Comparison) -> str:
    """The answer's first line: what is compared, on what."""
    names = [f"\u201c{s.typed}\u201d" for s in comparison.sides]
    listed = ", ".join(names[:-1]) + f" and {names[-1]}"
    if comparison.topic:
        return f"What {listed} say about \u201c{comparison.topic}\u201d:"
    return f"What {listed} say:"


def nothing_note(side: Side, topic: str) -> str:
    """What a side with nothing on the topic is told: whether it has statements at all."""
    if not side.speakers:
        return f"No speaker in the articles fits \u201c{side.typed}\u201d."
    if side.total == 0:
        return "No statement of theirs is in the articles."
    if not topic:
        return "Nothing in their statements."
    words = none_mentions(side.total, f"\u201c{topic}\u201d")
    return f"{words[0].upper()}{words[1:]}."


def none_mentions(count: int, what: str) -> str:
    """"none of their 13 statements mentions “Z”": what the words show, never that the
    statements are about other things (they may be on it in other words)."""
    if count == 1:
        return f"their one statement does not mention {what}"
    return f"none of their {count} statements mentions {what}"


def compare_answer(parley: Parley, text: str, question: SidesQuestion, k: int,
                   cut: bool) -> SidesAnswer:
    """The comparison as an answer; words of the topic no article has make every side
    nothing, and are said."""
    unmatched = parley.evidence.unmatched(question.topic)
    missing = parley._absent(question.topic) if question.topic else ()
    comparison = compare(parley, question, k)
    message = heading(comparison)
    if missing:
        comparison = Comparison(comparison.topic, tuple(
            Side(s.typed, s.speakers, (), s.total) for s in comparison.sides))
        message = f"{message} {claims.not_in_articles(missing)}"
    return SidesAnswer(text, "speaker", (), message, None, unmatched, cut, Claim("none"),
                       comparison=comparison)
