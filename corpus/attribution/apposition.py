"""Appositions between a subject and its verb, between commas or dashes.

'David Frost, director general of the BCC, warned', 'Rod Eddington, BA's chief executive,
said', 'X, who hosted the talks, urged', 'The Shadow Secretary of State, Theresa May,
said', 'Lord Bingham - a senior law lord - said', 'Mr Mubanga, 32, from Wembley, London,
said'.
"""
from __future__ import annotations

import re

from corpus.attribution.subject_words import SKIP_BEFORE_VERB, SPLIT_CONJ, words_before
from corpus.lexicon import attribution_words, phrase_words
from corpus.people import is_organisation_name
from corpus.phrases import (
    CONNECTORS,
    ORG_WORDS,
    TITLES,
    Phrase,
    bare,
    is_cap,
    is_role_word,
    parse_phrase,
)
from corpus.quotes import QUOTE_CHARS
from corpus.references import reference_noun

PREPOSITIONS = attribution_words("preposition")
_PARENTHETICAL = attribution_words("parenthetical")
_MAX_WORDS = 22
_LOOSE = re.compile(r",\s+(?:from|of|at|with)\s+[^,]{3,80}$")
_CLAUSE_ENDS = tuple(",;:" + QUOTE_CHARS)
_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
# "The head of ...", "the chairman of ...": a role of something opening the clause
_ROLE_OF = re.compile(r"\s*(?:The|the)\s+(?:[a-z-]+\s+)?([a-z-]+)\s+of\s+[^,;:]{3,80}$")
# ("Emmanuel Ferry, from Exane BNP Paribas told": a comma after the name, none after
# the workplace, is the same)
_EMPLOYED = re.compile(r"[,?!][\"”']\s+((?:[A-Z][\w'’-]+\s+){1,2}[A-Z][\w'’-]+),?\s+"
                       r"(?:from|of|at|with)\s+(?:the\s+)?([A-Z][^,;:\"“”]{2,80})$")
# With no comma before the verb, where they work must be a name to its end ("from
# Intervoice", "of the Consumer Electronics Association"), not a role and another name.
_WORKPLACE = re.compile(r"[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|and|for|&))*")
# "And Edu, 26, added:": a conjunction opening the sentence leaves the head its clause's
_OPENING_CONJUNCTIONS = [["And"], ["But"], ["Yet"], ["So"]]
_INCLUDING = {"including", "notably", "especially", "particularly"}

Apposition = tuple[list[str], str | None]  # the subject's words, the role it is given


def apposition(masked: str, sent_start: int, cue: int) -> Apposition | None:
    """A subject and an apposition before the verb; the subject's words and the role the
    apposition gives, if any."""
    cut = _body_and_mark(masked[sent_start:cue])
    if cut is None:
        return None
    body, mark = cut
    opener = body.rfind(mark if mark == "," else f" {mark} ")
    if opener < 0:
        return None
    middle = body[opener + 1:].strip(" -–—")
    head_text = body[:opener].rstrip()
    mwords = middle.split()
    if not mwords or len(mwords) > _MAX_WORDS or any(ch in middle for ch in "\"“”;:"):
        return None
    if body.count(",") >= 2:
        # "Hugo Lueders, European director for public policy at CompTIA, an umbrella
        # organization for technology companies, said": the person before both.
        found = _before_several_commas(body)
        if found is not None:
            return found
    return _between_marks(head_text, middle, mwords)


def employed_name(before: str) -> list[str] | None:
    """'"...," Kirsten Pfeifer from the Consumer Electronics Association, told', '"...," David
    Noone from Intervoice said': a full name and where they work, after a quotation, right
    before the verb (a comma or none): the person speaks, not where they work."""
    words = before.rstrip().split()
    while words and words[-1].lower() in SKIP_BEFORE_VERB:
        words.pop()
    text = " ".join(words)
    employed = _EMPLOYED.search(text.rstrip(","))
    if employed is None:
        return None
    if not text.endswith(",") and not _WORKPLACE.fullmatch(employed.group(2)):
        return None  # '"...," National Bureau of Statistics chief Li Deshui told'
    if any(bare(w) in ORG_WORDS for w in employed.group(1).split()):
        return None
    name = parse_phrase(employed.group(1).split())
    if name is not None and name.name and len(name.name.split()) > 1 \
            and not is_organisation_name(name.name):
        return employed.group(1).split()
    return None


