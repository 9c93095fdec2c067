"""Speech cues: a speech verb found in a sentence, and whether it reports speech there.

The verbs and the frames they need are data (data/speech_verbs.tsv, read by
`corpus.lexicon`); the checks here read the words around the verb. Each check below refuses
one kind of non-speech use; a cue is speech when none refuses it.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from corpus.attribution.declined import declined_statement
from corpus.lexicon import attribution_words, cue_forms, cue_pattern, phrase_words
from corpus.phrases import DOCUMENT_NOUNS
from corpus.quotes import CLOSERS
from corpus.titles import title_pattern

CUE = cue_pattern()
# What may open a clause before its subject ("But the minister said", "And Apacs' figures
# show"): the subject patterns skip it.
CLAUSE_OPENER = r"(?:(?:But|And|Yet|However,)\s+)?"
# An inverted subject follows a verb that opens its clause: after these or at the start.
BEFORE_INVERSION = ",;:\"" + CLOSERS
NEEDS_AS = cue_forms("needs_as")
PASSIVE_ONLY = cue_forms("passive_only")
REPORT_ONLY = cue_forms("report_subject")
NO_INVERSION = cue_forms("no_inversion")
WEAK_VERBS = cue_forms("weak")
OBJECT_CONTENT_VERBS = cue_forms("object_content")
CLAUSE_CONTENT_VERBS = cue_forms("clause_content")
CLAUSE_ONLY_VERBS = cue_forms("clause_only")
OBJECT_THEN_TO_VERBS = cue_forms("object_then_to")
QUOTED_OBJECT = cue_forms("quoted_object")
REQUEST_VERBS = cue_forms("request_to")
AFTER_WHAT = cue_forms("after_what")
IRREGULAR_PARTICIPLES = cue_forms("participle")
REPORT_HEADS = attribution_words("report_head")
GREETINGS = cue_forms("greeting")
NAMING = cue_forms("naming")
PEOPLE_NOUNS = attribution_words("people_noun")
STATISTICS_NOUNS = phrase_words("statistics_noun")
OWNED_NOUNS = DOCUMENT_NOUNS | STATISTICS_NOUNS

_BY = re.compile(r"^\s+by\b")
_AS = re.compile(r"\bas\b")
_FINITE = r"(?:was|were|is|are|had|has|would|will|could|should|must|might|needs)\b"
# (a longer subject, four or five words, must hold no relative pronoun, "rejected a
# Conservative compromise offer that could have ...", and must not open with a verb,
# "Further reports had suggested ..." has "reports" for a noun: "Finlay Calder fears civil
# war at the SRU could ...", "believe more of the sessions will mean ...")
_SPEECH_FOLLOW = re.compile(r"^\s*(?:[:,]|that\b|it\b|he\b|she\b|they\b|there\b|the\b|[\"“”]"
                            r"|(?!(?:for|to|with|about|on|in|at|from|by|of|as)\b)"
                            r"\w+\s+(?:\w+\s+){0,2}" + _FINITE
                            + r"|(?!(?:for|to|with|about|on|in|at|from|by|of|as|have|" + _FINITE[3:]
                            + r")\w+\s+(?:(?!(?:that|which|who|whose|when|where)\b)\w+\s+){3,4}"
                            + _FINITE
                            + r"|(?:on|last|this|in)\s+\w+\s+that\b|(?:yesterday|today)\s+that\b)")
# "wrote to Mr McConnell on Tuesday accusing him of ...": the participle carries the speech
# ("issued a statement calling Davis "an icon"": "calling" someone something).
_SPEECH_PARTICIPLE = re.compile(r"^[^,;.]{0,60}(?:,\s*)?\b(?:accusing|urging|calling for|"
                                r"saying|telling|demanding|warning|claiming|insisting|"
                                r"calling\s+(?:him|her|it|them|the|[A-Z]\w*))\b")
# Attitude and forecast verbs also take a plain object as their content: "it expects a rise".
_OBJECT_CONTENT = re.compile(r"^\s*(?:a|an|further|more|higher|lower|no|\d)\b")
# ... and an object with its infinitive: "Analysts had expected Japan's Nippon to agree".
_OBJECT_TO = re.compile(r"^\s*(?!to\b)[^.;:!?\"“”]{1,100}?\bto\s+[a-z]+\b")
# request_to: an addressee (a few words, no preposition, comma or verb in -ed) and an
# infinitive, "asked California's Supreme Court to rule on", "asked him to stay"
_REQUEST = re.compile(r"^\s+(?!(?:about|for|after|if|whether|why|how|what|when|where|who|to|"
                      r"of|on|in|at|by|with|from|over|questions?)\b)"
                      r"(?:(?!(?:about|for|after|of|on|in|at|by|with|from|over|and|or|that|"
                      r"which|who)\b)[\w'’.&-]+\s+){1,5}?to\s+(?!the\b|a\b|an\b|his\b|her\b|"
                      r"their\b|its\b)[a-z]+\b")
# ... or with a longer subject and a modal: "Mark Ballard fears people not on the
# council's edited electoral register may miss out" (no preposition first, no relative
# pronoun or punctuation inside)
_LONG_CLAUSE = re.compile(r"^\s+(?!(?:for|to|with|about|on|in|at|from|by|of|as|that|what|how)\b)"
                          r"[a-z][\w-]*\s+(?:(?!(?:that|which|who|whose|when|where|and|or|to)"
                          r"\b)[\w'’-]+\s+){1,7}(?:may|might|can|could|will|would|should|must)"
                          r"\s+(?:not\s+)?[a-z]+\b")
# A clause opening with a name: "Ferguson believes Henry deliberately caught Heinze".
_NAME_CLAUSE = re.compile(r"^\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*\s+(?!(?:of|and|or|in|on|at|"
                          r"to|for|from|with|by|as)\b)[a-z]+\b")
# clause_only: "the" and a noun followed by a preposition, a conjunction or the end are an
# object, no content ("rejected the bill and ...", "feel the pressure to ..."); "felt the
# result exposed ..." opens a clause.
_THE_OBJECT = re.compile(r"^\s*the\s+((?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)\b(?=\s*(?:$|[,.;:!?]|"
                         r"(?:to|of|and|or|but|for|on|in|from|at|with|as|over|about|after|by)"
                         r"\b))")
SPEECH_NOUNS = attribution_words("speech_noun")
# (a time may close it: "..., the IFPI reported last month.")
_END_ONLY = re.compile(r"\s*(?:(?:last|this)\s+(?:week|month|year)|(?:on\s+|last\s+)?"
                       r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today)?\s*[.!?]?\s*")
_QUOTE_CLOSED = re.compile(r"[,?!][\"”]")
_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|been|be|being)(?:\s+(?:also|later|then|not|"
                        r"never|reportedly|widely|repeatedly|now))?$")
_WHAT_NAMED = re.compile(r"\bwhat\s+(?:the\s+)?[A-Z][^,;]*$")
_DETERMINER = re.compile(r"\b(?:the|a|an|his|her|its|their|these|those|this|that|my|our|"
                         r"your)$")
_WHAT_THEY = re.compile(r"\bwhat\s+(?:they|he|she|it|some|many)\s*$")
_WHETHER = re.compile(r"\b(?:[Ww]hether|[Ii]f)\b[^,;]*$|\b(?:why|how)(?:\s+\S+){0,2}$")


def is_participle(verb: str) -> bool:
    return verb.endswith("ed") or verb in IRREGULAR_PARTICIPLES


@dataclass(frozen=True)
class Cue:
    """A speech verb matched in a sentence, with the (quotation-masked) text around it."""

    masked: str  # the whole paragraph, quotations masked
    sent_start: int
    sent_end: int
    start: int
    end: int
    verb: str
    before: str  # the sentence up to the verb, trailing space dropped
    rest: str  # the sentence after the verb
    passive: bool  # "were urged by", "backed by"


def cues_in(masked: str, s: int, e: int) -> Iterator[Cue]:
    for m in CUE.finditer(masked, s, e):
        verb, rest = m.group(), masked[m.end():e]
        yield Cue(masked, s, e, m.start(), m.end(), verb, masked[s:m.start()].rstrip(), rest,
                  bool(_BY.match(rest)) and is_participle(verb))


def _lacks_as(cue: Cue) -> bool:
    """needs_as: "dismissed the plan as "desperate"" is speech, "dismissed the case" not."""
    return cue.verb in NEEDS_AS and not _AS.search(cue.rest)


def _has_content(cue: Cue) -> bool:
    """Speech-like content after a weak verb: a clause, a colon or quotation, a speech
    participle, an object for forecast verbs; or a quotation before it ('"...," he noted',
    '"...," she wrote in a paper')."""
    rest, before = cue.rest, cue.before
    the = _THE_OBJECT.match(rest) if cue.verb in CLAUSE_ONLY_VERBS else None
    if the and not SPEECH_NOUNS.intersection(the.group(1).split()):
        return False  # "rejected the bill and ...", "feel the pressure to ..."
    return bool(_SPEECH_FOLLOW.match(rest) or _SPEECH_PARTICIPLE.search(rest)
                or (cue.verb in OBJECT_CONTENT_VERBS and (_OBJECT_CONTENT.match(rest)
                                                          or _OBJECT_TO.match(rest)))
                or (cue.verb in CLAUSE_CONTENT_VERBS and (_NAME_CLAUSE.match(rest)
                                                          or _LONG_CLAUSE.match(rest)))
                or (cue.verb in REQUEST_VERBS and _REQUEST.match(rest) is not None)
                or before.endswith(tuple(",\"”"))
                or _QUOTE_THEN_SUBJECT.search(before) is not None
                or (_END_ONLY.fullmatch(rest) and (_QUOTE_CLOSED.search(before)
                                                   or _CONTENT_BEFORE.search(before))
                    and not _said_before(before)))


# '"It is perhaps in a compromise ... that the greatest potential lies," she wrote in a
# paper': a closed quotation, then the subject right before the weak verb, is its content
_QUOTE_THEN_SUBJECT = re.compile(r"[,?!][\"”]\s+(?:he|she|they|(?:[A-Z][\w'’-]*\s+){0,2}"
                                 r"[A-Z][\w'’-]*)$")


def _said_before(before: str) -> bool:
    """'"...," said John Craig, co-author of the Demos report.': a speech verb between the
    last closed quotation and a weak verb closing the sentence has said the content; the
    weak verb's form ends a description of its speaker ("report" is a noun here)."""
    ends = [m.end() for m in _QUOTE_CLOSED.finditer(before)]
    return bool(ends) and _CUE_AFTER_QUOTE.match(before, ends[-1]) is not None


