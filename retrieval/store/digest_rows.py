"""The speaker digest (`speaker_digest`) as the records save writes it, worked out from the
records tables (`records_block.Tables`) with numpy instead of a walk over every sentence
object: the same groups, statements, counts and alias choices as `compute_digest`
(`tests/retrieval/store/test_records.py` compares them)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from corpus.folding import fold
from retrieval.store.records_block import SPEECH_CODE, Tables
from retrieval.store.records_layout import SPEAKER_KINDS
from retrieval.store.speaker_digest import GroupKey, terms_text


@dataclass
class DigestRows:
    """What `records.json` and the statements table hold of the digest."""

    groups: list[list[Any]]  # folded, kind, speaker row, first statement, statements, direct
    statements: np.ndarray   # (N, 2): passage, sentence; each group's in corpus order
    attributed: np.ndarray   # passages with an attributed sentence
    alias_groups: dict[str, int]
    silent: dict[str, str]
    described: list[str]


@dataclass
class DigestTables:
    """What the digest reads of the records tables (`records_block.Tables`): the sentences'
    speaker and speech kind only, so a save that writes the sentences as it goes
    (`records_stream`) need not hold their other columns."""

    strings: list[bytes]       # UTF-8 (empty when `texts` gives them)
    speakers: np.ndarray       # (K, 3): name, role, kind
    starts: np.ndarray         # (P,): each passage's first sentence
    speaker: np.ndarray        # (S,): each sentence's speaker row, -1 for none
    speech: np.ndarray         # (S,): each sentence's `SPEECH_CODE`
    people: np.ndarray         # (Q, 3)
    people_aliases: np.ndarray  # (Q + 1,)
    aliases: np.ndarray
    texts: list[str] | None = None  # `strings` decoded, when the caller has them

    @property
    def n_strings(self) -> int:
        """How many strings the tables number (`strings` may be left empty when `texts`
        gives them)."""
        return len(self.texts) if self.texts is not None else len(self.strings)

    @classmethod
    def of(cls, t: Tables) -> DigestTables:
        empty = np.zeros(0, dtype=np.int64)
        return cls(t.strings, t.speakers, t.passages[:, 2] if len(t.passages) else empty,
                   t.sentences[:, 2] if len(t.sentences) else empty,
                   t.sentences[:, 3] if len(t.sentences) else empty,
                   t.people, t.people_aliases, t.aliases)


class Facts(Protocol):
    """What the digest works out of single strings (`string_facts.DigestFacts` keeps them
    across builds)."""

    def fold(self, text: str) -> str: ...

    def terms_text(self, text: str) -> str: ...


class _WorkedOut:
    """The facts worked out each time."""

    fold = staticmethod(fold)
    terms_text = staticmethod(terms_text)


def digest_rows(t: Tables | DigestTables, facts: Facts | None = None) -> DigestRows:
    """The digest of the corpus these tables hold (`facts`: each string's folded name and
    search terms, when kept)."""
    if isinstance(t, Tables):
        t = DigestTables.of(t)
    facts = facts or _WorkedOut()
    string = (t.texts if t.texts is not None else
              [s.decode("utf-8", "surrogateescape") for s in t.strings]).__getitem__
    speakers = t.speakers.tolist()
    order, of_speaker, chosen = _groups(speakers, string, facts.fold)
    statements, counts, direct, attributed = _statements(t, np.array(of_speaker,
                                                                      dtype=np.int64),
                                                         len(order))
    alias_groups, silent = _people(t, string, order, counts, facts.fold)
    rows, at = [], 0
    described = []
    for (folded, kind), gi in order.items():
        rows.append([folded, kind, chosen[gi], at, counts[gi], direct[gi]])
        at += counts[gi]
        name, role, _ = speakers[chosen[gi]]  # as `speaker_digest.describe` of its speaker
        described.append(facts.terms_text(string(name)) + "\t"
                         + facts.terms_text(string(role) if role >= 0 else ""))
    return DigestRows(rows, statements, attributed, alias_groups, silent, described)


def _groups(speakers: list[list[int]], string: Callable[[int], str],
            fold: Callable[[str], str]) -> tuple[dict[GroupKey, int], list[int], list[int]]:
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


def _statements(t: DigestTables, of_speaker: np.ndarray, n_groups: int
                ) -> tuple[np.ndarray, list[int], list[int], np.ndarray]:
    """(passage, sentence) of every attributed sentence, grouped by group in corpus order;
    each group's count and direct count; the passages holding any."""
    n_sentences = len(t.speaker)
    starts = t.starts.astype(np.int64, copy=False)
    sizes = np.diff(np.append(starts, n_sentences))
    passage = np.repeat(np.arange(len(starts), dtype=np.int64), sizes)
    speaker = t.speaker
    said = np.flatnonzero(speaker >= 0)
    group = of_speaker[speaker[said]]
    pairs = np.column_stack([passage[said], said - starts[passage[said]]]).reshape(-1, 2)
    statements = pairs[np.argsort(group, kind="stable")].astype(np.int64)
    counts = np.bincount(group, minlength=n_groups).tolist()
    is_direct = t.speech[said] == SPEECH_CODE["direct"]
    direct = np.bincount(group[is_direct], minlength=n_groups).tolist()
    return statements, counts, direct, np.unique(passage[said]).astype(np.int64)


