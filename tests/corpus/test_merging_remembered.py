"""The merge of a build that remembers the last one (`renames_remembered`: only the
surname buckets that added, changed or removed articles touch grouped again) renames
exactly what the whole merge (`renames_of`) does, edit after edit."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import merging
from corpus.merging import MergeEntry, renames_of, renames_remembered

# (name, role, gender, statements)
Person = tuple[str, str | None, str | None, int]
TONY: Person = ("Tony Blair", "prime minister", "male", 2)
MR_BLAIR: Person = ("Blair", None, "male", 1)
CHERIE: Person = ("Cherie Blair", None, "female", 1)
IAN: Person = ("Ian Blair", "police commissioner", "male", 1)
GORDON: Person = ("Gordon Brown", "chancellor", "male", 3)
MR_BROWN: Person = ("Brown", None, "male", 1)
BLOGGS: Person = ("Jo Bloggs", None, None, 1)
KILROY: Person = ("Robert Kilroy-Silk", None, "male", 1)
KILROY_BARE: Person = ("Kilroy Silk", None, None, 1)
TOM_SILK: Person = ("Tom Silk", None, "male", 1)
POOL = [TONY, MR_BLAIR, CHERIE, IAN, GORDON, MR_BROWN, BLOGGS, KILROY, KILROY_BARE, TOM_SILK]

Corpus = list[tuple[str, tuple[Person, ...]]]  # (path, people) per article, in order


def _entries(people: tuple[Person, ...]) -> tuple[MergeEntry, ...]:
    out = []
    for name, role, gender, statements in people:
        parts = merging._merge_parts(name)
        assert parts is not None, name
        out.append((name, role, parts, gender, statements))
    return tuple(out)


def _keys(corpus: Corpus) -> list[str | None]:
    return [f"{path}|{people!r}" for path, people in corpus]  # path and content


def _check_step(before: Corpus, after: Corpus):
    entries = [_entries(p) for _, p in after]
    _, memory = renames_remembered([_entries(p) for _, p in before], _keys(before), None)
    got, again = renames_remembered(entries, _keys(after), memory)
    assert got == renames_of(entries)
    full = renames_remembered(entries, _keys(after), None)[1]
    assert again == full  # what the next build remembers is the whole merge's too


BASE: Corpus = [("a", (TONY,)), ("b", (MR_BLAIR, GORDON)), ("c", (MR_BROWN,)),
                ("d", (BLOGGS,))]


@pytest.mark.parametrize(("after", "why"), [
    (BASE + [("e", (CHERIE, MR_BLAIR))], "a second Blair: Mr Blair in b is nobody's now"),
    ([x for x in BASE if x[0] != "a"], "the Blair he joined goes"),
    ([("a", (IAN,)), *BASE[1:]], "the Blair he joined is another one now"),
    (BASE + [("e", (BLOGGS, GORDON))], "another bucket touched, the Blair rename kept"),
    (BASE[:2] + [("bb", (KILROY_BARE, TOM_SILK))] + BASE[2:], "a bare name in a new bucket"),
    (BASE + [("e", (KILROY,)), ("f", (KILROY_BARE,))], "hyphened surnames change: all again"),
    ([BASE[1], BASE[0], *BASE[2:]], "articles in another order: all again"),
    ([], "everything removed"),
])
def test_remembered_merge_renames_as_the_whole_merge(after: Corpus, why: str):
    _check_step(BASE, after)


def test_an_untouched_bucket_is_not_grouped_again(monkeypatch: pytest.MonkeyPatch):
    grouped: list[list[str]] = []
    real = merging._group_bucket

    def counting(bucket):
        grouped.append([e.name for e in bucket])
        return real(bucket)
    _, memory = renames_remembered([_entries(p) for _, p in BASE], _keys(BASE), None)
    monkeypatch.setattr(merging, "_group_bucket", counting)
    after = BASE + [("e", (BLOGGS,))]
    got, _ = renames_remembered([_entries(p) for _, p in after], _keys(after), memory)
    assert grouped == [["Jo Bloggs", "Jo Bloggs"]]
    assert got[1] == {"Blair": ("Tony Blair", frozenset({"tony blair", "blair"})),
                      "Gordon Brown": ("Gordon Brown", frozenset({"gordon brown", "brown"}))}


def test_articles_with_no_key_are_merged_whole():
    entries = [_entries(p) for _, p in BASE]
    _, memory = renames_remembered(entries, _keys(BASE), None)
    got, kept = renames_remembered(entries, [None] * len(entries), memory)
    assert got == renames_of(entries) and kept is None


ARTICLE = st.tuples(st.sampled_from("abcdefgh"),
                    st.lists(st.sampled_from(POOL), max_size=3, unique=True).map(tuple))


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(ARTICLE, max_size=6), min_size=2, max_size=5))
def test_remembered_merges_over_any_edits(builds: list[list[tuple[str, tuple[Person, ...]]]]):
    memory = None
    for corpus in builds:
        corpus = sorted(dict(corpus).items())  # one article per path, in path order
        entries = [_entries(p) for _, p in corpus]
        got, memory = renames_remembered(entries, _keys(corpus), memory)
        assert got == renames_of(entries)
