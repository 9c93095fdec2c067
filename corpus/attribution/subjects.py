"""Who is the subject of a speech verb: small finders, each reading one convention, tried in
order until one names a subject.

A finder may find no phrase and still say where the subject's clause starts or which role
an apposition gives; the finders after it keep that (as the rules always have). A finder
may also refuse the cue outright ("Sources close to Mr X said" read as no one at all).
"""
from __future__ import annotations

import re

from corpus.attribution.apposition import apposition, employed_name, unclosed_workplace
from corpus.attribution.cues import BEFORE_INVERSION, CLAUSE_OPENER, NO_INVERSION, REPORT_HEADS, Cue
from corpus.attribution.documents import after_according
from corpus.attribution.findings import REFUSED, Finder, Finding, Refusal, Subject
from corpus.attribution.indefinite_speakers import indefinite_inverted_subject
from corpus.attribution.owned_subjects import (
    authored_report_subject,
    named_document_subject,
    owned_document_subject,
    owned_statistics_subject,
    owner_statement_subject,
)
from corpus.attribution.referring_subjects import referring_subject
from corpus.attribution.relative_lists import outside_relative_list
from corpus.attribution.shares import share_subject
from corpus.attribution.subject_words import (
    COMPANY_SUFFIXES,
    SKIP_BEFORE_VERB,
    object_not_subject,
    words_after,
    words_before,
)
from corpus.folding import fold
from corpus.gazetteer import gazetteer
from corpus.lexicon import attribution_words, past_tenses
from corpus.people import is_organisation_name
from corpus.phrases import (
    ORG_WORDS,
    ROLE_NOUNS,
    VAGUE_HEADS,
    Phrase,
    bare,
    is_cap,
    is_role_noun,
    parse_phrase,
)
from corpus.quotes import CLOSERS
from corpus.titles import title_pattern

_TITLE = title_pattern("pattern")
_AGENT_AFTER_COMMA = re.compile(rf",\s+((?:(?:{_TITLE})\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)"
                                r"{0,3})\s*[.!?]?\s*$")
_NAME_CLOSING_CLAUSE = re.compile(r"\s+the\s+[^,;]{3,80},\s+((?:[A-Z][\w'’-]*\s+){0,3}"
                                  r"[A-Z][\w'’-]+\s+[A-Z][\w'’-]+)\s*[.!?]?\s*$")
# "Lisa Power, head of policy at Aids charity " before an organisation and a verb.
# '"...," Adam Hume, the BBC Broadcast's futurologist told': after a closed quotation too,
# and with an owner's possessive before the description.
_LOOSE_APPOSITION = re.compile(
    r"^\s*(?:[\"“][^\"“”]*[,?!][\"”]\s*)?"
    rf"(?:(?:But|And|Meanwhile)\s+)?((?:(?:{_TITLE})\s+)?"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}),\s+((?:the\s+|a\s+|an\s+)?"
    r"(?:(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*['’]s\s+)?[a-z][^,;]{2,80})$")
_OWNER_THEN_WORD = re.compile(r"['’]s\s+[a-z]+$")
_OBJECT_PREPOSITIONS = attribution_words("object_preposition")
# A name right after the verb with a quotation right after it opens the content, never
# closing the clause as an inverted subject does.
_NAME_THEN_QUOTE = re.compile(r"\s+(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*\s*[\"“]\w")
_JOINT = re.compile(r"\s*(?:Both\s+)?(He|She|They)\s+and\s")
_MODIFIED = re.compile(
    r"^\s*" + CLAUSE_OPENER + r"((?:[Tt]he|[Aa]n?|[Ss]ome|[Mm]any|[Mm]ost|[Oo]ther)?\s*"
    r"(?:[a-z][a-z-]*\s+){0,2}[A-Za-z][a-z-]*)\s+"
    r"(?:of|on|at|from|for|in|with|within|inside|among)\s+"
    r"[^,;\"“”]{1,50}?\s*(?:has|have|had|also|now)?\s*$")


