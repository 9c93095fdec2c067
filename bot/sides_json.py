"""The `compare` and `over_time` claims of `ask --json` (documented in the README's scripting
section): the record a comparison or timeline answer returns, as JSON."""
from __future__ import annotations

from typing import Any

from bot.json_output import speaker_json
from retrieval.answering.over_time import timeline_heading
from retrieval.answering.records import Hit
from retrieval.answering.sides_records import Comparison, SidesAnswer, Timeline


def statement_json(hit: Hit) -> dict[str, Any]:
    return {"rank": hit.rank, "score": round(hit.score, 6),
            "speaker": speaker_json(hit.speaker), "kind": hit.sentence.kind,
            "sentence": hit.sentence.text, "document": hit.passage.document,
            "passage": hit.passage.index, "title": hit.article.title,
            "url": hit.article.url, "date": hit.article.date}


def compare_json(comparison: Comparison) -> dict[str, Any]:
    return {"kind": "compare", "topic": comparison.topic,
            "sides": [{"side": s.typed,
                       "speakers": [speaker_json(x) for x in s.speakers],
                       "statements": [statement_json(h) for h in s.statements],
                       "total": s.total, "nothing": s.nothing} for s in comparison.sides]}


def over_time_json(line: Timeline) -> dict[str, Any]:
    return {"kind": "over_time", "speaker": line.typed, "topic": line.topic,
            "speakers": [speaker_json(x) for x in line.speakers],
            "articles": [{"document": g.article.id, "title": g.article.title,
                          "date": g.article.date,
                          "parsed_date": g.date.isoformat() if g.date else None,
                          "statements": [statement_json(h) for h in g.statements]}
                         for g in line.articles],
            "undated": line.undated}


def timeline_json(line: Timeline) -> dict[str, Any]:
    """`parley quotes NAME --by-date --json`: the over_time record and its heading."""
    return {**over_time_json(line), "message": timeline_heading(line)}


def sides_claim_json(answer: SidesAnswer) -> dict[str, Any]:
    if answer.comparison is not None:
        return compare_json(answer.comparison)
    if answer.timeline is not None:
        return over_time_json(answer.timeline)
    raise ValueError("a SidesAnswer holds a comparison or a timeline")
