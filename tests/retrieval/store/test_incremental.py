"""Adding, changing or removing files attributes only those files, and gives exactly the
corpus, index and answers of a full rebuild."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from corpus.build import build_corpus
from retrieval.answering.engine import Parley
from retrieval.options import IndexOptions
from retrieval.store import open_index

ARTICLES = {
    "talks.txt": ("Peace talks resume\n\nTurkish President Recep Tayyip Erdogan said: \"We want "
                  "a ceasefire as soon as possible.\"\n\nThe Kremlin said there was no "
                  "breakthrough.\n"),
    "grain.txt": "Grain deal extended\n\nThe grain deal was extended, officials said.\n",
    "kallas.txt": ("Estonia warns\n\n\"An agreement made at gunpoint is no agreement,\" "
                   "Estonia's Prime Minister Kaja Kallas said.\n"),
}
QUESTIONS = ("What did Erdogan say?", "who said the agreement was made at gunpoint",
             "what did the kremlin say", "grain deal")


def _same_records(a: Path, b: Path) -> None:
    """Two saved entries' records: every array (dtype too) and the JSON part alike."""
    names = sorted(p.name for p in a.glob("records-*.npy"))
    assert names and names == sorted(p.name for p in b.glob("records-*.npy"))
    for name in names:
        x, y = np.load(a / name), np.load(b / name)
        assert x.dtype == y.dtype and np.array_equal(x, y), name
    assert (a / "records.json").read_bytes() == (b / "records.json").read_bytes()


def _same(a, b, *, records: bool = True) -> None:
    """The same corpus, index arrays, scores and answers; and, while both entries are there
    (`records`), the same records written."""
    if records:
        assert a.entry is not None and b.entry is not None
        _same_records(a.entry, b.entry)
    assert a.corpus == b.corpus and tuple(a.corpus.passages) == tuple(b.corpus.passages)
    ia, ib = a.index.inverted.arrays(), b.index.inverted.arrays()
    assert ia.keys() == ib.keys()
    for name in ia:
        assert np.array_equal(ia[name], ib[name]), name
    pa, pb = Parley(a.corpus, a.index), Parley(b.corpus, b.index)
    for q in QUESTIONS:
        x, y = pa.ask(q), pb.ask(q)
        assert [(h.passage, h.score) for h in x.results] == \
            [(h.passage, h.score) for h in y.results], q
        assert x.claim == y.claim, q


@pytest.fixture
def news(tmp_path: Path) -> Path:
    d = tmp_path / "news"
    d.mkdir()
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


@pytest.mark.parametrize("change", ["add", "edit", "remove"])
def test_an_incremental_build_equals_a_full_rebuild(tmp_path: Path, news: Path, change: str):
    d = news
    options = IndexOptions(cache_dir=tmp_path / "cache")
    open_index([d], options, build_corpus)
    if change == "add":
        (d / "new.txt").write_text("Talks to go on\n\n\"We will meet again,\" Erdogan said.\n",
                                   encoding="utf-8")
        expected = "1 new, 0 changed, 0 removed; 3 reused"
    elif change == "edit":
        (d / "grain.txt").write_text(ARTICLES["grain.txt"].replace("extended", "ended"),
                                     encoding="utf-8")
        expected = "0 new, 1 changed, 0 removed; 2 reused"
    else:
        (d / "grain.txt").unlink()
        expected = "0 new, 0 changed, 1 removed; 2 reused"
    incremental = open_index([d], options, build_corpus)
    assert not incremental.from_cache
    assert any(expected in m for m in incremental.messages), incremental.messages
    full = open_index([d], IndexOptions(cache_dir=tmp_path / "fresh"), build_corpus)
    assert not any("Files since the last build" in m for m in full.messages)  # a first build
    _same(incremental, full)


def test_a_forced_rebuild_attributes_every_article_again(tmp_path: Path, news: Path):
    options = IndexOptions(cache_dir=tmp_path / "cache")
    open_index([news], options, build_corpus)
    forced = open_index([news], options, build_corpus, rebuild=True)
    assert any("; 0 reused" in m for m in forced.messages), forced.messages


BLAIRS = {
    "tony.txt": "Blair speaks\n\nPrime Minister Tony Blair said the talks would go on.\n",
    "mr.txt": "Election nears\n\n\"We will win,\" Mr Blair said on Monday.\n",
}
IAN = "Police chief speaks\n\nMetropolitan Police Commissioner Ian Blair said crime fell.\n"


def _speaker_of(opened, document: str) -> set[str]:
    return {s.speaker.name for p in opened.corpus.passages if p.document == document
            for s in p.sentences if s.speaker is not None}


