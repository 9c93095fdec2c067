"""Keys that one person's names share across articles: the words of a name without its
titles, and a spelling key that transliteration variants share.

Why: outlets spell one name differently (Zelenskiy, Zelensky, Zelenskyy; Aleksandr,
Alexander; Kilroy-Silk, Kilroy Silk; Çavuşoğlu, Cavusoglu) and add titles (Mr, Col. Gen.).
Comparing these keys, never the raw strings, lets the corpus-wide merge group variants by
surname in one pass (`corpus.merging`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from corpus.diminutives import short_forms
from corpus.folding import fold_name
from corpus.titles import titles

_ENDING = re.compile(r"(?:iy|yy|yi|ii|y)$")
_DOUBLED = re.compile(r"(.)\1+")
_NOT_LETTER = re.compile(r"[^a-z]")
MIN_FUZZY_GIVEN = 6  # one letter off: Aleksandr ~ Alexander, but Robbie is not Robin
MIN_Y_TO_I = 7  # "Smyth" and "Smith" stay apart; "Volodymyr" and "Volodimir" do not


@cache
def _title_words() -> frozenset[str]:
    """Every spelling of every title in data/titles.tsv, without its full stop."""
    return frozenset(s.rstrip(".") for t in titles() for s in t.spellings if " " not in s)


@lru_cache(maxsize=1 << 16)  # pure, and a corpus repeats its name words many times over
def spelling_key(word: str) -> str:
    """One key for the spellings of a name word: folded, letters only, kh = h, ks = x,
    -y / -iy / -yy = -i, y = i in longer words, doubled letters single."""
    w = _NOT_LETTER.sub("", fold_name(word))
    w = w.replace("kh", "h").replace("ks", "x")
    w = _ENDING.sub("i", w)
    if len(w) >= MIN_Y_TO_I:
        w = w.replace("y", "i")
    return _DOUBLED.sub(r"\1", w)


@dataclass(frozen=True)
class NameParts:
    """A person's name as the merge compares it."""

    given: tuple[str, ...]  # spelling keys of the words before the surname
    surname: str  # spelling key of the last word (hyphens dropped: "kilroisilk")
    joined: str | None  # the last two words as one surname ("Kilroy Silk"), if two or more
    titled: str | None  # the title written before it ("mr", "col"), if any
    given_words: tuple[str, ...] = ()  # the words before the surname, as written


@lru_cache(maxsize=1 << 16)  # pure: the same names come back in every article
def name_parts(name: str) -> NameParts | None:
    """The parts of a person's name, or None when it has no word that can be a surname."""
    words = [w for w in name.replace("’", "'").split() if w]
    title = None
    while words and fold_name(words[0]).rstrip(".") in _title_words():
        title = title or fold_name(words[0]).rstrip(".")
        words = words[1:]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    if not words or not words[-1][:1].isupper():
        return None
    keys = [spelling_key(w) for w in words]
    if not all(keys):
        return None
    joined = spelling_key(words[-2] + words[-1]) if len(words) >= 2 else None
    return NameParts(tuple(keys[:-1]), keys[-1], joined, title, tuple(words[:-1]))


def given_alike(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """First names that can be one person's: the same key, one letter off in names of
    six letters or more (Volodymr, Volodymyr; never Robbie, Robin), or a short form and its
    name (Ken, Kenneth; Vince, Vincent: `diminutives`);
    with middle names, the same set in any order (Recep Tayyip, Tayyip Recep) or one
    person's first name among the other's."""
    if not a or not b:
        return False
    if set(a) == set(b):
        return True
    if len(a) == len(b) == 1 and frozenset((a[0], b[0])) in _short_form_keys():
        return True  # not with a middle name: "Alex Bell" is not "Alexander Graham Bell"
    return _word_alike(a[0], b[0]) or (len(a) != len(b) and (a[0] in b or b[0] in a))


@cache
def _short_form_keys() -> frozenset[frozenset[str]]:
    """The pairs of `diminutives.short_forms` as spelling keys."""
    return frozenset(frozenset((spelling_key(full), spelling_key(short)))
                     for full, short in short_forms())


def _word_alike(x: str, y: str) -> bool:
    if x == y:
        return True
    if min(len(x), len(y)) < MIN_FUZZY_GIVEN or x[0] != y[0] or abs(len(x) - len(y)) > 1:
        return False
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(x, y) <= 1
