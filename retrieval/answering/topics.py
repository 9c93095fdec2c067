"""A topic typed bare ("lycos screensaver spam bandwidth costs") asks what is said about it.

Parley is asked about who said what, and a question with no question word ("how", "what",
"is" …) names a topic rather than asks for a fact: among the passages scoring near the best
(NEAR_TOP of the best BM25 score, a tie-break as in `proximity`), those where a named speaker
says more of it (its coverage, see `claims`) come first, each shown with that statement;
the others keep BM25's order after them. A question ("how many medals did she win?") keeps
BM25's order, where the article's own narration often answers best.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.answering import claims
from retrieval.answering.evidence import Evidence
from retrieval.answering.proximity import NEAR_TOP
from retrieval.answering.records import Hit
from retrieval.answering.who_said import renumbered

_QUESTION_LEAD = re.compile(
    r"^\W*(?:what|who|whom|whose|when|where|why|how|which|is|are|was|were|do|does|did|can|"
    r"could|will|would|has|have|had|should|shall|may|might|must|tell|show|list|give|find)\b",
    re.IGNORECASE)


def is_bare_topic(question: str) -> bool:
    """Whether the question is a topic alone, with no question word or request first."""
    return _QUESTION_LEAD.match(question) is None


def statements_first(evidence: Evidence, ranked: Sequence[tuple[int, float]],
                     query: Sequence[str], wanted: set[str], k: int) -> tuple[Hit, ...]:
    """The k hits to show: the near-best passages, those whose named speakers' statements
    cover more of the query first (shown with that statement), then the rest."""
    if not ranked:
        return ()
    floor = NEAR_TOP * max(score for _, score in ranked)
    near = [item for item in ranked if item[1] >= floor]
    rest = [item for item in ranked if item[1] < floor]
    scored: list[tuple[float, Hit]] = []
    for item in near:
        sentences = evidence.corpus.passages[item[0]].sentences
        named = [i for i, s in enumerate(sentences) if claims.names_someone(s.speaker)]
        statement = evidence.hits([item], wanted, only={item[0]: named})[0] if named else None
        held = evidence.coverage(statement, query) if statement is not None else 0.0
        scored.append((held, statement if statement is not None and held > 0 else
                       evidence.hits([item], wanted)[0]))
    order = sorted(range(len(scored)), key=lambda i: -scored[i][0])
    shown = [scored[i][1] for i in order][:k]
    if len(shown) < k:
        shown += evidence.hits(rest[:k - len(shown)], wanted)
    return renumbered(shown)
