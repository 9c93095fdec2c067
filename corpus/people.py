"""Who is who in one article: people met in the text, their fullest names, roles and aliases.

Built before attribution so that "Çavuşoğlu" in a headline, "Mevlut Cavusoglu" in the second
paragraph and "Mr Cavusoglu" later are one person, and "Turkey's foreign minister" can be
linked to him when the article makes that link.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from corpus.entities import Entity
from corpus.folding import fold_name
from corpus.gazetteer import gazetteer
from corpus.gender import first_name_gender, role_gender
from corpus.lexicon import phrase_words
from corpus.models import Person, SpeakerKind
from corpus.name_shape import sentence_opener
from corpus.people_index import PeopleIndex, normalized_role
from corpus.phrases import (
    NOT_NAMES,
    ORG_WORDS,
    ROLE_NOUNS,
    TITLES,
    bare,
    is_acronym,
    is_cap,
    is_role_noun,
    is_role_word,
    parse_phrase,
)
from corpus.surnames import close_spelling
from corpus.titles import title_gender

_WORD = re.compile(r"[^\W_][\w'’.]*(?:-[^\W_][\w'’.]*)*")
_CHUNK_BREAK = re.compile(r"[,;:()\"“”«»]|\s[-–—]\s")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_CONTRACTION = re.compile(r"['’](?:ve|re|ll|d|m)$", re.I)
_POSSESSIVE = re.compile(r"['’]s$")


def _strip_possessive(word: str) -> str:
    return _POSSESSIVE.sub("", word)


# Pure functions of one word or run of words, asked again and again in every article (a
# name, a capitalised word), so remembered.
@lru_cache(maxsize=1 << 16)
def _chunk_word(word: str) -> str:
    """A word as mentions are read: its full stop dropped, unless it is initials ("U.S.")."""
    return word if _INITIALS.fullmatch(word) else word.rstrip(".")


@lru_cache(maxsize=1 << 16)
def _opens_run(word: str) -> bool:
    """Whether a word may start a run of name words: capitalised, or a title."""
    return is_cap(word) or bare(word) in TITLES


# Last words of capitalised names that are laws, plans, routes or works, never people.
_NOT_PERSON_HEADS = phrase_words("not_person_head")
_LESSER_RANKS = phrase_words("lesser_rank")


def is_organisation_name(name: str) -> bool:
    words = name.split()
    return (gazetteer().is_place(name) or any(bare(w.rstrip(".")) in ORG_WORDS for w in words)
            or (len(words) == 1 and is_acronym(words[0])))


class PeopleTable:
    """The article's entities, with lookups by name, surname and role."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self._index = PeopleIndex()
        # Names the article shows to be organisations, with their acronyms (see
        # corpus/people_organisations.py): never typed as people.
        self._organisations: dict[str, tuple[str, str | None]] = {}

    def expect_organisations(self, names: dict[str, tuple[str, str | None]]) -> None:
        """Names the article shows to be organisations (folded -> as written, acronym),
        read before any mention."""
        self._organisations.update(names)
        for key in list(self._organisations):  # "Krispy Kreme" of "Krispy Kreme Doughnuts"
            longer = [k for k in self._organisations if k.startswith(key + " ")]
            if len(longer) == 1:
                del self._organisations[key]

    def shown_organisation(self, name: str) -> bool:
        """Whether the article shows this name to be an organisation's."""
        return self._shown_key(name) is not None

    def _shown_key(self, name: str) -> str | None:
        """The shown organisation's key this name is, or opens ("Krispy Kreme" of "Krispy
        Kreme Doughnuts", "Marsh" of "Marsh & McLennan"; never a first name alone)."""
        folded = fold_name(_strip_possessive(name))
        if not folded or folded in self._organisations:
            return folded or None
        if len(folded.split()) == 1 and first_name_gender(folded) is not None:
            return None
        longer = [k for k in self._organisations if k.startswith(folded + " ")]
        return longer[0] if len(longer) == 1 else None

    def note_shown_organisation(self, name: str, position: int) -> Entity:
        """The organisation of a name the article shows to be one, under its fullest name,
        with the shorter name and its acronym as other names ("Electronic Arts (EA)" ...
        "EA said")."""
        name = _strip_possessive(name)
        key = self._shown_key(name) or fold_name(name)
        full, acronym = self._organisations.get(key, (name, None))
        entity = self.note_organisation(full, position)
        for alias in (name, acronym):
            if alias and self._index.organisation(alias) is None:
                self.add_organisation_alias(entity, alias)
        return entity

    def _add(self, entity: Entity) -> Entity:
        self.entities.append(entity)
        self._index.add_entity(entity)
        return entity

    def add_name(self, entity: Entity, name: str) -> None:
        """Another name (a mention) for an entity already in the table."""
        entity.names.append(name)
        self._index.add_name(entity, name)

    def add_role(self, entity: Entity, role: str) -> None:
        """Another role for an entity already in the table (its `role` is the caller's)."""
        entity.roles_seen.append(role)
        self._index.add_role(entity, role)

    # --- building -------------------------------------------------------------------------
    def add_mentions(self, text: str, position: int) -> None:
        """Record every person named in a sentence (titles, roles and multi-word names).
        A name never runs over punctuation ("to MPs, Mr Clarke said")."""
        for chunk in _CHUNK_BREAK.split(text):
            self._add_chunk(chunk, position)

    def _add_chunk(self, text: str, position: int) -> None:
        words = [_chunk_word(w) for w in _WORD.findall(text)]
        i = 0
        while i < len(words):
            if not _opens_run(words[i]):
                i += 1
                continue
            if i == 0:
                while i + 1 < len(words) and sentence_opener(words[i]) \
                        and is_cap(words[i + 1]) and not is_role_word(words[i + 1]):
                    i += 1  # "Analysing Brown's plans", "Said Fogg": no part of a name
            j = i
            while j < len(words) and (_opens_run(words[j])
                                      or (is_role_word(words[j]) and j + 1 < len(words)
                                          and is_cap(words[j + 1]))
                                      or _role_connector(words, j, i)):
                j += 1
            run = words[i:j]
            # Lower-case role words just before the run belong to it ("foreign minister X").
            k = i
            while k > 0 and is_role_word(words[k - 1]) and not is_cap(words[k - 1]):
                k -= 1
            if k > 0 and words[k - 1].endswith(("'s", "’s")) and is_cap(words[k - 1]):
                k -= 1
            self._consider(words[k:i] + run, position)
            i = max(j, i + 1)

    def _consider(self, run: list[str], position: int) -> None:
        found = _mention(tuple(run))
        if found is None:
            self._shown_organisation_named(run, position)
            return
        if found.parsed and not found.title and self.shown_organisation(found.names[0]):
            self.note_shown_organisation(found.names[0], position)
            return
        if found.person:
            self.note_person(found.names[0], position, found.role, found.title)
        else:
            for name in found.names:
                self._match_only(name, position)

    def _shown_organisation_named(self, run: list[str], position: int) -> None:
        """"Shares in Cairn Energy rose ...": a name the article shows to be an
        organisation's is one from its first mention, not only once it speaks (so that
        "the firm" after it can be it)."""
        name = " ".join(run)
        if len(run) < 2 or not all(is_cap(w) for w in run):
            return
        key = self._shown_key(name)
        if key is not None and self._organisations[key][1] is None:
            # (one shown with its acronym, "International Monetary Fund (IMF)", speaks
            # under the acronym, as before; it needs no referring noun to be found)
            self.note_shown_organisation(name, position)

    def _match_only(self, name: str, position: int) -> None:
        """A lone surname: counts as a mention of a person already met, nothing more."""
        entity = self.find(name)
        if entity is not None:
            self.add_name(entity, name)
            entity.last_seen = max(entity.last_seen, position)

    def note_person(self, name: str, position: int, role: str | None = None,
                    title: str | None = None) -> Entity | None:
        name = _strip_possessive(name)
        entity = self.find(name)
        if entity is None or (len(name.split()) > 1 and len(entity.canonical().split()) > 1
                              and not _same_full_name(name, entity)):
            entity = self._add(Entity([name], first_seen=position))
        else:
            self.add_name(entity, name)
        entity.last_seen = max(entity.last_seen, position)
        if role and role not in entity.roles_seen:
            self.add_role(entity, role)
            entity.role = _fuller_role(entity.role, role)
        if title:
            entity.gender = entity.gender or title_gender(title.lower())
        if entity.gender is None and len(name.split()) > 1:
            entity.gender = first_name_gender(name.split()[0])
        if entity.gender is None and role:
            entity.gender = role_gender(role)
        return entity

    def note_organisation(self, name: str, position: int) -> Entity:
        """The organisation of this name (or user alias), the first met; new if none."""
        entity = self._index.organisation(name)
        if entity is not None:
            entity.last_seen = max(entity.last_seen, position)
            return entity
        return self._add(Entity([name], kind="organisation", last_seen=position))

    def add_organisation_alias(self, entity: Entity, alias: str) -> None:
        """Another name an organisation goes by ("ODPM" for the Office of the Deputy Prime
        Minister), found by `note_organisation` from then on."""
        entity.preferred = entity.preferred or entity.canonical()  # the full name, shown
        if alias not in entity.names:
            entity.names.append(alias)
        self._index.add_organisation_key(entity, alias)

    def add_user_entry(self, name: str, kind: SpeakerKind, role: str | None,
                       aliases: tuple[str, ...]) -> Entity:
        """A person or organisation from a user alias file. Aliases that read as a role
        ("Turkey's top diplomat") are matched like roles, the others like names."""
        entity = Entity([name], kind=kind, preferred=name, user_aliases=list(aliases))
        if kind == "person":
            entity.role = role
            if role:
                entity.roles_seen.append(role)
            for a in aliases:
                phrase = parse_phrase(a.split())
                if phrase is not None and phrase.role_only:
                    entity.roles_seen.append(a)
            entity.gender = first_name_gender(name.split()[0]) if len(name.split()) > 1 \
                else None
        return self._add(entity)

    # --- looking up -----------------------------------------------------------------------
    def find(self, name: str) -> Entity | None:
        """A person by full name, surname or a close spelling of the surname; the most
        recently met wins where several share a surname."""
        target = fold_name(_strip_possessive(name))
        exact = self._index.named(target)
        if exact:
            return self._index.latest(exact)
        surname = target.split()[-1] if target else ""
        first = target.split()[0] if len(target.split()) > 1 else None
        return self._index.latest(
            e for e in self._index.with_surname(surname)
            if first is None or len(e.canonical().split()) == 1 or _same_full_name(target, e))

    def find_organisation(self, name: str) -> Entity | None:
        """An organisation already met under this name (or one of its other names)."""
        return self._index.organisation(name)

    def find_by_role(self, role: str, position: int | None = None) -> Entity | None:
        """The most recently met person holding a role like this one ("the minister",
        "Turkey's foreign minister" = "Turkish foreign minister"). With a position, only
        people already named by then: a role never points forward to someone met later."""
        wanted = normalized_role(role)
        return self._index.latest(
            e for e in self._index.with_role_like(wanted)
            if (position is None or e.first_seen <= position)
            and any(r and _alike_roles(normalized_role(r), wanted)
                    for r in [e.role, *e.roles_seen]))

    def freeze(self) -> tuple[Person, ...]:
        return tuple(e.freeze() for e in self.entities)