@pytest.mark.parametrize(("change", "mr_blair_before", "mr_blair_after"), [
    # a second Blair makes "Mr Blair" nobody's: the unchanged article's speaker leaves the group
    ("add another", "Tony Blair", "Blair"),
    # the person it was merged with goes: it stands alone
    ("remove merged", "Tony Blair", "Blair"),
    # the one it was merged with is renamed: it follows
    ("edit merged", "Tony Blair", "Ian Blair"),
    # the second Blair goes again: it joins the one left
    ("remove other", "Blair", "Tony Blair"),
])
def test_merges_across_unchanged_articles_equal_a_full_rebuild(
        tmp_path: Path, change: str, mr_blair_before: str, mr_blair_after: str):
    d = tmp_path / "blairs"
    d.mkdir()
    for name, text in BLAIRS.items():
        (d / name).write_text(text, encoding="utf-8")
    if change == "remove other":
        (d / "ian.txt").write_text(IAN, encoding="utf-8")
    options = IndexOptions(cache_dir=tmp_path / "cache")
    first = open_index([d], options, build_corpus)
    assert _speaker_of(first, "mr") == {mr_blair_before}
    if change == "add another":
        (d / "ian.txt").write_text(IAN, encoding="utf-8")
    elif change == "remove merged":
        (d / "tony.txt").unlink()
    elif change == "edit merged":
        (d / "tony.txt").write_text(BLAIRS["tony.txt"].replace("Tony", "Ian"),
                                    encoding="utf-8")
    else:
        (d / "ian.txt").unlink()
    incremental = open_index([d], options, build_corpus)
    assert any("reused" in m for m in incremental.messages), incremental.messages
    assert _speaker_of(incremental, "mr") == {mr_blair_after}
    full = open_index([d], IndexOptions(cache_dir=tmp_path / "fresh"), build_corpus)
    _same(incremental, full)


def test_articles_sent_packed_by_workers_equal_the_sequential_build(
        tmp_path: Path, news: Path, monkeypatch: pytest.MonkeyPatch):
    """Workers send each new article back as its cache row (`ArticleCache.packing`): the
    corpus, the rows kept and a later build from them are exactly the sequential ones."""
    from functools import partial

    from corpus import parallel
    from retrieval.store.article_cache import ArticleCache
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 2)
    unpacked = []
    real = ArticleCache._unpack

    def counting(self, raw, sent):
        unpacked.append(raw.path)
        return real(self, raw, sent)
    monkeypatch.setattr(ArticleCache, "_unpack", counting)
    for i in range(4):
        (news / f"more{i}.txt").write_text(f"Talks day {i}\n\n\"We met,\" Kallas said.\n",
                                           encoding="utf-8")
    built = {}
    for jobs in (1, 2):
        options = IndexOptions(cache_dir=tmp_path / f"cache{jobs}")
        first = open_index([news], options, partial(build_corpus, jobs=jobs))
        (news / "more0.txt").unlink()  # and again from the rows kept
        again = open_index([news], options, partial(build_corpus, jobs=jobs))
        (news / "more0.txt").write_text("Talks day 0\n\n\"We met,\" Kallas said.\n",
                                        encoding="utf-8")
        line = "0 new, 0 changed, 1 removed; 6 reused"
        assert any(line in m for m in again.messages), again.messages
        built[jobs] = (first, again)
    assert len(unpacked) == 7  # the second process build's seven articles came packed
    _same(built[1][0], built[2][0], records=False)  # their entries were replaced since
    _same(built[1][1], built[2][1])


def test_an_incremental_build_parses_only_the_new_articles_names(
        tmp_path: Path, news: Path, monkeypatch: pytest.MonkeyPatch):
    """The merge reads the unchanged articles' people from the article cache (their merge
    facts), not by parsing their names again."""
    from corpus import merging
    options = IndexOptions(cache_dir=tmp_path / "cache")
    open_index([news], options, build_corpus)
    parsed: list[str] = []
    real = merging._merge_parts

    def counting(name: str):
        parsed.append(name)
        return real(name)
    monkeypatch.setattr(merging, "_merge_parts", counting)
    (news / "new.txt").write_text("Talks to go on\n\n\"We will meet again,\" Jo Bloggs said.\n",
                                  encoding="utf-8")
    again = open_index([news], options, build_corpus)
    assert parsed == ["Jo Bloggs"]
    full = open_index([news], IndexOptions(cache_dir=tmp_path / "fresh"), build_corpus)
    _same(again, full)


