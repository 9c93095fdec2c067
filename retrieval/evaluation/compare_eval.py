"""`parley eval compare FILE` (registered in bot/cli_eval.py): score a file's "comparisons".

Each entry: {"id", "corpus": "seed"|"bbc", "q", "sides": [...], "topic", "expect": {side:
{"speaker": name | [names], "evidence": [phrases]} | "nothing"}, "note"}. A side is right when
one of its top statements is by an expected speaker (the honest-answers scorer's name rule)
and holds an evidence phrase (its sentence, or the same speaker's other sentences in the
passage; folded as that scorer folds); a "nothing" side is right when the answer reports it
as having nothing on the topic. Reported apart: a side given statements where the gold says
nothing (a false claim that it spoke on the topic), and questions not read as comparisons.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from corpus.folding import fold
from corpus.models import Speaker
from retrieval.answering.records import Hit
from retrieval.answering.sides_records import Side, SidesAnswer
from retrieval.evaluation.cases import folded_text
from retrieval.evaluation.runner import engines_by_corpus
from retrieval.evaluation.scoring import speaker_matches
from retrieval.options import IndexOptions


class CompareFileError(Exception):
    """A comparisons file that cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class Expected:
    nothing: bool
    speakers: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class CompareCase:
    id: str
    corpus: str
    question: str
    sides: tuple[str, ...]
    expect: dict[str, Expected]


@dataclass(frozen=True)
class SideResult:
    case: str
    side: str
    expected_nothing: bool
    found: bool  # the answer has this side
    right: bool
    speaker_found: bool | None  # None for a "nothing" side
    evidence_found: bool | None
    reported_nothing: bool
    shown: tuple[str, ...]  # "speaker: sentence" of the side's top statements


def _names(value: Any, where: str) -> tuple[str, ...]:
    values = value if isinstance(value, list) else [value]
    if not values or not all(isinstance(v, str) and v.strip() for v in values):
        raise CompareFileError(f"{where}: 'speaker' must be a name or a list of names")
    return tuple(folded_text(v) for v in values)


def _expected(value: Any, where: str) -> Expected:
    if value == "nothing":
        return Expected(True)
    if not isinstance(value, dict):
        raise CompareFileError(f"{where}: expected \"nothing\" or {{\"speaker\", \"evidence\"}}")
    evidence = value.get("evidence") or []
    if not isinstance(evidence, list) or not all(isinstance(e, str) for e in evidence):
        raise CompareFileError(f"{where}: 'evidence' must be a list of phrases")
    return Expected(False, _names(value.get("speaker"), where),
                    tuple(folded_text(e) for e in evidence))


def _case(entry: Any, where: str) -> CompareCase:
    if not isinstance(entry, dict) or not isinstance(entry.get("q"), str):
        raise CompareFileError(f"{where}: each comparison needs a question string 'q'")
    corpus = entry.get("corpus", "seed")
    if corpus not in ("seed", "bbc"):
        raise CompareFileError(f"{where}: 'corpus' must be \"seed\" or \"bbc\", not {corpus!r}")
    expect = entry.get("expect")
    if not isinstance(expect, dict) or not expect:
        raise CompareFileError(f"{where}: 'expect' must map each side to what it says")
    sides = entry.get("sides") or list(expect)
    return CompareCase(str(entry.get("id", where)), corpus, entry["q"], tuple(map(str, sides)),
                       {str(k): _expected(v, f"{where}, side {k!r}") for k, v in expect.items()})


