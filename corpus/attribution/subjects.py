"""Who is the subject of a speech verb: small finders, each reading one convention, tried in
order until one names a subject.

A finder may find no phrase and still say where the subject's clause starts or which role
an apposition gives; the finders after it keep that (as the rules always have). A finder
may also refuse the cue outright ("Sources close to Mr X said" read as no one at all).
"""
from __future__ import annotations

import re

from corpus.attribution.apposition import apposition, employed_name, unclosed_workplace
from corpus.attribution.clause_subjects import (
    coordinated_subject,
    prompted_subject,
    relative_subject,
)
from corpus.attribution.clause_tails import (
    modified_phrase,
    name_of_employer,
    reduced_relative,
    source_after_comma,
)
from corpus.attribution.cues import BEFORE_INVERSION, NO_INVERSION, REPORT_HEADS, Cue
from corpus.attribution.documents import after_according
from corpus.attribution.findings import REFUSED, Finder, Finding, Refusal, Subject
from corpus.attribution.indefinite_speakers import indefinite_inverted_subject
from corpus.attribution.owned_subjects import (
    authored_report_subject,
    described_statistics_subject,
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
    object_not_subject,
    words_after,
    words_before,
)
from corpus.lexicon import attribution_words
from corpus.people import is_organisation_name
from corpus.phrases import (
    ORG_WORDS,
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


def passive_agent(cue: Cue) -> Finding | Refusal | None:
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
    if reduced_relative(cue, words):
        return REFUSED
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
    if words and object_not_subject(cue.masked, cue.end, cue.sent_end, words) \
            and not name_of_employer(cue, words):
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
            whole = modified_phrase(masked[s:cue.start]) or parse_phrase(
                masked[s:cue.start].split()) or source_after_comma(cue)
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
    # (the role alone, or a role at where they work: "Marc Ostwald, a strategist at
    # Monument Securities told Reuters")
    if whole is None or phrase is None or not (phrase.role_only or _role_at_work(phrase)) \
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
_AT_WORK = {"at", "of", "for", "with", "from"}


def _role_at_work(phrase: Phrase) -> bool:
    """"strategist at Monument Securities": a role, a preposition and where they work."""
    role = (phrase.role or "").split()
    return bool(phrase.name) and len(role) >= 2 and role[-1] in _AT_WORK \
        and is_role_noun(role[-2])


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


def modified_subject(cue: Cue) -> Finding | None:
    """'Critics of the measure argue', 'A leading expert on the Cuban economy says'; also
    after a comma ("But progress has been slow, reports from the country say.")."""
    phrase = modified_phrase(cue.masked[cue.sent_start:cue.start]) or source_after_comma(cue)
    return Finding(phrase) if phrase is not None else None


SUBJECT_FINDERS: tuple[Finder, ...] = (passive_agent, prompted_subject, inverted_subject,
                                       indefinite_inverted_subject,
                                       authored_report_subject, owned_statistics_subject,
                                       described_statistics_subject,
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
