"""The vocabulary the article cache keeps (`word_ids`): words keep their numbers from build
to build, and a vocabulary or word map that cannot be trusted is never used."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from retrieval.store.article_rows import connect
from retrieval.store.word_ids import TERMS, Words, map_sum, run_bytes


def _db(tmp_path: Path) -> sqlite3.Connection:
    con = connect(tmp_path / "cache.sqlite")
    with con:
        con.executemany("INSERT INTO articles VALUES (?, '', '', '', x'', x'')",
                        [("k1",), ("k2",)])
    return con


def _commit(words: Words, con: sqlite3.Connection, maps: dict[str, np.ndarray]) -> None:
    with con:
        words.save(con, TERMS, maps)


def _stored_map(con: sqlite3.Connection, key: str) -> tuple[object, ...]:
    return con.execute("SELECT gen, need, ids, sum FROM word_maps WHERE key = ?",
                       (key,)).fetchone()


def test_words_keep_their_numbers_from_build_to_build(tmp_path: Path):
    con = _db(tmp_path)
    first = Words.load(con, TERMS)
    a = first.number(["talks", "peace", "talks"])
    _commit(first, con, {"k1": a})
    second = Words.load(con, TERMS)
    assert second.gen == first.gen and second.count == 2
    assert second.number(["peace", "grain"]).tolist() == [1, 2]
    assert second.words(np.array([2, 0, 1])) == ["grain", "talks", "peace"]
    _commit(second, con, {"k2": second.number(["grain"])})
    third = Words.load(con, TERMS)
    assert third.words(np.arange(3)) == ["talks", "peace", "grain"]
    stored = third.usable("k1", _stored_map(con, "k1"))
    assert stored is not None and np.frombuffer(stored, "<i4").tolist() == a.tolist()


@pytest.mark.parametrize("damage", ["run bytes", "run sum", "a gap", "no generation"])
def test_a_damaged_vocabulary_is_a_fresh_one(tmp_path: Path, damage: str):
    con = _db(tmp_path)
    words = Words.load(con, TERMS)
    words.number(["talks", "peace"])
    _commit(words, con, {"k1": np.array([0, 1])})
    with con:
        if damage == "run bytes":
            con.execute("UPDATE word_runs SET data = ?", (run_bytes(["talks", "grain"]),))
        elif damage == "run sum":
            con.execute("UPDATE word_runs SET sum = 'x'")
        elif damage == "a gap":
            con.execute("UPDATE word_runs SET first = 3")
        else:
            con.execute("DELETE FROM word_sets")
    again = Words.load(con, TERMS)
    assert again.reset and again.count == 0 and again.gen != words.gen
    assert again.usable("k1", _stored_map(con, "k1")) is None
    _commit(again, con, {"k2": again.number(["grain"])})  # replaces the vocabulary and maps
    assert con.execute("SELECT key FROM word_maps").fetchall() == [("k2",)]
    assert Words.load(con, TERMS).words(np.array([0])) == ["grain"]


@pytest.mark.parametrize("meanwhile", ["appended", "restarted"])
def test_a_build_writes_nothing_when_another_changed_the_vocabulary(tmp_path: Path,
                                                                     meanwhile: str):
    con = _db(tmp_path)
    words = Words.load(con, TERMS)
    _commit(words, con, {"k1": words.number(["talks"])})
    mine, theirs = Words.load(con, TERMS), Words.load(con, TERMS)
    if meanwhile == "restarted":
        theirs = Words.fresh()
    _commit(theirs, con, {"k2": theirs.number(["grain"])})
    _commit(mine, con, {"k1": mine.number(["peace", "talks"])})  # "peace" would be 1 too
    final = Words.load(con, TERMS)
    assert final.gen == theirs.gen
    assert final.words(np.arange(final.count)) == \
        (["talks", "grain"] if meanwhile == "appended" else ["grain"])
    k1 = _stored_map(con, "k1")
    assert (k1 is None) if meanwhile == "restarted" else (
        final.usable("k1", k1) is not None and np.frombuffer(k1[2], "<i4").tolist() == [0])


@pytest.mark.parametrize("bad", ["other generation", "number not yet stored", "sum",
                                 "cut ids", "other key"])
def test_a_word_map_that_cannot_be_trusted_is_not_used(tmp_path: Path, bad: str):
    con = _db(tmp_path)
    words = Words.load(con, TERMS)
    _commit(words, con, {"k1": words.number(["talks", "peace"])})
    words = Words.load(con, TERMS)
    gen, need, ids, got = _stored_map(con, "k1")
    assert words.usable("k1", (gen, need, ids, got)) == ids
    key = "k1"
    if bad == "other generation":
        gen = "0" * 16
        got = map_sum(key, gen, need, ids)
    elif bad == "number not yet stored":  # a map another build wrote after this one read
        ids = np.array([0, 2], dtype="<i4").tobytes()
        need = 3
        got = map_sum(key, gen, need, ids)
    elif bad == "sum":
        ids = np.array([1, 0], dtype="<i4").tobytes()
    elif bad == "cut ids":
        ids = ids[:-1]
    else:
        key = "k2"
    assert words.usable(key, (gen, need, ids, got)) is None


@pytest.mark.parametrize("words", [["a\0b"], ["x", "\0"]])
def test_words_a_run_cannot_hold_are_refused(words: list[str]):
    with pytest.raises(ValueError):
        run_bytes(words)


@pytest.mark.parametrize("words", [[], [""], ["", ""], ["x", ""], ["", "x", "ünï"],
                                   ["\udcff"]])
def test_a_run_holds_its_words_exactly(tmp_path: Path, words: list[str]):
    """Empty words and file-name surrogates too: a run reads back as written."""
    con = _db(tmp_path)
    first = Words.load(con, TERMS)
    numbers = first.number(words)
    _commit(first, con, {"k1": numbers})
    again = Words.load(con, TERMS)
    assert not again.reset and again.words(numbers.astype(np.int64)) == words


def test_words_numbered_that_a_run_cannot_hold_are_not_kept(tmp_path: Path):
    con = _db(tmp_path)
    words = Words.load(con, TERMS)
    _commit(words, con, {"k1": words.number(["talks"])})
    words = Words.load(con, TERMS)
    _commit(words, con, {"k2": words.number(["a\0b"])})
    again = Words.load(con, TERMS)
    assert again.count == 1 and _stored_map(con, "k2") is None