def passive_agent(cue: Cue) -> Finding | None:
    """Passive "by": "were urged by X"; "backed by his predecessor as Cabinet Secretary,
    Lord Armstrong." (the name closing the sentence after a comma)."""
    if not cue.passive:
        return None
    words = words_after(cue.masked, cue.end + cue.rest.index("by") + 2, cue.sent_end)
    if not words or parse_phrase(words) is None:
        tail = _AGENT_AFTER_COMMA.search(cue.rest)
        if tail and not re.search(r"[,;]", cue.rest[:tail.start()].split(" by ", 1)[-1]):
            words = tail.group(1).split()
    phrase = parse_phrase(words) if words else None
    if phrase is not None and words and words[-1].endswith(("'s", "’s")) \
            and _OWNER_THEN_NOUN.search(cue.rest):
        # "a code of practice agreed by the UK's six largest mobile phone operators": the
        # owner's things are the agent, never the owner
        return None
    if phrase is not None and phrase.role_only:
        # "questioned by Plaid Cymru's former President, Dafydd Wigley."
        phrase = _named_after_role(cue, phrase, words)
    if phrase is None:
        return None
    # "Mr Brown also announced plans to merge 35 agencies - described by one civil service
    # union as a "bonfire of the quangos"": after a dash the participle is a clause of its own
    return Finding(phrase, cue.start if cue.before.endswith(("-", "–", "—")) else None)


_OWNER_THEN_NOUN = re.compile(r"\bby\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s"
                              r"\s+[a-z0-9]")


def _named_after_role(cue: Cue, phrase: Phrase, words: list[str]) -> Phrase:
    """A role with no name (`words`) set off by a comma from the name closing the clause:
    that person, with the role kept ('"...," said Opera spokeswoman, Berit Hanson.');
    else the role as it was."""
    tail = _AGENT_AFTER_COMMA.search(cue.rest)
    named = parse_phrase(tail.group(1).split()) if tail else None
    if tail is not None and named is not None and named.name and not named.role \
            and not is_organisation_name(named.name) \
            and cue.rest[:tail.start()].strip().endswith(words[-1]):
        return Phrase(named.text, named.title, phrase.role, named.name)
    return phrase


def inverted_subject(cue: Cue) -> Finding | None:
    """After the verb, when the verb opens its clause: '"...," said Mr X', '..., said the
    chairman of the committee, Labour MP Barry Sheerman.' (the name closing the clause).
    Never after verbs whose object follows them (told, asked, urged)."""
    before = cue.before
    if cue.verb in NO_INVERSION or (before and before[-1] not in BEFORE_INVERSION):
        return None
    if _NAME_THEN_QUOTE.match(cue.rest) and before[-1:] not in "\"" + CLOSERS:
        # 'Their president, X, says Juninho "does not wish ...": the content (after a
        # quotation, '"...," said Mr Ingram "For ..."' is its speaker and the quote goes on)
        return None
    document = _inverted_document(cue.masked[cue.end:cue.sent_end])
    if document is not None:
        return Finding(document)
    words = words_after(cue.masked, cue.end, cue.sent_end)
    if words and object_not_subject(cue.masked, cue.end, cue.sent_end, words):
        words = []
    phrase = parse_phrase(words) if words else None
    if phrase is not None and phrase.role_only:
        phrase = _named_after_role(cue, phrase, words)
    if phrase is None or phrase.name is None:
        tail = _NAME_CLOSING_CLAUSE.match(cue.rest)
        named = parse_phrase(tail.group(1).split()) if tail else None
        if named is not None and named.name and not is_organisation_name(named.name):
            phrase = named
    return Finding(phrase) if phrase is not None else None


# "..., says a study.", "..., suggests a new report": a document closing the clause
_DOCUMENT_CLOSING = re.compile(r"\s+((?:a|an|the|this|its)\s+(?:[a-z-]+\s+){0,2}?(?:"
                               + "|".join(sorted(REPORT_HEADS)) + r"))\s*[.!?]?\s*$")


def _inverted_document(rest: str) -> Phrase | None:
    """"predicts the report by telecoms giant BT" (its author), "says a study" (the
    study: the resolver gives it the author the article names, if any)."""
    author = after_according(rest)
    if author is not None and re.search(r"\b" + re.escape(author.split()[-1])
                                        + r"\s*[.!?]?\s*$", rest):
        return parse_phrase(author.split())
    m = _DOCUMENT_CLOSING.match(rest)
    return parse_phrase(m.group(1).split()) if m else None