def _body_and_mark(before: str) -> tuple[str, str] | None:
    """The text before the verb without its closing mark, and the mark (a comma or a
    dash); None when no apposition closes right before the verb."""
    words = before.rstrip().split()
    while words and words[-1].lower() in SKIP_BEFORE_VERB:
        words.pop()
    before = " ".join(words)
    loose = _LOOSE.search(before)
    if before.endswith(","):
        return before[:-1], ","
    if loose and "," not in before[:loose.start()][-60:]:
        # "Mark Serwotka, from the Public and Commercial Services union said"
        return before, ","
    if before.endswith((" -", " –", " —")):
        return before[:-2], before[-1]
    return None


def unclosed_workplace(before: str) -> Apposition | None:
    """'Colin Asplin, Blackpool Hotel Association said': a full name opening the sentence,
    a comma, and a body's name with no comma closing it before the verb: the person speaks,
    with the body as their role (the second comma is often dropped)."""
    head, comma, tail = before.rpartition(",")
    name, body = head.split(), tail.split()
    if not comma or not 2 <= len(name) <= 3 or not 2 <= len(body) <= 6:
        return None
    if not all(is_cap(w) for w in name) or not all(
            is_cap(w) or bare(w) in CONNECTORS for w in body):
        return None
    person = parse_phrase(name)
    if person is None or person.name is None or len(person.name.split()) < 2 \
            or is_organisation_name(person.name) or not is_organisation_name(" ".join(body)):
        return None
    return name, " ".join(body)


def _head(head_text: str) -> tuple[list[str] | None, Phrase | None]:
    """The phrase before the apposition, and it as a subject: the head must start its
    clause ("In London ..., India's finance minister, said" has no subject before the first
    comma), unless it is a titled or full name not after a preposition ("But Liberal
    Democrat peer Lord Carlile, the reviewer, said")."""
    head = words_before(head_text + " ", 0, len(head_text) + 1)
    if head is None:
        return None, None
    phrase = parse_phrase(head[0])
    if head[1] > 0 and bare(head_text[head[1]:].split()[0]) not in SPLIT_CONJ \
            and not head_text[:head[1]].rstrip().endswith(_CLAUSE_ENDS) \
            and head_text[:head[1]].split() not in _OPENING_CONJUNCTIONS:
        if _described_by_lead(head_text[:head[1]], phrase):
            return head[0], phrase  # "Late last year, marketing company Doubleclick, one of
            # the leading providers ..., warned": a firm's common noun before its name
        previous = bare(head_text[:head[1]].split()[-1])
        # (after a participle the phrase is its object: "MPs from the committee
        # scrutinising the Office for the Deputy Prime Minister, responsible for ..., said";
        # "After the ruling Carla Ferstman, legal director ..., said" is hers)
        if previous in PREPOSITIONS or (previous.endswith("ing") and head[0][0] == "the") \
                or phrase is None or not (
                phrase.title or (phrase.name and len(phrase.name.split()) > 1)):
            phrase = None
    return head[0], phrase


_ORG_DESCRIPTORS = phrase_words("org_descriptor") | ORG_WORDS
_LOWER_WORD = re.compile(r"[a-z][a-z-]*")


def _described_by_lead(lead: str, phrase: Phrase | None) -> bool:
    """Whether the words before a one-word name are a lower-case lead of one to three words
    that opens its clause and ends in an organisation's common noun ("marketing company",
    "mining firm", "oil giant"): the name is that organisation's, the subject of its
    clause."""
    if phrase is None or phrase.name is None or phrase.pronoun is not None:
        return False
    opening = max(lead.rfind(mark) for mark in _CLAUSE_ENDS)
    words = lead[opening + 1:].split()
    if words and words[0] in SPLIT_CONJ or words[:1] in _OPENING_CONJUNCTIONS:
        words = words[1:]
    elif words and opening < 0:
        words = [words[0].lower(), *words[1:]]  # "Marketing company X, ...," opening it
    return 1 <= len(words) <= 3 and all(_LOWER_WORD.fullmatch(w) for w in words) \
        and words[-1] in _ORG_DESCRIPTORS \
        and not any(w in PREPOSITIONS or w in _NOT_LEAD for w in words)