_CUE_AFTER_QUOTE = re.compile(rf"\s*(?:{CUE.pattern})")


# "... is "wishful thinking", the report concludes.": the content before a comma, then the
# subject (a few words) and the verb closing the sentence
# (the subject may be an organisation's long name and its acronym: ", the International
# Federation of the Phonographic Industry (IFPI) reported"; never a participle's clause,
# ", boosting their Oscars hopes this month.")
_CONTENT_BEFORE = re.compile(r"\S.*,\s+(?![a-z]+ing\s+(?:their|his|her|its|the|an?)\b)"
                             r"(?:(?:[\w'’-]+\s+){0,4}[\w'’-]+"
                             r"|(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|for|and|the|&)){1,8}"
                             r"(?:\s+\([A-Z][A-Za-z&]{1,8}\))?)$")


def _weak_without_content(cue: Cue) -> bool:
    """weak: "believes that ..." is speech, "agreed a deal" is not (the passive always is)."""
    return cue.verb not in NEEDS_AS and not cue.passive and cue.verb in WEAK_VERBS \
        and not _has_content(cue)


def _active_passive_only(cue: Cue) -> bool:
    """passive_only: "was backed by Lord Armstrong" is speech, "backed the plan" not."""
    return cue.verb in PASSIVE_ONLY and not _BY.match(cue.rest)


