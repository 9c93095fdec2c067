"""What the speaker directory needs of a corpus, worked out in one walk: statements grouped
by speaker, direct counts, the speaker each alias names, the names of people who never
speak, the passages with an attributed sentence. It is saved with the records, so a start
from the cache walks nothing."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from corpus.folding import fold
from corpus.models import Corpus, Speaker
from retrieval.tokenizer import terms

GroupKey = tuple[str, str]  # (folded name, kind): one directory entry


@dataclass(frozen=True)
class SpeakerGroup:
    """Everyone whose statements share one directory key (folded name, kind)."""

    folded: str
    kind: str
    speaker: Speaker            # the first one with a role, else the first
    statements: Sequence[tuple[int, int]]  # (passage, sentence) in corpus order
    direct: int
    reported: int


@dataclass(frozen=True)
class SpeakerDigest:
    groups: Sequence[SpeakerGroup]     # in order of first statement
    keys: Sequence[GroupKey]           # each group's key, known without building the group
    silent: Mapping[str, str]          # alias -> name of people who never speak (first wins)
    attributed: np.ndarray             # int64: passages with at least one attributed sentence
    # alias -> index in `groups` of the speaker it names: the group's own folded name, and
    # every alias of its people entries. An alias several speakers share goes to the one
    # most articles give it (across a corpus "the chancellor" is whoever most articles call
    # that), then the one with most statements, then the first.
    alias_groups: Mapping[str, int]
    # Each group's speaker as search terms, "name terms<TAB>role terms": what role and
    # country phrases are matched against, known without building the groups.
    described: Sequence[str]


class _Group:
    """One speaker's statements while walking (a plain class: no dataclass to make at
    import, which every start pays)."""

    __slots__ = ("speaker", "statements", "direct")

    def __init__(self, speaker: Speaker) -> None:
        self.speaker = speaker
        self.statements: list[tuple[int, int]] = []
        self.direct = 0


def group_key(speaker: Speaker) -> GroupKey:
    return fold(speaker.name), speaker.kind


def compute_digest(corpus: Corpus) -> SpeakerDigest:
    """The digest of any corpus, by one walk over its passages and its people."""
    order, attributed = _statements_by_speaker(corpus)
    # Aliases in sorted order, kept in dicts rather than sets: the order the directory meets
    # them in is then the same in every process (and the same as `digest_rows` gives).
    folded: dict[str, str] = {}

    def entries() -> Iterator[tuple[GroupKey, str, list[str]]]:
        for article in corpus.articles:
            for person in article.people:
                name = folded.get(person.name)
                if name is None:
                    name = folded[person.name] = fold(person.name)
                yield (name, person.kind), person.name, sorted(person.aliases)
    aliases, votes, silent = alias_votes(entries(), order)
    groups = tuple(SpeakerGroup(key[0], key[1], g.speaker, tuple(g.statements), g.direct,
                                len(g.statements) - g.direct)
                   for key, g in order.items())
    return SpeakerDigest(groups, tuple(order), silent, np.array(attributed, dtype=np.int64),
                         _alias_groups(order, aliases, votes),
                         tuple(describe(g.speaker) for g in order.values()))


AliasVotes = tuple[dict[GroupKey, dict[str, None]], dict[str, dict[GroupKey, int]],
                   dict[str, str]]


def alias_votes(entries: Iterable[tuple[GroupKey, str, Sequence[str]]],
                order: Mapping[GroupKey, object]) -> AliasVotes:
    """From each people entry (its group key, name, aliases): the aliases of each speaking
    group, how many entries give each alias to each group, and the aliases of people who
    never speak (first wins). One home for both ways the digest is made."""
    aliases: dict[GroupKey, dict[str, None]] = {}
    votes: dict[str, dict[GroupKey, int]] = {}
    silent: dict[str, str] = {}
    for key, name, own in entries:
        if key in order:
            aliases.setdefault(key, {}).update(dict.fromkeys(own))
            for alias in own:
                per = votes.setdefault(alias, {})
                per[key] = per.get(key, 0) + 1
        else:
            for alias in own:
                silent.setdefault(alias, name)
    return aliases, votes, silent


def describe(speaker: Speaker) -> str:
    """The speaker's name and role as search terms, "name terms<TAB>role terms"."""
    return terms_text(speaker.name) + "\t" + terms_text(speaker.role or "")


def terms_text(text: str) -> str:
    """A text's search terms, space-joined (each half of `describe`)."""
    return " ".join(terms(text))


def _statements_by_speaker(corpus: Corpus) -> tuple[dict[GroupKey, _Group], list[int]]:
    """Each speaker's statements in corpus order, and the passages holding any."""
    order: dict[GroupKey, _Group] = {}
    attributed = []
    # Each Speaker object's key once (an article's sentences share a few Speaker objects, all
    # alive while the corpus is walked, so their ids are stable): folding a name is the cost.
    keys: dict[int, GroupKey] = {}
    for pi, passage in enumerate(corpus.passages):
        any_speaker = False
        for si, sentence in enumerate(passage.sentences):
            sp = sentence.speaker
            if sp is None:
                continue
            any_speaker = True
            key = keys.get(id(sp))
            if key is None:
                key = keys[id(sp)] = group_key(sp)
            g = order.get(key)
            if g is None:
                g = order[key] = _Group(sp)
            elif g.speaker.role is None and sp.role:
                g.speaker = sp
            g.statements.append((pi, si))
            if sentence.kind == "direct":
                g.direct += 1
        if any_speaker:
            attributed.append(pi)
    return order, attributed


def _alias_groups(order: dict[GroupKey, _Group], aliases: dict[GroupKey, dict[str, None]],
                  votes: dict[str, dict[GroupKey, int]]) -> dict[str, int]:
    alias_groups: dict[str, int] = {}
    best: dict[str, tuple[int, int]] = {}
    for gi, (key, g) in enumerate(order.items()):
        for alias in (key[0], *aliases.get(key, ())):
            rank = (votes.get(alias, {}).get(key, 0), len(g.statements))
            if alias not in best or rank > best[alias]:
                best[alias] = rank
                alias_groups[alias] = gi
    return alias_groups