@dataclass(frozen=True)
class _Mention:
    """What a run of name words says, the same in every article: a person to note (with
    role and title), or names that only count for people already met."""

    person: bool
    names: tuple[str, ...]
    role: str | None = None
    title: str | None = None
    parsed: bool = False  # read by parse_phrase: the article may show it an organisation's


@lru_cache(maxsize=1 << 16)
def _mention(words: tuple[str, ...]) -> _Mention | None:
    """The mention a run of words makes (None: nobody)."""
    run = list(words)
    # "Putin-Zelenskiy meeting": a hyphenated pair of known-looking names.
    while run and (bare(run[0]) in NOT_NAMES and bare(run[0]) not in TITLES):
        run = run[1:]
    run = [w for w in run if not _CONTRACTION.search(w)]
    if not run:
        return None
    # "Brown's Britain", "BBC One's Breakfast": a possessive inside a run with no role
    # after it names a thing of that owner (a book, a programme), not a person.
    poss = [k for k, w in enumerate(run[:-1]) if w.endswith(("'s", "’s"))]
    if poss and not any(is_role_word(w) for w in run[poss[-1] + 1:]):
        run = run[poss[-1] + 1:]
        if len(run) == 1 or sentence_opener(run[0]):  # "Howl's Moving Castle"
            return _Mention(False, (run[0],))
    if bare(run[-1]) in _NOT_PERSON_HEADS:
        return None  # "the Children Act", "the Marshall Plan", "the Waverley Line"
    if len(run) == 1 and "-" in run[0] and all(is_cap(p) for p in run[0].split("-")):
        return _Mention(False, tuple(run[0].split("-")))
    phrase = parse_phrase([_strip_possessive(w) if k == len(run) - 1 else w
                           for k, w in enumerate(run)])
    if phrase is None or phrase.name is None:
        return None
    name = phrase.name
    name_words = name.split()
    if is_organisation_name(name):
        return None
    has_role = phrase.role is not None and any(bare(w) in ROLE_NOUNS
                                               for w in phrase.role.split())
    if phrase.title or has_role or (len(name_words) >= 2
                                    and name_words[0].lower() not in NOT_NAMES):
        return _Mention(True, (name,), phrase.role, phrase.title, parsed=True)
    return _Mention(False, (name,), parsed=True)


