"""Every sentence of the shipped seed article has the right speaker, or none."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import SHIPPED_CORPUS
from corpus.build import build_corpus

CAVUSOGLU = ("Mevlut Çavuşoğlu", "Turkey's foreign minister")
ERDOGAN = ("Recep Tayyip Erdogan", "Turkish President")
# (paragraph, start of the sentence or clause, (speaker, role) or None, kind)
GOLD = [
    (0, "Çavuşoğlu says Kyiv", CAVUSOGLU, "reported"),
    (1, "Peace talks between", CAVUSOGLU, "reported"),
    (1, "after Moscow announced", ("Moscow", None), "reported"),
    (2, "Mevlut Cavusoglu said", CAVUSOGLU, "reported"),
    (3, "It came as Ukraine", None, None),
    (4, "Mr Cavusoglu said", CAVUSOGLU, "reported"),
    (4, "Ukraine said these", ("Ukraine", None), "reported"),
    (5, "Stocks jumped", None, None),
    (5, "But there is wariness", None, None),
    (6, '"Whatever agreement', ("Kaja Kallas", "Estonia's Prime Minister"), "direct"),
    (7, "The meeting at Istanbul", None, None),
    (8, "Ukraine said it was", ("Ukraine", None), "reported"),
    (8, "while Moscow said", ("Moscow", None), "reported"),
    (9, "Deputy Defence Minister", ("Alexander Fomin", "Deputy Defence Minister"), "reported"),
    (10, "The two sides were urged", ERDOGAN, "reported"),
    (11, "“In a fair peace", ERDOGAN, "direct"),
    (11, "“The whole world", ERDOGAN, "direct"),
]


@pytest.fixture(scope="module")
def seed_sentences():
    corpus = build_corpus([SHIPPED_CORPUS])
    return [(p.index, s) for p in corpus.passages for s in p.sentences]


def test_seed_article_has_exactly_the_gold_sentences_in_order(seed_sentences):
    assert len(seed_sentences) == len(GOLD)
    assert [(i, s.text[:len(g[1])]) for (i, s), g in zip(seed_sentences, GOLD, strict=True)] \
        == [(g[0], g[1]) for g in GOLD]


@pytest.mark.parametrize("position", range(len(GOLD)), ids=[f"p{g[0]}-{g[1][:18]}" for g in GOLD])
def test_seed_sentence_has_the_right_speaker_role_and_kind(seed_sentences, position):
    paragraph, start, who, kind = GOLD[position]
    index, sentence = seed_sentences[position]
    assert index == paragraph and sentence.text.startswith(start)
    got = (sentence.speaker.name, sentence.speaker.role) if sentence.speaker else None
    assert got == who
    assert sentence.kind == kind


def test_people_mentioned_but_silent_are_in_the_who_is_who_table():
    article = build_corpus([SHIPPED_CORPUS]).articles[0]
    names = {p.name for p in article.people}
    assert {"Vladimir Putin", "Volodymyr Zelenskyy"} <= names
    zelenskyy = next(p for p in article.people if p.name == "Volodymyr Zelenskyy")
    assert "zelenskiy" in zelenskyy.aliases  # "Putin-Zelenskiy" is the same man


def test_shipped_article_keeps_its_bytes():
    data = (Path(SHIPPED_CORPUS) / "istanbul-talks.txt").read_bytes()
    assert not data.endswith(b"\n")
    assert "“".encode() in data and b'"' in data