def subject_before(cue: Cue) -> Finding | Refusal | None:
    """Before the verb: "Mr X has said", "He and the Archbishop have spoken out" (the
    first of joint subjects), "Lisa Power, head of policy at the X Trust said". A
    possessive is a noun ("Mr Mallon's claim"); after "to", "for", "near", "in", "within" or
    "inside" the whole phrase is the subject ("Sources close to Mr Hockney said", "Sources
    within the party told") or nobody is."""
    masked, s = cue.masked, cue.sent_start
    found = words_before(masked, s, cue.start)
    if found and found[0] in (["I"], ["We"]):
        return REFUSED  # "... surprised me because I thought": the writer, nobody named
    if found and found[0][-1].endswith(("'s", "’s")) and not cue.before.endswith(","):
        found = None
    if found and found[1] > s:
        lead = masked[s:found[1]].split()
        if _after_object_preposition(lead):
            return None  # "a meeting between the two presidents": an object, no subject
        person = _person_from_workplace(lead)
        if person is not None:
            return Finding(person, s)
        if lead and lead[-1] in ("to", "for", "near", "in", "within", "inside"):
            whole = _modified_subject(masked[s:cue.start]) or parse_phrase(
                masked[s:cue.start].split())
            return Finding(whole) if whole is not None and (
                whole.vague or whole.role_only) else REFUSED
        own = _LOOSE_APPOSITION.match(masked[s:found[1]])
        if own and any(is_role_noun(w) for w in own.group(2).split() + found[0]):
            found = (own.group(1).split(), s)
        elif own is None and (named := _name_before_role(masked[s:cue.start], found[0])):
            return Finding(parse_phrase(named[0]), s, role=named[1])
    if not found:
        own = _LOOSE_APPOSITION.match(masked[s:cue.start].rstrip())
        if own is None or not _OWNER_THEN_WORD.search(own.group(2)):
            return None
        found = (own.group(1).split(), s)
    joint = _JOINT.match(masked[s:cue.start])
    if joint:  # "He and the Archbishop have both spoken out": the pronoun
        return Finding(parse_phrase([joint.group(1)]), s)
    return Finding(parse_phrase(_first_conjunct(found[0])), found[1])


def _person_from_workplace(lead: list[str]) -> Phrase | None:
    """"But Mr Hirsch from Retail Banking Research said": a person's titled or full name
    before "from" and the workplace right before the verb is the one speaking, never the
    workplace."""
    if len(lead) < 3 or lead[-1] != "from":
        return None
    k = len(lead) - 1
    while k > 0 and is_cap(lead[k - 1]):
        k -= 1
    phrase = parse_phrase(lead[k:-1]) if k < len(lead) - 1 else None
    if phrase is None or phrase.name is None or phrase.pronoun or phrase.vague \
            or phrase.role or is_organisation_name(phrase.name) \
            or not (phrase.title or len(phrase.name.split()) > 1):
        return None
    return phrase


def _name_before_role(before: str, described: list[str]) -> tuple[list[str], str] | None:
    """"John Connors, Microsoft's chief financial officer said": a full name, a comma and
    the role words read back from the verb (the closing comma left out) are the name
    speaking with that role, never the role alone."""
    whole = _LOOSE_APPOSITION.match(before.rstrip())
    phrase = parse_phrase(described)
    if whole is None or phrase is None or not phrase.role_only \
            or not whole.group(2).endswith(" ".join(described)):
        return None
    named = parse_phrase(whole.group(1).split())  # never "On Wednesday, a ... spokeswoman"
    if named is None or named.name is None or named.role or named.pronoun \
            or is_organisation_name(named.name) \
            or not (named.title or len(named.name.split()) > 1):
        return None
    role = whole.group(2).split()
    if role[0].lower() in _DETERMINERS:
        role = role[1:]  # "Michael Lamberty, a Lufthansa spokesman": "Lufthansa spokesman"
    return whole.group(1).split(), " ".join(role)


_DETERMINERS = {"a", "an", "the", "its", "his", "her", "their"}


def _after_object_preposition(lead: list[str]) -> bool:
    """Whether the words before a phrase end in "between", "with", ... (also before a
    joint "Presidents Putin and"): the phrase is that preposition's object."""
    k = len(lead)
    if k and lead[k - 1] == "and":
        k -= 1
    while k and (is_cap(lead[k - 1]) or lead[k - 1] == "and"):
        k -= 1
    return k > 0 and lead[k - 1] in _OBJECT_PREPOSITIONS


def employed_subject(cue: Cue) -> Finding | None:
    """A full name and where they work before the verb, after a quotation (see
    `employed_name`): before `subject_before`, which would take the workplace."""
    found = employed_name(cue.masked[cue.sent_start:cue.start])
    return Finding(parse_phrase(found)) if found else None


def workplace_subject(cue: Cue) -> Finding | None:
    """A full name, a comma and where they work right before the verb (see
    `unclosed_workplace`): before `subject_before`, which would take the workplace."""
    found = unclosed_workplace(cue.masked[cue.sent_start:cue.start].rstrip())
    return Finding(parse_phrase(found[0]), role=found[1]) if found else None


def apposition_subject(cue: Cue) -> Finding | None:
    """An apposition between the subject and the verb (see `apposition`)."""
    found = apposition(cue.masked, cue.sent_start, cue.start)
    if found is None:
        return None
    return Finding(parse_phrase(found[0]), role=found[1])