def _impersonal_passive(cue: Cue) -> bool:
    """"He is said to be ...", "parents were warned ...": a listener or a rumour, no speaker
    (a "by X" agent still speaks)."""
    return not cue.passive and is_participle(cue.verb) and bool(_BE_BEFORE.search(cue.before))


_PREPOSITION_NEXT = re.compile(r"^\s+(?:of|for|over|on|after)\b")


def _bare_passive(cue: Cue) -> bool:
    """"Labour accused of broken pledge", "Labour attacked on Howard poster": a verb whose
    object follows it (no_inversion), as a participle straight before a preposition, is
    a passive with no agent; nobody speaks."""
    return cue.verb in NO_INVERSION and cue.verb.endswith("ed") \
        and bool(_PREPOSITION_NEXT.match(cue.rest))  # never "He told of his ordeal"


def _calls_outside_what(cue: Cue) -> bool:
    """after_what: only "in what Dimension Data calls an ..." """
    return cue.verb in AFTER_WHAT and not _WHAT_NAMED.search(cue.before)


def _noun_after_determiner(cue: Cue) -> bool:
    """"made the comments", "his claims": after a determiner the cue word is a noun."""
    return bool(_DETERMINER.search(cue.before))


# "The Demos report, entitled ...", "a Deloitte report was": a determiner and a name right
# before the word, then a comma or a verb after it
_NAMED_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+"
                           r"(?:[A-Z][\w&'’.-]*\s+){0,2}[A-Z][\w&'’.-]*$")
