"""The digest's facts of single strings kept across builds (`string_facts`): a digest worked
out with kept facts is the digest worked out afresh; they survive their bytes (surrogate
escapes too), damaged ones are none; an add-one build works out only the new strings' and
keeps only those its corpus still has, each build exactly a full rebuild."""
from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from corpus.build import build_corpus
from corpus.folding import fold
from retrieval.options import IndexOptions
from retrieval.store import open_index
from retrieval.store.digest_rows import digest_rows
from retrieval.store.records_block import article_block, assemble
from retrieval.store.speaker_digest import terms_text
from retrieval.store.string_facts import FOLDED, TERMS, DigestFacts, StringFacts
from tests.retrieval.store.test_incremental import ARTICLES, _same
from tests.retrieval.store.test_records_block import SEED


def _same_digest(a, b) -> bool:
    return all(np.array_equal(x, y) and x.dtype == y.dtype if isinstance(x, np.ndarray)
               else x == y for x, y in zip(dataclasses.astuple(a), dataclasses.astuple(b),
                                           strict=True))


def _tables():
    blocks = [article_block(a) for a in SEED.articles]
    return assemble(blocks, list(range(len(blocks))))


@pytest.mark.parametrize("kept", ["none", "all", "wrong ones for other strings"])
def test_a_digest_with_kept_facts_is_the_digest_worked_out(kept: str):
    t = _tables()
    facts = DigestFacts()
    if kept == "all":
        digest_rows(t, facts)  # every fact worked out once, then kept
    elif kept != "none":
        facts.folded.known.update({"someone else": "x", "": "y"})
    assert _same_digest(digest_rows(t, facts), digest_rows(t))


def test_facts_survive_their_bytes_and_damaged_ones_are_none(tmp_path: Path):
    con = sqlite3.connect(tmp_path / "db.sqlite")
    from retrieval.store.string_facts import SCHEMA
    con.executescript(SCHEMA)
    facts = DigestFacts()
    texts = ["Recep Tayyip Erdoğan", "caf\udce9", "", "Prime Minister", "a\0b"]
    expected = {t: (fold(t), terms_text(t)) for t in texts}
    for t in texts:
        assert (facts.fold(t), facts.terms_text(t)) == expected[t]
    with con:
        facts.save(con)
    back = DigestFacts.load(con)
    assert back.folded.known == {t: f for t, (f, _) in expected.items()}
    assert back.terms.known == {t: x for t, (_, x) in expected.items()}
    with con:
        con.execute("UPDATE string_facts SET data = substr(data, 2) WHERE kind = ?", (FOLDED,))
    damaged = DigestFacts.load(con)
    assert damaged.folded.known == {} and damaged.terms.known == back.terms.known
    con.close()


def test_only_the_facts_a_build_asked_for_are_kept():
    facts = StringFacts(TERMS, {"gone": "gone", "kept": "kept"})
    assert facts.of("kept", terms_text) == "kept"  # (as kept, not worked out)
    con = sqlite3.connect(":memory:")
    from retrieval.store.string_facts import SCHEMA
    con.executescript(SCHEMA)
    facts.save(con)
    assert StringFacts.load(con, TERMS).known == {"kept": "kept"}


def test_an_add_one_build_works_out_only_the_new_strings(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch):
    from retrieval.store import string_facts
    d = tmp_path / "news"
    d.mkdir()
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    options = IndexOptions(cache_dir=tmp_path / "cache")
    open_index([d], options, build_corpus)
    folded: list[str] = []
    real = string_facts.fold

    def counting(text: str) -> str:
        folded.append(text)
        return real(text)
    monkeypatch.setattr(string_facts, "fold", counting)
    (d / "new.txt").write_text("Talks go on\n\n\"We will meet again,\" Mevlut Cavusoglu said.\n",
                               encoding="utf-8")
    again = open_index([d], options, build_corpus)
    assert folded and all("Cavusoglu" in t for t in folded)  # Erdogan, Kallas: kept
    _same(again, open_index([d], IndexOptions(cache_dir=tmp_path / "fresh"), build_corpus))
    (d / "new.txt").unlink()
    folded.clear()
    third = open_index([d], options, build_corpus)
    assert not folded
    (db,) = (tmp_path / "cache").glob("articles-*.sqlite")
    con = sqlite3.connect(db)
    kept = StringFacts.load(con, FOLDED).known
    con.close()
    assert kept and not any("Cavusoglu" in t for t in kept)  # the removed article's went
    _same(third, open_index([d], IndexOptions(cache_dir=tmp_path / "fresh2"), build_corpus))
