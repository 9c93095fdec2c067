"""Corpus <-> JSON round trip: equal records, tuples stay tuples, frozensets, None, Unicode."""
from __future__ import annotations

import json
from pathlib import Path

from corpus.build import build_corpus
from corpus.models import Article, Corpus, LoadProblem, Passage, Person, Sentence, Speaker
from retrieval.store.corpus_json import corpus_from_json, corpus_to_json

SHIPPED = Path(__file__).resolve().parents[3] / "corpus" / "articles"


def handmade() -> Corpus:
    erdogan = Speaker("Recep Tayyip Erdoğan", "Turkish President", "person")
    kremlin = Speaker("Kremlin", None, "organisation")
    p0 = Passage("a/one", 0, "Talks in İstanbul", ())
    text = "\u201cWe want peace,\u201d Erdoğan said. The Kremlin said no. Someone said \u2026"
    p1 = Passage("a/one", 1, text, (
        Sentence(text[:33], 0, 33, erdogan, "direct"),
        Sentence(text[34:57], 34, 57, kremlin, "reported"),
        Sentence(text[58:], 58, len(text), None, None),
    ))
    people = (Person("Recep Tayyip Erdoğan", "Turkish President", "person",
                     frozenset({"erdogan", "recep tayyip erdogan"})),
              Person("Kremlin", None, "organisation", frozenset()))
    a1 = Article("a/one", "/x/a/one.txt", "Talks in İstanbul", (p0, p1), people, "BBC",
                 "2022-03-29", None)
    a2 = Article("two", "/x/two.md", "", (Passage("two", 0, "Only", ()),))
    return Corpus.of([a1, a2], [LoadProblem("/x/bad.bin", "not text")])


def assert_same(a: Corpus, b: Corpus) -> None:
    assert a == b
    assert a.passages == b.passages  # compare=False on the field: check it explicitly
    assert type(b.articles) is tuple and type(b.articles[0].passages) is tuple
    assert all(type(p.aliases) is frozenset for x in b.articles for p in x.people)
    # passages are the articles' own objects, as Corpus.of makes them
    flat = [p for x in b.articles for p in x.passages]
    assert all(p is q for p, q in zip(flat, b.passages))


def test_round_trip_handmade():
    c = handmade()
    text = corpus_to_json(c)
    json.loads(text)  # plain JSON
    assert_same(c, corpus_from_json(text))


def test_round_trip_shipped_corpus():
    c = build_corpus([SHIPPED])
    assert_same(c, corpus_from_json(corpus_to_json(c)))


def test_round_trip_unusual_passage_order():
    c = handmade()
    odd = Corpus(c.articles, c.problems, tuple(reversed(c.passages)))
    back = corpus_from_json(corpus_to_json(odd))
    assert back.passages == odd.passages


def test_rejects_other_schema():
    body = json.loads(corpus_to_json(handmade()))
    body["fingerprint"] = "0" * 16
    try:
        corpus_from_json(json.dumps(body))
    except ValueError:
        return
    raise AssertionError("a different schema must be refused")
