"""Building costs in proportion to the text: the fast lookups give what the old full scans
gave (each checked against a plain reference on a table of texts), and the work of a lookup
or a word-before scan does not grow with the article or the paragraph (counted, not timed).
"""
from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import corpus.attribution.article as article_module
import corpus.attribution.subject_words as subject_words
import corpus.entities as entities_module
import corpus.people as people_module
import corpus.surnames as surnames
from corpus.attribution.clauses import opens_clause
from corpus.attribution.roles import _may_point_forward
from corpus.attribution.state import Unit
from corpus.attribution.subject_words import SPLIT_CONJ
from corpus.build import attribute_article
from corpus.entities import Entity
from corpus.folding import fold_name
from corpus.gazetteer import gazetteer
from corpus.loader import RawArticle, parse_article
from corpus.name_forms import accents
from corpus.people import PeopleTable, _same_full_name, _strip_possessive
from corpus.phrases import bare
from corpus.quotes import overlapping, quote_spans
from corpus.shipped import SHIPPED_CORPUS

SEED = (SHIPPED_CORPUS / "istanbul-talks.txt").read_text("utf-8")
MIXED = """Ministers meet again in Geneva

The foreign minister said the talks would go on. Mevlut Cavusoglu said both sides agreed.

"We are close," said Mr Zelenskiy. "Very close. And we will stay," he said.

Volodymyr Zelenskyy told reporters the deal was near. A spokesman said it was not.

The Ukrainian side said it would wait, while Moscow said it would not.

"It is over. It is done," the deputy minister said. Alexander Fomin, the deputy defence \
minister, said troops would leave.

They said the talks had failed, according to officials. The BBC quoted Mr Fomin as saying \
"no".

Mr Cavusoglu, Turkey's top diplomat, said: "Peace is near." Kaja Kallas said it was not, \
and Ms Kallas added that "nothing is agreed".
"""


def _one_paragraph(text: str, times: int) -> str:
    """The article's text as a headline and one long paragraph, repeated."""
    title, *rest = [line for line in text.splitlines() if line.strip()]
    return title + "\n\n" + " ".join(rest * times) + "\n"


TEXTS = {
    "seed": SEED,
    "seed as one paragraph": _one_paragraph(SEED, 3),
    "mixed": MIXED,
    "mixed as one paragraph": _one_paragraph(MIXED, 4),
    "mixed with many paragraphs": MIXED + "\n\n".join([MIXED.split("\n\n", 1)[1]] * 5),
}


def _raw(text: str, tmp_path: Path) -> RawArticle:
    parsed = parse_article(tmp_path / "a.txt", text, "a")
    assert isinstance(parsed, RawArticle)
    return parsed


# --- references: the full scans the indexes replace ----------------------------------------
def _reference_canonical(names: list[str]) -> str:
    longest = max(names, key=lambda n: (len(n.split()), len(n)))
    variants: dict[str, str] = {}
    for n in names:
        for w in n.split():
            key = fold_name(w)
            if key not in variants or accents(w) > accents(variants[key]):
                variants[key] = w
    return " ".join(variants.get(fold_name(w), w) for w in longest.split())


def _reference_find(table: PeopleTable, name: str) -> Entity | None:
    target = fold_name(_strip_possessive(name))
    people = [e for e in table.entities if e.kind == "person"]
    exact = [e for e in people if target in {fold_name(n) for n in e.names}
             or fold_name(e.canonical()) == target
             or target in {fold_name(a) for a in e.user_aliases}]
    if exact:
        return max(exact, key=lambda e: e.last_seen)
    surname = target.split()[-1] if target else ""
    first = target.split()[0] if len(target.split()) > 1 else None
    close = [e for e in people
             if (e.surname == surname or surnames.close_spelling(surname, e.surname))
             and (first is None or len(e.canonical().split()) == 1
                  or _same_full_name(target, e))]
    return max(close, key=lambda e: e.last_seen) if close else None


