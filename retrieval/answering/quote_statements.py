"""One speaker's statement in one passage, as a quote check weighs it: the words they are
quoted saying (for `exact`), and the content terms of everything attributed to them there
(for `reported` and `close`), each term with the word the text writes for it."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from corpus.folding import fold, fold_name
from corpus.lexicon import cue_forms
from corpus.models import Passage, Speaker
from retrieval.answering.quote_folding import fold_words, negated, quoted_spans
from retrieval.tokenizer import Token, terms, tokens

GroupKey = tuple[str, str]
NEAR = 3  # words before a term in which a negation turns it round
_RAW_WORD = re.compile(r"[^\W_]+")  # words as written ("don't": "don", "t")


def key_of(speaker: Speaker) -> GroupKey:
    """The speaker directory's key: folded name and kind."""
    return fold(speaker.name), speaker.kind


@dataclass(frozen=True)
class Part:
    """One sentence of a statement: its content terms with the words written for them (the
    speaker's own name left out), which of them are inside quotation marks, and whether it
    holds a negation."""

    sentence: int
    surface: tuple[tuple[str, str, bool], ...]  # (term, word as written, quoted), in order
    text: str  # the sentence
    role: frozenset[str] = frozenset()  # the terms of the speaker's role
    quoted_at: tuple[tuple[int, int], ...] = ()  # its quoted spans, from its start

    @cached_property
    def free(self) -> str:
        """The sentence with its quoted words blanked out (worked out when asked)."""
        text = list(self.text)
        for s, e in self.quoted_at:
            text[s:e] = " " * (e - s)
        return "".join(text)

    @cached_property
    def negated(self) -> frozenset[str]:
        """Its terms that a negation next to them turns round (worked out when asked)."""
        return negated_terms(self.text)

    @property
    def terms(self) -> frozenset[str]:
        return frozenset(t for t, _, _ in self.surface)

    def said(self) -> list[tuple[str, str]]:
        """The words that carry what was said: the quoted ones where there are any, else
        the sentence less the speaker's role and the verbs that report it."""
        quoted = [(t, w) for t, w, q in self.surface if q]
        if quoted:
            return quoted
        cues = _cue_terms()
        return [(t, w) for t, w, _ in self.surface if t not in cues and t not in self.role]


@dataclass(frozen=True)
class Statement:
    """What `speaker` (None: the article's own narration) says in passage `p`."""

    p: int
    speaker: Speaker | None
    quoted: tuple[tuple[str, ...], ...]  # folded word runs inside their quotation marks
    parts: tuple[Part, ...]

    @property
    def sentences(self) -> tuple[int, ...]:
        return tuple(part.sentence for part in self.parts)

    @property
    def terms(self) -> frozenset[str]:
        return frozenset(t for part in self.parts for t in part.terms)


def statements_in(passage: Passage, p: int) -> Iterator[Statement]:
    """Each speaker's statement in the passage (their sentences together: a quote runs on
    across sentences), and the narration's (sentences with no speaker), in order."""
    order: dict[GroupKey | None, list[int]] = {}
    for i, sentence in enumerate(passage.sentences):
        who = None if sentence.speaker is None else key_of(sentence.speaker)
        order.setdefault(who, []).append(i)
    for key, indices in order.items():
        yield _statement(passage, p, indices, key is None)


def statement_of(passage: Passage, p: int, speaker: Speaker) -> Statement | None:
    """The statement of `speaker` (by directory key) in the passage, if they speak there."""
    key = key_of(speaker)
    indices = [i for i, s in enumerate(passage.sentences)
               if s.speaker is not None and key_of(s.speaker) == key]
    return _statement(passage, p, indices, False) if indices else None


