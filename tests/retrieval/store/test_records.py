"""Corpus records as flat arrays, decoded lazily: equal to what was saved (every corpus the
builder makes fits), speaker digest, directory and lookups identical to a walk over every
passage."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from corpus.build import build_corpus
from corpus.models import Article, Corpus, LoadProblem, Passage, Sentence, Speaker
from retrieval.answering.engine import Parley
from retrieval.answering.speakers import SpeakerDirectory
from retrieval.options import IndexOptions
from retrieval.store import corpus_lookups, open_index
from retrieval.store import records_load as records_load_module
from retrieval.store.cache import build_index
from retrieval.store.lazy import LazySeq
from retrieval.store.lookups import WalkedLookups
from retrieval.store.records_layout import UnsupportedCorpus
from retrieval.store.records_load import SavedPassages, records_corpus
from retrieval.store.records_save import records_arrays
from retrieval.store.speaker_digest import SpeakerGroup, compute_digest

ARTICLES = {
    "talks.txt": """Peace talks resume in Istanbul

Source: Example News

Turkish President Recep Tayyip Erdo\u011fan said: "We want a ceasefire as soon as possible."

Ukraine's negotiator said the talks were constructive. "We are ready," he said.

The Kremlin said there was no breakthrough on the ceasefire. Erdogan said talks would go on.
""",
    "grain.txt": """Grain deal extended

The grain deal was extended, officials said. Ukrainian Foreign Minister Dmytro Kuleba said
the deal "must hold". Erdogan welcomed it.

