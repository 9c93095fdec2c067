"""The speaker digest (`speaker_digest`) as the records save writes it, worked out from the
records tables (`records_block.Tables`) with numpy instead of a walk over every sentence
object: the same groups, statements, counts and alias choices as `compute_digest`
(`tests/retrieval/store/test_records.py` compares them)."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from corpus.folding import fold
from corpus.models import Speaker
from retrieval.store.records_block import SPEECH_CODE, Tables
from retrieval.store.records_layout import SPEAKER_KINDS
from retrieval.store.speaker_digest import AliasVotes, GroupKey, alias_votes, describe


@dataclass
class DigestRows:
    """What `records.json` and the statements table hold of the digest."""

    groups: list[list[Any]]  # folded, kind, speaker row, first statement, statements, direct
    statements: np.ndarray   # (N, 2): passage, sentence; each group's in corpus order
    attributed: np.ndarray   # passages with an attributed sentence
    alias_groups: dict[str, int]
    silent: dict[str, str]
    described: list[str]


def digest_rows(t: Tables) -> DigestRows:
    """The digest of the corpus these tables hold."""
    string = [s.decode("utf-8", "surrogateescape") for s in t.strings].__getitem__
    speakers = t.speakers.tolist()
    order, of_speaker, chosen = _groups(speakers, string)
    statements, counts, direct, attributed = _statements(t, np.array(of_speaker,
                                                                      dtype=np.int64),
                                                         len(order))
    aliases, votes, silent = _people(t, string, order)
    rows, at = [], 0
    described = []
    for (folded, kind), gi in order.items():
        rows.append([folded, kind, chosen[gi], at, counts[gi], direct[gi]])
        at += counts[gi]
        name, role, kind = speakers[chosen[gi]]
        described.append(describe(Speaker(string(name), None if role < 0 else string(role),
                                          SPEAKER_KINDS[kind])))
    return DigestRows(rows, statements, attributed, _alias_groups(order, counts, aliases, votes),
                      silent, described)


def _groups(speakers: list[list[int]], string: Callable[[int], str]
            ) -> tuple[dict[GroupKey, int], list[int], list[int]]:
    """Each speaker row's group (groups numbered by first statement: rows are numbered by
    first use, so in row order), and each group's speaker: its first, or, when that one has
    no role, the first with one (the walk's rule)."""
    order: dict[GroupKey, int] = {}
    of_speaker: list[int] = []
    chosen: list[int] = []
    folded: dict[int, str] = {}
    for r, (name, role, kind) in enumerate(speakers):
        f = folded.get(name)
        if f is None:
            f = folded[name] = fold(string(name))
        key = (f, SPEAKER_KINDS[kind])
        gi = order.get(key)
        if gi is None:
            gi = order[key] = len(chosen)
            chosen.append(r)
        elif speakers[chosen[gi]][1] < 0 and role >= 0 and string(role):
            chosen[gi] = r
        of_speaker.append(gi)
    return order, of_speaker, chosen


def _statements(t: Tables, of_speaker: np.ndarray, n_groups: int
                ) -> tuple[np.ndarray, list[int], list[int], np.ndarray]:
    """(passage, sentence) of every attributed sentence, grouped by group in corpus order;
    each group's count and direct count; the passages holding any."""
    n_sentences = len(t.sentences)
    starts = t.passages[:, 2] if len(t.passages) else np.zeros(0, dtype=np.int64)
    sizes = np.diff(np.append(starts, n_sentences))
    passage = np.repeat(np.arange(len(starts), dtype=np.int64), sizes)
    speaker = t.sentences[:, 2] if n_sentences else np.zeros(0, dtype=np.int64)
    said = np.flatnonzero(speaker >= 0)
    group = of_speaker[speaker[said]]
    pairs = np.column_stack([passage[said], said - starts[passage[said]]]).reshape(-1, 2)
    statements = pairs[np.argsort(group, kind="stable")].astype(np.int64)
    counts = np.bincount(group, minlength=n_groups).tolist()
    is_direct = t.sentences[said, 3] == SPEECH_CODE["direct"] if n_sentences else \
        np.zeros(0, dtype=bool)
    direct = np.bincount(group[is_direct], minlength=n_groups).tolist()
    return statements, counts, direct, np.unique(passage[said]).astype(np.int64)


def _people(t: Tables, string: Callable[[int], str], order: dict[GroupKey, int]
            ) -> AliasVotes:
    """`alias_votes` over the people table's entries."""
    folded: dict[int, str] = {}
    bounds = t.people_aliases.tolist()
    all_aliases = t.aliases.tolist()

    def entries() -> Iterator[tuple[GroupKey, str, list[str]]]:
        for q, (name, _, kind) in enumerate(t.people.tolist()):
            f = folded.get(name)
            if f is None:
                f = folded[name] = fold(string(name))
            yield ((f, SPEAKER_KINDS[kind]), string(name),
                   [string(i) for i in all_aliases[bounds[q]:bounds[q + 1]]])
    return alias_votes(entries(), order)


def _alias_groups(order: dict[GroupKey, int], counts: list[int],
                  aliases: dict[GroupKey, dict[str, None]],
                  votes: dict[str, dict[GroupKey, int]]) -> dict[str, int]:
    """As `speaker_digest`: most entries giving it, then most statements, then first."""
    alias_groups: dict[str, int] = {}
    best: dict[str, tuple[int, int]] = {}
    for key, gi in order.items():
        for alias in (key[0], *aliases.get(key, ())):
            rank = (votes.get(alias, {}).get(key, 0), counts[gi])
            if alias not in best or rank > best[alias]:
                best[alias] = rank
                alias_groups[alias] = gi
    return alias_groups
