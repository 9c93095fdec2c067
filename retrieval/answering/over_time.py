"""A speaker's statements over time: grouped by article, in the order of the articles'
`Date:` headers (dates.parse_date), the undated last in corpus order, and said to be.

The speaker phrase is resolved as a side of a comparison is (`side_members`), so a party or
a country can be followed too; with a topic, only the statements that hold one of its words.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from corpus.models import Article
from retrieval.answering.compare import none_mentions, statements_of
from retrieval.answering.dates import parse_date
from retrieval.answering.records import Claim, Hit
from retrieval.answering.side_members import person_choices, side_matches, speakers_of
from retrieval.answering.sides_question import OverTimeQuestion
from retrieval.answering.sides_records import ArticleStatements, SidesAnswer, Timeline
from retrieval.tokenizer import terms

if TYPE_CHECKING:
    from retrieval.answering.engine import Parley

SHOWN = 40  # statements an answer shows; `parley quotes NAME --by-date` lists every one


def timeline(parley: Parley, typed: str, topic: str = "", limit: int | None = None
             ) -> Timeline:
    """The statements of everyone `typed` stands for, grouped by article and dated; the
    first `limit` of them in that order (None: all)."""
    matches = person_choices(side_matches(parley, typed, topic))[0]  # the name's own
    mine = statements_of(matches)
    qset = set(terms(topic))
    by_article: dict[str, tuple[Article, list[tuple[int, int]]]] = {}
    for p in sorted(mine):
        held = [s for s in sorted(mine[p])
                if not qset or parley.evidence.sentence_score(p, s, qset) > 0]
        if held:
            article = parley._lookups.article_of(p)
            by_article.setdefault(article.id, (article, []))[1].extend((p, s) for s in held)
    dated = sorted(((parse_date(a.date), i, a, rows)
                    for i, (a, rows) in enumerate(by_article.values())),
                   key=lambda row: (row[0] is None, row[0] or 0, row[1]))
    groups: list[ArticleStatements] = []
    left = limit
    rank = 0
    for day, _, article, rows in dated:
        if left is not None:
            rows = rows[:left]
            left -= len(rows)
        hits: list[Hit] = []
        for p, s in rows:
            rank += 1
            hit = parley.evidence.hits([(p, 0.0)], qset, only={p: [s]})[0]
            hits.append(Hit(rank, 0.0, hit.passage, article, s, hit.highlights))
        if hits:
            groups.append(ArticleStatements(article, day, tuple(hits)))
    return Timeline(typed, speakers_of(matches), topic, tuple(groups))


def timeline_message(line: Timeline, total: int, everything: int) -> str:
    """The heading: whose statements, in what order, and what is undated or left out."""
    if not line.speakers:
        return f"No speaker in the articles fits \u201c{line.typed}\u201d."
    shown = sum(len(a.statements) for a in line.articles)
    about = f" on \u201c{line.topic}\u201d" if line.topic else ""
    if not shown:
        others = f" ({none_mentions(everything, 'it')})" if everything else ""
        return f"No statement by \u201c{line.typed}\u201d{about} is in the articles{others}."
    text = (f"Statements by \u201c{line.typed}\u201d{about}, by the date of their article, "
            "oldest first")
    undated = line.undated
    if undated == len(line.articles):
        text += " (no article of theirs has a date Parley can read, so in corpus order)"
    elif undated:
        text += f" ({undated} undated article{'s' if undated != 1 else ''} last)"
    text += "."
    if shown < total:
        text += f" The first {shown} of {total}."
    return text


def timeline_heading(line: Timeline) -> str:
    """The heading of a whole timeline (every statement shown)."""
    shown = sum(len(a.statements) for a in line.articles)
    return timeline_message(line, shown, shown)


def over_time_answer(parley: Parley, text: str, question: OverTimeQuestion,
                     cut: bool) -> SidesAnswer | None:
    """The timeline as an answer; None when the phrase fits nobody (then it is asked as an
    ordinary question, which says who the articles do or do not have)."""
    line = timeline(parley, question.speaker, question.topic, SHOWN)
    if not line.speakers:
        return None
    message = timeline_message(line, *_totals(parley, question))
    return SidesAnswer(text, "speaker", (), message, None,
                       parley.evidence.unmatched(question.topic), cut, Claim("none"),
                       timeline=line)


def _totals(parley: Parley, question: OverTimeQuestion) -> tuple[int, int]:
    """How many statements the phrase's speakers have on the topic, and in all."""
    mine = statements_of(person_choices(side_matches(parley, question.speaker,
                                                     question.topic))[0])
    qset = set(terms(question.topic))
    on_topic = sum(1 for p, ss in mine.items() for s in ss
                   if not qset or parley.evidence.sentence_score(p, s, qset) > 0)
    return on_topic, sum(len(ss) for ss in mine.values())
