"""Quotations the attribution carried on to the speaker before, where a sentence of the
narration has handed the word to someone else.

News style introduces a speaker in a sentence of its own and opens their quotation in the
next: "His friend, Saxon Spence, leader of Devon county Labour group, lays the blame ... on
one issue above all others. "You cannot underestimate the impact of the war in Iraq."" The
attribution gives that quotation to the one quoted before it (Graham Lane), so a quote check
would call Spence's words Lane's, `exact`. A quote check reads such a quotation as the words
of the person the narration names first, when that person speaks elsewhere in the article:
the text is the evidence, and a verdict never rests on a carried-on guess. The attribution
itself is left as it is (see corpus/attribution); only the checks read it so.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from corpus.folding import fold
from corpus.lexicon import cue_pattern
from corpus.models import Passage, Sentence, Speaker
from retrieval.answering.quote_folding import DOUBLE_QUOTES
from retrieval.answering.quote_names import article_of
from retrieval.answering.quote_statements import key_of

# A run of capitalised words: a name as the text writes it ("Saxon Spence").
_NAME_RUN = re.compile(r"\b[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)*")
_FIRST_WORDS = 4  # the name must come this early: the narration's subject, not its object


class HandedPassages:
    """The passages as a quote check reads them, each worked out when first asked."""

    def __init__(self, passages: Sequence[Passage]) -> None:
        self.passages = passages
        self._read: dict[int, Passage] = {}

    def passage(self, p: int) -> Passage:
        """Passage `p` with each quotation handed to someone else read as theirs."""
        if p not in self._read:
            self._read[p] = handed_off(self.passages, p)
        return self._read[p]

    def handed_to(self, speaker: Speaker, statements: Sequence[tuple[int, int]]
                  ) -> set[tuple[int, int]]:
        """The sentences of the articles of the speaker's `statements` that the narration
        handed to them, as (passage, sentence)."""
        key = key_of(speaker)
        out = set()
        for q in sorted({q for p, _ in statements for q in article_of(self.passages, p)}):
            read = self.passage(q)
            if read is not self.passages[q]:
                out |= {(q, i) for i, s in enumerate(read.sentences)
                        if s.speaker is not None and key_of(s.speaker) == key and
                        s.speaker != self.passages[q].sentences[i].speaker}
        return out


def handed_off(passages: Sequence[Passage], p: int) -> Passage:
    """Passage `p` with each quotation handed to someone else read as theirs: a direct
    sentence that opens a quotation, has no speech verb of its own, follows a sentence of
    the narration whose first name (among its first words) is the full name of another
    speaker of the article, and is given to someone that sentence does not name; the rest
    of that quotation goes with it. Other passages come back unchanged (the same object)."""
    passage = passages[p]
    sentences = list(passage.sentences)
    changed = False
    for i in range(1, len(sentences)):
        before, sentence = sentences[i - 1], sentences[i]
        if before.speaker is not None or not _opens_quote(sentence) or \
                sentence.speaker is None or cue_pattern().search(sentence.text):
            continue
        other = _introduced(before.text, sentence.speaker, passages, p)
        if other is None:
            continue
        carried = sentence.speaker
        j = i
        while j < len(sentences) and sentences[j].speaker == carried and \
                sentences[j].kind == "direct" and (j == i or not _opens_quote(sentences[j])):
            sentences[j] = replace(sentences[j], speaker=other)
            changed = True
            if _closes_quote(sentences[j]):
                break
            j += 1
    return replace(passage, sentences=tuple(sentences)) if changed else passage


def _opens_quote(sentence: Sentence) -> bool:
    return sentence.kind == "direct" and sentence.text.lstrip()[:1] in DOUBLE_QUOTES


def _closes_quote(sentence: Sentence) -> bool:
    return sentence.text.rstrip()[-1:] in DOUBLE_QUOTES


def _introduced(text: str, carried: Speaker, passages: Sequence[Passage], p: int
                ) -> Speaker | None:
    """The speaker of the article whose full name is the first name the sentence writes
    among its first words, when it is not the one the quotation was carried on to and the
    sentence names no word of theirs."""
    carried_words = set(fold(carried.name).split())
    if carried_words & set(fold(text).split()):
        return None
    first = next((m for m in _NAME_RUN.finditer(text)
                  if m.start() > 0 or " " in m.group()), None)  # not a lone first word
    if first is None or len(text[:first.start()].split()) >= _FIRST_WORDS:
        return None
    words = fold(first.group()).split()
    names = {" ".join(words[k:]) for k in range(len(words) - 1)}  # "But Saxon Spence"
    for speaker in _article_speakers(passages, p):
        if speaker.kind == "person" and fold(speaker.name) in names and speaker != carried:
            return speaker
    return None


def _article_speakers(passages: Sequence[Passage], p: int) -> list[Speaker]:
    out: list[Speaker] = []
    for q in article_of(passages, p):
        for s in passages[q].sentences:
            if s.speaker is not None and s.speaker not in out:
                out.append(s.speaker)
    return out
