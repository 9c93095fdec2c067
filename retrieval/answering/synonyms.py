"""Words that say the same widen a search: "dodging hard decisions" meets "ducking tough
choices".

BM25 only meets the words a question uses, and a paraphrase ("who accused the chancellor of
dodging hard decisions?") shares few with the statement it means. data/synonyms.tsv groups
words and short phrases that say the same in news English, keyed by lemma, and the forms the
stemmer keeps apart ("smaller" / "small"). A question's term (or run of terms, for a phrase)
adds the other members' terms to the search, after the question's own, so every score is
still exactly BM25Okapi's for the terms searched. In coverage a statement holding only
another member holds the question's term at half its weight (SYNONYM_WEIGHT): a synonym is
weaker evidence than the word, so paraphrase alone never reaches the share an answer needs
to say "X said it".
"""
from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from functools import cache
from pathlib import Path

from retrieval.answering.word_tables import table_rows
from retrieval.tokenizer import terms

SYNONYM_FILE = Path(__file__).with_name("data") / "synonyms.tsv"
SYNONYM_WEIGHT = 0.5  # share of a term's weight held through a synonym

Terms = tuple[str, ...]


class SynonymFileError(ValueError):
    """A line of the synonym table that cannot be read; the message names the line."""


def parse(lines: Sequence[str], where: str = "synonyms.tsv") -> dict[Terms, tuple[Terms, ...]]:
    """Each member's terms -> the terms of the other members of its groups. A phrase whose
    words leave one search term ("on hold": hold, "pull out": pull) is only searched for,
    never looked up: the term alone says other things ("hold talks")."""
    out: dict[Terms, list[Terms]] = {}
    for row in table_rows(lines):
        words = [row.lemma, *(w for w in (row.rest or "").split(",") if w.strip())]
        group = [tuple(terms(w)) for w in words]
        if row.rest is None or len(group) < 2 or not all(group):
            raise SynonymFileError(f"{where} line {row.number}: expected a lemma, a tab and "
                                   "comma-separated words that each carry a search term")
        for word, member in zip(words, group, strict=True):
            if len(member) == 1 and len(word.split()) > 1:
                continue  # "on hold" is searched for; "hold" in a question means more
            others = out.setdefault(member, [])
            others.extend(g for g in group if g != member and g not in others)
    return {k: tuple(v) for k, v in out.items()}


@cache
def table() -> dict[Terms, tuple[Terms, ...]]:
    return parse(SYNONYM_FILE.read_text(encoding="utf-8").splitlines(), str(SYNONYM_FILE))


@cache
def _longest() -> int:
    return max((len(k) for k in table()), default=1)


def groups_in(query: Sequence[str]) -> list[tuple[Terms, tuple[Terms, ...]]]:
    """The runs of the query's terms that are members of a group, with the other members;
    a longer run first where runs overlap."""
    found: list[tuple[Terms, tuple[Terms, ...]]] = []
    words = tuple(query)
    for size in range(min(_longest(), len(words)), 0, -1):
        for i in range(len(words) - size + 1):
            run = words[i:i + size]
            others = table().get(run)
            if others and run not in (r for r, _ in found):
                found.append((run, others))
    return found


def widened(query: Sequence[str], known: Callable[[str], bool]) -> list[str]:
    """The query, then the terms of its synonyms that the articles use (`known`)."""
    out = list(query)
    for _, others in groups_in(query):
        out.extend(t for other in others for t in other if known(t) and t not in out)
    return out


def held_through(query: Sequence[str], held: Collection[str]) -> set[str]:
    """The query's terms not held themselves whose run has a synonym held whole."""
    out: set[str] = set()
    for run, others in groups_in(query):
        if any(t not in held for t in run) and any(all(t in held for t in o) for o in others):
            out.update(t for t in run if t not in held)
    return out
