"""What a quote check found ("did X say Y?"), and the one wording every front end shows.

The verdicts, strongest first: `exact` (a quotation of X's holds the words), `reported` (a
statement of X's says it in other words), `close` (X said something near but different),
`other_speaker` (the words are someone else's), `not_found` (nothing supports it).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from retrieval.answering import claims
from retrieval.answering.records import Claim, Hit

Verdict = Literal["exact", "reported", "close", "other_speaker", "not_found"]
VERDICTS: tuple[Verdict, ...] = ("exact", "reported", "close", "other_speaker", "not_found")
_SHOWN_WORDS = 8  # words listed per difference in a message


@dataclass(frozen=True)
class QuoteClaim(Claim):
    """A quote check's verdict and the evidence it rests on. `speaker` is whose words the
    evidence holds (X for exact / reported / close, the other speaker for other_speaker,
    None for not_found); `candidates` everyone the typed speaker fits; `coverage` the share,
    by IDF, of the quote's content words the evidence statement holds. `shared`, `missing`
    (the quote's content words the statement lacks) and `extra` (the statement's words the
    quote lacks) are words as the texts write them."""

    verdict: Verdict = "not_found"
    asked: str = ""  # the speaker as typed
    quote: str = ""
    evidence: Hit | None = None
    shared: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()
    note: str | None = None  # why nothing could be checked, or a caution to add
    verbatim: bool = False  # the evidence quotes the words themselves


def _listed(words: tuple[str, ...]) -> str:
    shown = ", ".join(f"\u201c{w}\u201d" for w in words[:_SHOWN_WORDS])
    more = f" and {len(words) - _SHOWN_WORDS} more" if len(words) > _SHOWN_WORDS else ""
    return shown + more


def _difference(claim: QuoteClaim) -> str:
    parts = []
    if claim.missing:
        parts.append(f"your words have {_listed(claim.missing)}, which it does not")
    if claim.extra:
        parts.append(f"it has {_listed(claim.extra)}")
    return "; ".join(parts)


def verdict_message(claim: QuoteClaim) -> str:
    """The first lines of a check's reply, from the verdict record alone."""
    quote = f"\u201c{claim.quote}\u201d"
    asked = claim.asked
    if claim.note and claim.evidence is None:
        return claim.note
    if claim.verdict == "exact" and claim.speaker is not None:
        text = f"Yes: {claims.who(claim.speaker)} is quoted saying {quote}:"
    elif claim.verdict == "reported" and claim.speaker is not None:
        text = (f"In other words: {claims.who(claim.speaker)} said that, not in these words "
                f"(the statement shares {_listed(claim.shared)}).")
        if claim.missing:
            text += f" It does not have {_listed(claim.missing)}."
    elif claim.verdict == "close" and claim.speaker is not None:
        text = (f"Not quite: {claims.who(claim.speaker)} said something near it, but "
                f"different: {_difference(claim)}.")
    elif claim.verdict == "other_speaker" and claim.speaker is not None:
        how = "quoted saying them" if claim.verbatim else "reported saying that"
        text = f"Not {asked}: {claims.who(claim.speaker)} is {how}."
    else:
        text = (f"Parley finds no statement by {asked} saying {quote}; the closest passage:"
                if claim.evidence is not None else
                f"Nothing in the articles supports that {asked} said {quote}.")
    if claim.note:
        text = f"{claim.note} {text}"
    return text


def nobody_fits(asked: str) -> str:
    """Said before the verdict when the typed speaker fits nobody who speaks."""
    return f"No speaker in the articles fits \u201c{asked}\u201d."