def relative_subject(cue: Cue) -> Finding | None:
    """'Beijing, which described ...', 'the International Air Transport Association (IATA),
    which has attacked ...': the subject of a relative clause is the phrase before it."""
    words = cue.masked[cue.sent_start:cue.start].rstrip().split()
    while words and words[-1].lower() in SKIP_BEFORE_VERB:
        words.pop()
    if len(words) >= 2 and words[-1] == "who" and (
            bare(words[-2]) in VAGUE_HEADS or words[-2] in _SOMEONE):
        return _vague_antecedent(words[:-1])
    if len(words) >= 3 and words[-1] == "who" and words[-2][:1].isupper() \
            and not words[-2].endswith(","):
        return _named_antecedent(words[:-1])
    if len(words) < 2 or words[-1].lower() not in {"which", "who"} or not words[-2].endswith(","):
        return None
    text = " ".join(words[:-1])[:-1]
    found = words_before(text + " ", 0, len(text) + 1)
    return Finding(parse_phrase(found[0])) if found else None


def _named_antecedent(words: list[str]) -> Finding | None:
    """"The figures were given by economics minister Heizo Takenaka who said ...", "a
    message repeated by Home Secretary Charles Clarke who said": a person's full or titled
    name right before "who" with no comma is the relative clause's subject (never an
    organisation's name, nor a preposition's object: "a row with Mr Blair who said")."""
    text = " ".join(words)
    found = words_before(text + " ", 0, len(text) + 1)
    phrase = parse_phrase(found[0]) if found else None
    if found is None or phrase is None or phrase.name is None or phrase.pronoun is not None \
            or is_organisation_name(phrase.name) \
            or not (phrase.title or len(phrase.name.split()) > 1):
        return None
    lead = text[:found[1]].split()
    if lead and lead[-1] in _OBJECT_PREPOSITIONS:
        return None
    return Finding(phrase)


def _vague_antecedent(words: list[str]) -> Finding | None:
    """"It has had vocal critics who say it could favour large over small", "came from
    someone who claimed that ...": a generic source (and one describing word before it)
    that is not a preposition's object ("legal battles with people who claim ...", "respond
    to people who said": the people are talked about) nor just "people"."""
    head = words[-1]
    k = len(words) - 1
    if k > 0 and re.fullmatch(r"[a-z][a-z]*", words[k - 1]) and words[k - 1] not in (
            _NOT_DESCRIBING | PREPOSITIONS) and not words[k - 1].endswith(("ed", "ing", "s")):
        k -= 1
    if (k > 0 and words[k - 1] in PREPOSITIONS - {"from"}) or head == "people":
        return None
    if head in _SOMEONE:
        return Finding(Phrase(head, None, None, None, vague=True))
    phrase = parse_phrase(words[k:])
    return Finding(phrase) if phrase is not None and phrase.vague else None


def modified_subject(cue: Cue) -> Finding | None:
    """'Critics of the measure argue', 'A leading expert on the Cuban economy says'."""
    phrase = _modified_subject(cue.masked[cue.sent_start:cue.start])
    return Finding(phrase) if phrase is not None else None


# (the first verb may be a past tense not in -ed: "Russian Dmitriy Bogdanov won at the
# venue last week and then claimed ..."; and have no object: "Mr Smith resigned and said")
_IRREGULAR_FIRST = "|".join(sorted(attribution_words("irregular_past")))
_COORDINATED = re.compile(
    rf"\s*(?:(?:But|And|Yet|However,|Meanwhile,|Now,)\s+)?((?:[A-Za-z][\w'’-]*\s+){{0,4}}?"
    rf"(?:(?:{_TITLE})\s+)?"
    r"[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})\s+(?:(has|have|had|is|are|was|were)\s+)?"
    r"(?:(?:also|now|then|already)\s+)?(?:(?!(?:is|was|does)\b)[a-z]+(?:ed|s)|had|have|"
    + _IRREGULAR_FIRST + r")\b"
    r"(?:[^,;:\"“”]{3,120}?|\s*?)(\s+and|,?\s+but)\s+(?:(?:has|have|had|also|now|then)\s+)?$")
_NOT_COORDINATED = re.compile(r"\b(?:who|which|that|whose|when|while|after|before|because|"
                              r"if|as|since|until|where|whether|but|although|though|unless|"
                              r"so|to)\b")
