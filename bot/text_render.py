"""Answers as terminal text: matched words emphasised, speaker and source under each, every
line wrapped to the output's width (bot.terminal_text)."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.text import Text

from bot.labels import (
    counted,
    kind_label,
    marked_parts,
    paragraph_label,
    statements_summary,
)
from bot.terminal_text import Style, use_color
from corpus.models import Article, LoadProblem, Passage, Speaker
from retrieval.answering.records import Answer, Hit, QuotesAnswer, SpeakerStats
from retrieval.answering.sides_records import SidesAnswer

__all__ = ["Style", "use_color", "valid_text", "safe", "render_answer", "render_hits",
           "render_speakers", "render_quotes", "render_sources", "render_skipped",
           "render_passage"]

INDENT = "    "


def valid_text(text: str) -> str:
    """User input as valid Unicode: lone surrogates (undecodable bytes in argv or stdin, or a
    stray escape) become U+FFFD, so printing or JSON-encoding it can never fail."""
    if not any(0xD800 <= ord(ch) <= 0xDFFF for ch in text):
        return text
    return "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in text)


def safe(text: str) -> str:
    """Text from articles or users with control characters (escape codes) made harmless."""
    return "".join(ch if ch.isprintable() or ch in "\n\t" else "\ufffd" for ch in text)


def highlighted(text: str, spans: tuple[tuple[int, int], ...], style: Style) -> Text:
    """The passage made safe, the engine's matched-word spans in strong style."""
    out = Text()
    for part, hit in marked_parts(text, spans):
        out.append_text(style.strong(safe(part)) if hit else Text(safe(part)))
    return out


def place(article: Article, passage: Passage) -> str:
    return f"{safe(article.title)}, {paragraph_label(passage.index)}"


def speaker_label(speaker: Speaker | None) -> str:
    if speaker is None:
        return "no speaker (the article's own words)"
    label = safe(speaker.label())
    return f"{label} (unnamed source)" if speaker.kind == "vague" else label


def _hit_lines(hit: Hit, style: Style) -> list[Text]:
    head = [Text(f"[{hit.rank}] ") + style.accent(speaker_label(hit.speaker))]
    kind = hit.sentence.kind
    if hit.speaker is not None and kind:
        head.append(style.dim(kind_label(kind)))
    foot = [place(hit.article, hit.passage), f"score {hit.score:.2f}"]
    others = [s for s in hit.passage.speakers() if s != hit.speaker]
    if others:
        foot.append(f"also speaking: {', '.join(safe(s.name) for s in others)}")
    return (style.fields(head, rest=INDENT)
            + style.wrap(highlighted(hit.passage.text, hit.highlights, style), INDENT)
            + style.fields([style.dim(part) for part in foot], INDENT))


def render_hits(hits: Iterable[Hit], style: Style) -> str:
    """Results alone, each with its rank, speaker, passage and place (`:more` shows these)."""
    return style.show([line for hit in hits for line in _hit_lines(hit, style)])


def render_answer(answer: Answer, style: Style) -> str:
    if isinstance(answer, SidesAnswer):  # a comparison or a timeline (bot.sides_render)
        from bot.sides_render import render_sides

        return render_sides(answer, style)
    lines: list[Text] = []
    if answer.truncation_note:
        lines += style.wrap(style.dim(f"({answer.truncation_note})"))
    if answer.message:
        lines += style.wrap(safe(answer.message))
    for hit in answer.results:
        lines += _hit_lines(hit, style)
    if answer.results and answer.unmatched_words:
        words = ", ".join(safe(w) for w in answer.unmatched_words[:8])
        lines += style.wrap(style.dim(f"(Not in the articles: {words})"))
    return style.show(lines)


def render_speakers(rows: list[SpeakerStats], style: Style) -> str:
    if not rows:
        return style.paragraph("Nobody is quoted or reported speaking in these articles.")
    return style.show([line for r in rows for line in style.fields(
        [style.accent(speaker_label(r.speaker)), statements_summary(r)], rest=INDENT, sep=" — ")])


def render_quotes(q: QuotesAnswer, style: Style) -> str:
    if q.speaker is None:
        return style.paragraph(safe(q.message or "No such speaker."))
    lines = style.fields([style.accent(speaker_label(q.speaker)),
                          counted(len(q.statements), "statement")], rest=INDENT, sep=" — ")
    for article, passage, sentence in q.statements:
        lines += style.wrap(safe(sentence.text), "  • ", INDENT)
        lines += style.fields([style.dim(place(article, passage)),
                               style.dim(kind_label(sentence.kind))], INDENT)
    return style.show(lines)


def render_sources(articles: list[Article], style: Style, left_out: Sequence[str] = (),
                   more: str | None = None) -> str:
    """The articles (then `more`, what --all would add), then the files in the corpus folders
    that were not read as articles."""
    lines: list[Text] = []
    for a in articles:
        lines += style.fields([style.bold(safe(a.title)),
                               f"({counted(len(a.passages), 'passage')})"], rest=INDENT, sep="  ")
        lines += style.fields([style.dim(safe(x)) for x in (a.source, a.date, a.url, a.path)
                               if x], INDENT)
    if more:
        lines += style.wrap(more)
    if left_out:
        lines += style.wrap(f"Left out, not articles ({counted(len(left_out), 'file')}: "
                            "READMEs, source lists, licences, hidden files):")
        lines += [line for path in left_out for line in style.wrap(style.dim(safe(path)), INDENT)]
    return style.show(lines)


def render_skipped(problems: Sequence[LoadProblem], style: Style) -> str:
    """Every file the load skipped (unusable, or a duplicate indexed once), with why."""
    if not problems:
        return style.paragraph("No file was skipped: every article file was read.")
    lines = style.wrap(f"Skipped ({counted(len(problems), 'file')}):")
    lines += [line for p in problems for line in style.wrap(safe(str(p)), INDENT)]
    return style.show(lines)


def render_passage(article: Article, passage: Passage, style: Style) -> str:
    lines = style.wrap(style.bold(place(article, passage)), rest=INDENT)
    for s in passage.sentences:
        who = speaker_label(s.speaker) if s.speaker else "—"
        kind = f" [{s.kind}]" if s.kind else ""
        lines += style.wrap(style.accent(who) + style.dim(kind) + f": {safe(s.text)}", "  ",
                            INDENT)
    return style.show(lines)
