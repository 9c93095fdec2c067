"""`corpus.segmenter` gives exactly syntok's sentences: every span checked against
`syntok.segmenter.analyze` on tricky cases, random text, the seed and the BBC folder."""
from __future__ import annotations

from pathlib import Path

import pytest
import syntok.segmenter
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.loader import read_articles
from corpus.segmenter import sentence_spans, tokenize

PROJECT = Path(__file__).resolve().parents[2]
SEED = PROJECT / "corpus" / "articles"
BBC = PROJECT.parent / "shared" / "data" / "bbc"


def syntok_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for paragraph in syntok.segmenter.analyze(text):
        for sentence in paragraph:
            tokens = list(sentence)
            if tokens:
                spans.append((tokens[0].offset, tokens[-1].offset + len(tokens[-1].value)))
    return spans


def syntok_tokens(text: str) -> list[tuple[str, int, bool]]:
    tokenizer = syntok.segmenter.Tokenizer(replace_not_contraction=False)
    return [(t.value, t.offset, not t.spacing) for t in tokenizer.tokenize(text)]


CASES = [
    "", " ", "\n\n", "Hello", "Hello world.", "Mr. Smith said so. He left.",
    "It was 3.5 per cent. The U.S. rose.", '"Stop," he said. "Now!" She left.',
    "He said (see below. It is long) that. Then (A. Author et al.) wrote.",
    "(This is all bracketed.) And then more.", "No. 5 is here. no. 6 too.",
    "On 5 Jan. 2005 he went. In Dec. 12 they came.", "He won't go. I don't know.",
    "Putin-Zelenskiy talks... Then more...  ", "iPhone sales rose. McDonald's fell.",
    "Çavuşoğlu said: “It is over.” Erdogan agreed.", "A. B. C. D went home. IV. V. done.",
    "First paragraph.\n\nSecond one.\r\n \r\nThird.", "Ends with spaces.   ",
    "Odd\u200bspace.\u2028Next line. \xa0Here.", "x3D and £5m... Really?! Yes.",
    "Under_score and co\u00adoperate; then e.g. this. (a)(b) [c] {d}.",
    "“Quote.” ‘Single.’ ´Acute´ and ʼmodifierʼ. End",
    "He said ( it is not closed. And so on",
]


@pytest.mark.parametrize("text", CASES)
def test_spans_are_syntoks_on_tricky_cases(text):
    assert sentence_spans(text) == syntok_spans(text)


@pytest.mark.parametrize("text", CASES)
def test_tokens_are_syntoks_on_tricky_cases(text):
    toks = tokenize(text, 0, len(text))
    got = list(zip(toks.values, toks.offsets, toks.tight, strict=True))
    assert got == syntok_tokens(text)


PIECES = st.sampled_from([
    "Mr.", "U.S.", "(", ")", "[", "]", "...", ".", "!", "?", ";", ":", ",", '"', "'", "“",
    "”", "’", "n't", "-", "—", " ", "  ", "\n", "\n\n", "No.", "no", "3", "100", "Jan",
    "The", "It", "hello", "World", "iPhone", "a", "B", "IV", "é", "\u200b", "\xa0", "_",
    "e.g.", "£5", "\x1c", "etc", "Inc.", "“Hello", "world.”", "co-operate", "ʼ", "（", "。",
])
TEXT = st.one_of(st.lists(PIECES, max_size=60).map("".join), st.text(max_size=80))


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_spans_are_syntoks_on_random_text(text):
    assert sentence_spans(text) == syntok_spans(text)


def _texts(folder: Path) -> list[str]:
    raws, _ = read_articles([folder])
    return [t for r in raws for t in (r.title, *r.paragraphs)]


def test_spans_are_syntoks_on_the_seed():
    texts = _texts(SEED)
    assert texts
    assert [sentence_spans(t) for t in texts] == [syntok_spans(t) for t in texts]


@pytest.mark.skipif(not BBC.is_dir(), reason="no ../shared/data/bbc in this checkout")
def test_spans_are_syntoks_on_the_bbc_folder():
    texts = _texts(BBC)
    differ = [t[:80] for t in texts if sentence_spans(t) != syntok_spans(t)]
    assert len(texts) > 10_000 and differ == []

