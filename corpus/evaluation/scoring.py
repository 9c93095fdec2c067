"""Scoring an attributed `Article` against a `GoldArticle`.

System segments (sentences, or clauses of them) are mapped to gold sentences by where they
start: a segment belongs to the gold sentence whose span contains its start offset (spans
from `split_sentences` on the passage text, the same splitter the gold was made with).

Per gold act: the *speaker* is right when some segment of that sentence names the same
speaker (names folded; a gold alias, the organisation an unnamed spokesperson speaks for,
or for persons and vague sources the same last word, also counts); the *kind*
(direct/reported) is scored separately, on acts whose speaker was right. A gold sentence
with no act on which the system names any speaker is a *false attribution*; its rate is
taken over the gold sentences with no act.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from corpus.evaluation.gold import GoldAct, GoldArticle, GoldSentence
from corpus.folding import fold
from corpus.lexicon import phrase_words
from corpus.models import Article, Passage, Sentence
from corpus.sentences import split_sentences
from corpus.titles import title_words

_LEADING = re.compile(r"^(?:the|a|an)\s+")
# A speaker name ending in one of these ("Prime Minister", "Mr") has no surname to compare.
_TITLES = title_words("not_surname")
_SPOKESPEOPLE = phrase_words("spokesperson")
_PUNCT = re.compile(r"[\"'“”‘’`.,]")


def _norm(name: str) -> str:
    text = _PUNCT.sub("", fold(name))
    return _LEADING.sub("", " ".join(text.split()))


def _last(name: str) -> str:
    words = _norm(name).split()
    return words[-1] if words else ""


def spoken_for(form: str) -> str | None:
    """The organisation an unnamed spokesperson speaks for: "a CPS spokesperson" and "a
    spokesman for the CPS" are the CPS speaking (the attributor's rule, issue 12), so the
    organisation is as right a speaker as the description."""
    words = form.split()
    spoke = [i for i, w in enumerate(words) if w in _SPOKESPEOPLE]
    if len(spoke) != 1:
        return None
    i = spoke[0]
    if i + 1 < len(words) and words[i + 1] == "for":
        owner = words[i + 2:]
        owner = owner[1:] if owner[:1] == ["the"] else owner
    else:
        owner = words[:i]
    return " ".join(owner) or None


def names_match(gold: GoldAct, system_name: str,
                aliases: dict[str, tuple[str, ...]] | None = None) -> bool:
    """Does a system speaker name denote the gold act's speaker?"""
    sys_n = _norm(system_name)
    if not sys_n:
        return False
    forms = {_norm(gold.speaker)} | {_norm(a) for a in (aliases or {}).get(gold.speaker, ())}
    if sys_n in forms or sys_n in {spoken_for(f) for f in forms}:
        return True
    if gold.speaker_kind in ("person", "vague"):
        sys_last = sys_n.split()[-1]
        if sys_last in _TITLES:
            return False
        return any(f.split() and f.split()[-1] == sys_last for f in forms)
    return False


@dataclass
class Miss:
    """One scored item that went wrong, for `--verbose`."""

    article: str
    paragraph: int
    sentence: int
    excerpt: str
    problem: str  # "missing", "wrong speaker", "wrong kind", "false attribution"
    gold: str  # "Name (kind)" or "-"
    system: str  # "Name (kind); ..." or "-"


