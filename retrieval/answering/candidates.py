"""Who a speaker phrase may mean: ranked candidates, never one silent guess.

A user names a speaker by full name, surname, a spelling of their own, a role ("the prime
minister", "Turkey's foreign minister"), a country, capital or side for its government
("Russia", "Moscow", "the Ukrainian side"), or an organisation ("the Lib Dems"). Each way is
a small named rule; together they give every speaker the phrase fits, best first, so the
answer can rank them by what they said and name them all when several fit.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from corpus.gazetteer import country_rows, gazetteer
from corpus.gender import first_name_gender
from corpus.titles import role_abbreviations
from retrieval.answering import role_heads, role_paraphrases
from retrieval.answering.proximity import NEAR_TOP
from retrieval.answering.speakers import SpeakerDirectory, normalize_name
from retrieval.answering.state_offices import speaks_for_stated_country
from retrieval.store import GroupKey, SpeakerGroup
from retrieval.tokenizer import terms

# Phrases that ask "who said ...?" rather than name anyone.
QUANTIFIERS = frozenset({"anyone", "anybody", "someone", "somebody", "everyone", "everybody",
                         "any one", "people", "no one", "nobody", "who"})
# Words that turn a country into its side of a negotiation: "the Russian side".
_SIDE_WORDS = frozenset(terms("side sides government officials delegation negotiators team "
                              "authorities camp"))


# Words that make another office of a role: "the prime minister" is not the deputy one.
OFFICE_CHANGERS = frozenset(terms("deputy shadow former vice assistant acting junior ex "
                                   "interim lord"))
# Role matches fitting this much worse than the best role match are left out ("the
# chancellor" is the chancellor, not the shadow chancellor, when the chancellor speaks).
_FIT_MARGIN = 0.15
# How much worse a role fits through another word for its head (`role_heads`): more than
# the margin, so that a role holding the typed head itself, when one speaks, is the one.
THROUGH_HEAD = 0.2
_MIN_SLIP = 5  # first names shorter than this are not looked for one slip off
SETTLE_LOOK = 50  # a speaker's statements read for the country their passages name
TIER = 0.1  # speakers fitting within this of the best fit are ranked by the topic together


@dataclass(frozen=True)
class Match:
    """One speaker a phrase may mean, and how well it fits (1.0: the name as typed)."""

    group: SpeakerGroup
    how: str  # "name", "surname", "role", "country", "initials", "first name"
    fit: float
    # the phrase names a country and the speaker's role states none ("Prime Minister" for
    # "the french prime minister"): it may be theirs or not, the articles do not say
    unstated: bool = False


def best_fit_first(ranked: Sequence[tuple[int, float]],
                   matches: Sequence[Match]) -> list[tuple[int, float]]:
    """Ranked passages of the speakers a phrase fits; among those scoring at least
    NEAR_TOP of the best (a tie-break, as in `proximity`), those where one of the
    best-fitting speakers speaks come first (stable otherwise). "The England coach" is the
    England coach when he speaks on the topic about as well as the France or Milan coach
    whose role holds "coach" alone; speakers fitting within TIER of the best (two Clarkes, a
    country's officials) are one tier, and the topic ranks them."""
    if not ranked:
        return []
    first = best_fitting(matches)
    floor = NEAR_TOP * max(score for _, score in ranked)
    return sorted(ranked, key=lambda item: (item[1] < floor,
                                            item[1] >= floor and item[0] not in first))


def best_fitting(matches: Sequence[Match]) -> set[int]:
    """The passages where a speaker fitting within TIER of the best fit speaks."""
    best = max((m.fit for m in matches), default=0.0)
    return {p for m in matches if m.fit >= best - TIER for p, _ in m.group.statements}


def is_quantifier(phrase: str) -> bool:
    return normalize_name(phrase) in QUANTIFIERS


@functools.cache
def _country_terms() -> dict[str, str]:
    """The search terms of each country, adjective, capital or seat -> the term of its
    country ("russian", "moscow", "kremlin" -> "russia"); a name of several words is keyed
    by its terms joined by a space ("south korean" -> "south korea", see `joined`)."""
    out: dict[str, str] = {}
    for name, country in gazetteer().country_of.items():
        word, key = terms(name), terms(country)
        if word and key:
            out[" ".join(word)] = " ".join(key)
    return out


def settled(matches: Sequence[Match], phrase: str,
            story: Callable[[int, int], frozenset[str]]) -> list[Match]:
    """The matches, each whose role states no country (`Match.unstated`) taken as stating
    the phrase's when the story gives a statement of theirs that country (`story(passage,
    sentence)`, see `story_country`), unless the role names the body it is held at (the
    "European Union ambassador to the WTO" answering "The US said" is not the US's, and
    the story cannot tell a body's country); those still unstated are left out when
    another speaker's role is the country's."""
    typed = countries_in(phrase) if any(m.unstated for m in matches) else frozenset()
    out = []
    for m in matches:
        if m.unstated and not names_a_body(m.group.speaker.role) and any(
                typed <= story(p, s) for p, s in m.group.statements[:SETTLE_LOOK]):
            m = replace(m, unstated=False)
        out.append(m)
    if any(m.unstated for m in out) and any(not m.unstated for m in out):
        out = [m for m in out if not m.unstated]  # Brazil's own, not any finance minister
    return out


def country_phrase(phrase: str) -> frozenset[str]:
    """The countries a phrase is when it is only countries and side words ("Russia", "the
    Russian side"), as keys of `countries_in`; none for any other phrase."""
    rest = [w for w in joined(terms(phrase)) if w not in _SIDE_WORDS]
    countries = _country_terms()
    found = frozenset(countries[w] for w in rest if w in countries)
    return found if found and len(found) == len(rest) else frozenset()


def speaks_for_its_country(role: str | None) -> bool:
    """Whether a role that states a country speaks for it (see `state_offices`)."""
    return speaks_for_stated_country(terms(role or ""), names_a_body(role))


@functools.lru_cache(maxsize=8192)
def names_a_body(role: str | None) -> bool:
    """Whether a role names the body it is held at by a proper word that is no role word
    and no country ("European Union ambassador to the WTO", "Former Southampton manager"),
    where "Deputy Defence Minister" or "central bank governor" names none. A first word's
    capital says nothing ("Festival director"), unless it is an acronym."""
    from corpus.phrases import is_role_word  # its vocabularies load only when needed

    words = re.findall(r"[\w&]+", role or "")
    return any((word.isupper() and len(word) > 1 or i > 0 and word[0].isupper())
               and not is_role_word(word) and not countries_in(word)
               and word.lower() not in _SMALL_WORDS for i, word in enumerate(words))


_SMALL_WORDS = frozenset({"of", "the", "and", "for", "to", "in", "at", "on"})


@functools.lru_cache(maxsize=8192)
def countries_in(text: str) -> frozenset[str]:
    """The countries a phrase names, by name, adjective, capital or seat (as keys); asked
    of the same phrase for every speaker a role phrase is tried on, so remembered."""
    countries = _country_terms()
    return frozenset(countries[w] for w in joined(terms(text)) if w in countries)


@functools.cache
def _longest_country() -> int:
    return max((len(k.split()) for k in _country_terms()), default=1)


def joined(found: Sequence[str]) -> list[str]:
    """A phrase's terms with each country name of several words made one ("south korean
    central bank governor": "south korean", "central", ...), so that its words are never
    read as words of a role."""
    countries, out, i = _country_terms(), [], 0
    while i < len(found):
        size = next((n for n in range(min(_longest_country(), len(found) - i), 1, -1)
                     if " ".join(found[i:i + n]) in countries), 1)
        out.append(" ".join(found[i:i + size]))
        i += size
    return out


class SpeakerFinder:
    """Candidates for a phrase over one corpus's speaker directory."""

    def __init__(self, directory: SpeakerDirectory) -> None:
        self.directory = directory

    @cached_property
    def _countries(self) -> dict[str, str]:
        return _country_terms()

    @cached_property
    def _cities(self) -> frozenset[str]:
        """Terms of capitals and seats of government: they speak for a country as a name
        ("Moscow said"), not inside a role ("London mayor" is no national office)."""
        return frozenset(t for row in country_rows() for place in (*row.capitals, *row.seats)
                         for t in terms(place) if len(terms(place)) == 1)

    def _country(self, words: Iterable[str]) -> set[str]:
        return {self._countries[w] for w in words if w in self._countries}

    @cached_property
    def _described(self) -> list[tuple[frozenset[str], frozenset[str], frozenset[str]]]:
        """Each speaker (by position in the directory) with the terms of its name and role,
        the countries it speaks for, and the countries its name holds. It speaks for the
        country in its role ("Turkey's foreign minister"), or the country its name is
        ("Moscow", "Ukraine"); a body whose name only holds a demonym ("British Chambers"),
        or a vague source ("Londoners"), speaks for itself, not for the country. From the
        saved terms: no speaker is built for this."""
        out = []
        for (_, kind), described in zip(self.directory.keys, self.directory.described,
                                        strict=True):
            name_text, _, role_text = described.partition("\t")
            name, role = joined(name_text.split()), joined(role_text.split())
            named = self._country(t for t in role if t not in self._cities)
            as_place = self._country(name)
            if (kind != "vague" and len(as_place) == 1
                    and all(t in self._countries for t in name)):
                named |= as_place  # the name is the place ("Moscow"), not "London Irish"
            out.append((frozenset(name_text.split() + role_text.split()), frozenset(named),
                        frozenset(as_place)))
        return out

    @cached_property
    def _with_term(self) -> dict[str, set[int]]:
        """Term of a name or role -> the positions in `_described` of the speakers with it."""
        out: dict[str, set[int]] = {}
        for i, (described, _, _) in enumerate(self._described):
            for term in described:
                out.setdefault(term, set()).add(i)
        return out

    @cached_property
    def _by_surname(self) -> dict[str, list[int]]:
        """Surname -> the positions of the people with it (from the keys: no group built)."""
        out: dict[str, list[int]] = {}
        for i, key in enumerate(self.directory.keys):
            if key[1] == "person":
                out.setdefault(_last_word(key), []).append(i)
        return out

    @cached_property
    def _by_first(self) -> dict[str, list[int]]:
        """First name -> the positions of the people with it (names of two words or more)."""
        out: dict[str, list[int]] = {}
        for i, key in enumerate(self.directory.keys):
            words = key[0].split()
            if key[1] == "person" and len(words) > 1:
                out.setdefault(words[0], []).append(i)
        return out

    def find(self, phrase: str) -> list[Match]:
        """Every speaker the phrase fits, best fit first, each once."""
        found: dict[GroupKey, Match] = {}
        for rule in (self._by_name, self._by_shared_surname, self._by_country,
                     self._by_role, self._by_initials):
            for match in rule(phrase):
                key = (match.group.folded, match.group.kind)
                if key not in found or found[key].fit < match.fit:
                    found[key] = match
        if not found:
            for match in self._by_first_name(phrase):
                found[(match.group.folded, match.group.kind)] = match
        ranked = sorted(found.values(), key=lambda m: (-m.fit, -len(m.group.statements),
                                                       m.group.folded))
        ranked = _without_relations(ranked, phrase)
        best_role = max((m.fit for m in ranked if m.how == "role"), default=0.0)
        return [m for m in ranked if m.how != "role" or m.fit >= best_role - _FIT_MARGIN]

    @cached_property
    def _initialled(self) -> dict[str, list[int]]:
        """Initials -> the bodies (not people) whose name is them or spells them out:
        "mpaa" for both "MPAA" and "Motion Picture Association of America"."""
        out: dict[str, list[int]] = {}
        for i, (name, kind) in enumerate(self.directory.keys):
            if kind != "person":
                for form in {initials(name), name.replace(" ", "")}:
                    if len(form) >= MIN_INITIALS and form.isalpha():
                        out.setdefault(form, []).append(i)
        return out

    def _by_initials(self, phrase: str) -> list[Match]:
        """An organisation by its initials or its name spelt out, whichever the articles
        use: the MPAA is the Motion Picture Association of America. Only a body's name of
        three words or more spells initials (a person's never does)."""
        wanted = normalize_name(phrase)
        words = wanted.split()
        if len(words) == 1:
            key = words[0]
        elif len(words) >= MIN_INITIALS:
            key = initials(wanted)
        else:
            return []
        groups = self.directory.groups
        return [Match(groups[i], "initials", 0.9) for i in self._initialled.get(key, [])
                if _spelt_or_short(self.directory.keys[i][0], wanted)]

    def _by_name(self, phrase: str) -> list[Match]:
        """The directory's own lookup: names, aliases, spellings, one slip."""
        entry = self.directory.resolve(phrase).entry
        return [Match(entry, "name", 1.0)] if entry is not None else []

    def _by_shared_surname(self, phrase: str) -> list[Match]:
        """A bare surname fits everyone who has it ("Clarke": Charles and Kenneth)."""
        wanted = normalize_name(phrase).split()
        if len(wanted) != 1:
            return []
        groups = self.directory.groups
        return [Match(groups[i], "surname", 0.95) for i in self._by_surname.get(wanted[0], [])]

    def _by_first_name(self, phrase: str) -> list[Match]:
        """When nothing else fits, one word as a first name, as typed or one slip off
        ("stellios": Stelios Haji-Ioannou): everyone who has it, fitting loosely."""
        wanted = normalize_name(phrase).split()
        if len(wanted) != 1:
            return []
        first = wanted[0]
        if first not in self._by_first and len(first) >= _MIN_SLIP:
            from rapidfuzz import process
            from rapidfuzz.distance import OSA

            near = process.extractOne(first, list(self._by_first), scorer=OSA.distance,
                                      score_cutoff=1)
            first = near[0] if near else first
        groups = self.directory.groups
        return [Match(groups[i], "first name", 0.6) for i in self._by_first.get(first, [])]

    def _by_country(self, phrase: str) -> list[Match]:
        """A country, capital or side stands for its government and officials."""
        countries = country_phrase(phrase)
        if not countries:
            return []
        groups = self.directory.groups
        return [Match(groups[i], "country", 0.9 if countries <= in_name else 0.85)
                for i, (_, named, in_name) in enumerate(self._described)
                if countries <= named and (countries <= in_name or i in self._officials_of)]

    @cached_property
    def _officials_of(self) -> frozenset[int]:
        """The speakers whose role states a country they speak for ("Turkey's foreign
        minister", "England coach"), not only a nationality ("British actor"), nor a role
        at a body that is no country ("Egypt FA spokesman", see `state_offices`)."""
        return frozenset(
            i for i, described in enumerate(self.directory.described)
            if self._described[i][1]
            and speaks_for_its_country(self.directory.groups[i].speaker.role))

    def _spelt_out(self, words: list[str]) -> set[str]:
        """The phrase's terms, an abbreviation no speaker's name or role holds written out
        ("the Estonian PM": prime minister)."""
        out: set[str] = set()
        for w in words:
            long = _abbreviations().get(w)
            out.update(long if long and w not in self._with_term else [w])
        return out

    def _by_role(self, phrase: str) -> list[Match]:
        """Every word of the phrase in the speaker's role or name ("the prime minister" fits
        "Estonia's Prime Minister"); a country in the phrase must be theirs. The phrase with
        a paraphrase of an office in it put in the articles' words ("Turkey's top diplomat":
        Turkey's foreign minister, see `role_paraphrases`) is taken instead only when it fits
        better than the words as typed (the EU's top diplomat is the EU's)."""
        typed = self._by_role_words(phrase)
        best: dict[GroupKey, Match] = {}
        for other in role_paraphrases.rewrites(phrase):
            for match in self._by_role_words(other):
                key = (match.group.folded, match.group.kind)
                if key not in best or match.fit > best[key].fit:
                    best[key] = match
        if best and max(m.fit for m in best.values()) > max((m.fit for m in typed),
                                                              default=0.0):
            return list(best.values())
        return typed

    def _by_role_words(self, phrase: str) -> list[Match]:
        """`_by_role` for the phrase as typed."""
        words = self._spelt_out(joined(terms(phrase)))
        if not words:
            return []
        countries = self._country(words)
        plain = words - set(self._countries)
        if not plain:
            return []
        having = set.intersection(*(self._with_term.get(t, set()) for t in plain))
        through = self._through_head(phrase, plain) - having
        out = []
        for i in sorted(having | through):
            described, named, _ = self._described[i]
            group = self.directory.groups[i]
            if countries and named and not countries <= named:
                continue  # "the British foreign minister" is not Turkey's
            fit = 0.8 if (not countries or countries <= named) else 0.7
            if (described & OFFICE_CHANGERS) - words:
                fit -= 0.3  # another office: "Deputy Prime Minister" for "prime minister"
            if i in through:
                fit -= THROUGH_HEAD  # "head" for a president: a role with "head" first
            out.append(Match(group, "role", fit, unstated=bool(countries) and not named))
        return out

    def _through_head(self, phrase: str, plain: set[str]) -> set[int]:
        """Speakers whose role holds every word of the phrase but its head, and an office
        that head also fits ("the head of …" for its president, see `role_heads`)."""
        head = role_heads.head_term(phrase)
        offices = role_heads.also_fits(head) if head in plain else frozenset()
        if not offices:
            return set()
        rest = [self._with_term.get(t, set()) for t in plain if t != head]
        holding = set().union(*(self._with_term.get(o, set()) for o in offices))
        return set.intersection(holding, *rest)


MIN_INITIALS = 3  # shorter initials ("EU", "UN") stand for too many names
_UNSPELT = frozenset({"of", "and", "the", "for", "in", "on", "to", "at", "&"})


def _without_relations(ranked: list[Match], phrase: str) -> list[Match]:
    """Leaves out the role matches that fit only through a person's name the phrase types:
    when "Kostas Kenteris" names a speaker, his lawyer (role "Kenteris lawyer") is someone
    else, as "Blair's spokesman" is not Tony Blair; their words are not his. Only a known
    first name and a surname are surely a person's ("Gartner" or "Manchester United" kept
    as a person may be the body, whose analysts or manager stay); a body whose role holds
    the name stays too, and so does anyone whose own name holds the words typed."""
    typed = set(terms(phrase))
    if _POSSESSIVE.search(phrase):
        return ranked  # "mcdonald's" is the firm, whose boss may speak; not Ian McDonald
    named = [set(terms(m.group.speaker.name)) for m in ranked
             if m.how in ("name", "surname") and _first_and_last(m.group.speaker.name)]
    if not typed or not any(typed <= name for name in named):
        return ranked
    return [m for m in ranked if m.how != "role" or m.group.kind != "person"
            or typed <= set(terms(m.group.speaker.name))]  # a name fits: "Bruce" Springsteen


_POSSESSIVE = re.compile(r"\w['\u2019](?:s\b|\s|$)")


def _first_and_last(name: str) -> bool:
    """Whether a name is a first name from the table and a surname: surely a person."""
    words = name.split()
    return len(words) > 1 and first_name_gender(words[0]) is not None


def initials(name: str) -> str:
    """The first letters of a folded name's words, small words aside ("of", "and");
    hyphenated words count each part ("hi-tech crime unit": htcu)."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w not in _UNSPELT]
    return "".join(w[0] for w in words) if len(words) >= MIN_INITIALS else ""


def _spelt_or_short(name: str, wanted: str) -> bool:
    """Whether one of the two is the other's initials (not two long names that share
    them, nor the same name, which the name rule finds)."""
    one, other = name.replace(" ", ""), wanted.replace(" ", "")
    return one != other and (initials(name) == other or initials(wanted) == one)


@functools.cache
def _abbreviations() -> dict[str, list[str]]:
    """The search terms of each role abbreviation and of the role it stands for."""
    return {" ".join(terms(short)): terms(role) for short, role in role_abbreviations().items()
            if len(terms(short)) == 1}


def _last_word(key: GroupKey) -> str:
    words = key[0].split()  # the key's name is folded already
    return words[-1] if words else ""
