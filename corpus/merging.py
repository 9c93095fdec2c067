"""One entity per person across a corpus: each article's people are read on their own, so
"Volodymyr Zelenskiy", "Volodymyr Zelensky" and "Mr Zelenskiy" in three articles, or
"Robert Kilroy-Silk" and "Kilroy Silk", are different speakers until merged here.

The rules (truth first: when in doubt, no merge):
  - names are compared by `corpus.name_keys` keys, grouped by surname key first (never all
    pairs), and only people are merged (organisations already share their folded name);
  - full names merge when their first names are alike (`given_alike`) and their genders
    agree;
  - a bare surname ("Blair", "Mr Blair", "Kilroy Silk" beside "Robert Kilroy-Silk") joins
    the one person of that surname its own article names and that fits it by gender and
    role; when its article names none, the one person of the corpus that fits; when two
    fit (Tony, Cherie and Ian Blair for "Mr Blair"), nobody;
  - the merged entity takes the fullest name most articles use, and every member keeps
    the group's names as aliases.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import cast

from corpus.folding import fold_name
from corpus.gazetteer import gazetteer
from corpus.merge_parts import entry_gender, name_shaped, without_descriptors
from corpus.merge_rewrite import Renames, rewrite
from corpus.models import Article
from corpus.name_keys import NameParts, given_alike, name_parts
from corpus.titles import titles_in

_PEERS = titles_in("peer")


@dataclass(slots=True)
class _Entry:
    """One person entry of one article."""

    article: int
    name: str
    role: str | None
    parts: NameParts
    gender: str | None
    statements: int


@dataclass
class _Group:
    """People merged so far: one person. What the rules ask of all its members (their
    first names, genders and role heads) is kept as sets, updated as each one joins, so a
    bucket of hundreds of entries of one name is not walked again for every newcomer."""

    members: list[_Entry] = field(default_factory=list)
    givens: set[tuple[str, ...]] = field(default_factory=set)
    genders: set[str] = field(default_factory=set)
    role_heads: set[str] = field(default_factory=set)

    def add(self, e: _Entry) -> None:
        self.members.append(e)
        self.givens.add(e.parts.given)
        if e.gender:
            self.genders.add(e.gender)
        if e.role:
            self.role_heads.add(_role_head(e.role))

    def gender(self) -> str | None:
        return next(iter(self.genders)) if len(self.genders) == 1 else None

    def roles(self) -> set[str]:
        return self.role_heads


@dataclass(frozen=True)
class PersonFacts:
    """What the merge reads of one person entry of one article: worked out once per
    article (`people_facts`) and kept with it in the article cache, so that the names of an
    unchanged article are not parsed again at every build."""

    person: int  # its place in the article's people
    parts: NameParts
    gender: str | None
    statements: int


ArticleFacts = tuple[PersonFacts, ...]


# What the merge reads of one person entry: (name, role, name parts, gender, statements).
# Plain tuples, kept per article while a build goes on (`merge_entries`), so that the
# articles themselves need not be held until the merge.
MergeEntry = tuple[str, str | None, NameParts, str | None, int]


def merge_people(articles: list[Article],
                 facts: Sequence[ArticleFacts | None] | None = None
                 ) -> tuple[list[Article], list[list[str]]]:
    """The articles with each merged person's speaker name made one, and the merged groups
    (each a list of the distinct names it joined, largest first). `facts`: each article's
    `people_facts` where known (None: worked out here)."""
    groups = _groups(_entries(_article_entries(articles, facts)))
    renames = _renames(groups)
    merged = sorted(([*dict.fromkeys(m.name for m in g.members)] for g in groups
                     if len({m.name for m in g.members}) > 1
                     and any(m.statements for m in g.members)),
                    key=lambda names: -len(names))
    return [rewrite(a, renames.get(i, {})) for i, a in enumerate(articles)], merged


def merge_renames(articles: list[Article],
                  facts: Sequence[ArticleFacts | None] | None = None) -> list[Renames]:
    """What `merge_people` changes, article by article ({old name: (the group's name, the
    group's names as aliases)}, empty for an article it leaves alone), so that a build can
    rewrite what it keeps of an article (its records block) as the article is rewritten
    (`corpus.merge_rewrite.rewrite` makes the article)."""
    return renames_of(_article_entries(articles, facts))


def renames_of(entries: Sequence[Sequence[MergeEntry]]) -> list[Renames]:
    """`merge_renames` from each article's `merge_entries`: a build keeps only those while
    it attributes, not the articles."""
    renames = _renames(_groups(_entries(entries)))
    return [renames.get(i, {}) for i in range(len(entries))]


@dataclass(frozen=True)
class MergeMemory:
    """What one build's merge leaves for the next build of the same corpus
    (`renames_remembered`): the surnames written with a hyphen, and per article (by a key
    naming its content, path included: the article cache's row key) its place, the surname
    buckets its entries fell in, and what the merge renamed in it."""

    hyphened: frozenset[str]
    rows: dict[str, tuple[int, tuple[str, ...], Renames]]


def renames_remembered(entries: Sequence[Sequence[MergeEntry]],
                       keys: Sequence[str | None], earlier: MergeMemory | None
                       ) -> tuple[list[Renames], MergeMemory | None]:
    """`renames_of(entries)`, grouping again only the surname buckets that articles added,
    changed or removed since the `earlier` build put entries in: a bucket's groups depend
    only on its own entries in order (the article an entry is of compared for equality
    only), so an untouched bucket renames what it renamed before. `keys` name each
    article's content (None: not known, every bucket grouped). Everything is grouped when
    there is no earlier build, its hyphened surnames differ, or its articles came in
    another order. Returns the renames and what the next build may remember."""
    flat = _entries(entries)
    hyphened, buckets, of_article = _buckets(flat, len(entries))
    if any(k is None for k in keys) or len(set(keys)) != len(keys):
        renames = _renames(g for b in buckets.values() for g in _group_bucket(b))
        return [renames.get(i, {}) for i in range(len(entries))], None
    rows = earlier.rows if earlier is not None and earlier.hyphened == hyphened else None
    touched: set[str] | None = None
    if rows is not None:
        places = [rows[k][0] for k in keys if k is not None and k in rows]
        if all(a < b for a, b in zip(places, places[1:], strict=False)):
            touched = set()
            for i, k in enumerate(keys):
                if k not in rows:
                    touched.update(of_article[i])
            now = set(keys)
            for k, (_, was, _) in rows.items():
                if k not in now:
                    touched.update(was)
    if touched is None or rows is None:
        renames = _renames(g for b in buckets.values() for g in _group_bucket(b))
    else:
        renames = _renames(g for key, b in buckets.items() if key in touched
                           for g in _group_bucket(b))
        for i, k in enumerate(keys):
            kept = rows.get(cast(str, k))
            if kept is None or not kept[2]:
                continue
            names = {e[0] for e, key in zip(entries[i], _keys_of(entries[i], hyphened),
                                            strict=True) if key not in touched}
            mine = {n: r for n, r in kept[2].items() if n in names}
            if mine:
                renames.setdefault(i, {}).update(mine)
    out = [renames.get(i, {}) for i in range(len(entries))]
    memory = MergeMemory(hyphened, {cast(str, k): (i, of_article[i], out[i])
                                    for i, k in enumerate(keys)})
    return out, memory


def _keys_of(entries: Sequence[MergeEntry], hyphened: frozenset[str]) -> list[str]:
    """The bucket of each of an article's entries (as `_buckets` puts them)."""
    return [parts.joined if parts.joined in hyphened else parts.surname
            for _, _, parts, _, _ in entries]


def merge_entries(article: Article, facts: ArticleFacts | None = None,
                  shared: dict[object, object] | None = None) -> tuple[MergeEntry, ...]:
    """What the merge reads of the article's people (`facts`: its `people_facts`, worked out
    when None). `shared`: equal names and name parts kept once across articles (a corpus
    names the same people again and again)."""
    people = article.people
    out = []
    for f in people_facts(article) if facts is None else facts:
        p = people[f.person]
        if shared is None:
            out.append((p.name, p.role, f.parts, f.gender, f.statements))
        else:
            out.append((cast(str, shared.setdefault(p.name, p.name)),
                        None if p.role is None else cast(str, shared.setdefault(p.role, p.role)),
                        cast(NameParts, shared.setdefault(f.parts, f.parts)), f.gender,
                        f.statements))
    return tuple(out)


def _article_entries(articles: list[Article], facts: Sequence[ArticleFacts | None] | None
                     ) -> list[tuple[MergeEntry, ...]]:
    if facts is not None and len(facts) != len(articles):
        raise ValueError("facts for another list of articles")
    return [merge_entries(a, facts[i] if facts is not None else None)
            for i, a in enumerate(articles)]


def _groups(entries: list[_Entry]) -> list[_Group]:
    """Every person entry of the articles in its group, bucket by bucket."""
    buckets = _buckets(entries, 0)[1]
    return [g for bucket in buckets.values() for g in _group_bucket(bucket)]


def _buckets(entries: list[_Entry], articles: int
             ) -> tuple[frozenset[str], dict[str, list[_Entry]], list[tuple[str, ...]]]:
    """The surnames written with a hyphen, the entries by surname bucket (in order), and
    the buckets of each of `articles` articles' entries (distinct, in order)."""
    by_surname: dict[str, list[_Entry]] = {}
    hyphened = frozenset(e.parts.surname for e in entries if "-" in e.name.split()[-1])
    of_article: list[dict[str, None]] = [{} for _ in range(articles)]
    for e in entries:
        key = e.parts.joined if e.parts.joined in hyphened else e.parts.surname
        if key != e.parts.surname:  # "(Robert) Kilroy Silk" is the surname "Kilroy-Silk"
            e.parts = replace(e.parts, given=e.parts.given[:-1], surname=key, joined=None,
                              given_words=e.parts.given_words[:-1])
        by_surname.setdefault(key, []).append(e)
        if articles:
            of_article[e.article][key] = None
    return hyphened, by_surname, [tuple(k) for k in of_article]


def people_facts(article: Article) -> ArticleFacts:
    """The article's people that take part in the merge, with their name parts, gender
    and number of statements."""
    said = Counter(s.speaker.name for p in article.passages for s in p.sentences
                   if s.speaker is not None and s.speaker.kind == "person")
    out = []
    for k, person in enumerate(article.people):
        parts = _merge_parts(person.name) if person.kind == "person" else None
        if parts is not None:
            out.append(PersonFacts(k, parts, entry_gender(person, parts), said.get(person.name, 0)))
    return tuple(out)


def _entries(articles: Sequence[Sequence[MergeEntry]]) -> list[_Entry]:
    return [_Entry(i, name, role, parts, gender, statements)
            for i, entries in enumerate(articles)
            for name, role, parts, gender, statements in entries]


@lru_cache(maxsize=1 << 16)  # pure: a corpus names the same people in article after article
def _merge_parts(name: str) -> NameParts | None:
    """The parts the merge compares, descriptors dropped; None for no name it takes part
    with."""
    parts = name_parts(name)
    if parts is None or not name_shaped(name, parts):
        return None
    return without_descriptors(parts)


def _group_bucket(bucket: list[_Entry]) -> list[_Group]:
    """Full names first, grouped by alike first names; then each bare surname joins the
    one group that fits it, or stays on its own."""
    groups: list[_Group] = []
    if len(bucket) == 1:  # a surname met once (most of them): a person of its own
        _join(_Group(), bucket[0], groups)
        return groups
    for e in (e for e in bucket if _peer(e)):  # "Lord Ashcroft": a person of their own
        fits = [g for g in groups if g.members[0].name == e.name]
        _join(fits[0], e) if fits else _join(_Group(), e, groups)
    for e in (e for e in bucket if e.parts.given):
        fits = [g for g in groups if _fits_full(g, e)]
        if len(fits) == 1:
            _join(fits[0], e)
        else:  # none, or several (a link between two people is no reason to join them)
            _join(_Group(), e, groups)
    for e in (e for e in bucket if not e.parts.given and not _peer(e)):
        fits = [g for g in groups if (g.members[0].parts.given or _peer(g.members[0]))
                and _fits_bare(g, e)]
        own = [g for g in fits if any(m.article == e.article for m in g.members)]
        if len(own or fits) == 1:  # the one its article names, else the corpus's one
            _join((own or fits)[0], e)
        else:
            _join(_Group(), e, groups)
    return groups


def _join(group: _Group, e: _Entry, groups: list[_Group] | None = None) -> None:
    group.add(e)  # (no link back from the entry: no cycle left for the collector)
    if groups is not None:
        groups.append(group)


def _fits_full(group: _Group, e: _Entry) -> bool:
    return all(given_alike(given, e.parts.given) for given in group.givens) \
        and _genders_agree(group.gender(), e.gender)


def _peer(e: _Entry) -> bool:
    return not e.parts.given and e.parts.titled in _PEERS


def _fits_bare(group: _Group, e: _Entry) -> bool:
    """A full name (or a peer) a bare surname can be: no other gender, and a like role
    when both have one."""
    if not _genders_agree(group.gender(), e.gender):
        return False
    roles = group.roles()
    return not (e.role and roles) or _role_head(e.role) in roles


def _genders_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


@lru_cache(maxsize=1 << 14)  # pure: a few hundred roles, met again and again
def _role_head(role: str | None) -> str:
    return gazetteer().normalize_role(role).rsplit(" ", 1)[-1] if role else ""


def _renames(groups: Iterable[_Group]) -> dict[int, Renames]:
    """article -> {old name: (the group's name, the group's names as aliases)}."""
    out: dict[int, Renames] = {}
    for g in groups:
        names = {m.name for m in g.members}
        if len(names) < 2 or not any(m.statements for m in g.members):
            continue  # one name, or nobody speaking: nothing a reader would see changes
        best = _best_name(g)
        aliases = frozenset(fold_name(n) for n in names)
        for m in g.members:
            out.setdefault(m.article, {})[m.name] = (best, aliases)
    return out


def _best_name(group: _Group) -> str:
    """A full name before a bare surname; then the one most articles use, titles aside
    ("Gordon Brown", not "Exchequer Gordon Brown"; "Col. Gen. Alexander Fomin" counts for
    "Alexander Fomin"), most often speaking, without a title, with most first names,
    first met."""
    articles: Counter[tuple[str, ...]] = Counter()
    said: Counter[tuple[str, ...]] = Counter()
    for m in group.members:
        articles[_untitled(m)] += 1
        said[_untitled(m)] += m.statements
    order = {m.name: -k for k, m in reversed(list(enumerate(group.members)))}
    by_name = {m.name: m for m in group.members}

    def rank(name: str) -> tuple[bool, int, int, bool, int, int]:
        m = by_name[name]
        return (len(m.parts.given) > 0, articles[_untitled(m)], said[_untitled(m)],
                m.parts.titled is None, len(m.parts.given), order[name])

    return max(order, key=rank)


def _untitled(m: _Entry) -> tuple[str, ...]:
    return (*m.parts.given_words, m.name.split()[-1])
