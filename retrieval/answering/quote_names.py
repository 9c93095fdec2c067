"""Speakers the attribution named by a word its article never writes with their name.

"Speaking in Harrogate Mr Kennedy said: ..." gave the speaker "Harrogate Kennedy", a name
the article never writes; the article's "Charles Kennedy" is the man. A quote check asked
about a full name takes, in the articles where that person speaks, the statements of a
speaker who shares their surname under a name the article never writes as theirs, and never
says that such a speaker is someone else: the article's own text is the evidence that the
name was misread (Andy and Jason Robinson, each written whole in one match report, stay two
people).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from corpus.folding import fold
from corpus.gender import first_name_gender
from corpus.models import Corpus, Passage, Speaker
from corpus.phrases import ROLE_MODIFIERS, ROLE_NOUNS, TITLES
from retrieval.answering.quote_folding import fold_words
from retrieval.tokenizer import terms

_NOT_FIRST = TITLES | ROLE_NOUNS | ROLE_MODIFIERS  # words that begin a name but are no first name


def article_of(passages: Sequence[Passage], p: int) -> range:
    """The positions of the passages of passage `p`'s article (they are consecutive, the
    headline's `index` 0)."""
    start = p - passages[p].index
    end = p + 1
    document = passages[p].document
    while end < len(passages) and passages[end].document == document:
        end += 1
    return range(start, end)


class ArticleNames:
    """The names each article writes, read from its text when first asked (folded)."""

    def __init__(self, corpus: Corpus) -> None:
        self.passages = corpus.passages
        self._texts: dict[int, str] = {}

    def _text(self, p: int) -> str:
        start = p - self.passages[p].index
        if start not in self._texts:
            words = (w for q in article_of(self.passages, p)
                     for w in fold_words(self.passages[q].text))
            self._texts[start] = f" {' '.join(words)} "
        return self._texts[start]

    def written(self, p: int, name: str) -> bool:
        """Whether the article of passage `p` writes the name whole."""
        return f" {' '.join(fold_words(name))} " in self._text(p)

    def misread(self, speaker: Speaker, passages: Iterable[int]) -> dict[int, Speaker]:
        """Passage -> a speaker there who is `speaker` under a misread name: a person
        sharing their surname, under a name of two words or more the article never writes,
        in an article that writes `speaker`'s full name (of the passages given)."""
        surname = _surname(speaker.name)
        if surname is None or speaker.kind != "person":
            return {}
        out: dict[int, Speaker] = {}
        for p in passages:
            for sentence in self.passages[p].sentences:
                who = sentence.speaker
                if who is None or who.kind != "person" or who.name == speaker.name or \
                        _surname(who.name) != surname:
                    continue
                if not self.written(p, who.name) and self.written(p, speaker.name):
                    out.setdefault(p, who)
        return out


def _surname(name: str) -> str | None:
    words = fold(name).split()
    return words[-1] if len(words) > 1 else None


def other_first_name(name: str, asked: Sequence[str]) -> bool:
    """Whether `name` has a first name and every name in `asked` (the full names X was
    resolved to) has another one, not a short form of it ("Andy" is not "Jason"; "Mike" may
    be "Michael"): two people who share a surname."""
    first = first_word(name)
    if first is None or not asked:
        return False
    for other in asked:
        theirs = first_word(other)
        if theirs is None or theirs[0] == first[0] or (
                first_name_gender(first) is None and first_name_gender(theirs) is None):
            return False
    return True


def other_surname(name: str, shared: set[str], asked: Sequence[str]) -> bool:
    """Whether `name` shares only its first name with the full names X was resolved to
    (`shared`: the words in common), and its last word is none of theirs: David Davis is not
    David Blunkett."""
    first = first_word(name)
    if first is None or not asked or first_name_gender(first) is None:
        return False
    if not shared <= set(terms(first)):
        return False
    last = set(terms(fold(name).split()[-1]))
    return all(not last & set(terms(other)) for other in asked)


def first_word(name: str) -> str | None:
    """The folded first word of a name of two words or more, when it may be a first name
    (not a title nor a role word: "Mr", "President")."""
    words = fold(name).split()
    if len(words) < 2 or not words[0].isalpha() or words[0] in _NOT_FIRST:
        return None
    return words[0]
