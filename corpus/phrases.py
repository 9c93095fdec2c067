"""The grammar of a speaker phrase: "Estonia's Prime Minister Kaja Kallas", "Mr Erdogan",
"Turkey's foreign minister", "the EOC", "Ukraine", "critics".

A phrase is cut into an optional title (Mr, Ms, ...), an optional role (role words and the
country or organisation they belong to) and an optional name (the trailing run of
capitalised words that are not role words). The words it knows are data
(data/phrase_words.tsv and data/titles.tsv).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from corpus.lexicon import phrase_words
from corpus.name_shape import clause_like, opener_before_name, time_tail
from corpus.references import Reference, reference_noun
from corpus.titles import honorifics, titles_in

TITLES = honorifics()
ROLE_NOUNS = phrase_words("role_noun")
ROLE_MODIFIERS = phrase_words("role_modifier")
CONNECTORS = phrase_words("connector")
NAME_PARTICLES = phrase_words("name_particle")
# Capitalised words that start sentences but never begin a name (some titles among them).
NOT_NAMES = phrase_words("not_name") | titles_in("stopword")
DOCUMENT_NOUNS = phrase_words("document_noun")
MONTH_SURNAMES = phrase_words("month_surname")
ROLE_SURNAMES = phrase_words("role_surname")
_POSITIONS = phrase_words("position")
_POST_NOMINALS = phrase_words("post_nominal")
# Generic sources: reported as such, never turned into a named person.
VAGUE_HEADS = phrase_words("vague_head")
VAGUE_DETERMINERS = phrase_words("vague_determiner")
ORG_WORDS = phrase_words("org_word")
PRONOUNS = {"he": "male", "she": "female", "they": "plural", "it": "neuter"}
_CAP = re.compile(r"^[A-Z\u00C0-\u00DE\u0100-\u017F][\w\u00C0-\u024F'’.\-]*"
                  r"(?:&[A-Z][\w'’.\-]*)?$")  # "M&S", "AT&T"
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}s?$")


@lru_cache(maxsize=1 << 16)  # pure, and asked of the same words again and again
def is_cap(word: str) -> bool:
    return bool(_CAP.match(word)) and not word.isdigit()


@lru_cache(maxsize=1 << 16)  # pure, and asked of the same words again and again
def bare(word: str) -> str:
    """A word without a possessive ending, lower-cased."""
    w = word.lower().replace("’", "'")
    return w[:-2] if w.endswith("'s") else w


@lru_cache(maxsize=1 << 16)  # pure, and asked of the same words again and again
def is_role_word(word: str) -> bool:
    b = bare(word)
    if "-" in b and b not in ROLE_NOUNS:
        # "co-chairman", "ex-chief", "vice-chairman"
        b = b.rsplit("-", 1)[1]
    return b in ROLE_NOUNS or b in ROLE_MODIFIERS


@lru_cache(maxsize=1 << 16)  # pure, and asked of the same words again and again
def is_role_noun(word: str) -> bool:
    b = bare(word)
    return b in ROLE_NOUNS or ("-" in b and b.rsplit("-", 1)[1] in ROLE_NOUNS)


@dataclass(frozen=True)
class Phrase:
    """A parsed speaker phrase. `name` None means a role-only or generic phrase."""

    text: str
    title: str | None
    role: str | None
    name: str | None
    vague: bool = False
    pronoun: str | None = None  # "male", "female", "plural", "neuter"
    # "the company", "the 30-year-old": a noun referring back to someone named before
    reference: Reference | None = None

    @property
    def role_only(self) -> bool:
        return self.name is None and self.role is not None and not self.vague


def is_acronym(word: str) -> bool:
    return bool(_ACRONYM.match(word))


def parse_phrase(words: list[str]) -> Phrase | None:
    """Interpret a run of words that ends right before (or starts right after) a reporting
    verb. None when it is not something that can speak."""
    return _parse_phrase(tuple(words))


@lru_cache(maxsize=1 << 16)  # pure: the same phrases ("he", "Mr Blair") come back all the time
def _parse_phrase(given: tuple[str, ...]) -> Phrase | None:
    words = _prepared(list(given))
    if not words or clause_like(words) or (len(words) == 1 and words[0].endswith(("'s", "’s"))):
        return None  # a clause, or an owner with nothing owned ("according to Russia's laws")
    text = " ".join(words)
    low = [bare(w) for w in words]
    from corpus.owned_phrases import document_owner  # corpus.owned_phrases reads this module
    whole = _pronoun_or_group(words, low, text) or document_owner(words, low)
    if whole is not None:
        return whole
    i = _name_start(words, low)
    name_words, text = _without_descriptors(words[i:], bool(words[:i]), text)
    head = words[:i]
    # (a plural's possessive lost its mark in `_prepared`: "Barclays' Tim Bond"; never
    # inside an organisation's name, "Lawyers' Christian Fellowship")
    plural_owners = {w[:-1] for w in given[:-1] if w.endswith(("s'", "s’")) and len(w) > 3
                     } if name_words and bare(name_words[-1]) not in ORG_WORDS else set()
    owners = [k for k, w in enumerate(name_words[:-2])
              if w.endswith(("'s", "’s")) or w in plural_owners]
    if owners and all(is_cap(w) for w in name_words[owners[-1] + 1:]) and not any(
            bare(w) in TITLES for w in name_words[owners[-1] + 1:]):
        # "Oxfam's Barbara Stocking", "Plaid Cymru's Elfyn Llwyd": the owner is an
        # affiliation, not part of the person's name.
        name_words = name_words[owners[-1] + 1:]
        head = []
    title = None
    if head and bare(head[-1]) in TITLES:
        title = head[-1].rstrip(".")
        head = head[:-1]
    if head and head[0].lower() == "the":
        head = head[1:]
    if _speaks_for_someone(head, name_words, title):
        return _spokesperson(head, text)
    return _role_and_name(words, low, head, name_words, title, text)


_CONTRACTION = re.compile(r"['’](?:ve|re|ll|d|m)$", re.I)


def _prepared(words: list[str]) -> list[str]:
    """The words without leading adverbs and conjunctions ("But Downing Street", "Yet
    aviation analyst ...", "on Wednesday Mr Straw"), an employer after the name, or
    possessive marks; no words at all for a contraction ("We've called for")."""
    words = [w for w in words if w]
    while len(words) > 1 and (bare(words[0]) in NOT_NAMES and bare(words[0]) not in (
            "the", "a", "an") and bare(words[0]) not in TITLES
            or opener_before_name(words, TITLES)):
        words = words[1:]
    words = words[:len(words) - time_tail(words)]
    if len(words) >= 3 and bare(words[-1]) in _POST_NOMINALS and words[-1].isupper():
        from corpus.gender import first_name_gender  # corpus.gender reads this module
        if first_name_gender(words[-3]) is not None and is_cap(words[-2]):
            words = words[:-1]  # "Tom McCabe MSP": the member's letters after the name
    if words and _CONTRACTION.search(words[-1]):
        return []
    words = cut_affiliation(words)
    words = [w[:-1] if w.endswith(("s'", "s’")) and len(w) > 3 else w for w in words]
    if len(words) > 1 and words[-1].endswith(("'s", "’s")) and is_cap(words[-1]):
        # "according to the BNP's website": the possessor is the source
        words = [*words[:-1], words[-1][:-2]]
    return words


def _pronoun_or_group(words: list[str], low: list[str], text: str) -> Phrase | None:
    """A pronoun, a referring noun, a generic source or an organisation: phrases read as
    a whole."""
    ref = reference_noun(words)
    if ref is not None:
        return Phrase(text, None, " ".join(words[1:]), None, reference=ref)
    if len(words) == 1 and low[0] in PRONOUNS and words[0].lower() == low[0]:
        return Phrase(text, None, None, None, pronoun=PRONOUNS[low[0]])
    if len(words) == 1 and words[0] in ("He", "She", "They", "It"):
        return Phrase(text, None, None, None, pronoun=PRONOUNS[low[0]])
    # Generic sources: "critics", "some analysts", "industry sources", "low-cost airlines".
    if low[-1] in VAGUE_HEADS and not words[-1].isupper() and all(
            lw in VAGUE_DETERMINERS or not is_cap(w) or (k == 0 and w[1:].islower())
            for k, (w, lw) in enumerate(zip(words[:-1], low[:-1], strict=True))) and not (
            len(words) > 1 and words[-1][0].isupper()):
        return Phrase(text, None, None, None, vague=True)
    from corpus.owned_phrases import owned_group  # corpus.owned_phrases reads this module
    owned = owned_group(words, low, text)
    if owned is not None:
        return owned
    # An organisation's full name: "The Cabinet Office", "The Fire Brigades Union".
    if len(words) >= 2 and low[-1] in ORG_WORDS and words[-1][0].isupper() and all(
            is_cap(w) or lw in CONNECTORS for w, lw in zip(words, low, strict=True)) and not any(
            lw in TITLES for lw in low):
        name_words = words[1:] if low[0] in ("the", "a", "an") else words
        return Phrase(text, None, None, " ".join(name_words))
    # "The Department of Health", "the Ministry of Defence", "Department for Transport": an
    # organisation word heading its name, then "of"/"for" and capitalised words.
    # ("the International Federation of the Phonographic Industry": up to two capitalised
    # words before the organisation word)
    k = 1 if low[0] in ("the", "a", "an") else 0
    j = next((j for j in range(k, min(k + 3, len(words) - 2)) if low[j] in ORG_WORDS
              and low[j + 1] in ("of", "for")), k)
    if len(words) - k >= 3 and low[j] in ORG_WORDS and all(
            w[:1].isupper() for w in words[k:j + 1]) \
            and low[j + 1] in ("of", "for") and is_cap(words[-1]) and all(
            is_cap(w) or lw in CONNECTORS for w, lw in zip(words[j + 2:], low[j + 2:],
                                                           strict=True)) \
            and not any(lw in TITLES or is_role_noun(w) for w, lw in zip(words, low, strict=True)):
        # (one holding a role noun, "the Office of the Deputy Prime Minister", is read as an
        # institution by the resolver, with its acronym)
        return Phrase(text, None, None, " ".join(words[k:]))
    if 4 <= len(words) <= 5 and low[0] == "the" and low[-1] in ORG_WORDS \
            and words[-1].islower() and is_cap(words[1]) and _named_kind(words[1]) \
            and all(w.isalpha() and w.islower() for w in words[2:-1]):
        # "The Usdaw trade union said": the name, then what kind of organisation it is
        return Phrase(text, None, None, words[1])
    # "the government", "the council": an institution named by its common noun.
    if len(words) >= 2 and low[0] == "the" and low[-1] in ORG_WORDS and low[-1] not in (
            "house", "street", "office", "group", "company", "party", "research") \
            and words[-1].islower() \
            and all(is_cap(w) for w in words[1:-1]) and len(words) <= 4:
        # "the government", "the US government", "the Australian government"
        return Phrase(text, None, None, text)
    return None


def _named_kind(word: str) -> bool:
    """Whether a capitalised word before "trade union" names the union, not where it is
    ("the US car industry") nor who it is ("the Labour party machine")."""
    from corpus.gazetteer import gazetteer
    g = gazetteer()
    low = bare(word)
    return low not in NOT_NAMES and low not in TITLES and low not in _PARTY_NAMES \
        and not is_role_word(word) and not g.is_place(word) and word.lower() not in g.adjectives


def _name_start(words: list[str], low: list[str]) -> int:
    """Where the trailing name starts: capitalised words that are not role words or titles
    (particles allowed inside; a month only after a first name, "Theresa May")."""
    i = len(words)
    if _role_surname(words, low):
        i -= 1
    while i > 0 and ((is_cap(words[i - 1]) and not is_role_word(words[i - 1])
                      and low[i - 1] not in TITLES and (low[i - 1] not in NOT_NAMES or (
                          low[i - 1] in MONTH_SURNAMES and i == len(words) and i > 1
                          and is_cap(words[i - 2]) and low[i - 2] not in NOT_NAMES
                          and not is_role_word(words[i - 2]))))
                     or (words[i - 1] in NAME_PARTICLES and i < len(words) and i > 1
                         and is_cap(words[i - 2]))):
        i -= 1
    if i >= 3 and low[i - 1] == "of" and is_cap(words[i - 2]) and low[i - 3] in _PEER_TITLES:
        i -= 3  # "Ex-Welsh Office Minister Lord Roberts of Conwy": the peer's whole name
    return i


def _role_surname(words: list[str], low: list[str]) -> bool:
    """"Bank of England governor Mervyn King", "Stephen King": a capitalised role noun that
    is also a surname ends the name after a capitalised word when a role comes earlier or
    that word is a first name from the table."""
    from corpus.gender import first_name_gender  # corpus.gender reads this module

    if len(words) >= 2 and low[-1] in ROLE_SURNAMES and is_cap(words[-1]) \
            and low[-2] in TITLES:
        return True  # "Mr King"
    return len(words) >= 2 and low[-1] in ROLE_SURNAMES and is_cap(words[-1]) \
        and is_cap(words[-2]) and not is_role_word(words[-2]) and low[-2] not in TITLES \
        and low[-2] not in NOT_NAMES and (any(is_role_noun(w) for w in words[:-2])
                                          or first_name_gender(words[-2]) is not None)


def _without_descriptors(name_words: list[str], has_head: bool, text: str
                         ) -> tuple[list[str], str]:
    """Descriptors before a full name are not part of it: "American Robby Ginepri",
    "India's Sania Mirza", "Fifteen-year-old Donald Young", "Fly-half Stephen Jones",
    "Santa Monica-based Activision". The phrase's text loses them too."""
    based = [k for k, w in enumerate(name_words[:-1]) if re.search(r"-(?:based|born)$", w)]
    if based and not has_head:
        name_words = name_words[based[-1] + 1:]
        text = " ".join(name_words)
    while len(name_words) > 2 and not has_head and (
            _is_descriptor(name_words[0]) or _role_before_first_name(name_words)):
        name_words = name_words[1:]
        text = " ".join(name_words)
    return name_words, text


def _role_before_first_name(name_words: list[str]) -> bool:
    """"Agent Brian Hassell", "Broadcaster Chris Evans", "Tory David Heathcoat-Amory",
    "Youngsters Ben Hudell": a capitalised role noun or party before a first name of the
    table describes the person, no part of their name."""
    from corpus.gender import first_name_gender  # corpus.gender reads this module
    from corpus.references import references
    low = bare(name_words[0])
    noun = references().get(low.removesuffix("s")) or references().get(low)
    return first_name_gender(name_words[1]) is not None and (
        is_role_noun(low) or low in _PARTY_NAMES
        or (noun is not None and noun.refers_to == "person"))


def _speaks_for_someone(head: list[str], name_words: list[str], title: str | None) -> bool:
    """"a spokesman for Mr Prescott", "sources close to Mr Hockney": someone speaking for
    the named person, never the person (a place or an organisation after "for" is an
    affiliation)."""
    return bool(head and name_words and bare(head[-1]) in ("for", "to", "near")
                and len(head) >= 2 and head[-1].islower()
                and (bare(head[-1]) != "for" or title is not None
                     or any(is_role_noun(w) for w in head))
                and not _names_place_or_org(" ".join(name_words)))


def _spokesperson(head: list[str], text: str) -> Phrase | None:
    if any(bare(w) in VAGUE_HEADS for w in head):
        return Phrase(text, None, None, None, vague=True)
    if any(is_role_noun(w) for w in head):
        return Phrase(text, None, re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I), None)
    return None


