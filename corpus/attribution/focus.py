"""The person in focus: a sentence's subject with no speech of its own still takes the
focus ("Mr Kennedy is touring ... He said:" is Kennedy)."""
from __future__ import annotations

import re

from corpus.attribution.salience import ASKED
from corpus.attribution.state import ArticleState
from corpus.attribution.subject_words import MAX_PHRASE
from corpus.entities import Entity
from corpus.lexicon import attribution_words
from corpus.people import is_organisation_name
from corpus.phrases import (
    CONNECTORS,
    NAME_PARTICLES,
    ORG_WORDS,
    TITLES,
    Phrase,
    bare,
    is_cap,
    is_role_word,
    parse_phrase,
)
from corpus.quotes import QUOTE_CHARS

_LEAD_INS = attribution_words("lead_in")
_OPENERS = _LEAD_INS | attribution_words("clause_opener")
_HEARD_FROM = re.compile(r"\b(?:heard|hears|hear) from\s+(?=[A-Z])")
_JOINERS = CONNECTORS | NAME_PARTICLES
# a conjunction opening the sentence, with no comma of its own, before its subject
_CONJUNCTIONS = {"And", "But", "Yet"}
# "..., but McIlroy is unfazed.": a closing clause of another subject
_CLOSING_BUT = re.compile(r",?\s+but\s+(?=[A-Z])")


def sentence_subject(masked: str, s: int, e: int) -> Phrase | None:
    """The person-like phrase a sentence opens with, after any lead-in ("In 1992, ...",
    "Meanwhile ...") when a lower-case verb follows it."""
    words = masked[s:e].split()
    if not words or words[0][:1] in QUOTE_CHARS:
        return None
    i = 0
    if words[0] in _CONJUNCTIONS and len(words) > 1 and is_cap(words[1].rstrip(",")):
        i = 1  # "And McIlroy, whose time ..., is also already looking beyond Madrid."
    elif bare(words[0].strip(",")) in _LEAD_INS:
        comma = next((k for k, w in enumerate(words[:12]) if w.endswith(",")), None)
        if comma is not None:
            i = comma + 1
        elif not words[0].endswith(","):
            i = 1
    out: list[str] = []
    while i < len(words) and len(out) < MAX_PHRASE:
        w = words[i]
        core = w.rstrip(",.;:")
        low = bare(core)
        if not (is_cap(core) or low in TITLES or is_role_word(core)
                or (out and low in _JOINERS)
                or (not out and low == "the")
                or (out and core == w and _noun_before_name(words, i))):
            break
        out.append(core)
        i += 1
        if core != w:
            break
    if not out or (i < len(words) and not words[i][:1].islower() and out[-1] == words[i - 1]
                   and words[i][:1] not in QUOTE_CHARS):
        return None  # a quoted verb ('A Tory spokesman "totally refuted" ...') still follows
    return parse_phrase(out)


def _noun_before_name(words: list[str], i: int) -> bool:
    """"Perpignan centre Jean-Philippe Granclaude is ...": a lower-case noun of a
    description (an organisation word: never a verb, "Downing Street said Tony Blair")
    between a qualifier and a full name of two capitalised words."""
    rest = words[i + 1:i + 3]
    return words[i] in ORG_WORDS and len(rest) == 2 and not rest[0].endswith(",") and all(
        re.fullmatch(r"[A-Z][\w'’-]+[,.]?", w) for w in rest)


def after_opening_clause(masked: str, s: int, e: int) -> Phrase | None:
    """A titled or full name right after the first comma, when the sentence opens with a
    participle or a time or place clause (a capitalised word that names nobody): also the
    subject of a participle's statement ("As he arrived at court, Mr X greeted the media,
    saying: ...")."""
    comma = masked.find(",", s, min(e, s + 200))
    first = masked[s:e].split()[:1]
    if comma < 0 or not first or bare(first[0]) not in _OPENERS and not first[0].endswith(
            ("ed", "ing")):
        return None
    phrase = sentence_subject(masked, comma + 1, e)
    if phrase is None or phrase.pronoun or not (phrase.title or (
            phrase.name and len(phrase.name.split()) > 1)):
        return None
    return phrase


# "One woman, Victoria Lapete, found her sister ...": an indefinite description opening the
# sentence, then the full name it describes between commas, then a lower-case verb
_DESCRIBED_THEN_NAMED = re.compile(r"\s*(?:One|A|An|Another)\s+(?:[a-z-]+\s+){0,2}[a-z-]+,\s+"
                                   r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+),\s+[a-z]")


def described_then_named(masked: str, s: int, e: int) -> Phrase | None:
    """The full name an indefinite description opening the sentence gives between commas
    ("One woman, Victoria Lapete, found her sister"): the sentence's subject, so a "she"
    after it is hers."""
    m = _DESCRIBED_THEN_NAMED.match(masked, s, e)
    phrase = parse_phrase(m.group(1).split()) if m is not None else None
    return phrase if phrase is not None and phrase.name and not phrase.pronoun else None