def test_an_incremental_build_makes_no_passages_of_unchanged_articles(
        tmp_path: Path, news: Path, monkeypatch: pytest.MonkeyPatch):
    """Unchanged articles come from the article cache as they are: their passages are never
    made (their index terms and records blocks are kept with them), and their records are
    not walked again; the entry is exactly a full rebuild's."""
    from retrieval.store import article_json, records_save
    options = IndexOptions(cache_dir=tmp_path / "cache")
    open_index([news], options, build_corpus)
    made, walked = [], []
    real_made, real_walk = article_json._Passages.__call__, records_save.article_block

    def making(self):
        made.append(self._id)
        return real_made(self)

    def walking(article):
        walked.append(article.id)
        return real_walk(article)
    monkeypatch.setattr(article_json._Passages, "__call__", making)
    monkeypatch.setattr(records_save, "article_block", walking)
    (news / "new.txt").write_text("Talks to go on\n\n\"We will meet again,\" Jo Bloggs said.\n",
                                  encoding="utf-8")
    again = open_index([news], options, build_corpus)
    assert any("1 new, 0 changed, 0 removed; 3 reused" in m for m in again.messages)
    assert made == [] and walked == []
    full = open_index([news], IndexOptions(cache_dir=tmp_path / "fresh"), build_corpus)
    _same(again, full)


def test_articles_the_merge_rewrites_are_not_walked_again(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch):
    """A cached article whose speaker the merge renames keeps its records block, rewritten
    as the article is (`records_rename`): neither its passages are made nor its records
    walked, and the entry equals a full rebuild's."""
    from retrieval.store import article_json, records_save
    d = tmp_path / "blairs"
    d.mkdir()
    (d / "mr.txt").write_text(BLAIRS["mr.txt"], encoding="utf-8")
    options = IndexOptions(cache_dir=tmp_path / "cache")
    open_index([d], options, build_corpus)
    walked: list[str] = []
    made: list[str] = []
    real, real_made = records_save.article_block, article_json._Passages.__call__
    monkeypatch.setattr(records_save, "article_block",
                        lambda article: walked.append(article.id) or real(article))
    monkeypatch.setattr(article_json._Passages, "__call__",
                        lambda self: made.append(self._id) or real_made(self))
    (d / "tony.txt").write_text(BLAIRS["tony.txt"], encoding="utf-8")
    again = open_index([d], options, build_corpus)
    assert walked == [] and made == []  # both renamed: "Mr Blair" joined "Tony Blair"
    assert _speaker_of(again, "mr") == {"Tony Blair"}
    _same(again, open_index([d], IndexOptions(cache_dir=tmp_path / "fresh"), build_corpus))


SILKS = {
    "silk.txt": ("Party row\n\n\"We will stand everywhere,\" Mr Kilroy Silk said on Monday.\n\n"
                 "Tom Silk said he disagreed.\n"),
    "tony.txt": BLAIRS["tony.txt"],
    "mr.txt": BLAIRS["mr.txt"],
}
ROBERT = ("MEP quits\n\nFormer talk show host Robert Kilroy-Silk said he was leaving the "
          "party.\n")


def test_a_person_moving_between_surname_buckets_equals_a_full_rebuild(tmp_path: Path):
    """A hyphened name added moves "Kilroy Silk" of an unchanged article from the bucket
    "Silk" (beside Tom Silk) to "Kilroy-Silk", where it joins Robert Kilroy-Silk; removing
    it moves it back. Each build equals a full rebuild, records included."""
    d = tmp_path / "silks"
    d.mkdir()
    for name, text in SILKS.items():
        (d / name).write_text(text, encoding="utf-8")
    options = IndexOptions(cache_dir=tmp_path / "cache")
    first = open_index([d], options, build_corpus)
    assert _speaker_of(first, "silk") == {"Kilroy Silk", "Tom Silk"}
    (d / "robert.txt").write_text(ROBERT, encoding="utf-8")
    added = open_index([d], options, build_corpus)
    assert _speaker_of(added, "silk") == {"Robert Kilroy-Silk", "Tom Silk"}
    _same(added, open_index([d], IndexOptions(cache_dir=tmp_path / "fresh"), build_corpus))
    (d / "robert.txt").unlink()
    removed = open_index([d], options, build_corpus)
    assert _speaker_of(removed, "silk") == {"Kilroy Silk", "Tom Silk"}
    _same(removed, open_index([d], IndexOptions(cache_dir=tmp_path / "fresh2"),
                              build_corpus))


