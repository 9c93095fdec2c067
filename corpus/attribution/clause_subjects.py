"""The subject of a speech verb in a clause joined to another: a relative clause's
antecedent ("Beijing, which described ...", "someone who claimed") and the subject of a
verb coordinated with the sentence's first ("AOL backed the price cuts but said ...")."""
from __future__ import annotations

import re

from corpus.attribution.cues import NO_INVERSION, REQUEST_VERBS, Cue
from corpus.attribution.findings import Finding
from corpus.attribution.subject_words import SKIP_BEFORE_VERB, words_before
from corpus.folding import fold
from corpus.gazetteer import gazetteer
from corpus.lexicon import attribution_words, past_tenses
from corpus.people import is_organisation_name
from corpus.phrases import VAGUE_HEADS, Phrase, bare, parse_phrase
from corpus.titles import title_pattern

_TITLE = title_pattern("pattern")
_OBJECT_PREPOSITIONS = attribution_words("object_preposition")
_BE = {"is", "are", "was", "were"}
_SOMEONE = {"someone", "somebody"}
_PREPOSITIONS = attribution_words("preposition") | {"with", "to", "for", "by", "of", "among"}
# words before a generic source that are no part of it ("from someone who", "had critics")
_NOT_DESCRIBING = {"from", "by", "had", "has", "have", "with", "to", "of", "for", "and", "or",
                   "that", "the", "are", "were", "is", "was", "on", "in", "at", "among"}


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
            _NOT_DESCRIBING | _PREPOSITIONS) and not words[k - 1].endswith(("ed", "ing", "s")):
        k -= 1
    if (k > 0 and words[k - 1] in _PREPOSITIONS - {"from"}) or head == "people":
        return None
    if head in _SOMEONE:
        return Finding(Phrase(head, None, None, None, vague=True))
    phrase = parse_phrase(words[k:])
    return Finding(phrase) if phrase is not None and phrase.vague else None


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
    if any(w.lower() in _PREPOSITIONS or w.lower() in _NOT_DESCRIBING for w in lead[1:]):
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


# "The figures prompted some analysts to forecast that ...", "..., leading some
# commentators to argue that ...": the people moved to speak, right before "to" and the verb
_PROMPTED = re.compile(r"\b(?:prompted|prompting|led|leading|forced|forcing|caused|causing)"
                       r"\s+((?:[\w'’-]+\s+){0,4}?[\w'’-]+)\s+to\s*$")


def prompted_subject(cue: Cue) -> Finding | None:
    """"The figures prompted some analysts to forecast that the Bank will raise rates": the
    object of a verb that moves someone to speak is the speaker of the infinitive after it
    (a generic source, a name or a description; never a pronoun: "prompting him to
    complain" is the resolver's business only when it is someone's name)."""
    m = _PROMPTED.search(cue.masked, cue.sent_start, cue.start)
    if m is None or cue.verb in REQUEST_VERBS:
        return None  # "prompting the Queen to ask Harold Wilson to form ...": a request
    phrase = parse_phrase(m.group(1).split())
    if phrase is None or phrase.pronoun is not None:
        return None
    return Finding(phrase, m.start(1))
