"""The words and small rules the terminal and Discord replies share, so both say the same thing
the same way: how a kind of speech is called, where in an article a passage is, how statements
are counted, and how an answer's matched words are marked in a passage.

Pure functions over the engine's records; no styling or escaping of their own (each front end
passes its own), no discord import.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from corpus.models import SpeechKind
from retrieval.answering.records import SpeakerStats


def kind_label(kind: SpeechKind | None) -> str:
    """'quoted' for direct speech, 'reported' for reported speech (the CLI's words)."""
    return "quoted" if kind == "direct" else "reported"


def paragraph_label(index: int) -> str:
    """Where a passage is in its article: paragraph 0 is the headline."""
    return "headline" if index == 0 else f"paragraph {index}"


def counted(n: int, noun: str) -> str:
    """'1 statement', '2 statements': a count with its noun, plural unless there is one."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def statements_summary(stats: SpeakerStats) -> str:
    """'N statements (X quoted, Y reported)' for one speaker."""
    return (f"{counted(stats.statements, 'statement')} ({stats.direct} {kind_label('direct')}, "
            f"{stats.reported} {kind_label('reported')})")


def mark_spans(text: str, spans: Iterable[tuple[int, int]], plain: Callable[[str], str],
               marked: Callable[[str], str]) -> str:
    """`text` with the character spans of matched words passed through `marked` and the rest
    through `plain` (see `marked_parts`)."""
    return "".join(marked(part) if hit else plain(part) for part, hit in marked_parts(text, spans))


def marked_parts(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[str, bool]]:
    """`text` cut into (part, is a matched word) pieces, in order.

    The spans are the engine's (`Hit.highlights`): already sorted and merged, overlapping and
    touching spans joined, never covering whitespace. So there is no merging here; each span is
    only clipped to the text and to the end of the previous one, because a front end may mark a
    shortened prefix of the passage (and a span past the cut must not become an empty mark).
    """
    parts: list[tuple[str, bool]] = []
    pos = 0
    for start, end in spans:
        start, end = max(start, pos), min(end, len(text))
        if start >= end:
            continue
        parts.append((text[pos:start], False))
        parts.append((text[start:end], True))
        pos = end
    parts.append((text[pos:], False))
    return parts