# ", Joe Keenan and Sam Tillen": more names after the subject's, joined by "and"
_MORE_NAMES = re.compile(r",\s+(?:[A-Z][\w'’-]+\s+)+(?:(?:,\s+|and\s+)(?:[A-Z][\w'’-]+\s*)+)*"
                         r"\s*,?\s*and\s+[A-Z]")


def _first_of_a_list(masked: str, s: int, e: int, phrase: Phrase) -> bool:
    """'Youngsters Ben Hudell, Joe Keenan and Sam Tillen would be options': several people
    as one subject; a later "he" means none of them alone, nor whoever was in focus
    before them."""
    at = masked.find(phrase.text, s, e)
    return at >= 0 and _MORE_NAMES.match(masked, at + len(phrase.text), e) is not None


def names_someone(masked: str, s: int, e: int) -> bool:
    """Whether the sentence opens with a person of its own ("Keane frontman Tom Chaplin")."""
    phrase = sentence_subject(masked, s, e)
    return phrase is not None and (phrase.title is not None or phrase.role is not None or (
        phrase.name is not None and len(phrase.name.split()) > 1))


def note_subject(state: ArticleState, s: int, e: int) -> Phrase | None:
    """A person as the subject of a sentence with no speech puts them in focus, also after
    an opening clause ("Born in 1912 and educated at ..., Lord Callaghan became a clerk").
    The subject read is returned: an organisation's is `org_subjects`' business."""
    masked = state.paragraph.masked
    phrase = sentence_subject(masked, s, e)
    heard = _HEARD_FROM.search(masked, s, e)
    asked = ASKED.search(masked, s, e) if phrase is None else None
    if asked is not None:
        phrase = parse_phrase(asked.group(1).split())
    elif heard is not None:
        # "The programme also heard from Lord Roberts of Conwy, who ... He denied ...":
        # the person heard from is the one who speaks next.
        phrase = sentence_subject(masked, heard.end(), e) or phrase
    elif phrase is None or not (phrase.title or phrase.role or phrase.pronoun):
        after = after_opening_clause(masked, s, e) or described_then_named(masked, s, e)
        if after is not None:
            phrase = after
    if phrase is None or phrase.pronoun or phrase.vague:
        return phrase
    if phrase.name:
        if is_organisation_name(phrase.name) and not phrase.title:
            return phrase
        if _first_of_a_list(masked, s, e, phrase):
            state.focus = None  # several people in view: a "he" after them is nobody's
            return phrase
        ent = state.people.find(phrase.name)
        if ent is not None and ent.kind == "person":
            state.set_focus((ent, None), e)
    elif phrase.role:
        if phrase.text.lower().startswith(("a ", "an ")):
            return phrase  # "A general election is ...": an indefinite noun, nobody in focus
        named = _named_after_role(state, phrase, s, e)
        if named is not None:
            state.set_focus((named, None), e)
            return phrase
        ent = state.people.find_by_role(phrase.role, state.position)
        if ent is not None:
            state.set_focus((ent, None), e)
        elif not phrase.role.split()[-1].endswith("s"):
            # "Tony Blair's official spokesman declined to say ... He said:"
            state.set_focus((None, phrase.role), e)
    return phrase


# "Computer specialist at the IAEA, Peter Smith, would like ...": the full name in commas
# right after the role opening the sentence
_NAME_IN_COMMAS = re.compile(r",\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+),")


def _named_after_role(state: ArticleState, phrase: Phrase, s: int, e: int) -> Entity | None:
    """The person a role opening the sentence names in an apposition right after it."""
    masked = state.paragraph.masked
    at = masked.find(phrase.text, s, e)
    m = _NAME_IN_COMMAS.match(masked, at + len(phrase.text), e) if at >= 0 else None
    ent = state.people.find(m.group(1)) if m is not None else None
    return ent if ent is not None and ent.kind == "person" else None


def note_closing_subject(state: ArticleState, s: int, e: int, last_cue: int) -> None:
    """"Russian Dmitriy Bogdanov won ... and then claimed the race would be his but McIlroy
    is unfazed. He admitted: ...": a person known to the article as the subject of a
    closing "but" clause with no speech of its own (after the sentence's last cue) takes
    the focus from the speaker before it; only someone "he" or "she" can be (a gender
    known: never "Rangers still had a chance", "Villa were not interested", clubs the
    article has typed as people)."""
    masked = state.paragraph.masked
    found = [m for m in _CLOSING_BUT.finditer(masked, s, e) if m.start() > last_cue]
    if not found:
        return
    phrase = sentence_subject(masked, found[-1].end(), e)
    if phrase is None or phrase.name is None or phrase.pronoun or phrase.vague \
            or (is_organisation_name(phrase.name) and not phrase.title):
        return
    ent = state.people.find(phrase.name)
    if ent is not None and ent.kind == "person" and ent.gender is not None:
        state.set_focus((ent, None), e)