def _role_and_name(words: list[str], low: list[str], head: list[str], name_words: list[str],
                   title: str | None, text: str) -> Phrase | None:
    """The words before the name as a role (when a role noun is among them), as part of
    the name, or as an affiliation; a document speaks for its author."""
    role_words = head
    role = " ".join(role_words) if role_words and any(
        is_role_noun(w) for w in role_words) else None
    if role_words and role is None:
        # Words before the name that are neither title nor role: an organisation's full
        # name ("the Liberal Democrats") or a possessive ("Estonia's Kallas").
        if len(name_words) >= 2 and role_words[-1].lower().endswith(("'s", "’s")) \
                and all(is_cap(w) or bare(w) in CONNECTORS for w in role_words):
            role_words = []  # "Labour's Paul Flynn", "Amnesty International's Jan Shaw":
            #                  the owner is an affiliation, no part of the name
        elif all(is_cap(w) or bare(w) in CONNECTORS for w in role_words) and name_words:
            name_words = role_words + name_words
            role_words = []
        elif all(is_cap(w) for w in role_words) and bare(role_words[-1]) in _PARTY_NAMES:
            name_words, role_words = role_words, []  # "Labour said": the party itself
        elif not name_words:
            return None
    if role_words and bare(role_words[0]) in CONNECTORS:
        return None
    if role and len(name_words) >= 3 and bare(role_words[-1]) in ("of", "for", "the") \
            and not title and not _names_place_or_org(" ".join(name_words)):
        # "Chancellor of the Exchequer Gordon Brown": the role's last word, then a name
        role, name_words = " ".join(role_words + name_words[:1]), name_words[1:]
    elif role and name_words and bare(role_words[-1]) in ("of", "for", "the") and not title:
        # "the Archbishop of Canterbury", "Secretary of State for the Family": a role
        role, name_words = " ".join(role_words + name_words), []
    name = " ".join(name_words) if name_words else None
    if name is None and role is None:
        return None
    if name and name.lower() in NOT_NAMES:
        return None
    return Phrase(text, title, role, name)


