"""Corpus records as flat arrays, decoded lazily: equal to what was saved, speaker digest and
directory identical to a walk over every passage, JSON kept for corpora the layout cannot hold."""
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
from retrieval.store import open_index
from retrieval.store.records import (
    LazyArticles,
    LazyPassages,
    _compute_digest,
    records_arrays,
    records_corpus,
    speaker_digest,
)

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
    made = records_arrays(c)
    assert made is not None
    arrays, part = made
    part = json.loads(json.dumps(part))  # as saved
    return records_corpus(arrays, part)


def test_roundtrip_equal_and_lazy(corpus: Corpus):
    back = roundtrip(corpus)
    assert isinstance(back.passages, LazyPassages) and isinstance(back.articles, LazyArticles)
    assert back == corpus and back.problems == corpus.problems
    assert len(back.passages) == len(corpus.passages)
    assert list(back.passages) == list(corpus.passages)
    assert back.passages == corpus.passages and corpus.passages == back.passages
    for a, b in zip(back.articles, corpus.articles):
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
    walked = _compute_digest(corpus)
    saved = speaker_digest(back)
    assert saved is back.passages.digest
    assert [(g.folded, g.kind, g.speaker, list(g.statements), g.direct, g.reported)
            for g in saved.groups] == \
        [(g.folded, g.kind, g.speaker, list(g.statements), g.direct, g.reported)
         for g in walked.groups]
    assert saved.silent == walked.silent and saved.alias_groups == walked.alias_groups
    assert list(saved.alias_groups) == list(walked.alias_groups)
    assert list(saved.attributed) == list(walked.attributed)
    d1, d2 = SpeakerDirectory(corpus), SpeakerDirectory(back)
    assert list(d1.entries) == list(d2.entries)
    for k in d1.entries:
        e1, e2 = d1.entries[k], d2.entries[k]
        assert (e1.speaker, list(e1.statements), e1.direct, e1.reported) == \
            (e2.speaker, list(e2.statements), e2.direct, e2.reported)
    assert d1.silent == d2.silent and d1._alias_index == d2._alias_index


def test_engine_answers_identical(corpus: Corpus, tmp_path: Path):
    back = roundtrip(corpus)
    from retrieval.store.cache import build_index
    index = build_index(corpus, IndexOptions())
    e1, e2 = Parley(corpus, index), Parley(back, index)
    assert e1._attributed_ids.tolist() == e2._attributed_ids.tolist()
    for q in ("What did Erdogan say?", "Who said the deal must hold?", "ceasefire",
              "What did Kuleba say about grain?", "Who said talks would go on?"):
        assert e1.ask(q) == e2.ask(q), q
    assert e1.speakers() == e2.speakers()
    assert e1.quotes("Erdogan") == e2.quotes("Erdogan")
    assert e1.sources() == e2.sources()


def test_unusual_corpus_saved_as_json(corpus: Corpus, tmp_path: Path):
    odd = Corpus(corpus.articles, corpus.problems, tuple(reversed(corpus.passages)))
    assert records_arrays(odd) is None
    nul = Corpus.of([replace(corpus.articles[0], title="a\0b")])
    assert records_arrays(nul) is None


def test_saved_entry_uses_flat_records(tmp_path: Path):
    d = tmp_path / "c"
    d.mkdir()
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    settings = IndexOptions(cache_dir=tmp_path / "cache")
    first = open_index([d], settings, build_corpus)
    again = open_index([d], settings, build_corpus)
    assert again.from_cache and isinstance(again.corpus.passages, LazyPassages)
    assert again.corpus == first.corpus
    manifest = json.loads((again.entry / "manifest.json").read_text(encoding="utf-8"))
    assert "records" in manifest and "corpus_file" not in manifest
    assert not (again.entry / "corpus.json").exists()
    for f in again.entry.glob("records-*.npy"):
        np.load(f, allow_pickle=False)


def test_loaded_directory_builds_only_the_speakers_it_is_asked_about(corpus: Corpus):
    back = roundtrip(corpus)
    directory = SpeakerDirectory(back)
    groups = back.passages.digest.groups
    assert len(directory.entries) == len(groups) > 2 and not groups._built
    found = directory.resolve("Erdogan")
    assert found.entry is not None and found.entry.speaker.name.startswith("Recep")
    assert len(groups._built) == 1
    assert directory.ordered()[0].statements  # listing everyone builds the rest
    assert len(groups._built) == len(groups)


@pytest.mark.parametrize("damage", [
    lambda part: part.update(alias_groups=part["alias_groups"][:-1]),  # a name too many
    lambda part: part["alias_groups"].__setitem__(0, 10 ** 6),         # no such group
    lambda part: part["alias_groups"].__setitem__(0, -1),
    lambda part: part["groups"].__setitem__(0, part["groups"][0][:3]),  # short row
    lambda part: part.update(article_ids=part["article_ids"] + "\0x"),
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
    silent = back.passages.digest.silent
    assert silent._parts is not None  # nothing split at load
    walked = _compute_digest(corpus).silent
    assert walked and dict(silent) == walked
    assert silent._parts is None
