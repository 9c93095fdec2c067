"""Attributed articles kept by what was read: exact round trips, hits and misses, damage that
only costs a re-attribution, and what changed since the last build."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from corpus.aliases import AliasEntry
from corpus.build import attribute_article, build_corpus
from corpus.loader import RawArticle, read_articles
from corpus.merging import people_facts
from corpus.models import Article, Passage, Person, Sentence, Speaker
from corpus.shipped import SHIPPED_CORPUS
from retrieval.store.article_cache import Changes, open_cache
from retrieval.store.article_json import article_and_facts, article_from_json, article_to_json
from retrieval.store.article_pack import raw_key

ODD = Article(
    "caf\udce9", "/c/caf\udce9.txt", "Title \u201cquoted\u201d", (
        Passage("caf\udce9", 0, "Title", ()),
        Passage("caf\udce9", 3, "He said: \"Yes.\" Then no.", (
            Sentence("He said: \"Yes.\"", 0, 15, Speaker("Ann Lee", None, "person"), "direct"),
            Sentence("a clause of its own", 16, 24, Speaker("Kremlin", "the Russian side",
                                                        "organisation"), "reported"),
            Sentence("Then no.", 16, 24, None, None))),
    ), (Person("Ann Lee", "minister", "person", frozenset({"ms lee", "lee"})),),
    None, "2022-03-29", "https://example.org/x")


@pytest.mark.parametrize("article", [ODD, *build_corpus([SHIPPED_CORPUS]).articles],
                         ids=["odd-records", "seed"])
def test_an_article_survives_its_json_exactly(article: Article):
    assert article_from_json(article_to_json(article)) == article


@pytest.mark.parametrize("article", [ODD, *build_corpus([SHIPPED_CORPUS]).articles, *[
                             attribute_article(r) for r in read_articles([SHIPPED_CORPUS])[0]]])
def test_an_articles_merge_facts_survive_its_json_exactly(article: Article):
    facts = people_facts(article)
    assert article_and_facts(article_to_json(article, facts)) == (article, facts)


@pytest.mark.parametrize(("row", "why"), [
    ([5, ["ann"], "lee", None, None, ["Ann"], None, 1], "another article"),
    ([-1, ["ann"], "lee", None, None, ["Ann"], None, 1], "another article"),
])
def test_merge_facts_that_do_not_fit_the_article_are_refused(row: list, why: str):
    import json
    d = json.loads(article_to_json(ODD))
    d["merge"] = [row]
    with pytest.raises(ValueError, match=why):
        article_and_facts(json.dumps(d))


def _raws(folder: Path):
    return read_articles([folder])[0]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "news"
    d.mkdir()
    for name, text in [("a.txt", "Talks resume\n\n\"We are ready,\" Kallas said.\n"),
                       ("b.txt", "Grain deal\n\nThe deal was extended, officials said.\n")]:
        (d / name).write_text(text, encoding="utf-8")
    return d


class Counting:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, raw):
        self.calls += 1
        return attribute_article(raw)


def _build(root: Path, folder: Path, count: Counting, order: int = 1
           ) -> tuple[list[Article], Changes | None]:
    """What `build_corpus` does with the cache: known articles taken, new ones kept
    (`order=-1`: asked for in the reverse of the files' order)."""
    cache = open_cache(root, corpus="corpus-1")
    articles = []
    for raw in _raws(folder)[::order]:
        article = cache.known(raw)
        if article is None:
            article = count(raw)
            cache.keep(raw, article)
        articles.append(article)
    return articles, cache.commit("corpus-1")


def test_a_second_build_attributes_only_what_changed(tmp_path: Path, folder: Path):
    count = Counting()
    first, changes = _build(tmp_path / "cache", folder, count)
    assert count.calls == 2 and changes == Changes(new=2, first=True)
    (folder / "b.txt").write_text("Grain deal\n\nThe deal lapsed, Zelensky said.\n",
                                  encoding="utf-8")
    (folder / "c.txt").write_text("New talks\n\nTalks will go on, Erdogan said.\n",
                                  encoding="utf-8")
    again, changes = _build(tmp_path / "cache", folder, count)
    assert count.calls == 4 and changes == Changes(new=1, changed=1, reused=1)
    assert again == [attribute_article(r) for r in _raws(folder)]
    (folder / "a.txt").unlink()
    _, changes = _build(tmp_path / "cache", folder, count)
    assert count.calls == 4 and changes == Changes(removed=1, reused=2)


@pytest.mark.parametrize("order", [1, -1], ids=["as written", "reversed"])
def test_rows_are_found_in_whatever_order_they_are_asked_for(tmp_path: Path, folder: Path,
                                                             order: int):
    (folder / "c.txt").write_text("New talks\n\nTalks will go on, Erdogan said.\n",
                                  encoding="utf-8")
    count = Counting()
    first, _ = _build(tmp_path / "cache", folder, count)
    again, changes = _build(tmp_path / "cache", folder, count, order)
    assert count.calls == 3 and changes == Changes(reused=3)
    assert again == first[::order]


def test_a_damaged_row_is_attributed_again(tmp_path: Path, folder: Path):
    count = Counting()
    _build(tmp_path / "cache", folder, count)
    db = next((tmp_path / "cache").glob("articles-*.sqlite"))
    con = sqlite3.connect(db)
    with con:
        con.execute("UPDATE articles SET json = replace(json, 'Kallas', 'Kalias')")
    con.close()
    articles, changes = _build(tmp_path / "cache", folder, count)
    assert count.calls == 3 and changes is not None and changes.reused == 1  # b.txt
    assert articles == [attribute_article(r) for r in _raws(folder)]


def test_a_cache_file_that_is_not_a_database_is_replaced(tmp_path: Path, folder: Path):
    count = Counting()
    _build(tmp_path / "cache", folder, count)
    db = next((tmp_path / "cache").glob("articles-*.sqlite"))
    db.write_bytes(b"not a database at all" * 100)
    articles, changes = _build(tmp_path / "cache", folder, count)
    assert count.calls == 4 and changes == Changes(new=2, first=True)
    _, changes = _build(tmp_path / "cache", folder, count)
    assert count.calls == 4 and changes == Changes(reused=2)


def test_the_key_is_everything_attribution_reads(folder: Path):
    a, b = _raws(folder)
    assert raw_key(a) != raw_key(b)
    from dataclasses import replace
    assert raw_key(replace(a, url="https://x")) != raw_key(a)
    assert raw_key(replace(a, path=a.path + "x")) != raw_key(a)


@pytest.mark.parametrize(("one", "other"), [
    ({"paragraphs": ("ab", "c")}, {"paragraphs": ("a", "bc")}),  # a boundary moved
    ({"title": "ab", "paragraphs": ("c",)}, {"title": "a", "paragraphs": ("bc",)}),
    ({"paragraphs": ("a", "")}, {"paragraphs": ("a",)}),
    ({"source": "x"}, {"date": "x"}),
    ({"digest": "d1"}, {"digest": "d2"}),
    ({"aliases": (AliasEntry("A B", "person"),)}, {"aliases": ()}),
    ({"aliases": (AliasEntry("A B", "person", "chief"),)},
     {"aliases": (AliasEntry("A B", "person", None, ("chief",)),)}),
    ({"title": "x\udcff"}, {"title": "x\u00ff"}),  # a surrogate escape is its own text
])
def test_raws_that_differ_in_any_field_have_different_keys(one: dict, other: dict):
    base = RawArticle("id", "p.txt", "T", ("P",))
    from dataclasses import replace
    assert raw_key(replace(base, **one)) != raw_key(replace(base, **other))
    assert raw_key(replace(base, **one)) == raw_key(replace(base, **one))


def test_a_file_name_that_is_not_utf8_is_cached_with_its_raw_bytes(tmp_path: Path):
    import os
    d = tmp_path / "news"
    d.mkdir()
    with open(os.fsencode(d) + b"/caf\xe9.txt", "wb") as f:
        f.write(b"Talks resume\n\n\"We are ready,\" Kallas said.\n")
    count = Counting()
    first, changes = _build(tmp_path / "cache", d, count)
    assert changes == Changes(new=1, first=True)
    again, changes = _build(tmp_path / "cache", d, count)
    assert count.calls == 1 and changes == Changes(reused=1) and again == first


def test_the_merge_entries_read_from_a_head_are_the_articles():
    """`merge_entries_of` (a build's unchanged articles, not made) gives what
    `merge_entries` reads of the article `article_from_parts` makes of the same row."""
    from corpus.merging import merge_entries
    from retrieval.store.article_json import article_from_parts, article_parts, merge_entries_of
    articles = [ODD, *build_corpus([SHIPPED_CORPUS]).articles,
                *(attribute_article(r) for r in read_articles([SHIPPED_CORPUS])[0])]
    assert any(merge_entries(a) for a in articles)
    for article in articles:
        head, passages = article_parts(article, people_facts(article))
        made, facts = article_from_parts(head, passages)
        assert merge_entries_of(head) == (article.id, article.path, len(article.passages),
                                          merge_entries(made, facts))
        assert merge_entries(made, facts) == merge_entries(article)


@pytest.mark.parametrize("head", [
    '{"f": 1}',  # another format
    '[3, "a", "a", 1, []]{"f": 3}',  # the entries of an earlier format
    '[4, "a", "a", "1", []]{"f": 4}',  # not a number of passages
    '[4, "a", "a", 1, [["x", null, [], "x", null, null, []]]]{}',  # an entry cut short
    '',
])
def test_a_head_that_is_not_an_articles_gives_no_entries(head: str):
    from retrieval.store.article_json import merge_entries_of
    with pytest.raises(ValueError):
        merge_entries_of(head)


@pytest.mark.parametrize("cut", ["the rest", "the entries"])
def test_a_head_whose_documents_do_not_read_back_makes_no_article(cut: str):
    from retrieval.store.article_json import article_from_parts, article_parts
    head, passages = article_parts(ODD, people_facts(ODD))
    entries_end = head.index("]{") + 1
    damaged = head[:entries_end] + "[]" if cut == "the rest" else head[entries_end:]
    with pytest.raises((ValueError, KeyError, TypeError, AttributeError)):
        article_from_parts(damaged, passages)