_NOUN_FOLLOW = re.compile(r"^\s*(?:,|(?:was|were|is|are|has|had|said|says|found|showed|shows)\b)")


_ADVICE = re.compile(r"\b(?:should|ought\s+to)$")


def _advised(cue: Cue) -> bool:
    """"Fans of robotic gastropods should note the title refers ...": what someone should
    say or note is advice to them, nobody's statement."""
    return bool(_ADVICE.search(cue.before))


def _document_after_name(cue: Cue) -> bool:
    """"The Demos report, entitled Broadband Britain, was commissioned by AOL": a document
    noun after a determiner and its owner's name, followed by a comma or a verb, is the
    document, no statement ("The BBC reports that ..." still is one), when no speech verb
    follows for it to be the subject of ("The Hefce report, drawing on ..., said" is still
    read through the document's owner)."""
    return cue.verb in DOCUMENT_NOUNS and bool(_NAMED_BEFORE.search(cue.before)) \
        and bool(_NOUN_FOLLOW.match(cue.rest)) and CUE.search(cue.rest) is None


def _characterisation(cue: Cue) -> bool:
    """"after what they describe as": a characterisation, no statement."""
    return bool(_WHAT_THEY.search(cue.before))


def _inside_whether(cue: Cue) -> bool:
    """"declined to say whether the prime minister backed the plans", "Asked why he
    thought the warnings were not there", "If Alex Kapranos genuinely thinks ... then":
    no statement."""
    return bool(_WHETHER.search(cue.before))


_PASSIVE_SUBJECT = re.compile(r"([\w'’-]+)\s+(?:(?:have|has|had)\s+been|was|were|is|are|"
                              r"be|been|being)(?:\s+\w+ly)?\s*$")


_MODAL_BE = re.compile(r"\s+(?:will|would|could|may|might|must|should|can|to)\s+be$")
_BE_AUX = re.compile(r"\b(?:be|been|being|was|were|is|are)$")
_TITLED_OPENING = re.compile(rf"\s*(?:{title_pattern('pattern')})\.?\s+[A-Z]")


def _greeting_people(cue: Cue) -> bool:
    """greeting: "The delegations were welcomed by President Erdogan", "He was welcomed
    by ...": people welcomed are greeted, people questioned are interrogated, nobody
    speaks ("the plan was welcomed by MPs", "Mr Llwyd's theory has been questioned by
    Dafydd Wigley" still do)."""
    if cue.verb not in GREETINGS or not cue.passive:
        return False
    before = _MODAL_BE.sub(" be", cue.before)
    m = _PASSIVE_SUBJECT.search(before)
    if m is None:
        # "Mr Lebedev and Mr Khodorkovsky, who ..., will be questioned by a judge"
        return bool(_BE_AUX.search(cue.before)
                    and _TITLED_OPENING.match(cue.masked, cue.sent_start))
    word = m.group(1)
    return word.lower() in PEOPLE_NOUNS or (word[:1].isupper() and m.start() > 0)


_BY_DEED = re.compile(r"^\s+by\s+([a-z]+ing)\b")
_SPEECH_PARTICIPLES = attribution_words("speech_participle")


def _response_by_deed(cue: Cue) -> bool:
    """"responded by using his 28.1% shareholding to vote off three board members": a
    response in deeds, no statement ("responded by accusing the prime minister" is one)."""
    m = _BY_DEED.match(cue.rest) if cue.verb.startswith("respond") else None
    return m is not None and m.group(1) not in _SPEECH_PARTICIPLES \
        and m.group(1) not in ("accusing", "urging", "calling", "telling", "demanding")


_OBJECT_THEN_TO = re.compile(r"^\s+(?:to\b|(?:their|his|her|its|the|a|an|some|more|another|"
                             r"[£$€]?\d[\d,.]*%?)(?:\s+(?![\w-]+ed\b)[\w'’-]+){0,3}\s+to\b)")


def _put_somewhere(cue: Cue) -> bool:
    """object_then_to: "OutKast will add their awards to the four they won", "added to the
    pressure", "US firms added only 146,000 jobs": a thing or a number added, no statement
    ("He added that ...", "added 20 people had died" are)."""
    return cue.verb in OBJECT_THEN_TO_VERBS and bool(
        _OBJECT_THEN_TO.match(cue.rest) or _NUMBER_ADDED.match(cue.rest)) \
        and not _FINITE_LATER.search(cue.rest)  # "added its bid to acquire X was being ..."


