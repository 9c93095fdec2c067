"""Questions about the speakers themselves, answered from the speaker directory rather than a
keyword search: "Who is quoted most?", "Who is Kallas?" (role, statements, articles, dates).
"Who spoke about X?" is a "who said X?" question and goes that way."""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from corpus.models import Article
from retrieval.answering.candidates import Match
from retrieval.answering.claims import who
from retrieval.store import SpeakerGroup

_MOST_QUOTED = re.compile(
    r"^\s*who\s+(?:is|was|are|were|gets|got|has\s+been)\s+(?:the\s+)?(?:most\s+(?:quoted|cited)|"
    r"quoted\s+(?:the\s+)?most|cited\s+(?:the\s+)?most)|^\s*who\s+(?:speaks|spoke|talks|talked|"
    # "most" ending the question: "who said most people have old phones" asks who said that
    r"says|said)\s+(?:the\s+)?most(?:\s+(?:often|of\s+all|in\s+the\s+articles))?\s*[?.!]*\s*$|"
    r"^\s*(?:which|what)\s+speakers?\s+(?:is|are)\s+(?:the\s+)?most\s+quoted", re.IGNORECASE)
_WHO_IS = re.compile(r"^\s*who\s+(?:is|was|are|were)\s+(?P<x>.+?)\s*[?.!]*\s*$", re.IGNORECASE)
_SPOKE_ABOUT = re.compile(r"^\s*who\s+(?:else\s+)?(?:spoke|speaks|talked|talks|commented|"
                          r"comments)\s+(?:about|on|of)\s+(?P<rest>.+?)\s*[?.!]*\s*$",
                          re.IGNORECASE)
MOST_SHOWN = 10


@dataclass(frozen=True)
class AboutSpeakers:
    """What a question about speakers asks: the most quoted, one person, or who spoke on X."""

    kind: str  # "most", "who_is", "spoke_about"
    phrase: str = ""


def about_speakers(question: str) -> AboutSpeakers | None:
    if _MOST_QUOTED.match(question):
        return AboutSpeakers("most")
    m = _SPOKE_ABOUT.match(question)
    if m:
        return AboutSpeakers("spoke_about", m.group("rest"))
    m = _WHO_IS.match(question)
    return AboutSpeakers("who_is", m.group("x")) if m else None


def most_quoted(groups: Sequence[SpeakerGroup]) -> str:
    """The most quoted speakers, most statements first."""
    if not groups:
        return "Nobody is quoted or reported speaking in these articles."
    lines = [f"{who(g.speaker)}: {len(g.statements)} statement"
             f"{'' if len(g.statements) == 1 else 's'}" for g in groups[:MOST_SHOWN]]
    return "Most quoted in the articles: " + "; ".join(lines) + "."


def profile(match: Match, article_of: Callable[[int], Article]) -> str:
    """One speaker: role, how often quoted and reported, in which articles, first and last
    date where the articles have a `Date:` line."""
    g = match.group
    articles: dict[str, Article] = {}
    for p, _ in g.statements:
        a = article_of(p)
        articles.setdefault(a.id, a)
    dates = sorted(a.date for a in articles.values() if a.date)
    n = len(g.statements)
    text = (f"{who(g.speaker)}: {n} statement{'' if n == 1 else 's'} ({g.direct} quoted, "
            f"{g.reported} reported) in {len(articles)} article"
            f"{'' if len(articles) == 1 else 's'}")
    if dates:
        text += f", from {dates[0]} to {dates[-1]}" if dates[0] != dates[-1] else f", {dates[0]}"
    titles = [a.title for a in list(articles.values())[:3]]
    return text + (": " + "; ".join(f"\u201c{t}\u201d" for t in titles) if titles else "") + "."
