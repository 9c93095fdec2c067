"""Load problems as the user reads them on stderr."""
from __future__ import annotations

from bot.loading import problem_lines
from corpus.models import LoadProblem


def _dup(i: int) -> LoadProblem:
    return LoadProblem(f"a/{i}.txt", f"duplicate of b/{i}.txt; indexed once")


def test_every_unusable_file_is_named_on_its_own_line():
    problems = [LoadProblem("x.txt", "empty file"), LoadProblem("y.bin", "not text")]
    assert problem_lines(problems) == ["skipped x.txt: empty file", "skipped y.bin: not text"]


def test_a_few_duplicates_are_all_listed():
    assert len(problem_lines([_dup(i) for i in range(5)])) == 5


def test_many_duplicates_are_summarised_after_three_but_errors_never_are():
    problems = [_dup(i) for i in range(40)] + [LoadProblem("z.txt", "empty file")]
    lines = problem_lines(problems)
    assert lines[0] == "skipped z.txt: empty file"
    assert len(lines) == 5
    assert lines[-1] == "skipped 37 more duplicate files (40 in all; each article indexed once)"
