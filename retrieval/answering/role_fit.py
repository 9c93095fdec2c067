"""Whether a role phrase fits a speaker as one sentence of the articles describes them.

The speaker directory keeps one role per speaker, as search terms, so "the lib dem shadow
home secretary", "the man utd manager" or "the Mobile Data Association's chairman" fit
nobody there, although the sentence the speaker says calls them "Liberal Democrat's shadow
home secretary", "Manchester United manager", "the MDA's chairman". A phrase fits a speaker
when each of its words is in the speaker's name or role, as written or shortened (a prefix:
"lib" Liberal, "man" Manchester; the letters in order: "utd" United; initials either way:
"Mobile Data Association" for MDA, "the rfu's referees manager" for the Rugby Football
Union's), or, for words other than its head noun, in that sentence itself, as written or
shortened ("mittal steel's chief executive" for a chief executive called Mittal
said in a sentence about Mittal Steel). The head ("secretary", "manager", the word before
"of") must be the speaker's own, or in the words the sentence sets beside their name ("said
Terry Lundgren, Federated's chairman", for a speaker the directory keeps no role for), so
"the home secretary" never fits someone who only talks about the home secretary; and a
role with a word that makes it another office ("shadow", "deputy", "former") fits only a
phrase that has the word too, and a phrase with such a word only a speaker whose own role
(or the words beside their name) has it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from corpus.folding import fold
from corpus.lexicon import cue_forms
from corpus.models import Speaker
from retrieval.answering import role_heads
from retrieval.answering.candidates import OFFICE_CHANGERS, countries_in
from retrieval.tokenizer import terms

MIN_SHORT = 3  # shorter forms ("st", "mr") shorten too many words
# "Lord" makes another office ("Lord Chancellor") but is also a peer's title, which a
# sentence may give a speaker whose name is kept without it ("Lord Holme", "Richard Holme")
_CHANGERS_NOT_TITLES = OFFICE_CHANGERS - frozenset(terms("lord"))


@lru_cache(maxsize=8192)
def _terms(word: str) -> tuple[str, ...]:
    return tuple(terms(word))


@lru_cache(maxsize=4096)
def words_of(text: str) -> tuple[str, ...]:
    """Folded words that carry a search term, possessive 's and hyphens taken off."""
    plain = re.sub(r"['\u2019]s\b", "", fold(text)).replace("-", " ")
    return tuple(w for w in re.findall(r"\w+", plain) if _terms(w))


@lru_cache(maxsize=1024)
def head_of(phrase: str) -> str | None:
    """The head noun of a role phrase: the last word before "of", else the last word."""
    before = re.split(r"\s+of\s+", fold(phrase), maxsplit=1)[0]
    words = words_of(before)
    return words[-1] if words else None


def shortens(short: str, word: str) -> bool:
    """Whether `short` is a shortening of `word`: a prefix, or its letters in order with the
    same first letter ("utd" united, "govt" government)."""
    if len(short) < MIN_SHORT or len(word) <= len(short) or short[0] != word[0]:
        return False
    letters = iter(word)
    return word.startswith(short) or all(ch in letters for ch in short)


