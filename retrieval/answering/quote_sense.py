"""Whether a statement is about what a quote says, for a quote check's `close`.

Sharing words is not enough: "I will retire after the Australian Open" shares four words
with "Hopefully after the Australian Open we won't have to discuss this any more" and says
nothing of the kind. A statement is near a quote when it holds the quote's predicate (a
verb or complement after an auxiliary or a subject pronoun: "will *retire*", "I *want*",
"is *signed*"; for a fragment with neither, its first content word: "*scrap* ID cards") or
the whole of its subject (the content words before its first auxiliary: "*the agreement*
was signed under duress" is near "Whatever agreement there is, it is made at gunpoint").
Words meet by stem, by the irregular forms of data/irregular_forms.tsv ("made" = "make") and
by the synonyms of data/quote_synonyms.tsv ("crack open" = "break open").
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import Stemmer

from retrieval.answering.quote_folding import NEGATIONS, fold_words
from retrieval.answering.word_tables import table_rows
from retrieval.tokenizer import normalize_word, terms

DATA = Path(__file__).with_name("data")
_STEMMER = Stemmer.Stemmer("english")
SYNONYM_FILE = DATA / "quote_synonyms.tsv"
IRREGULAR_FILE = DATA / "irregular_forms.tsv"
# Words after which the next content word is what a clause says (folded: "it's" is "it s").
AUXILIARIES = frozenset([
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "is", "are",
    "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did",
    "doesn", "don", "didn", "isn", "wasn", "aren", "weren", "won", "wouldn", "couldn",
    "shouldn", "cannot", "s", "re", "ve", "ll", "d"
])
SUBJECT_PRONOUNS = frozenset(["i", "we", "you", "he", "she", "they", "it", "there", "who"])
# Words that may stand between an auxiliary and its verb ("have *already* reached"), or
# between "have" and its object ("we have *every* intention").
_BETWEEN = NEGATIONS | frozenset([
    "also", "already", "just", "still", "now", "really", "only", "always", "then", "first",
    "even", "ever", "soon", "all", "both", "much", "every", "each", "any", "some", "a", "an",
    "the", "more", "less"
])


class SenseDataError(ValueError):
    """A malformed line in a word table; the message names the file and line."""


@dataclass(frozen=True)
class Core:
    """What a quote is about: its predicates and its subject (canonical terms)."""

    predicates: frozenset[str]
    subject: frozenset[str]
    clause: frozenset[str] = frozenset()  # the words of the subject's own clause after it

    def held_by(self, held: frozenset[str], quote: frozenset[str],
                common: Callable[[], frozenset[str]], text: str | None = None) -> bool:
        """Whether a sentence with these canonical terms (`common()`: those it writes in lower
        case; `text`: the sentence) is about what the quote (its canonical terms) says: it
        holds a predicate and another of the quote's words (one word alone is a mention), or
        the whole subject with another word, or the whole subject as the subject of a clause
        of its own (a word of it just before an auxiliary: "Whatever *agreement* there *is*,
        it is made at gunpoint", not "Only the Liberal Democrats stood against the Iraq
        *war*") when it is not a name (many statements name someone). A name as the
        subject needs another word of its own clause: "Britain should join the euro before
        *the election*" is not near "the tax argument has moved on in British politics ...
        the forthcoming general election"."""
        if self.predicates & held and (len(quote & held) >= 2 or len(quote) == 1):
            return True
        if not self.subject or not self.subject <= held:
            return False
        if (quote - self.subject) & held and (
                (self.clause - self.subject) & held or self.subject & common()):
            return True
        return bool(self.subject & common()) and (text is None or
                                                  _leads_a_clause(text, self.subject))


_SUBJECT_REACH = 3  # words after a subject's word in which its clause's auxiliary stands


def _leads_a_clause(text: str, subject: frozenset[str]) -> bool:
    """Whether a word of the subject (canonical terms) is followed within a few words by an
    auxiliary: the sentence says something of it, rather than naming it as an object."""
    words = fold_words(text)
    for i, word in enumerate(words):
        if _content(word) in subject and any(
                w in AUXILIARIES for w in words[i + 1:i + 1 + _SUBJECT_REACH]):
            return True
    return False


def _rows(path: Path) -> Iterable[tuple[str, list[str]]]:
    for row in table_rows(path.read_text(encoding="utf-8").splitlines()):
        if row.rest is None or not row.lemma:
            raise SenseDataError(f"{path.name}, line {row.number}: needs a lemma, a tab and "
                                 "words")
        yield row.lemma, [w.strip() for w in row.rest.split(",") if w.strip()]


def _one_term(phrase: str) -> str | None:
    found = terms(phrase)
    return found[0] if len(found) == 1 else None


@functools.cache
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """Term -> the term of its lemma: by irregular forms alone, and by forms and synonyms
    of one word (phrases are matched apart: see `phrase_lemmas`)."""
    forms: dict[str, str] = {}
    for lemma, written in _rows(IRREGULAR_FILE):
        base = _one_term(lemma)
        for form in written:
            term = _one_term(form)
            if base and term and term != base:
                forms[term] = base
    full = dict(forms)
    for lemma, words in _rows(SYNONYM_FILE):
        base = _one_term(lemma)
        for word in words:
            term = _one_term(word)
            if base and term and term != base and len(fold_words(word)) == 1:
                full.setdefault(term, base)
    for base, term in _party_words():
        full.setdefault(term, base)
    return forms, {t: full.get(b, b) for t, b in full.items()}


def _party_words() -> Iterable[tuple[str, str]]:
    """(the party's term, the term of another one-word name of it): "the Tories would cut"
    says what "the Conservative Party would cut" says (the party table, `side_members`)."""
    from retrieval.answering.side_members import parties  # its module reads the table

    for party in parties():
        found = [t for form in party.forms if (t := _one_term(form))]
        for term in found[1:]:
            if term != found[0]:
                yield found[0], term


@functools.cache
def _phrases() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(the lemma's canonical term, the phrase's stemmed words) for each synonym of several
    words ("little chance" for "unlikely"), matched as a run of words, stop words too."""
    out = []
    for lemma, words in _rows(SYNONYM_FILE):
        base = _one_term(lemma)
        for word in words:
            folded = fold_words(word)
            if base and len(folded) > 1:
                out.append((canonical(base), tuple(_STEMMER.stemWords(folded))))
    return tuple(out)


def phrase_lemma_set() -> frozenset[str]:
    """Every lemma that has a phrase in the table."""
    return frozenset(lemma for lemma, _ in _phrases())


def _runs(text: str) -> Iterable[tuple[str, int, int]]:
    """(lemma, first word, past last word) for each phrase of the table in `text`."""
    words = _STEMMER.stemWords(fold_words(text))
    for lemma, phrase in _phrases():
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if tuple(words[i:i + n]) == phrase:
                yield lemma, i, i + n


@functools.lru_cache(maxsize=8192)
def phrase_lemmas(text: str) -> frozenset[str]:
    """The lemmas whose phrases the text holds: "little chance of winning" holds
    "unlikely"."""
    return frozenset(lemma for lemma, _, _ in _runs(text)) if text.strip() else frozenset()


def phrase_terms(text: str) -> dict[str, str]:
    """The content terms of the text that are part of a phrase of the table, each with the
    phrase's lemma: a statement holding the lemma holds them."""
    words = fold_words(text)
    out: dict[str, str] = {}
    for lemma, start, end in _runs(text):
        for word in words[start:end]:
            for term in normalize_word(word):
                out.setdefault(term, lemma)
    return out


@functools.cache
def _members() -> dict[str, frozenset[str]]:
    """Canonical term -> every term that stands for it, the content words of its phrases
    too ("agreement": "deal"; "duress": "gunpoint")."""
    out: dict[str, set[str]] = {}
    for term, base in _tables()[1].items():
        out.setdefault(base, {base}).add(term)
    for lemma, words in _rows(SYNONYM_FILE):
        head = _one_term(lemma)
        if head:
            for word in words:
                if len(fold_words(word)) > 1:
                    out.setdefault(canonical(head), {canonical(head)}).update(terms(word))
    return {k: frozenset(v) for k, v in out.items()}


def widened_terms(found: Iterable[str]) -> list[str]:
    """The terms and every term that stands for the same (forms, synonyms and their
    phrases' words): what a statement saying them in other words may hold."""
    members = _members()
    out = dict.fromkeys(found)
    for t in list(out):
        out.update(dict.fromkeys(sorted(members.get(canonical(t), ()))))
    return list(out)


def _superlative_bases(term: str) -> frozenset[str]:
    """The stems an adjective's superlative may come from ("fullest": "full", "safest":
    "safe", "biggest": "big", "happiest": "happi"); none for a term that is no "-est"."""
    if not term.endswith("est") or len(term) < 6:
        return frozenset()
    base = term[:-3]
    out = {base, base + "e"}
    if len(base) > 3 and base[-1] == base[-2]:
        out.add(base[:-1])  # "biggest"
    return frozenset(_STEMMER.stemWords(sorted(out))) | out


def by_degree(found: frozenset[str], quote: frozenset[str]) -> frozenset[str]:
    """The quote's terms a sentence with the terms `found` holds as another degree of the
    same adjective: "Only the fullest disclosure will now do" is about "only full
    disclosure will do", as "the full disclosure" is about "the fullest" (a superlative
    says more, so it counts for what a sentence is about, never for `reported`)."""
    out = {q for q in quote if _superlative_bases(q) & found}
    out |= {q for t in found for q in _superlative_bases(t) & quote}
    return frozenset(out)


def same_word(term: str) -> str:
    """The term of `term`'s lemma by its irregular forms only ("made" -> "make")."""
    return _tables()[0].get(term, term)


def canonical(term: str) -> str:
    """The term that stands for `term`, its forms and its synonyms."""
    full = _tables()[1]
    return full.get(term, term)


def canonical_set(found: Iterable[str]) -> frozenset[str]:
    full = _tables()[1]
    return frozenset(full.get(t, t) for t in found)


def same_word_set(found: Iterable[str]) -> frozenset[str]:
    forms = _tables()[0]
    return frozenset(forms.get(t, t) for t in found)


def _content(word: str) -> str | None:
    found = normalize_word(word)
    return canonical(found[0]) if found else None


def core_of(quote: str) -> Core:
    """The quote's predicates and subject (see the module's docstring)."""
    words = fold_words(quote)
    predicates: set[str] = set()
    first_trigger = len(words)
    for i, word in enumerate(words):
        if word not in AUXILIARIES and word not in SUBJECT_PRONOUNS:
            continue
        first_trigger = min(first_trigger, i)
        j = i + 1
        while j < len(words) and (words[j] in _BETWEEN or words[j].endswith("ly")):
            j += 1
        if j < len(words) and words[j] not in AUXILIARIES | SUBJECT_PRONOUNS:
            term = _content(words[j])
            if term:
                predicates.add(term)
    if not predicates:
        first = next((t for t in map(_content, words) if t), None)
        predicates = {first} if first else set()
    if first_trigger == len(words):
        return Core(frozenset(predicates), frozenset())
    return Core(frozenset(predicates), _subject(words[:first_trigger]),
                _clause(words[first_trigger:]))


# Words that open a clause of its own: the subject is what comes before them ("internment
# always backfires *because* of the resentment it causes" is about internment backfiring).
SUBORDINATORS = frozenset([
    "because", "that", "which", "when", "whenever", "while", "whereas", "although", "though",
    "if", "unless", "since", "so", "but", "as", "after", "before", "until"
])


def _subject(words: list[str]) -> frozenset[str]:
    """The content words before the first auxiliary or subject pronoun, up to the first word
    that opens another clause, less the adverbs ("*always* backfires"): a statement holding
    them all is about the same thing."""
    out: set[str] = set()
    for word in words:
        if word in SUBORDINATORS and out:
            break
        if word in _BETWEEN or word.endswith("ly"):
            continue
        term = _content(word)
        if term:
            out.add(term)
    return frozenset(out)


def _clause(words: list[str]) -> frozenset[str]:
    """The content words from the subject's auxiliary up to the first word that opens
    another clause ("should join the euro | before the election")."""
    out: set[str] = set()
    for word in words:
        if word in SUBORDINATORS and out:
            break
        term = _content(word)
        if term:
            out.add(term)
    return frozenset(out)


# Words that change how sure a statement is, by the class they belong to: "must" is not
