"""Sentence splitting with character offsets (syntok), tidied for news quotes."""
from __future__ import annotations

import syntok.segmenter as segmenter


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences of one paragraph, trailing space excluded.

    syntok keeps an opening quote mark with the sentence it opens and knows "Mr." style
    abbreviations, which is what news copy needs.
    """
    spans: list[tuple[int, int]] = []
    for paragraph in segmenter.analyze(text):
        for sentence in paragraph:
            tokens = list(sentence)
            if not tokens:
                continue
            start = tokens[0].offset
            end = tokens[-1].offset + len(tokens[-1].value)
            spans.append((start, end))
    if not spans and text.strip():
        left = len(text) - len(text.lstrip())
        spans.append((left, len(text.rstrip())))
    return _cover_gaps(text, spans)


def _cover_gaps(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Attach any non-space text syntok left between sentences (stray quote marks) to a side."""
    fixed: list[tuple[int, int]] = []
    for i, (start, end) in enumerate(spans):
        nxt = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        gap = text[end:nxt]
        if gap.strip():
            stripped = gap.rstrip()
            end = end + len(stripped)
        fixed.append((start, end))
    return fixed
