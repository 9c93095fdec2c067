"""Quote-check verdicts scored against a checks file (`parley eval checks FILE`).

The file is `{"checks": [{"id", "corpus": "seed"|"bbc", "q", "speaker", "quote", "verdict",
…}]}` (other keys, such as "comparisons", are ignored). Each check is asked as
`engine.check(speaker, quote)`, or as the question `q` when it has no speaker and quote.
Reported: accuracy per gold verdict and overall, the confusion table (gold rows, system
columns), and "too strong": exact or reported where the gold says close, other_speaker or
not_found.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from retrieval.answering.quote_verdicts import VERDICTS, QuoteClaim
from retrieval.evaluation.runner import engines_by_corpus
from retrieval.options import IndexOptions

STRONG = frozenset({"exact", "reported"})
WEAK_GOLD = frozenset({"close", "other_speaker", "not_found"})


class ChecksFileError(Exception):
    """A checks file that cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class Check:
    id: str
    corpus: str
    question: str
    speaker: str
    quote: str
    verdict: str


@dataclass(frozen=True)
class Scored:
    check: Check
    system: str  # the verdict given ("-" when the answer was no quote check)
    speaker: str | None


def load_checks(path: Path) -> list[Check]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ChecksFileError(f"{path}: cannot read it as JSON ({exc})") from None
    entries = data.get("checks") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ChecksFileError(f"{path}: needs a list \"checks\"")
    out = []
    for i, entry in enumerate(entries):
        where = f"{path}: check {i + 1}"
        if not isinstance(entry, dict):
            raise ChecksFileError(f"{where} is not an object")
        verdict = entry.get("verdict")
        if verdict not in VERDICTS:
            raise ChecksFileError(f"{where}: 'verdict' must be one of {', '.join(VERDICTS)}")
        corpus = entry.get("corpus", "seed")
        if corpus not in ("seed", "bbc"):
            raise ChecksFileError(f"{where}: 'corpus' must be \"seed\" or \"bbc\"")
        speaker, quote, q = (entry.get(k) or "" for k in ("speaker", "quote", "q"))
        if not all(isinstance(v, str) for v in (speaker, quote, q)) or not (
                (speaker and quote) or q):
            raise ChecksFileError(f"{where}: needs 'speaker' and 'quote', or a question 'q'")
        out.append(Check(str(entry.get("id", i + 1)), corpus, q, speaker, quote, verdict))
    return out


def score(checks: list[Check], bbc_dir: Path, options: IndexOptions | None = None
          ) -> list[Scored]:
    """Each check's system verdict, in the file's order; checks over a corpus that is not
    there are left out."""
    order = {id(c): i for i, c in enumerate(checks)}
    out = []
    for engine, mine in engines_by_corpus(checks, bbc_dir, options):
        for c in mine:
            answer = engine.check(c.speaker, c.quote) if c.speaker and c.quote else \
                engine.ask(c.question)
            claim = answer.claim
            verdict = claim.verdict if isinstance(claim, QuoteClaim) else "-"
            out.append(Scored(c, verdict, claim.speaker.name if claim.speaker else None))
    return sorted(out, key=lambda s: order[id(s.check)])


def summary(scored: list[Scored]) -> dict[str, Any]:
    columns = [*VERDICTS, "-"]
    table: dict[str, dict[str, int]] = {g: dict.fromkeys(columns, 0) for g in VERDICTS}
    for s in scored:
        table[s.check.verdict][s.system] += 1
    right = sum(table[g][g] for g in VERDICTS)
    per = {g: [table[g][g], sum(table[g].values())] for g in VERDICTS}
    strong = [s.check.id for s in scored if s.system in STRONG and s.check.verdict in WEAK_GOLD]
    return {"checks": len(scored), "right": right, "per_verdict": per, "confusion": table,
            "too_strong": strong}


def _ratio(pair: list[int]) -> str:
    return f"{100 * pair[0] / pair[1]:.1f}% ({pair[0]}/{pair[1]})" if pair[1] else "-"


def render(summary_: dict[str, Any], file: Path) -> str:
    n = summary_["checks"]
    lines = [f"{n} checks from {file}",
             f"overall: {_ratio([summary_['right'], n])}"]
    lines += [f"  {g}: {_ratio(pair)}" for g, pair in summary_["per_verdict"].items()]
    lines.append(f"too strong (exact/reported where gold is close/other_speaker/not_found): "
                 f"{len(summary_['too_strong'])}"
                 + (f" ({', '.join(summary_['too_strong'])})" if summary_["too_strong"] else ""))
    columns = [*VERDICTS, "-"]
    head = ["gold \\ system", *columns]
    rows = [head] + [[g, *(str(summary_["confusion"][g][c]) for c in columns)]
                     for g in VERDICTS]
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines += ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip()
              for r in rows]
    return "\n".join(lines)