def _reference_find_by_role(table: PeopleTable, role: str, position: int | None
                            ) -> Entity | None:
    g = gazetteer()
    wanted = g.normalize_role(role)
    best: Entity | None = None
    for e in table.entities:
        if e.kind != "person" or (position is not None and e.first_seen > position):
            continue
        for r in [e.role, *e.roles_seen]:
            if not r:
                continue
            have = g.normalize_role(r)
            alike = have == wanted or have.endswith(" " + wanted) or (
                wanted.split()[-1:] == have.split()[-1:] and len(wanted.split()) == 1)
            if alike and (best is None or e.last_seen > best.last_seen):
                best = e
    return best


def _reference_organisation(table: PeopleTable, name: str) -> Entity | None:
    key = fold_name(name).removeprefix("the ")
    return next((e for e in table.entities if e.kind == "organisation" and (
        fold_name(e.names[0]).removeprefix("the ") == key
        or key in {fold_name(a).removeprefix("the ") for a in e.user_aliases})), None)


def _reference_carry_back(units: list[Unit], paragraphs: list[str]) -> None:
    from corpus.quotes import quote_runs
    by_passage: dict[int, list[Unit]] = {}
    for u in units:
        by_passage.setdefault(u.passage, []).append(u)
    for p, group in by_passage.items():
        text = paragraphs[p]
        for rs, rend in quote_runs(quote_spans(text)):
            if text[max(rs, rend - 3):rend - 1].strip()[-1:] not in (",", "?", "!"):
                continue
            owner = next((u for u in group if u.kind == "direct" and u.start < rend <= u.end
                          + 1 and u.start > rs), None)
            if owner is None:
                continue
            for u in group:
                if u is owner:
                    break
                if (u.kind is None or u.carried) and rs <= u.start + 1 and u.end > rs \
                        and u.start < rend:
                    u.take_speaker(owner)
                    u.kind = "direct"


def _reference_link_roles(units: list[Unit], paragraphs: list[str] | None = None) -> None:
    g = gazetteer()
    for i, unit in enumerate(units):
        if unit.role_only is None or not _may_point_forward(unit, unit.role_only, paragraphs):
            continue
        for nxt in units[i + 1:]:
            if nxt.passage > unit.passage + 1:
                break
            if nxt.role_only == unit.role_only:
                continue
            ent = nxt.entity
            if ent is None or ent.kind != "person":
                continue
            if ent.role is None or g.normalize_role(ent.role) == g.normalize_role(
                    unit.role_only):
                ent.role = ent.role or unit.role_only
                ent.roles_seen.append(unit.role_only)
                role = unit.role_only
                for other in units:
                    if other.role_only == role:
                        other.entity, other.role_only = ent, None
            break


def _snapshot(units: list[Unit]) -> list[tuple[object, ...]]:
    return [(u.passage, u.start, u.end, u.kind, u.vague, u.role_only,
             None if u.entity is None else (u.entity.canonical(), u.entity.role,
                                            tuple(u.entity.roles_seen))) for u in units]


