"""The stable scripting interface: JSON shapes of `ask --json`, `passages --json`,
`speakers --json`, `quotes --json` and `sources --json` (documented in the README; change
only with a version note)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from corpus.models import Article, Corpus, LoadProblem, Speaker
from retrieval.answering.quote_verdicts import QuoteClaim
from retrieval.answering.records import Answer, Claim, Hit, QuotesAnswer, SpeakerStats
from retrieval.answering.sides_records import SidesAnswer


def speaker_json(speaker: Speaker | None) -> dict[str, Any] | None:
    return None if speaker is None else {"name": speaker.name, "role": speaker.role}


def claim_json(claim: Claim) -> dict[str, Any]:
    if isinstance(claim, QuoteClaim):
        return quote_check_json(claim)
    return {"kind": claim.kind, "speaker": speaker_json(claim.speaker),
            "candidates": [{**(speaker_json(c.speaker) or {}), "statements": c.statements}
                           for c in claim.candidates],
            "coverage": None if claim.coverage is None else round(claim.coverage, 4)}


def quote_check_json(claim: QuoteClaim) -> dict[str, Any]:
    """The claim of a quote check ("did X say Y?"): its verdict and the evidence it rests on."""
    hit = claim.evidence
    return {"kind": "quote_check", "verdict": claim.verdict,
            "speaker": speaker_json(claim.speaker),
            "candidates": [{**(speaker_json(c.speaker) or {}), "statements": c.statements}
                           for c in claim.candidates],
            "coverage": None if claim.coverage is None else round(claim.coverage, 4),
            "quote": claim.quote,
            "evidence": None if hit is None else evidence_json(hit),
            "shared": list(claim.shared), "missing": list(claim.missing),
            "extra": list(claim.extra)}


def evidence_json(hit: Hit) -> dict[str, Any]:
    return {"document": hit.passage.document, "passage": hit.passage.index,
            "title": hit.article.title, "url": hit.article.url, "date": hit.article.date,
            "text": hit.passage.text, "sentence": hit.sentence.text, "kind": hit.sentence.kind,
            "speaker": speaker_json(hit.speaker)}


def answer_json(answer: Answer) -> dict[str, Any]:
    from bot.sides_json import sides_claim_json  # it uses speaker_json from here

    return {
        "question": answer.question,
        "claim": sides_claim_json(answer) if isinstance(answer, SidesAnswer)
        else claim_json(answer.claim),
        "results": [{
            "rank": h.rank,
            "score": round(h.score, 6),
            "document": h.passage.document,
            "passage": h.passage.index,
            "title": h.article.title,
            "url": h.article.url,
            "date": h.article.date,
            "text": h.passage.text,
            "sentence": h.sentence.text,
            "kind": h.sentence.kind,
            "speaker": speaker_json(h.speaker),
            "speakers": [speaker_json(s) for s in h.passage.speakers()],
        } for h in answer.results],
        "message": " ".join(m for m in (answer.truncation_note, answer.message) if m) or None,
    }


def passages_json(corpus: Corpus) -> list[dict[str, Any]]:
    return [{
        "document": p.document,
        "passage": p.index,
        "text": p.text,
        "sentences": [{"text": s.text, "speaker": speaker_json(s.speaker), "kind": s.kind}
                      for s in p.sentences],
    } for p in corpus.passages]


def speakers_json(rows: list[SpeakerStats]) -> list[dict[str, Any]]:
    return [{"name": r.speaker.name, "role": r.speaker.role, "kind": r.speaker.kind,
             "statements": r.statements, "direct": r.direct, "reported": r.reported}
            for r in rows]


def quotes_json(q: QuotesAnswer) -> dict[str, Any]:
    return {"query": q.query, "speaker": speaker_json(q.speaker),
            "statements": [{"document": a.id, "passage": p.index, "title": a.title,
                            "text": s.text, "kind": s.kind} for a, p, s in q.statements],
            "message": q.message}


def sources_json(articles: list[Article], left_out: list[str],
                 skipped: Sequence[LoadProblem] = ()) -> dict[str, Any]:
    return {"articles": [{"document": a.id, "title": a.title, "path": a.path,
                          "source": a.source, "date": a.date, "url": a.url,
                          "passages": len(a.passages)} for a in articles],
            "left_out": left_out,
            "skipped": [{"path": p.path, "reason": p.reason} for p in skipped]}