def load_comparisons(path: Path) -> list[CompareCase]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CompareFileError(f"{path}: cannot read ({exc.strerror})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CompareFileError(f"{path}: not JSON ({exc})") from None
    entries = data.get("comparisons") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise CompareFileError(f"{path}: needs a non-empty \"comparisons\" list")
    return [_case(e, f"{path}: comparison {i + 1}") for i, e in enumerate(entries)]


def _key(text: str) -> str:
    words = fold(text).split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def _holds(hit: Hit, phrases: Sequence[str]) -> bool:
    who = hit.speaker
    texts = [hit.sentence.text] + [s.text for s in hit.passage.sentences
                                   if who is not None and s.speaker == who]
    said = " ".join(folded_text(t) for t in texts)
    return any(p in said for p in phrases)


def _same_body(speaker: Speaker | None, names: tuple[str, ...]) -> bool:
    """Whether the speaker is a gold name but for a leading article ("the Treasury" is the
    speaker "Treasury"): a body is named with or without it."""
    return speaker is not None and _key(folded_text(speaker.name)) in {_key(n) for n in names}


def score_side(case: CompareCase, typed: str, side: Side | None) -> SideResult:
    want = case.expect[typed]
    hits = side.statements if side is not None else ()
    shown = tuple(f"{h.speaker.name if h.speaker else '-'}: {h.sentence.text[:100]}"
                  for h in hits)
    nothing = side is not None and side.nothing
    if want.nothing:
        return SideResult(case.id, typed, True, side is not None, nothing, None, None, nothing,
                          shown)
    by = [h for h in hits if speaker_matches(h.speaker, want.speakers)
          or _same_body(h.speaker, want.speakers)]
    right = any(_holds(h, want.evidence) for h in by)
    return SideResult(case.id, typed, False, side is not None, right, bool(by),
                      any(_holds(h, want.evidence) for h in hits), nothing, shown)


def score_case(case: CompareCase, answer: object) -> tuple[bool, list[SideResult]]:
    """Whether the question was read as a comparison, and each expected side's result."""
    comparison = answer.comparison if isinstance(answer, SidesAnswer) else None
    sides = {_key(s.typed): s for s in comparison.sides} if comparison else {}
    return comparison is not None, [score_side(case, typed, sides.get(_key(typed)))
                                    for typed in case.expect]


@dataclass
class Report:
    questions: int = 0
    read: int = 0
    sides: int = 0
    right: int = 0
    nothing_sides: int = 0
    nothing_right: int = 0
    said_sides: int = 0
    said_right: int = 0
    speaker_found: int = 0
    evidence_found: int = 0
    false_statements: int = 0  # statements given to a side the gold says has nothing
    cases_right: int = 0

    def add(self, read: bool, results: list[SideResult]) -> None:
        self.questions += 1
        self.read += read
        self.cases_right += all(r.right for r in results)
        for r in results:
            self.sides += 1
            self.right += r.right
            if r.expected_nothing:
                self.nothing_sides += 1
                self.nothing_right += r.right
                self.false_statements += bool(r.shown)
            else:
                self.said_sides += 1
                self.said_right += r.right
                self.speaker_found += bool(r.speaker_found)
                self.evidence_found += bool(r.evidence_found)


def run(cases: Sequence[CompareCase], bbc_dir: Path, options: IndexOptions | None
        ) -> tuple[Report, list[tuple[CompareCase, bool, list[SideResult]]]]:
    """Ask each comparison of an engine over its corpus; cases over a missing corpus are
    left out."""
    report = Report()
    rows = []
    for engine, mine in engines_by_corpus(cases, bbc_dir, options):
        for case in mine:
            read, results = score_case(case, engine.ask(case.question))
            report.add(read, results)
            rows.append((case, read, results))
    return report, rows


def _ratio(n: int, d: int) -> str:
    return f"{100 * n / d:.1f}% ({n}/{d})" if d else "-"


def format_report(report: Report, rows: list[tuple[CompareCase, bool, list[SideResult]]],
                  verbose: bool) -> str:
    rows_out = [
        ("read as comparisons", _ratio(report.read, report.questions)),
        ("sides right (overall)", _ratio(report.right, report.sides)),
        ("sides with statements right", _ratio(report.said_right, report.said_sides)),
        ("  expected speaker in top", _ratio(report.speaker_found, report.said_sides)),
        ("  evidence phrase in top", _ratio(report.evidence_found, report.said_sides)),
        ("\"nothing\" sides right", _ratio(report.nothing_right, report.nothing_sides)),
        ("statements where gold says nothing", str(report.false_statements)),
        ("comparisons with every side right", _ratio(report.cases_right, report.questions))]
    width = max(len(name) for name, _ in rows_out)
    lines = [f"{report.questions} comparisons, {report.sides} sides"]
    lines += [f"  {name.ljust(width)}  {value}" for name, value in rows_out]
    if verbose:
        for case, read, results in rows:
            for r in results:
                if not r.right:
                    want = "nothing" if r.expected_nothing else "statements"
                    got = ("no such side" if not r.found else
                           "nothing" if r.reported_nothing else "; ".join(r.shown))
                    lines.append(f"- {case.id} [{r.side}] expected {want}; got {got}"
                                 f"{'' if read else ' (not read as a comparison)'}")
    return "\n".join(lines)


def report_json(report: Report, rows: list[tuple[CompareCase, bool, list[SideResult]]]
                ) -> dict[str, Any]:
    return {"report": asdict(report),
            "sides": [{**asdict(r), "read_as_comparison": read}
                      for _, read, results in rows for r in results]}