_NOT_LEAD = SKIP_BEFORE_VERB | {"the", "a", "an", "its", "their", "his", "her"}


def _after_preposition(head_text: str, head: list[str]) -> bool:
    """Whether the words before the head end in a preposition ("In London, ...")."""
    before = head_text[:head_text.rfind(head[0])].split()
    return bool(before) and bare(before[-1]) in PREPOSITIONS


def _between_marks(head_text: str, middle: str, mwords: list[str]) -> Apposition | None:
    """Which of the head and the words between the marks is the speaker."""
    first = mwords[0].lower()
    head, hp = _head(head_text)
    if len(mwords) == 1 and first in _PARENTHETICAL and head is not None and hp is not None:
        return head, None  # "Economists, however, forecast that ...": the head speaks
    mp = parse_phrase(mwords) if all(
        is_cap(w) or bare(w) in TITLES or bare(w) in CONNECTORS for w in mwords) else None
    if mp is not None and mp.name and len(mp.name.split()) > 1 \
            and (role_of := _ROLE_OF.match(head_text)) is not None \
            and is_role_word(role_of.group(1)) and not is_organisation_name(mp.name):
        # "The head of Christian Brothers' school St Fintian's, Richard Fogarty, said": a
        # role of something opening the clause, then the full name holding it
        return mwords, _ARTICLE.sub("", head_text.strip().lower()[:1] + head_text.strip()[1:])
    # "Role, Name, said": the name between the commas is the speaker.
    if mp is not None and mp.name and hp is not None and hp.role is not None \
            and first not in {"the", "a", "an"} and first not in PREPOSITIONS \
            and (len(mp.name.split()) > 1 or mp.title):
        return mwords, hp.role
    if head is not None and first in _INCLUDING and parse_phrase(head) is not None \
            and not _after_preposition(head_text, head):
        return head, None  # "many experts, including the World Bank, have pointed out"
    if hp is not None and head is not None and hp.name and hp.pronoun is None:
        if first in {"who", "which", "whose"}:
            return head, None  # "Nike, whose products are endorsed by ..., said": no role
        role = _ARTICLE.sub("", middle)
        return head, role if any(is_role_word(w) for w in role.split()) else None
    if head is None and first in {"who", "which"} \
            and reference_noun(head_text.split()) is not None:
        return head_text.split(), None  # "The firm, which last year made ... finds, said":
        # the noun refers back (the resolver decides to whom), the clause is no role
    if mp is not None and mp.name and hp is not None and hp.role_only:
        return mwords, hp.role
    if mp is not None and mp.name and head is None and not is_organisation_name(mp.name):
        return mwords, None
    # "In London on Thursday, India's finance minister, lashed out": a role between commas.
    if hp is None and all(is_cap(w) or is_role_word(w) or bare(w) in CONNECTORS
                          for w in mwords):
        between = parse_phrase(mwords)
        if between is not None and (between.role_only or (
                between.name and not is_organisation_name(between.name))):
            return mwords, None
    if hp is not None and head is not None and hp.role_only:
        return head, None
    return None


def _before_several_commas(body: str) -> Apposition | None:
    """Several commas: "Mr Mubanga, 32, from Wembley, London, said" is Mr Mubanga."""
    parts = body.split(",")
    for k in range(len(parts) - 2, 0, -1):
        head_text = ",".join(parts[:k]).rstrip()
        if len(" ".join(parts[k:]).split()) > _MAX_WORDS or not head_text:
            break
        found = words_before(head_text + " ", 0, len(head_text) + 1)
        if not found:
            continue
        hp = parse_phrase(found[0])
        starts_clause = found[1] == 0 or head_text[:found[1]].rstrip().endswith(
            _CLAUSE_ENDS) or bare(head_text[found[1]:].split()[0]) in SPLIT_CONJ
        if hp is not None and hp.name and starts_clause and (
                hp.title or len(hp.name.split()) > 1) and not is_organisation_name(hp.name):
            return found[0], None
    return None