# --- the fast versions give the reference's answers ----------------------------------------
@pytest.mark.parametrize("names", [
    ["Erdogan"], ["Mr Erdogan", "Recep Tayyip Erdogan", "Erdogan"],
    ["Cavusoglu", "Mevlut Çavuşoğlu", "Mevlut Cavusoglu"],
    ["Ab Cd", "Ef Gh"],  # a tie on length: the first stays
    ["Zelenskyy", "Volodymyr Zelenskiy", "Volodymyr Zelenskyy", "Zelenskiy"],
    ["Jose Manuel Barroso", "José Barroso", "Barroso"],
])
def test_canonical_name_read_incrementally_equals_reading_all_names(names: list[str]) -> None:
    entity = Entity([names[0]])
    for n in names[1:]:
        entity.canonical()  # read part-way, as lookups do while the article is read
        entity.names.append(n)
    assert entity.canonical() == _reference_canonical(names)
    assert entity.distinct_names() == set(names)


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_people_lookups_equal_a_full_scan_of_the_table(name: str, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    checked = {"find": 0, "role": 0, "organisation": 0}
    find, by_role, organisation = (PeopleTable.find, PeopleTable.find_by_role,
                                   PeopleTable.note_organisation)

    def checked_find(self: PeopleTable, who: str) -> Entity | None:
        got = find(self, who)
        assert got is _reference_find(self, who), who
        checked["find"] += 1
        return got

    def checked_role(self: PeopleTable, role: str, position: int | None = None
                     ) -> Entity | None:
        got = by_role(self, role, position)
        assert got is _reference_find_by_role(self, role, position), role
        checked["role"] += 1
        return got

    def checked_organisation(self: PeopleTable, who: str, position: int) -> Entity:
        expected = _reference_organisation(self, who)
        got = organisation(self, who, position)
        assert got is expected if expected is not None else got is self.entities[-1]
        checked["organisation"] += 1
        return got

    monkeypatch.setattr(PeopleTable, "find", checked_find)
    monkeypatch.setattr(PeopleTable, "find_by_role", checked_role)
    monkeypatch.setattr(PeopleTable, "note_organisation", checked_organisation)
    attribute_article(_raw(TEXTS[name], tmp_path))
    assert checked["find"] > 0 and checked["organisation"] > 0


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_carry_back_and_role_links_equal_the_full_scans(name: str, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    carry_back, link_roles = article_module.carry_back, article_module.link_roles

    def checked_carry_back(units: list[Unit], paragraphs: list[str]) -> None:
        expected = copy.deepcopy(units)
        _reference_carry_back(expected, paragraphs)
        carry_back(units, paragraphs)
        assert _snapshot(units) == _snapshot(expected)
        seen.append("carry_back")

    def checked_link_roles(units: list[Unit], people: PeopleTable,
                           paragraphs: list[str] | None = None) -> None:
        expected = copy.deepcopy(units)
        _reference_link_roles(expected, paragraphs)
        link_roles(units, people, paragraphs)
        assert _snapshot(units) == _snapshot(expected)
        seen.append("link_roles")

    monkeypatch.setattr(article_module, "carry_back", checked_carry_back)
    monkeypatch.setattr(article_module, "link_roles", checked_link_roles)
    attribute_article(_raw(TEXTS[name], tmp_path))
    assert seen == ["carry_back", "link_roles"]


QUOTED_TEXTS = [
    '"Yes," he said.', ' " stray mark', '" stray', '  "  x', 'He said "a" and "b" then “c”.',
    '“Open and “again', 'x " y " z', '"', '', '   ', 'a"b"c', ' "\u00a0" quoted',
]


def _reference_quote_spans(text: str) -> list[tuple[int, int]]:
    """quote_spans as it was, reading the text before each straight mark."""
    from corpus.quotes import CLOSERS, OPENERS, QUOTE_CHARS, STRAIGHT
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for i, ch in enumerate(text):
        if ch not in QUOTE_CHARS:
            continue
        before = text[i - 1] if i else " "
        opens = ch in OPENERS or (ch == STRAIGHT and (before.isspace() or before in "([{—–-"))
        after = text[i + 1] if i + 1 < len(text) else " "
        if open_at is None:
            if ch == STRAIGHT and not text[:i].strip() and after.isspace():
                continue
            if opens or ch == STRAIGHT:
                open_at = i
            continue
        if ch == STRAIGHT and before.isspace() and after.isspace():
            opens = False
        if ch in CLOSERS or (ch == STRAIGHT and not opens):
            spans.append((open_at, i + 1))
            open_at = None
        elif opens:
            spans.append((open_at, i))
            open_at = i
    if open_at is not None:
        spans.append((open_at, len(text)))
    return spans


@pytest.mark.parametrize("text", QUOTED_TEXTS)
def test_quote_spans_equal_reading_the_text_before_each_mark(text: str) -> None:
    assert quote_spans(text) == _reference_quote_spans(text)


@pytest.mark.parametrize("text", [SEED, MIXED, *QUOTED_TEXTS])
def test_overlapping_quotes_equal_filtering_every_quote(text: str) -> None:
    spans = quote_spans(text)
    for s in range(len(text) + 2):
        for e in range(s, min(len(text) + 2, s + 40), 3):
            assert overlapping(spans, s, e) == [q for q in spans if q[0] < e and q[1] > s]


def _reference_opens_clause(text: str, pos: int) -> bool:
    word = text[pos:pos + 12].split()[:1]
    if word and bare(word[0]) in SPLIT_CONJ:
        return True
    return text[:pos].rstrip()[-1:] in ",;:-–—"


@pytest.mark.parametrize("text", [SEED.replace("\n", " "), "a  ,  b", ",   x", "   x", "x",
                                  "Kyiv said, while Moscow said", "a -\u00a0 b", ""])
def test_opens_clause_reading_backwards_equals_stripping_the_text_before(text: str) -> None:
    for pos in range(len(text) + 1):
        assert opens_clause(text, pos) == _reference_opens_clause(text, pos), pos


@pytest.mark.parametrize("text", [
    "Earlier text. Mr Erdogan and the Turkish foreign minister said",
    "one  two\tthree\u00a0four   five", "  lead", "x", ""])
def test_sentence_words_equal_reading_from_the_paragraph_start(text: str) -> None:
    for start in range(len(text) + 1):
        for cue in range(start, len(text) + 1):
            reference = [(m.group(), m.start()) for m in re.finditer(r"\S+", text[:cue])
                         if m.start() >= start]
            assert subject_words.sentence_words(text, start, cue) == reference, (start, cue)


class _CountingWords:
    """A stand-in for subject_words._WORDS that counts the words it reads."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.read = pattern, 0

    def finditer(self, text: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
        for m in self.pattern.finditer(text, pos, endpos):
            self.read += 1
            yield m

    def match(self, text: str, pos: int, endpos: int) -> re.Match[str] | None:
        return self.pattern.match(text, pos, endpos)


@pytest.mark.parametrize("before", [0, 10, 1000])
def test_words_before_a_cue_reads_only_its_sentence(before: int,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    sentence = "Turkish Foreign Minister Mevlut Cavusoglu said"
    masked = "Some earlier words here. " * before + sentence
    counter = _CountingWords(subject_words._WORDS)
    monkeypatch.setattr(subject_words, "_WORDS", counter)
    start = len(masked) - len(sentence)
    found = subject_words.words_before(masked, start, len(masked) - len(" said") + 1)
    assert found == (["Turkish", "Foreign", "Minister", "Mevlut", "Cavusoglu"], start)
    assert counter.read == len(sentence.split()) - 1


# --- the work of a lookup does not grow with the people met --------------------------------
def _table_with(strangers: int) -> PeopleTable:
    table = PeopleTable()
    table.note_person("Volodymyr Zelenskyy", 0, "Ukrainian President")
    for k in range(strangers):
        table.note_person(f"Person{k} Abc{k:04}", k + 1, "minister" if k % 2 else None)
    return table


def _canonical_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls = [0]
    real = entities_module.Entity.canonical

    def counted(self: Entity) -> str:
        calls[0] += 1
        return real(self)

    monkeypatch.setattr(entities_module.Entity, "canonical", counted)
    return calls


@pytest.mark.parametrize("who", ["Zelenskiy", "Zelenskyy's", "Volodymyr Zelenskiy"])
def test_a_name_lookup_reads_the_same_entities_however_many_people_were_met(
        who: str, monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = _table_with(5), _table_with(500)
    calls = _canonical_calls(monkeypatch)
    counts = []
    for table in (small, large):
        calls[0] = 0
        assert table.find(who) is table.entities[0]
        counts.append(calls[0])
    assert counts[0] == counts[1]


def test_a_role_lookup_reads_only_holders_of_a_like_role(
        monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = _table_with(5), _table_with(500)
    compared = [0]
    real = people_module._alike_roles

    def counted(have: str, wanted: str) -> bool:
        compared[0] += 1
        return real(have, wanted)

    monkeypatch.setattr(people_module, "_alike_roles", counted)
    counts = []
    for table in (small, large):
        compared[0] = 0
        assert table.find_by_role("the Ukrainian president") is table.entities[0]
        counts.append(compared[0])
    assert counts == [1, 1]


def test_each_pair_of_surnames_is_compared_for_spelling_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    table = _table_with(50)
    compared = [0]
    real = surnames.close_spelling

    def counted(a: str, b: str) -> bool:
        compared[0] += 1
        return real(a, b)

    monkeypatch.setattr(surnames, "close_spelling", counted)
    assert table.find("Zelenskiy") is table.entities[0]
    first = compared[0]
    for _ in range(20):
        assert table.find("Zelenskiy") is table.entities[0]
    assert 0 < first == compared[0]