@lru_cache(maxsize=8192)
def _described(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words of a name, role or sentence, and their terms."""
    words = frozenset(words_of(text))
    return words, frozenset(t for w in words for t in _terms(w))


def _initials(words: tuple[str, ...], own: frozenset[str]) -> set[int]:
    """Positions of phrase words whose run of initials is one of the speaker's words."""
    covered: set[int] = set()
    for i in range(len(words)):
        for j in range(i + 2, len(words) + 1):
            if "".join(w[0] for w in words[i:j]) in own:
                covered.update(range(i, j))
    return covered


def _initials_of(word: str, ordered: tuple[str, ...]) -> bool:
    """Whether the word is the initials of a run of the speaker's words ("rfu" for "Rugby
    Football Union's referees' manager"), at least MIN_SHORT letters."""
    size = len(word)
    if size < MIN_SHORT or not word.isalpha():
        return False
    return any("".join(w[0] for w in ordered[i:i + size]) == word
               for i in range(len(ordered) - size + 1))


def _among(word: str, described: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Whether the word is among these, as written or shortened."""
    words, found = described
    return all(t in found for t in _terms(word)) or any(shortens(word, w) for w in words)


# What ends an apposition beside a name: a comma, a clause's end, a quotation mark.
_APPOSITION_END = re.compile(r"[,.;:!?()\"\u201c\u201d]|\s[-\u2013\u2014]\s")


# A clause, not a description: "Erdogan, who was hosting the talks," is not "the talks",
# "Dahl, who chairs the dock board," perhaps not its chair; "who is UKIP Scotland chairman"
# describes (the word after "is" no verb form in -ing or -ed).
_WHO_IS = re.compile(r"^\s*who\s+(?:is|was|has\s+been)\s+(?!\w+(?:ing|ed)\b)")
_RELATIVE = re.compile(r"\s*(?:who|whom|whose|which|that|where|when|while|as|after|before)\b")


def _starts_with_cue(text: str) -> bool:
    word = re.match(r"\s*(\w+)", text)
    return word is not None and word.group(1) in cue_forms()


def apposition(sentence: str, speaker: Speaker) -> str:
    """The words the sentence sets beside the speaker's surname to say who they are: the
    run right after it, from a comma to the next break ("said Terry Lundgren, Federated's
    chairman"; "who is UKIP Scotland chairman", never another relative clause: "who was
    hosting the talks"), and, when the name is the subject of a speech verb (past such a
    run), the words before it back to a quotation mark or the sentence's start ("British
    number one Tim Henman, who …, believes"); "" when the sentence does not name them."""
    names = words_of(speaker.name)
    if not names:
        return ""
    text = fold(sentence)
    found = re.search(r"(?<!\w)" + re.escape(names[-1]) + r"(?!\w)", text)
    if found is None:
        return ""
    after = text[found.end():].lstrip()
    runs = []
    if after.startswith(",") and not _starts_with_cue(after[1:]):
        body = _WHO_IS.sub("", after[1:], count=1)  # "Henman, who is British number one"
        end = _APPOSITION_END.search(body)
        if not _RELATIVE.match(body):
            runs.append(body[:end.start()] if end else body)
        after = body[end.end():] if end else ""  # past it, to the verb of which it is subject
    # Words before the name describe them only when the name is the subject of a speech
    # verb ("... chairman Terry Lundgren said"): "the home secretary was wrong, said Mr
    # Smith" does not make Smith the home secretary.
    if _starts_with_cue(after.lstrip(" ,")):
        before = text[:found.start()]
        runs.append(before[max(before.rfind(q) for q in ('"', "\u201c", "\u201d")) + 1:])
    return " ".join(runs)


def _unmet(phrase: str, speaker: Speaker, described: str = "") -> tuple[int, ...] | None:
    """The phrase words the speaker's name and role (and `described`, the words a sentence
    sets beside their name) do not hold; None when the head is among them (no other words
    of a sentence can make up for that)."""
    words = words_of(phrase)
    head = head_of(phrase)
    if not words or head is None or head not in words:
        return None
    own = _described(f"{speaker.name} {speaker.role or ''} {described}")
    if (own[1] & OFFICE_CHANGERS) - {t for w in words for t in _terms(w)}:
        return None  # another office: a shadow or deputy is not "the chancellor"
    missing = [i for i, w in enumerate(words) if not _among(w, own)
               and not (w == head and _office_of(w, own[1]))]
    if missing:
        initials = _initials(words, own[0])
        ordered = words_of(f"{speaker.name} {speaker.role or ''} {described}")
        missing = [i for i in missing if i not in initials
                   and not _initials_of(words[i], ordered)]
    return None if words.index(head) in missing else tuple(missing)


def _office_of(head: str, found: frozenset[str]) -> bool:
    """Whether these terms hold an office the typed head also fits ("head": president)."""
    return any(role_heads.also_fits(t) & found for t in _terms(head))


def another_country(phrase: str, speaker: Speaker) -> bool:
    """Whether the phrase names a country and the speaker's own name or role another."""
    typed = countries_in(phrase)
    own = countries_in(f"{speaker.name} {speaker.role or ''}") if typed else frozenset()
    return bool(own) and not typed <= own


def fits_own(phrase: str, speaker: Speaker) -> bool | None:
    """True when the speaker's name and role hold the whole phrase, False when they cannot
    (the head is not theirs), None when it depends on the sentence they say."""
    unmet = _unmet(phrase, speaker)
    return False if unmet is None else (True if not unmet else None)


def bare_head(phrase: str, speaker: Speaker) -> bool:
    """Whether the speaker's kept role is the phrase's head and nothing else ("Chairman"
    for "arsenal's chairman"), or holds the head and only words of the phrase ("race
    director" for "the great ireland run race director", "director of the film" for "the
    director of the film sins"): what the phrase adds (the body, the event, the work) is
    left to the story around it. A role naming something the phrase does not ("Manchester
    United manager" for "the arsenal manager") is no such role."""
    head = head_of(phrase)
    role = words_of(speaker.role or "")
    if head is None or head not in role:
        return False
    typed = set(words_of(phrase))
    return all(w in typed for w in role)


def fits(phrase: str, speaker: Speaker, sentence: str, around: str = "") -> bool:
    """Whether every word of the role phrase is the speaker's (name or role, as written or
    shortened) or, the head excepted, in the sentence they say, or in `around` (the passage
    it is in) for a speaker whose role is the bare head or only words of the phrase
    (`bare_head`): "Chairman Peter Hill-Wood said" in a paragraph on Arsenal's manager is
    Arsenal's chairman."""
    if another_country(phrase, speaker):
        return False  # "the french prime minister" is not the UK's, whatever the sentence
    unmet = _unmet(phrase, speaker)
    head = head_of(phrase)
    # the head may be in the words the sentence sets beside the name (a sentence without
    # it anywhere is passed over at once: most are)
    if unmet is None and head is not None and head in sentence.lower():
        unmet = _unmet(phrase, speaker, apposition(sentence, speaker))
    if unmet is None:
        return False
    words = words_of(phrase)
    if any(set(_terms(words[i])) & _CHANGERS_NOT_TITLES for i in unmet):
        return False  # "the shadow chancellor" is not a chancellor who speaks of a shadow one
    said = _described(f"{sentence} {around}" if around and bare_head(phrase, speaker)
                      else sentence)
    return all(_among(words[i], said) for i in unmet)