def _numbering(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The vocabularies the builds number index terms of (`word_ids.Words.number`), as
    called."""
    from retrieval.store.word_ids import TERMS, Words
    calls: list[list[str]] = []
    real = Words.number

    def counting(self, vocabulary):
        if self.kind == TERMS:
            calls.append(list(vocabulary))
        return real(self, vocabulary)
    monkeypatch.setattr(Words, "number", counting)
    return calls


def _damage_vocabulary(cache: Path, how: str) -> None:
    import sqlite3
    (db,) = cache.glob("articles-*.sqlite")
    con = sqlite3.connect(db)
    with con:
        if how == "runs":
            con.execute("UPDATE word_runs SET sum = 'x'")
        elif how == "maps":
            con.execute("UPDATE word_maps SET ids = substr(ids, 5) || substr(ids, 1, 4)")
        else:
            con.execute("DROP TABLE word_maps")
    con.close()


@pytest.mark.parametrize("before", ["nothing", "damaged runs", "damaged maps", "no maps table",
                                    "a forced rebuild"])
def test_an_incremental_build_numbers_only_the_new_articles_words(
        tmp_path: Path, news: Path, monkeypatch: pytest.MonkeyPatch, before: str):
    """Unchanged articles' terms are read as the numbers their word maps keep; a vocabulary
    or map that cannot be trusted is numbered again (every article), and each build is
    exactly a full rebuild."""
    options = IndexOptions(cache_dir=tmp_path / "cache")
    open_index([news], options, build_corpus)
    if before == "a forced rebuild":
        open_index([news], options, build_corpus, rebuild=True)
    elif before != "nothing":
        _damage_vocabulary(tmp_path / "cache", {"damaged runs": "runs", "damaged maps": "maps",
                                                "no maps table": "table"}[before])
    calls = _numbering(monkeypatch)
    (news / "new.txt").write_text("Talks to go on\n\n\"We will meet again,\" Erdogan said.\n",
                                  encoding="utf-8")
    again = open_index([news], options, build_corpus)
    renumbered = before in {"damaged runs", "damaged maps", "no maps table"}
    assert len(calls) == (4 if renumbered else 1)
    assert "meet" in calls[-1 if not renumbered else 2]  # the new article's (in file order)
    full = open_index([news], IndexOptions(cache_dir=tmp_path / "fresh"), build_corpus)
    _same(again, full)
    calls.clear()
    (news / "newer.txt").write_text("Talks end\n\nThe talks ended, Kallas said.\n",
                                    encoding="utf-8")
    third = open_index([news], options, build_corpus)
    assert len(calls) == 1 and "end" in calls[0]  # the vocabulary is whole again
    _same(third, open_index([news], IndexOptions(cache_dir=tmp_path / "fresh2"),
                            build_corpus))


def test_an_incremental_build_makes_no_strings_of_unchanged_blocks(
        tmp_path: Path, news: Path, monkeypatch: pytest.MonkeyPatch):
    """The records blocks of unchanged articles the merge leaves alone are read as their
    strings' numbers (`ArticleCache.numbered_block`): none of their strings is made or
    numbered again, and the records are exactly a full rebuild's."""
    from retrieval.store import records_block
    from retrieval.store.word_ids import STRINGS, Words
    options = IndexOptions(cache_dir=tmp_path / "cache")
    open_index([news], options, build_corpus)
    numbered: list[str] = []
    real_number = Words.number

    def counting(self, vocabulary):
        if self.kind == STRINGS:
            numbered.extend(vocabulary)
        return real_number(self, vocabulary)
    monkeypatch.setattr(Words, "number", counting)
    made: list[bool] = []
    real_block = records_block.block_from_bytes

    def reading(data, words=None):
        block = real_block(data, words)
        made.append(words is None and "grain" in block.strings[0].decode())
        return block
    monkeypatch.setattr("retrieval.store.kept_blocks.block_from_bytes", reading)
    (news / "new.txt").write_text("Talks to go on\n\n\"We will meet again,\" Erdogan said.\n",
                                  encoding="utf-8")
    again = open_index([news], options, build_corpus)
    assert made and not any(made)  # grain.txt's block read, its strings never made
    assert "new" in numbered and "grain" not in numbered
    _same(again, open_index([news], IndexOptions(cache_dir=tmp_path / "fresh"), build_corpus))


@pytest.mark.parametrize("memory", ["kept", "damaged", "gone"])
def test_an_incremental_build_groups_only_the_buckets_the_new_file_touches(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory: str):
    """What the last build merged is kept for the corpus (`merge_memory`): adding a file
    groups again only the surname buckets its people fall in, an unchanged article keeps
    its renames from the others; a memory that cannot be read is a whole merge. Each build
    is exactly a full rebuild."""
    import sqlite3

    from corpus import merging
    d = tmp_path / "blairs"
    d.mkdir()
    for name, text in BLAIRS.items():
        (d / name).write_text(text, encoding="utf-8")
    options = IndexOptions(cache_dir=tmp_path / "cache")
    open_index([d], options, build_corpus)
    if memory != "kept":
        (db,) = (tmp_path / "cache").glob("articles-*.sqlite")
        con = sqlite3.connect(db)
        with con:
            con.execute("UPDATE merges SET data = substr(data, 2)" if memory == "damaged"
                        else "DELETE FROM merges")
        con.close()
    grouped: list[str] = []
    real = merging._group_bucket

    def counting(bucket):
        grouped.extend(e.name for e in bucket)
        return real(bucket)
    monkeypatch.setattr(merging, "_group_bucket", counting)
    (d / "kallas.txt").write_text(ARTICLES["kallas.txt"], encoding="utf-8")
    again = open_index([d], options, build_corpus)
    assert ("Blair" in grouped) == (memory != "kept")
    assert "Kaja Kallas" in grouped
    assert _speaker_of(again, "mr") == {"Tony Blair"}  # the kept rename
    _same(again, open_index([d], IndexOptions(cache_dir=tmp_path / "fresh"), build_corpus))


@pytest.mark.parametrize(("change", "renamed_again"), [
    ("an unrelated file", False),       # "Mr Blair" renamed as before: the kept block read
    ("the renames change", True),       # "Tony Charles Blair" joins: the group is renamed
    ("a damaged renamed block", True),
    ("a damaged map of its strings", True),
])
def test_blocks_renamed_as_before_are_read_as_kept(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    change: str, renamed_again: bool):
    """An unchanged article the merge renames exactly as the last build did has its
    renamed records block read from the article cache (`renamed_rows`), not made again;
    otherwise it is renamed anew. Each build is exactly a full rebuild."""
    import sqlite3

    from retrieval.store import kept_blocks
    d = tmp_path / "blairs"
    d.mkdir()
    for name, text in BLAIRS.items():
        (d / name).write_text(text, encoding="utf-8")
    options = IndexOptions(cache_dir=tmp_path / "cache")
    open_index([d], options, build_corpus)
    if change.startswith("a damaged"):
        (db,) = (tmp_path / "cache").glob("articles-*.sqlite")
        con = sqlite3.connect(db)
        with con:
            con.execute("UPDATE renamed_blocks SET block = substr(block, 2)"
                        if change == "a damaged renamed block" else
                        "UPDATE word_maps SET ids = substr(ids, 5) || substr(ids, 1, 4)"
                        " WHERE kind = 'renamed'")
        con.close()
    renamed: list[object] = []
    real = kept_blocks.renamed_block

    def counting(block, renames):
        renamed.append(renames)
        return real(block, renames)
    monkeypatch.setattr(kept_blocks, "renamed_block", counting)
    if change == "the renames change":
        (d / "charles.txt").write_text("Visit\n\n\"It went well,\" Tony Charles Blair said.\n",
                                      encoding="utf-8")
    else:
        (d / "kallas.txt").write_text(ARTICLES["kallas.txt"], encoding="utf-8")
    again = open_index([d], options, build_corpus)
    assert bool(renamed) == renamed_again
    _same(again, open_index([d], IndexOptions(cache_dir=tmp_path / "fresh"), build_corpus))


def test_an_incremental_build_makes_no_unchanged_article(tmp_path: Path, news: Path,
                                                         monkeypatch: pytest.MonkeyPatch):
    """Unchanged articles are held as their cache rows (`ArticleCache.held`): the merge
    reads their entries from the rows' heads, and no article object of theirs (people,
    speakers, passages) is made; the build is exactly a full rebuild."""
    from retrieval.store import article_cache, article_pack
    options = IndexOptions(cache_dir=tmp_path / "cache")
    open_index([news], options, build_corpus)
    made: list[str] = []
    real = article_cache.article_from_parts

    def making(head, passages):
        article, facts = real(head, passages)
        made.append(article.id)
        return article, facts
    for module in (article_cache, article_pack):  # where rows are made into articles
        monkeypatch.setattr(module, "article_from_parts", making)
    (news / "new.txt").write_text("Talks to go on\n\n\"We will meet again,\" Erdogan said.\n",
                                  encoding="utf-8")
    again = open_index([news], options, build_corpus)
    assert not set(made) & {"talks", "grain", "kallas"}
    _same(again, open_index([news], IndexOptions(cache_dir=tmp_path / "fresh"), build_corpus))
