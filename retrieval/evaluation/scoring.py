"""Scoring one answer against its case: passage, speaker, and false claims.

A claim is false when the articles contradict it (the rules of `../shared/eval/README.md`):
- `said` (X said it) when nobody says it, when nothing answers the question, when X is not
  among the speakers who do, or, for a question about something (not just "what did X
  say?", which any statement of X's answers), when no result among the first k shows it;
- `absent` (nobody called X appears) when someone the question fits says it, or the name
  asked about occurs in the articles;
- any result presenting a forbidden person as the speaker.
`closest` and `none` claim nothing about who said it, so they are never false.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from corpus.models import Speaker
from retrieval.answering.question import parse_question
from retrieval.answering.records import Answer, Hit
from retrieval.evaluation.cases import Case, folded_text

TOP = 3  # "right passage and speaker in the top 3"


@dataclass(frozen=True)
class CaseResult:
    """What one answer got right and whether it claimed anything false."""

    case: Case
    claim: str
    claimed_speaker: str | None
    passage_ok: bool | None  # None: the case names no passage
    both_ok: bool | None  # right passage and speaker in the top 3; None: no speaker to check
    empty_ok: bool | None  # None: the case is not one that nothing answers
    false_claim: str | None  # why the answer's claim is false, or None
    # "X said it" naming a gold speaker (honest is not timid); None: no gold speaker
    said_ok: bool | None = None


def _words(text: str) -> set[str]:
    """Folded words, hyphens and possessive 's taken off ("Democrat's" -> "democrat")."""
    return set(re.sub(r"['’](s\b|(?=\s|$))", "", folded_text(text)).replace("-", " ").split())


def speaker_matches(speaker: Speaker | None, names: tuple[str, ...]) -> bool:
    """Whether a speaker is one of the gold names: every word of a gold name is a word of the
    speaker's folded name ("kallas" fits "Kaja Kallas", "charles clarke" not "Ken Clarke"),
    or of its name and role together when at least one is of the name ("jive spokeswoman"
    fits Jive, spokeswoman; "spokeswoman" alone fits no one)."""
    if speaker is None:
        return False
    words = _words(speaker.name)
    described = words | _words(speaker.role or "")
    for name in names:
        wanted = _words(name)
        if wanted and (wanted <= words or (wanted <= described and wanted & words)):
            return True
    return False


def _holds(hit: Hit, phrases: tuple[str, ...]) -> bool:
    text = folded_text(hit.passage.text)
    return any(p in text for p in phrases)


def _speaks(hit: Hit, case: Case) -> bool:
    """The gold speaker makes the matching statement: the sentence holding a gold phrase, or
    the hit's best sentence, is theirs."""
    if speaker_matches(hit.speaker, case.speakers):
        return True
    return any(speaker_matches(s.speaker, case.speakers) for s in hit.passage.sentences
               if any(p in folded_text(s.text) for p in case.expect_any))


def false_claim(case: Case, answer: Answer, occurs: Callable[[str], bool]) -> str | None:
    """Why the answer's claim contradicts the articles, or None. `occurs(phrase)`: whether a
    phrase is written anywhere in the articles."""
    claim = answer.claim
    shown = answer.results[:case.k]
    forbidden = [h for h in answer.results if speaker_matches(h.speaker, case.forbid)]
    if forbidden:
        return f"shows {forbidden[0].speaker.name if forbidden[0].speaker else '?'} speaking"
    if claim.kind == "said":
        name = claim.speaker.name if claim.speaker else "someone"
        if case.no_speaker_claim or case.expect_empty:
            return f"says {name} said it; nobody does"
        if case.speakers and not speaker_matches(claim.speaker, case.speakers):
            return f"says {name} said it; {' / '.join(case.speakers)} did"
        asked_about = parse_question(answer.question).topic.strip()
        if asked_about and case.expect_any and not any(_holds(h, case.expect_any)
                                                       for h in shown):
            return f"says {name} said it, but shows no statement that does"
    if claim.kind == "absent":
        if case.speakers:
            return "says nobody by that name appears; someone it fits speaks"
        phrase = parse_question(answer.question).speaker
        if phrase and occurs(folded_text(phrase).removeprefix("the ")):
            return f"says nobody called {phrase!r} appears; the name is in the articles"
    return None


def score_case(case: Case, answer: Answer, occurs: Callable[[str], bool]) -> CaseResult:
    passage_ok = (any(_holds(h, case.expect_any) for h in answer.results[:case.k])
                  if case.expect_any else None)
    both_ok = (any(_holds(h, case.expect_any) and _speaks(h, case)
                   for h in answer.results[:TOP])
               if case.expect_any and case.speakers else None)
    empty_ok = not answer.results if case.expect_empty else None
    speaker = answer.claim.speaker.name if answer.claim.speaker else None
    said_ok = (answer.claim.kind == "said"
               and speaker_matches(answer.claim.speaker, case.speakers)
               ) if case.speakers and not case.no_speaker_claim else None
    return CaseResult(case, answer.claim.kind, speaker, passage_ok, both_ok, empty_ok,
                      false_claim(case, answer, occurs), said_ok)