def _statement(passage: Passage, p: int, indices: list[int], narration: bool) -> Statement:
    speaker = None if narration else passage.sentences[indices[0]].speaker
    ranges = _quoted_ranges(passage, indices) if not narration else []
    quoted = tuple(tuple(fold_words(passage.text[s:e])) for s, e in ranges)
    own = set(terms(speaker.name)) if speaker is not None else set()
    role = set(terms(speaker.role or "")) if speaker is not None else set()
    parts = []
    for i in indices:
        sentence = passage.sentences[i]
        surface = []
        found = _tokens(sentence.text)
        naming = _naming(found, own, role)
        naming |= _apposition(sentence.text, found, naming)
        framed = sentence.kind == "direct" and any(
            s < sentence.end and e > sentence.start for s, e in ranges)
        for n, t in enumerate(found):
            at = sentence.start + t.start
            inside = any(s <= at < e for s, e in ranges)
            if n in naming or (framed and not inside):
                continue  # who speaks, or the frame around a direct quote: not what is said
            surface.append((t.term, sentence.text[t.start:t.end], inside))
        spans = tuple((max(s, sentence.start) - sentence.start,
                       min(e, sentence.end) - sentence.start)
                      for s, e in ranges if s < sentence.end and e > sentence.start)
        parts.append(Part(i, tuple(surface), sentence.text, frozenset(role), spans))
    return Statement(p, speaker, tuple(q for q in quoted if q), tuple(parts))


def _naming(found: tuple[Token, ...], own: set[str], role: set[str]) -> set[int]:
    """The tokens that name the speaker: their name's, and their role's next to it ("Rene
    Obermann, *T-Mobile's chief executive*, told"), which say who speaks, not what; a role
    word elsewhere in the sentence is what they say ("Liverpool have little chance")."""
    out = {n for n, t in enumerate(found) if t.term in own}
    for n in sorted(out):
        for step in (-1, 1):
            m = n + step
            while 0 <= m < len(found) and m not in out and found[m].term in role:
                out.add(m)
                m += step
    return out


_APPOSITION = re.compile(r"\s*,([^,;:\"\u201c\u201d()]{1,120}),\s*([\w'-]+)(?:\s+([\w'-]+))?")


def _apposition(text: str, found: tuple[Token, ...], naming: set[int]) -> set[int]:
    """The tokens of a phrase set off by commas right after the speaker's name and
    before their speech verb ("Alastair Campbell, *now working on Labour's election
    campaign*, says"): it says who speaks, not what."""
    if not naming:
        return set()
    m = _APPOSITION.match(text, found[max(naming)].end)
    if m is None or not {(w or "").lower() for w in m.groups()[1:]} & cue_forms():
        return set()
    return {n for n, t in enumerate(found) if m.start(1) <= t.start < m.end(1)}


def negated_terms(text: str) -> frozenset[str]:
    """The terms with a negation among the NEAR words before them or just after ("would
    not *cost*", "no *losing* parties", "*benefits* nobody"), or a word that turns round
    what follows it before them ("against compulsory *mediation*"): what a negation turns
    round, not the rest of the sentence."""
    words = [(m.start(), fold_name(m.group())) for m in _RAW_WORD.finditer(text)]
    starts = [at for at, _ in words]
    out = set()
    for t in _tokens(text):
        i, j = bisect_left(starts, t.start), bisect_left(starts, t.end)
        if negated([w for _, w in words[max(0, i - NEAR):i]], [w for _, w in words[j:j + 1]]):
            out.add(t.term)
    return frozenset(out)


@cache
def _cue_terms() -> frozenset[str]:
    """The search terms of every verb form that reports speech ("said", "told")."""
    return frozenset(t for form in cue_forms() for t in terms(form))


def _quoted_ranges(passage: Passage, indices: list[int]) -> list[tuple[int, int]]:
    """The parts of the speaker's sentences inside quotation marks; a direct sentence with
    none (inside a quote run that opened earlier) is quoted whole. Ranges that touch, or
    only spaces part, are one run."""
    spans = quoted_spans(passage.text)
    ranges: list[tuple[int, int]] = []
    for i in indices:
        sentence = passage.sentences[i]
        inside = [(max(s, sentence.start), min(e, sentence.end)) for s, e in spans
                  if s < sentence.end and e > sentence.start]
        if inside:
            ranges.extend(inside)
        elif sentence.kind == "direct":
            ranges.append((sentence.start, sentence.end))
    merged: list[tuple[int, int]] = []
    for s, e in sorted(ranges):
        if merged and not passage.text[merged[-1][1]:s].strip(" \"“”"):
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


@lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[Token, ...]:
    return tuple(tokens(text))