def _people(t: DigestTables, string: Callable[[int], str], order: dict[GroupKey, int],
            counts: list[int], fold: Callable[[str], str]
            ) -> tuple[dict[str, int], dict[str, str]]:
    """(alias -> group, silent alias -> name) from the people table, with numpy: the very
    result of `speaker_digest.alias_votes` and its choice of a group per alias (most entries
    giving it, then most statements, then first met), without a Python step per alias
    reference (a hundred thousand in the BBC folder)."""
    n_strings = t.n_strings
    group = _person_groups(t, string, order, fold)[np.repeat(np.arange(len(t.people)),
                                                        np.diff(t.people_aliases))]
    aliases = t.aliases
    silent = _silent(t, string, aliases, group)
    said = np.flatnonzero(group >= 0)
    pair, first, votes = np.unique(group[said] * max(n_strings, 1) + aliases[said],
                                   return_index=True, return_counts=True)
    pair_group, pair_alias = pair // max(n_strings, 1), pair % max(n_strings, 1)
    mine = np.lexsort((first, pair_group))  # each group's aliases in order of first use
    # Every (alias, group) the choice meets, in its order: each group's folded name first,
    # then its aliases. A folded name that is no string of the tables gets an id of its own.
    ids = {string(a): a for a in np.unique(pair_alias).tolist()}
    extra: dict[str, int] = {}
    folded = np.array([ids[f] if f in ids else extra.setdefault(f, n_strings + len(extra))
                       for f, _ in order], dtype=np.int64)
    n_groups = len(order)
    own = np.arange(n_groups, dtype=np.int64) * max(n_strings, 1) + folded
    own_votes = np.zeros(n_groups, dtype=np.int64)
    if len(pair):
        at = np.minimum(np.searchsorted(pair, own), len(pair) - 1)
        # (an id past the strings is no pair's: its key could be another group's pair)
        own_votes = np.where((folded < n_strings) & (pair[at] == own), votes[at], 0)
    met_group = np.concatenate([np.arange(n_groups, dtype=np.int64), pair_group[mine]])
    met = np.argsort(met_group, kind="stable")  # a group's own name before its aliases
    met_group = met_group[met]
    met_alias = np.concatenate([folded, pair_alias[mine]])[met]
    met_votes = np.concatenate([own_votes, votes[mine]])[met]
    met_count = np.asarray(counts, dtype=np.int64)[met_group] if n_groups else \
        np.zeros(0, dtype=np.int64)
    at_met = np.arange(len(met_alias), dtype=np.int64)
    best = np.lexsort((at_met, -met_count, -met_votes, met_alias))
    heads = best[np.r_[True, met_alias[best][1:] != met_alias[best][:-1]]] if len(best) \
        else best
    firsts = np.unique(met_alias, return_index=True)[1]  # where each alias is first met
    winner = dict(zip(met_alias[heads].tolist(), met_group[heads].tolist(), strict=True))
    named = {v: k for k, v in extra.items()}
    out: dict[str, int] = {}
    for a in met_alias[np.sort(firsts)].tolist():
        out[string(a) if a < n_strings else named[a]] = winner[a]
    return out, silent


def _person_groups(t: DigestTables, string: Callable[[int], str], order: dict[GroupKey, int],
                   fold: Callable[[str], str]) -> np.ndarray:
    """Each people entry's speaking group (-1: none of that key speaks)."""
    width = len(SPEAKER_KINDS)
    code = t.people[:, 0] * width + t.people[:, 2] if len(t.people) else \
        np.zeros(0, dtype=np.int64)
    distinct, inverse = np.unique(code, return_inverse=True)
    folded: dict[int, str] = {}
    of_code = []
    for c in distinct.tolist():
        name = c // width
        f = folded.get(name)
        if f is None:
            f = folded[name] = fold(string(name))
        of_code.append(order.get((f, SPEAKER_KINDS[c % width]), -1))
    return np.array(of_code, dtype=np.int64)[inverse].reshape(-1)


def _silent(t: DigestTables, string: Callable[[int], str], aliases: np.ndarray, group: np.ndarray
            ) -> dict[str, str]:
    """Alias -> name of the first entry giving it among people who never speak."""
    quiet = np.flatnonzero(group < 0)
    firsts = np.sort(np.unique(aliases[quiet], return_index=True)[1])
    owner = np.repeat(np.arange(len(t.people)), np.diff(t.people_aliases))
    names = t.people[:, 0] if len(t.people) else np.zeros(0, dtype=np.int64)
    refs = quiet[firsts]
    return {string(a): string(n) for a, n in zip(aliases[refs].tolist(),
                                                  names[owner[refs]].tolist(), strict=True)}
