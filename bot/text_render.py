"""Answers as terminal text: matched words emphasised, speaker and source under each."""
from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Sequence
from typing import TextIO

from bot.labels import counted, kind_label, mark_spans, paragraph_label, statements_summary
from bot.settings import Settings
from corpus.models import Article, Passage, Speaker
from retrieval.answering.records import Answer, Hit, QuotesAnswer, SpeakerStats

BOLD, DIM, RESET, CYAN = "\x1b[1m", "\x1b[2m", "\x1b[0m", "\x1b[36m"


class Style:
    """ANSI styling when the terminal shows it, *asterisks* for matched words otherwise."""

    def __init__(self, color: bool) -> None:
        self.color = color

    def strong(self, text: str) -> str:
        return f"{BOLD}{text}{RESET}" if self.color else f"*{text}*"

    def dim(self, text: str) -> str:
        return f"{DIM}{text}{RESET}" if self.color else text

    def accent(self, text: str) -> str:
        return f"{CYAN}{text}{RESET}" if self.color else text


def valid_text(text: str) -> str:
    """User input as valid Unicode: lone surrogates (undecodable bytes in argv or stdin, or a
    stray escape) become U+FFFD, so printing or JSON-encoding it can never fail."""
    if not any(0xD800 <= ord(ch) <= 0xDFFF for ch in text):
        return text
    return "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in text)


def safe(text: str) -> str:
    """Text from articles or users with control characters (escape codes) made harmless."""
    return "".join(ch if ch.isprintable() or ch in "\n\t" else "\ufffd" for ch in text)


def highlighted(text: str, spans: tuple[tuple[int, int], ...], style: Style) -> str:
    """The passage made safe, the engine's matched-word spans in strong style."""
    return mark_spans(text, spans, safe, lambda part: style.strong(safe(part)))


def place(article: Article, passage: Passage) -> str:
    return f"{safe(article.title)}, {paragraph_label(passage.index)}"


def speaker_label(speaker: Speaker | None) -> str:
    if speaker is None:
        return "no speaker (the article's own words)"
    label = safe(speaker.label())
    return f"{label} (unnamed source)" if speaker.kind == "vague" else label


def render_hit(hit: Hit, style: Style, width: int = 88) -> str:
    head = f"[{hit.rank}] {style.accent(speaker_label(hit.speaker))}"
    kind = hit.sentence.kind
    if hit.speaker is not None and kind:
        head += style.dim(f" · {kind_label(kind)}")
    body = highlighted(hit.passage.text, hit.highlights, style)
    # Wrap on the plain text's width; styling codes do not take columns.
    wrapped = textwrap.fill(body, width=width + (len(body) - len(hit.passage.text)),
                            initial_indent="    ", subsequent_indent="    ")
    others = [s for s in hit.passage.speakers() if s != hit.speaker]
    also = f" · also speaking: {', '.join(safe(s.name) for s in others)}" if others else ""
    foot = style.dim(f"    {place(hit.article, hit.passage)} · score {hit.score:.2f}{also}")
    return f"{head}\n{wrapped}\n{foot}"


def render_answer(answer: Answer, style: Style) -> str:
    parts: list[str] = []
    if answer.truncation_note:
        parts.append(style.dim(f"({answer.truncation_note})"))
    if answer.message:
        parts.append(safe(answer.message))
    for hit in answer.results:
        parts.append(render_hit(hit, style))
    if answer.results and answer.unmatched_words:
        words = ", ".join(safe(w) for w in answer.unmatched_words[:8])
        parts.append(style.dim(f"(Not in the articles: {words})"))
    return "\n".join(parts)


def render_speakers(rows: list[SpeakerStats], style: Style) -> str:
    if not rows:
        return "Nobody is quoted or reported speaking in these articles."
    return "\n".join(f"{style.accent(speaker_label(r.speaker))} — {statements_summary(r)}"
                     for r in rows)


def render_quotes(q: QuotesAnswer, style: Style) -> str:
    if q.speaker is None:
        return q.message or "No such speaker."
    lines = [style.accent(speaker_label(q.speaker))
             + f" — {counted(len(q.statements), 'statement')}"]
    for article, passage, sentence in q.statements:
        lines.append(textwrap.fill(safe(sentence.text), width=88, initial_indent="  • ",
                                   subsequent_indent="    "))
        lines.append(style.dim(f"    {place(article, passage)} · {kind_label(sentence.kind)}"))
    return "\n".join(lines)


def use_color(settings: Settings, stream: TextIO | None = None) -> bool:
    """Colour only on a terminal, when the config allows it and NO_COLOR is not set
    (https://no-color.org: any value) and --no-color was not given."""
    out = stream or sys.stdout
    return (settings.repl.color and not os.environ.get("NO_COLOR")
            and hasattr(out, "isatty") and out.isatty())


def render_sources(articles: list[Article], style: Style,
                   left_out: Sequence[str] = ()) -> str:
    """The articles, then the files in the corpus folders that were not read as articles."""
    lines = []
    for a in articles:
        meta = " · ".join(safe(x) for x in (a.source, a.date, a.url) if x)
        lines.append(f"{style.strong(safe(a.title))}  ({counted(len(a.passages), 'passage')})")
        lines.append(style.dim(f"    {meta + ' · ' if meta else ''}{safe(a.path)}"))
    if left_out:
        lines.append(f"Left out, not articles ({counted(len(left_out), 'file')}: READMEs, "
                     "source lists, licences, hidden files):")
        lines += [style.dim(f"    {safe(path)}") for path in left_out]
    return "\n".join(lines)


def render_passage(article: Article, passage: Passage, style: Style) -> str:
    lines = [style.strong(place(article, passage))]
    for s in passage.sentences:
        who = speaker_label(s.speaker) if s.speaker else "—"
        kind = f" [{s.kind}]" if s.kind else ""
        lines.append(f"  {style.accent(who)}{style.dim(kind)}: {safe(s.text)}")
    return "\n".join(lines)
