"""Load problems as the user reads them on stderr."""
from __future__ import annotations

import pytest

from bot.loading import notice_lines, problem_lines, skipped_summary
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


@pytest.mark.parametrize(("problems", "line"), [
    ([], None),
    ([_dup(i) for i in range(98)],
     "98 duplicate files indexed once; `parley sources --skipped` lists them"),
    ([_dup(0)], "1 duplicate file indexed once; `parley sources --skipped` lists it"),
    ([LoadProblem("x.txt", "empty file"), _dup(0), _dup(1)],
     "1 file skipped as unusable, 2 duplicate files indexed once; "
     "`parley sources --skipped` lists them"),
])
def test_a_start_from_the_saved_index_counts_the_skipped_files_in_one_line(problems, line):
    assert skipped_summary(problems) == line
    assert notice_lines(problems, ["note"], from_cache=True) == [*([line] if line else []),
                                                                 "note"]


def test_a_build_names_the_skipped_files_as_before():
    problems = [LoadProblem("x.txt", "empty file"), _dup(0)]
    assert notice_lines(problems, ["Built"]) == [*problem_lines(problems), "Built"]