Russian President Vladimir Putin was not at the ceremony.
""",
    "empty-ish.txt": "Headline only\n",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    d = tmp_path / "articles"
    d.mkdir()
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    (d / "dup.txt").write_text(ARTICLES["grain.txt"], encoding="utf-8")
    c = build_corpus([d])
    # an article with text needing care: non-BMP characters, a sentence not a slice
    odd = Article("odd", "odd.txt", "Caf\u00e9 \U0001F600",
                  (Passage("odd", 0, "Caf\u00e9 \U0001F600 x", (
                      Sentence("Caf\u00e9", 0, 4, Speaker("A\u00efda", None, "person"),
                               "direct"),
                      Sentence("not a slice", 5, 8, None, None))),), (), "src", None, "u")
    return Corpus.of(list(c.articles) + [odd], list(c.problems) + [LoadProblem("x", "y")])


def roundtrip(c: Corpus) -> Corpus:
    arrays, part = records_arrays(c)
    part = json.loads(json.dumps(part))  # as saved
    return records_corpus(arrays, part)


def test_roundtrip_equal_and_lazy(corpus: Corpus):
    back = roundtrip(corpus)
    assert isinstance(back.passages, SavedPassages) and isinstance(back.articles, LazySeq)
    assert back == corpus and back.problems == corpus.problems
    assert len(back.passages) == len(corpus.passages)
    assert list(back.passages) == list(corpus.passages)
    assert back.passages == corpus.passages and corpus.passages == back.passages
    for a, b in zip(back.articles, corpus.articles, strict=True):
        assert a == b and a.passages == b.passages and a.people == b.people
        assert hash(a) == hash(b)
    # one object per record, shared by the corpus and its article
    p = back.passages[3]
    assert back.passages[3] is p and back.passages[-1] is back.passages[len(back.passages) - 1]
    art = back.article(p.document)
    assert any(x is p for x in art.passages)
    assert back.passages[1:3] == corpus.passages[1:3]
    with pytest.raises(IndexError):
        back.passages[len(corpus.passages)]
    assert back.article("odd").title == "Caf\u00e9 \U0001F600"


def test_digest_and_directory_same_as_walking(corpus: Corpus):
    back = roundtrip(corpus)
    walked = compute_digest(corpus)
    saved = corpus_lookups(back).speaker_digest()
    assert isinstance(corpus_lookups(corpus), WalkedLookups)
    assert saved is back.passages.speaker_digest()
    assert [(g.folded, g.kind, g.speaker, list(g.statements), g.direct, g.reported)
            for g in saved.groups] == \
        [(g.folded, g.kind, g.speaker, list(g.statements), g.direct, g.reported)
         for g in walked.groups]
    assert list(saved.keys) == list(walked.keys) == [(g.folded, g.kind) for g in walked.groups]
    assert saved.silent == walked.silent and saved.alias_groups == walked.alias_groups
    assert list(saved.alias_groups) == list(walked.alias_groups)
    assert list(saved.attributed) == list(walked.attributed)
    d1, d2 = SpeakerDirectory(walked), SpeakerDirectory(saved)
    assert list(d1.entries) == list(d2.entries)
    for k in d1.entries:
        e1, e2 = d1.entries[k], d2.entries[k]
        assert (e1.speaker, list(e1.statements), e1.direct, e1.reported) == \
            (e2.speaker, list(e2.statements), e2.direct, e2.reported)
    assert d1.silent == d2.silent and d1._alias_index == d2._alias_index


def test_article_of_every_passage_same_as_walking(corpus: Corpus):
    back = roundtrip(corpus)
    saved, walked = corpus_lookups(back), corpus_lookups(corpus)
    for p in range(len(corpus.passages)):
        assert saved.article_of(p) == walked.article_of(p)
        assert saved.article_of(p).id == corpus.passages[p].document


def test_article_of_with_two_articles_of_one_id_is_the_last_both_ways(corpus: Corpus):
    first, second = corpus.articles[0], corpus.articles[1]
    twin = replace(second, id=first.id, passages=tuple(
        replace(p, document=first.id) for p in second.passages))
    dup = Corpus.of([first, twin])
    back = roundtrip(dup)
    saved, walked = corpus_lookups(back), corpus_lookups(dup)
    for p in range(len(dup.passages)):
        assert saved.article_of(p) == walked.article_of(p) == twin
    assert back.passages == dup.passages and back == dup


def test_engine_answers_identical(corpus: Corpus, tmp_path: Path):
    back = roundtrip(corpus)
    index = build_index(corpus, IndexOptions())
    e1, e2 = Parley(corpus, index), Parley(back, index)
    assert e1._attributed_ids.tolist() == e2._attributed_ids.tolist()
    for q in ("What did Erdogan say?", "Who said the deal must hold?", "ceasefire",
              "What did Kuleba say about grain?", "Who said talks would go on?"):
        assert e1.ask(q) == e2.ask(q), q
    assert e1.speakers() == e2.speakers()
    assert e1.quotes("Erdogan") == e2.quotes("Erdogan")
    assert e1.sources() == e2.sources()


def test_passages_out_of_article_order_are_refused(corpus: Corpus):
    odd = Corpus(corpus.articles, corpus.problems, tuple(reversed(corpus.passages)))
    with pytest.raises(UnsupportedCorpus):
        records_arrays(odd)


def test_strings_and_names_holding_nul_fit(corpus: Corpus):
    """A UTF-16 article may hold U+0000 (its bytes are full of NULs anyway): in a title, a
    name, an alias."""
    first = corpus.articles[0]
    person = replace(first.people[0], name="Ann\0Lee", aliases=frozenset({"ann\0lee", "lee"}))
    nul = Corpus.of([replace(first, title="a\0b", people=(person, *first.people[1:])),
                     *corpus.articles[1:]])
    back = roundtrip(nul)
    assert back == nul and back.articles[0].title == "a\0b"
    walked, saved = compute_digest(nul), back.passages.speaker_digest()
    assert dict(saved.silent) == walked.silent and saved.alias_groups == walked.alias_groups


def test_utf16_article_with_nul_in_its_headline_is_saved_flat(tmp_path: Path):
    d = tmp_path / "c"
    d.mkdir()
    text = "Talks\0 resume\n\nPresident Joe Bi\0den said talks would resume on Monday.\n"
    (d / "a.txt").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    settings = IndexOptions(cache_dir=tmp_path / "cache")
    first = open_index([d], settings, build_corpus)
    assert first.corpus.articles[0].title == "Talks\0 resume" and first.entry is not None
    again = open_index([d], settings, build_corpus)
    assert again.from_cache and again.corpus == first.corpus


def test_a_corpus_the_layout_cannot_hold_is_kept_in_memory_with_a_message(corpus: Corpus,
                                                                        tmp_path: Path):
    d = tmp_path / "c"
    d.mkdir()
    (d / "a.txt").write_text(ARTICLES["talks.txt"], encoding="utf-8")
    odd = Corpus(corpus.articles, corpus.problems, tuple(reversed(corpus.passages)))
    o = open_index([d], IndexOptions(cache_dir=tmp_path / "cache"), lambda paths, **kw: odd)
    assert o.entry is None and o.corpus is odd
    assert any("Could not save" in m for m in o.messages)
    assert not list((tmp_path / "cache").glob("index-*"))


def test_saved_entry_uses_flat_records(tmp_path: Path):
    d = tmp_path / "c"
    d.mkdir()
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    settings = IndexOptions(cache_dir=tmp_path / "cache")
    first = open_index([d], settings, build_corpus)
    again = open_index([d], settings, build_corpus)
    assert again.from_cache and isinstance(again.corpus.passages, SavedPassages)
    assert again.corpus == first.corpus
    manifest = json.loads((again.entry / "manifest.json").read_text(encoding="utf-8"))
    assert "records" in manifest
    for f in again.entry.glob("records-*.npy"):
        np.load(f, allow_pickle=False)


def test_loaded_directory_builds_only_the_speakers_it_is_asked_about(
        corpus: Corpus, monkeypatch: pytest.MonkeyPatch):
    built = []

    def group(*fields):
        built.append(fields[0])
        return SpeakerGroup(*fields)
    monkeypatch.setattr(records_load_module, "SpeakerGroup", group)
    back = roundtrip(corpus)
    digest = back.passages.speaker_digest()
    directory = SpeakerDirectory(digest)
    assert len(directory.entries) == len(digest.groups) > 2 and not built
    found = directory.resolve("Erdogan")
    assert found.entry is not None and found.entry.speaker.name.startswith("Recep")
    assert len(built) == 1
    assert directory.ordered()[0].statements  # listing everyone builds the rest
    assert sorted(built) == sorted(k[0] for k in digest.keys)


@pytest.mark.parametrize("damage", [
    lambda part: part.update(alias_groups=part["alias_groups"][:-1]),  # a name too many
    lambda part: part["alias_groups"].__setitem__(0, 10 ** 6),         # no such group
    lambda part: part["alias_groups"].__setitem__(0, -1),
    lambda part: part["groups"].__setitem__(0, part["groups"][0][:3]),  # short row
    lambda part: part.update(alias_names=part["alias_names"] + "\0x"),  # a name too many
    lambda part: part.update(alias_names=7),
    lambda part: part.update(format=2),
])
def test_malformed_records_part_is_refused(corpus: Corpus, damage):
    """Caught as ValueError by the cache, which then rebuilds (test_cache covers that)."""
    arrays, part = records_arrays(corpus)
    part = json.loads(json.dumps(part))
    damage(part)
    with pytest.raises(ValueError):
        records_corpus(arrays, part)


def test_silent_names_split_on_first_use_and_equal_to_walking(corpus: Corpus):
    back = roundtrip(corpus)
    silent = back.passages.speaker_digest().silent
    assert silent._parts is not None  # nothing split at load
    walked = compute_digest(corpus).silent
    assert walked and dict(silent) == walked
    assert silent._parts is None