_PEER_TITLES = titles_in("peer")


def cut_affiliation(words: list[str]) -> list[str]:
    """Drop an employer after a person's name: "Mike Powell of Dresdner Kleinwort",
    "Isabelle Kronawitter at Hypovereinsbank". A peer's territorial name stays whole
    ("Lord Nicholls of Birkenhead")."""
    for k in range(2, len(words)):
        if words[k] not in ("of", "at", "from", "with"):
            continue
        before = words[:k]
        name: list[str] = []
        for w in reversed(before):
            if (is_cap(w) and not is_role_word(w) and bare(w) not in TITLES
                    and bare(w) not in NOT_NAMES) or (w in NAME_PARTICLES and name):
                name.insert(0, w)
            else:
                break
        if not name:
            return words
        head = before[:len(before) - len(name)]
        titled = bool(head) and bare(head[-1]) in TITLES
        if titled and bare(head[-1]) in _PEER_TITLES and len(name) == 1:
            return words
        if len(name) >= 2 or titled:
            return before
        return words
    return words


def _names_place_or_org(name: str) -> bool:
    from corpus.gazetteer import gazetteer
    return gazetteer().is_place(name) or any(bare(w) in ORG_WORDS for w in name.split())


_PARTY_NAMES = phrase_words("party_name")


def _is_descriptor(word: str) -> bool:
    from corpus.gazetteer import gazetteer
    g = gazetteer()
    low = word.lower().replace("’", "'")
    if low.endswith("'s") and (g.is_place(word[:-2]) or low[:-2] in _PARTY_NAMES):
        return True  # "India's Sania Mirza", "Labour's Paul Flynn"
    if "-" in word and word.split("-", 1)[1][:1].islower():
        return True
    return low in g.adjectives or low in _POSITIONS  # "Wing Christophe Dominici"
