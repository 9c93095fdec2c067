"""A naive attributor to beat: a speech cue word plus the nearest capitalised name.

For each sentence (split as the system splits them): if it holds a cue word (said, says,
told, added, according to, ...), the speaker is the run of capitalised words closest to the
cue, honorifics dropped; the kind is "direct" when the sentence holds a quote mark, else
"reported". No pronoun resolution, no quote runs across sentences, no organisations: it
exists only so the scorer has a floor to compare the real attributor with.
"""
from __future__ import annotations

import re

from corpus.loader import RawArticle
from corpus.models import Article, Passage, Sentence, Speaker, SpeechKind
from corpus.sentences import split_sentences
from corpus.titles import titles_in

CUES = ("said", "says", "say", "told", "tells", "added", "adds", "according to", "warned",
        "warns", "claimed", "claims", "insisted", "argued", "stated", "explained", "stressed",
        "announced", "admitted", "denied", "asked", "replied", "believes", "believed")
_CUE = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in CUES) + r")\b", re.IGNORECASE)
_NAME = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|de|van|den|von))*")
_HONORIFICS = {t.capitalize() for t in titles_in("surname")}  # "Mr", "Dr", ...
_NOT_NAMES = {"The", "A", "An", "But", "And", "Or", "He", "She", "It", "They", "We", "I",
              "You", "In", "On", "At", "As", "If", "This", "That", "These", "Those", "However",
              "Meanwhile", "Yet", "So", "His", "Her", "Their", "Our", "My", "Its", "There",
              "When", "While", "After", "Before", "Asked", "Speaking", "Separately", "Earlier",
              "Now", "What", "How", "Why", "For", "By", "With", "From"}
_QUOTES = set("\"“”")


def _candidates(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _NAME.finditer(text):
        words = m.group().split()
        start = m.start()
        while words and (words[0] in _NOT_NAMES or words[0] in _HONORIFICS):
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else m.end()
            words = words[1:]
        if words and words[-1] in ("of", "de", "van", "den", "von"):
            words = words[:-1]
        if words:
            out.append((start, m.end(), " ".join(words)))
    return out


def attribute_sentence(text: str) -> tuple[Speaker | None, SpeechKind | None]:
    """The baseline's guess for one sentence: (speaker, kind) or (None, None)."""
    cues = list(_CUE.finditer(text))
    if not cues:
        return None, None
    names = _candidates(text)
    if not names:
        return None, None
    # nearest to any cue; on a tie the name before the cue ("Ms Hewitt told GMTV")
    best = min(((min(abs(s - c.start()), abs(c.end() - e)), 0 if e <= c.start() else 1, name)
                for s, e, name in names for c in cues))
    kind: SpeechKind = "direct" if any(ch in _QUOTES for ch in text) else "reported"
    return Speaker(best[2]), kind


def attribute_article(raw: RawArticle) -> Article:
    """Same shape as `corpus.build.attribute_article`, so one scorer scores both."""
    passages = []
    for index, text in enumerate((raw.title, *raw.paragraphs)):
        sentences = []
        for start, end in split_sentences(text):
            speaker, kind = attribute_sentence(text[start:end])
            sentences.append(Sentence(text[start:end], start, end, speaker, kind))
        passages.append(Passage(raw.id, index, text, tuple(sentences)))
    return Article(raw.id, raw.path, raw.title, tuple(passages), (), raw.source, raw.date,
                   raw.url)
