"""Asking every question of a set and adding up the scores (`parley eval questions`)."""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

from corpus.shipped import SHIPPED_CORPUS
from retrieval.answering.engine import Parley, open_parley
from retrieval.evaluation.baseline import PlainBM25
from retrieval.evaluation.cases import Case, folded_text
from retrieval.evaluation.scoring import CaseResult, score_case
from retrieval.options import IndexOptions


@dataclass
class Tally:
    """One group's figures: right / asked for each measure."""

    questions: int = 0
    passage: list[int] = field(default_factory=lambda: [0, 0])
    both: list[int] = field(default_factory=lambda: [0, 0])
    empty: list[int] = field(default_factory=lambda: [0, 0])
    baseline_passage: list[int] = field(default_factory=lambda: [0, 0])
    said: list[int] = field(default_factory=lambda: [0, 0])
    false_claims: int = 0

    def add(self, result: CaseResult, baseline_ok: bool | None) -> None:
        self.questions += 1
        for pair, ok in ((self.passage, result.passage_ok), (self.both, result.both_ok),
                         (self.empty, result.empty_ok), (self.baseline_passage, baseline_ok),
                         (self.said, result.said_ok)):
            if ok is not None:
                pair[0] += int(ok)
                pair[1] += 1
        self.false_claims += result.false_claim is not None

    def as_dict(self) -> dict[str, object]:
        return {"questions": self.questions, "passage": self.passage,
                "passage_and_speaker_top3": self.both, "empty": self.empty,
                "baseline_passage": self.baseline_passage, "said_right": self.said,
                "false_claims": self.false_claims}


@dataclass(frozen=True)
class Scored:
    """Each case's result and its group tallies ("all", then per corpus and per category)."""

    results: tuple[CaseResult, ...]
    tallies: dict[str, Tally]


def _occurs_in(engine: Parley) -> Callable[[str], bool]:
    text = "\n".join(folded_text(p.text) for p in engine.corpus.passages)
    return lambda phrase: bool(phrase) and phrase in text


def _baseline_ok(plain: PlainBM25, case: Case) -> bool | None:
    if not case.expect_any:
        return None
    return any(any(p in folded_text(passage.text) for p in case.expect_any)
               for passage in plain.top(case.question, case.k))


class _OfCorpus(Protocol):
    @property
    def corpus(self) -> str: ...


C = TypeVar("C", bound=_OfCorpus)


def engines_by_corpus(cases: Sequence[C], bbc_dir: Path, options: IndexOptions | None = None
                      ) -> Iterator[tuple[Parley, list[C]]]:
    """An engine over each corpus the cases ask about (the shipped article, "seed", or the
    BBC folder, "bbc") with its cases, in that order; a corpus that is not there is left
    out."""
    paths = {"seed": SHIPPED_CORPUS, "bbc": bbc_dir}
    for corpus in ("seed", "bbc"):
        mine = [c for c in cases if c.corpus == corpus]
        if mine and paths[corpus].exists():
            yield open_parley([paths[corpus]], options)[0], mine


def score_cases(cases: Sequence[Case], bbc_dir: Path, options: IndexOptions | None = None,
                baseline: bool = True) -> Scored:
    """Ask each case of an engine over its corpus (the shipped article, or the BBC folder)
    and score the answers. Cases over a corpus that is not there are left out."""
    results: list[CaseResult] = []
    tallies: dict[str, Tally] = {"all": Tally()}
    for engine, mine in engines_by_corpus(cases, bbc_dir, options):
        corpus = mine[0].corpus
        occurs = _occurs_in(engine)
        plain = PlainBM25(engine.corpus.passages) if baseline else None
        for case in mine:
            result = score_case(case, engine.ask(case.question, top_k=max(case.k, 3)), occurs)
            results.append(result)
            base = _baseline_ok(plain, case) if plain is not None else None
            for group in ("all", f"corpus {corpus}", f"category {case.category or '-'}"):
                tallies.setdefault(group, Tally()).add(result, base)
    return Scored(tuple(results), tallies)