@dataclass
class Counts:
    """Tallies; add two with `+=`."""

    acts: dict[str, int] = field(default_factory=lambda: {"direct": 0, "reported": 0})
    speaker_right: dict[str, int] = field(default_factory=lambda: {"direct": 0, "reported": 0})
    kind_right: dict[str, int] = field(default_factory=lambda: {"direct": 0, "reported": 0})
    missing: int = 0  # gold act, sentence has no system speaker at all
    wrong: int = 0  # gold act, system names someone else
    no_speaker_sentences: int = 0
    false_attributions: int = 0
    extra_speakers: int = 0  # system speakers on act sentences matching no gold act
    sentences: int = 0
    unaligned_segments: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        for k in ("direct", "reported"):
            self.acts[k] += other.acts[k]
            self.speaker_right[k] += other.speaker_right[k]
            self.kind_right[k] += other.kind_right[k]
        for name in ("missing", "wrong", "no_speaker_sentences", "false_attributions",
                     "extra_speakers", "sentences", "unaligned_segments"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self

    # Rates: None where there is nothing to divide by.
    def total_acts(self) -> int:
        return sum(self.acts.values())

    def speaker_accuracy(self, kind: str | None = None) -> float | None:
        n = self.total_acts() if kind is None else self.acts[kind]
        right = sum(self.speaker_right.values()) if kind is None else self.speaker_right[kind]
        return right / n if n else None

    def kind_agreement(self, kind: str | None = None) -> float | None:
        """Of the acts whose speaker was right, the share whose kind was right too."""
        n = sum(self.speaker_right.values()) if kind is None else self.speaker_right[kind]
        right = sum(self.kind_right.values()) if kind is None else self.kind_right[kind]
        return right / n if n else None

    def strict_accuracy(self) -> float | None:
        """Speaker and kind both right, over all gold acts."""
        n = self.total_acts()
        return sum(self.kind_right.values()) / n if n else None

    def false_rate(self) -> float | None:
        n = self.no_speaker_sentences
        return self.false_attributions / n if n else None

    def as_dict(self) -> dict:
        return {
            "sentences": self.sentences,
            "acts": dict(self.acts),
            "speaker_right": dict(self.speaker_right),
            "kind_right": dict(self.kind_right),
            "speaker_accuracy": self.speaker_accuracy(),
            "speaker_accuracy_direct": self.speaker_accuracy("direct"),
            "speaker_accuracy_reported": self.speaker_accuracy("reported"),
            "kind_agreement": self.kind_agreement(),
            "strict_accuracy": self.strict_accuracy(),
            "missing": self.missing,
            "wrong_speaker": self.wrong,
            "no_speaker_sentences": self.no_speaker_sentences,
            "false_attributions": self.false_attributions,
            "false_attribution_rate": self.false_rate(),
            "extra_speakers": self.extra_speakers,
            "unaligned_segments": self.unaligned_segments,
        }


@dataclass
class ArticleScore:
    name: str
    counts: Counts
    misses: list[Miss]
    note: str | None = None


def _segments_by_sentence(passage: Passage, spans: list[tuple[int, int]]
                          ) -> tuple[dict[int, list[Sentence]], int]:
    """Map each system segment to the index of the gold sentence containing its start."""
    starts = [s for s, _ in spans]
    out: dict[int, list[Sentence]] = {}
    unaligned = 0
    for seg in passage.sentences:
        i = bisect_right(starts, seg.start) - 1
        if i < 0:  # leading space before the first sentence
            i = 0
        if not spans or not (spans[i][0] <= seg.start < max(spans[i][1], spans[i][0] + 1)
                             or _only_space_between(passage.text, spans, i, seg.start)):
            unaligned += 1
            if not spans:
                continue
        out.setdefault(i, []).append(seg)
    return out, unaligned


def _only_space_between(text: str, spans: list[tuple[int, int]], i: int, pos: int) -> bool:
    """A segment starting in the whitespace after sentence i (or before the first)."""
    start, end = spans[i]
    if pos < start:
        return not text[pos:start].strip()
    return not text[end:pos].strip()


def _describe(segs: list[Sentence]) -> str:
    named = [f"{s.speaker.name} ({s.kind or '?'})" for s in segs if s.speaker is not None]
    return "; ".join(dict.fromkeys(named)) or "-"


def score_article(gold: GoldArticle, article: Article) -> ArticleScore:
    """Score one attributed article against its gold annotation."""
    counts = Counts()
    misses: list[Miss] = []
    passages = {p.index: p for p in article.passages}
    by_par: dict[int, list[GoldSentence]] = {}
    for g in gold.sentences:
        by_par.setdefault(g.paragraph, []).append(g)
    for par, golds in sorted(by_par.items()):
        passage = passages.get(par)
        if passage is None:
            segs_of: dict[int, list[Sentence]] = {}
        else:
            spans = split_sentences(passage.text)
            segs_of, unaligned = _segments_by_sentence(passage, spans)
            counts.unaligned_segments += unaligned
        for g in golds:
            _score_sentence(gold, g, segs_of.get(g.sentence, []), counts, misses)
    return ArticleScore(gold.name, counts, misses)


def _score_sentence(gold: GoldArticle, g: GoldSentence, segs: list[Sentence], counts: Counts,
                    misses: list[Miss]) -> None:
    """Tally one gold sentence's acts (or its having none) against the system's segments."""
    counts.sentences += 1
    speaking = [(s, s.speaker) for s in segs if s.speaker is not None]

    def miss(problem: str, gold_text: str) -> None:
        misses.append(Miss(gold.name, g.paragraph, g.sentence, g.excerpt, problem,
                           gold_text, _describe(segs)))

    if not g.acts:
        counts.no_speaker_sentences += 1
        if speaking:
            counts.false_attributions += 1
            miss("false attribution", "-")
        return
    used: set[int] = set()
    for act in g.acts:
        counts.acts[act.kind] += 1
        matched = [k for k, (_, speaker) in enumerate(speaking)
                   if names_match(act, speaker.name, gold.aliases)]
        gold_text = f"{act.speaker} ({act.kind})"
        if not matched:
            if speaking:
                counts.wrong += 1
                miss("wrong speaker", gold_text)
            else:
                counts.missing += 1
                miss("missing", gold_text)
            continue
        used.update(matched)
        counts.speaker_right[act.kind] += 1
        if any(speaking[k][0].kind == act.kind for k in matched):
            counts.kind_right[act.kind] += 1
        else:
            miss("wrong kind", gold_text)
    extra = {_norm(speaker.name) for k, (_, speaker) in enumerate(speaking) if k not in used}
    counts.extra_speakers += len(extra)