# "the Czech added a third after rounding Shay Given", "Joe Cole added a second with a
# 20-yard shot", "added a penalty after ...": a thing and a preposition after it
_THING_ADDED = re.compile(r"^\s+(?:a|an|another)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+\s+"
                          r"(?:after|with|in|on|for|from|at|before|during)\b")


def _thing_added(cue: Cue) -> bool:
    """object_then_to: a goal, a try or a penalty added in a match report ("Joe Cole added
    a second with a 20-yard shot") is no statement; a clause later still is one ("added a
    warning for investors that prices would fall")."""
    return cue.verb in OBJECT_THEN_TO_VERBS and bool(_THING_ADDED.match(cue.rest)) \
        and not _FINITE_LATER.search(cue.rest) and not _SPEECH_PARTICIPLE.search(cue.rest)


_NUMBER_ADDED = re.compile(r"^\s+(?:only\s+|just\s+|another\s+|a\s+further\s+)?[£$€]?\d")


_FINITE_LATER = re.compile(r"\b(?:would|will|was|were|is|are|had|has|could|should|must|may|"
                           r"might)\b")


_NAME_GIVEN = re.compile(r"^\s*(?:the\s+)?[\"“'‘]")


def _name_given(cue: Cue) -> bool:
    """naming: "Baywatch dubbed 'worst TV import'", "X and Y, dubbed the "McLibel Two",
    were": a participle right after a comma, or right before a quotation, gives a name, no
    statement ("The Law Society dubbed Mr Clarke's new proposals an "abuse of power"")."""
    return cue.verb in NAMING and (cue.before.endswith(",") or bool(_NAME_GIVEN.match(cue.rest)))


_FUTURE = re.compile(r"\b(?:will|would|is\s+to|are\s+to|plans\s+to|intends\s+to)\s+$")
_PLAIN_OBJECT = re.compile(r"^\s+(?:the|a|an|its|their|his|her)\s+[\w'’-]+(?:\s+[\w'’-]+){0,4}"
                           r"\s+(?:at|on|in|next|later|by|after|before)\b(?![^.;]*\b(?:that|would"
                           r"|will|was|were|is|are|had|has)\b)")


def _announcement_to_come(cue: Cue) -> bool:
    """"The company ... will announce the location of its head office at a later date":
    a statement still to come, with a thing for its object and a time after it, says
    nothing yet ("will say that ..." and "will announce that ..." still speak)."""
    return cue.verb in ("announce", "unveil", "reveal", "publish") \
        and bool(_FUTURE.search(cue.before + " ")) and bool(_PLAIN_OBJECT.match(cue.rest))


_POINTS_NOUN = re.compile(r"(?:\b[A-Za-z]+ing|\d[\d.,]*|\b(?:two|three|four|five|six|seven|"
                          r"eight|nine|ten|percentage|price))$")


def _points_noun(cue: Cue) -> bool:
    """"Sticking points to membership have included ...", "three points to widen the gap":
    after a word in -ing or a number, "points" is a noun, no statement."""
    return cue.verb == "points to" and bool(_POINTS_NOUN.search(cue.before))


def _declined(cue: Cue) -> bool:
    """"HP declined to comment on ...": no statement (`declined`), unless a statement goes
    on after it ("refused to comment on the reports, but said ...", "declined to comment,
    saying ..."), which keeps its subject."""
    return declined_statement(cue.before, cue.verb) and not any(
        CUE.match(cue.rest, m.end()) for m in _GOES_ON.finditer(cue.rest))


# "..., but said", "and insisted", ", saying"
_GOES_ON = re.compile(r"(?:\b(?:but|and)\s+(?:[a-z]+ly\s+)?|,\s+)(?=[a-z])")


_REFUSALS: tuple[Callable[[Cue], bool], ...] = (
    _lacks_as, _weak_without_content, _active_passive_only, _impersonal_passive,
    _calls_outside_what, _noun_after_determiner, _characterisation, _inside_whether,
    _greeting_people, _bare_passive, _response_by_deed, _put_somewhere, _name_given,
    _announcement_to_come, _document_after_name, _advised, _thing_added, _points_noun,
    _declined)


def is_speech(cue: Cue) -> bool:
    """Whether the cue reports speech here: no check refuses it."""
    return not any(refuses(cue) for refuses in _REFUSALS)