_BE = {"is", "are", "was", "were"}
_SOMEONE = {"someone", "somebody"}
PREPOSITIONS = attribution_words("preposition") | {"with", "to", "for", "by", "of", "among"}
# words before a generic source that are no part of it ("from someone who", "had critics")
_NOT_DESCRIBING = {"from", "by", "had", "has", "have", "with", "to", "of", "for", "and", "or",
                   "that", "the", "are", "were", "is", "was", "on", "in", "at", "among"}
def _finite(verb: str) -> bool:
    """A finite verb: "says", "claimed", "said"; never "... seems certain to end ... and
    announce" (an infinitive under "to")."""
    return verb.endswith(("s", "ed")) or verb in past_tenses()


def coordinated_subject(cue: Cue) -> Finding | None:
    """"However, DEC has no connection with the fake site and says it has contacted the
    police", "AOL backed the price cuts but said regulation was still needed": a verb
    joined by "and" or "but" to the sentence's first verb has its subject (a name
    right before that verb), when no clause of another subject comes between (no comma,
    no "who", "that", "when" ...). Never a passive's listener ("Mr Wass was also given a
    curfew and told to surrender his passport")."""
    m = _COORDINATED.match(cue.masked, cue.sent_start, cue.start)
    if m is None or _NOT_COORDINATED.search(cue.masked, m.end(1), m.start(3)) \
            or (m.group(2) in _BE and cue.verb in NO_INVERSION) \
            or not _finite(cue.verb.split()[0]) \
            or m.group(1).split()[-1].endswith("ing"):
        return None
    lead = m.group(1).split()
    if any(w.lower() in PREPOSITIONS or w.lower() in _NOT_DESCRIBING for w in lead[1:]):
        return None  # "Investors in WPP welcomed ...": WPP is no subject
    if m.group(1).split()[0] == "The" and m.group(2) is None \
            and not re.match(r"\s+[a-z]+ed\b", cue.masked[m.end(1):]):
        return None  # "The ESPN games are ...": "The" and a name before a noun in -s
    phrase = parse_phrase(m.group(1).split())
    if phrase is None or phrase.pronoun is not None or phrase.reference is not None \
            or phrase.name is None or fold(phrase.name) in gazetteer().adjectives \
            or phrase.name.split()[-1] != lead[-1]:
        return None  # "The Russian turned his right ankle ...": a demonym names nobody
    return Finding(phrase, cue.sent_start)


SUBJECT_FINDERS: tuple[Finder, ...] = (passive_agent, inverted_subject,
                                       indefinite_inverted_subject,
                                       authored_report_subject, owned_statistics_subject,
                                       share_subject,
                                       employed_subject, workplace_subject, subject_before,
                                       referring_subject, apposition_subject,
                                       relative_subject, modified_subject,
                                       owned_document_subject, named_document_subject,
                                       coordinated_subject, owner_statement_subject)


def find_subject(cue: Cue) -> Subject | None:
    """The first subject a finder names, checked against relative-clause lists."""
    clause, role = cue.sent_start, None
    for finder in SUBJECT_FINDERS:
        found = finder(cue)
        if isinstance(found, Refusal):
            return None
        if found is None:
            continue
        clause = found.clause if found.clause is not None else clause
        role = found.role if found.role is not None else role
        if found.phrase is not None:
            return outside_relative_list(cue, Subject(found.phrase, clause, role))
    return None


def _first_conjunct(words: list[str]) -> list[str]:
    """'He and the Archbishop of Canterbury have both spoken out': with joint subjects, the
    first one (a pronoun or a full name) is the one kept."""
    low = [w.lower() for w in words]
    if "and" not in low[1:] or bare(words[-1].rstrip(".")) in COMPANY_SUFFIXES:
        return words  # "Baoshan Iron and Steel Co." is one name
    k = low.index("and", 1)
    first = parse_phrase(words[:k])
    rest = parse_phrase(words[k + 1:])
    if first is None or rest is None:
        return words
    if first.name and re.match(r"[A-Z]\S*\s+(?:of|for)\s+[A-Z]", first.name) \
            and bare(first.name.split()[0]) in ORG_WORDS and words[k + 1][:1].isupper():
        return words  # "A Department for Work and Pensions spokeswoman": one name
    if first.pronoun or (first.name and (first.title or len(first.name.split()) > 1)
                         and (rest.name or rest.role)):
        return words[:k]
    return words


def _modified_subject(before: str) -> Phrase | None:
    """A generic source or role noun with a prepositional phrase after it."""
    m = _MODIFIED.match(before)
    if not m:
        return None
    words = m.group(1).split()
    head = bare(words[-1])
    if head not in VAGUE_HEADS and head not in ROLE_NOUNS:
        return None
    return parse_phrase(words)