def _role_connector(words: list[str], j: int, start: int) -> bool:
    """"Secretary of State Antony Blinken", "Bank of England governor Mervyn King",
    "Chancellor of the Exchequer Gordon Brown", "Minister for Europe Denis MacShane": "of"
    after an organisation word, or "of/for/to (the)" after a capitalised role word, joins
    the run, so the words after it are no name of their own ("State Antony Blinken",
    "Exchequer Gordon Brown"; "Sales of Blume" stays apart).""" 
    if j > start + 1 and words[j] == "the" and words[j - 1] in ("of", "for", "to") \
            and j + 1 < len(words) and is_cap(words[j + 1]):
        return True  # "Chancellor of the Exchequer Gordon Brown"
    nxt = words[j + 2] if j + 2 < len(words) and words[j + 1] == "the" else \
        words[j + 1] if j + 1 < len(words) else ""
    return j > start and words[j] in ("of", "for", "to") and is_cap(nxt) \
        and is_cap(words[j - 1]) \
        and (is_role_noun(words[j - 1]) or words[j] == "of" and words[j + 1] != "the"
             and bare(words[j - 1]) in ORG_WORDS)


def _fuller_role(have: str | None, new: str) -> str:
    """The role an entity keeps: the first seen, unless a later one is the same office
    said more fully ("governor Park Seung" first, "central bank governor Park Seung" later;
    never "deputy governor" for a governor)."""
    if have is None:
        return new
    low, kept = new.lower(), have.lower()
    return new if low.endswith(" " + kept) and _alike_roles(low, kept) else have


def _alike_roles(have: str, wanted: str) -> bool:
    """"turkish foreign minister" is a "foreign minister" and a "minister"; a "deputy
    prime minister" is no "prime minister" (another office)."""
    if have.endswith(" " + wanted):
        return have[:-len(wanted)].split()[-1] not in _LESSER_RANKS
    return have == wanted or (
        wanted.split()[-1:] == have.split()[-1:] and len(wanted.split()) == 1)


def _same_full_name(name: str, entity: Entity) -> bool:
    a = fold_name(name).split()
    b = fold_name(entity.canonical()).split()
    if a[-1] != b[-1] and not close_spelling(a[-1], b[-1]):
        return False
    return a[0] == b[0] or a[0][:1] == b[0][:1] and (len(a[0]) <= 2 or len(b[0]) <= 2)
