"""What a question asks for: a plain search, what one speaker said, or who said something."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from corpus.lexicon import cue_forms, speech_verbs
from retrieval.answering.asked_act import FEELINGS
from retrieval.answering.content_verbs import acts_on_object, is_content_verb
from retrieval.answering.quote_question import parse_check
from retrieval.answering.records import Intent

MAX_QUESTION_CHARS = 1000  # longer questions are cut, with a note to the user

_SPEECH = (
    r"say|said|saying|says|tell|told|telling|think|thought|thinks|announce|announced|claim|"
    r"claimed|call|called|describe|described|urge|urged|warn|warned|mean|meant|promise|"
    r"promised|propose|proposed|add|added|suggest|suggested|argue|argued|reveal|revealed|"
    r"insist|insisted|admit|admitted|stress|stressed|ask|asked|demand|demanded|comment|"
    r"commented|predict|predicted|believe|believed|state|stated|talk|talked|speak|spoke|"
    # "What is Turkcell warning about …?": the progressive asks the same
    r"thinking|announcing|claiming|calling|describing|urging|warning|promising|proposing|"
    r"suggesting|arguing|revealing|insisting|admitting|stressing|asking|demanding|"
    r"predicting|stating|talking|speaking"
)
_WHAT_DID = re.compile(
    rf"^\s*(?:so\s+|and\s+|but\s+)?(?:what|which\s+\w+)\s+"
    # an article is never the whole speaker: "what did the state environmental protection
    # agency say" is not "the" stating something
    rf"(?:did|does|do|has|have|had|was|is|are|were|would)\s+(?P<x>(?:(?:the|a|an)\s+)?.+?)\s+"
    # "what did X have to say", "what has X been saying"
    rf"(?:(?:have|has|had)\s+to\s+|been\s+)?"
    rf"(?:(?:just|really|actually|ever|recently|also|first)\s+)?"
    rf"(?:{_SPEECH}|make\s+of|made\s+of)\b(?P<rest>.*)$", re.IGNORECASE)
_DID_X_SAY = re.compile(
    rf"^\s*(?:did|has|have|does)\s+(?P<x>(?:(?:the|a|an)\s+)?.+?)\s+(?:ever\s+)?"
    rf"(?:{_SPEECH}|mention|mentioned)"
    rf"\b(?P<rest>.*)$", re.IGNORECASE)
@cache
def _lexicon_forms() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """"What did X <verb> …" and "Did X <verb> …" for every speech verb of the lexicon
    (corpus/data/speech_verbs.tsv: its lemmas and forms) that _SPEECH lacks: "did the
    liverpool manager blame his keeper …" asks what he said about it, as "who blamed …"
    asks who said it. Loose: many of these also report findings ("what did the survey
    find"), so when X fits no speaker the question is a plain search."""
    known = set(_SPEECH.split("|"))
    forms = {*cue_forms(), *(verb.lemma for verb in speech_verbs())} - known
    verbs = "|".join(re.escape(f).replace(r"\ ", r"\s+")
                     for f in sorted(forms, key=len, reverse=True))
    what = _WHAT_DID.pattern.replace(rf"(?:{_SPEECH}|make\s+of|made\s+of)", f"(?:{verbs})")
    did = _DID_X_SAY.pattern.replace(rf"(?:{_SPEECH}|mention|mentioned)", f"(?:{verbs})")
    return re.compile(what, re.IGNORECASE), re.compile(did, re.IGNORECASE)


# "How did Labour defend the poster?": how a speaker answered, defended or saw something
# asks what they said about it (the verb is no part of the topic).
_HOW_DID = re.compile(
    rf"^\s*(?:so\s+|and\s+|but\s+)?how\s+(?:did|does|do|has|have|had|would|will)\s+"
    rf"(?P<x>.+?)\s+(?:defend|defended|defends|justify|justified|explain|explained|respond|"
    rf"responded|react|reacted|reply|replied|answer|answered|view|viewed|see|saw|feel|feels|"
    rf"felt|"
    rf"{_SPEECH})\b(?P<rest>.*)$", re.IGNORECASE)
# "How much did the chancellor say the freeze would save?": what the speaker said about it,
# the thing counted ("how much progress did …") part of the topic.
_HOW_MUCH = re.compile(
    rf"^\s*how\s+(?:much|many)\s+(?P<what>(?:[\w'’-]+\s+){{0,3}}?)"
    rf"(?:did|does|do|has|have|had)\s+(?P<x>.+?)\s+(?:{_SPEECH})\b(?P<rest>.*)$",
    re.IGNORECASE)
_QUOTES_FROM = re.compile(
    r"^\s*(?:(?:show|give|list)(?:\s+me)?\s+)?(?:all\s+)?(?:the\s+)?(?:quotes?|statements?|"
    r"words)\s+(?:from|by|of)\s+(?P<x>.+?)(?:\s+(?:about|on|regarding)\s+(?P<rest>.+))?\s*[?.!]*$",
    re.IGNORECASE)
_X_POSSESSIVE = re.compile(
    r"^\s*what\s+(?:is|was|are|were)\s+(?P<x>.+?)['’]s?\s+(?:view|views|position|stance|"
    r"comment|comments|statement|statements|words|message|opinion|take|response|reaction|"
    r"reply|answer|verdict|warning|advice|explanation|argument|assessment|thoughts|remarks)"
    r"\b(?P<rest>.*)$", re.IGNORECASE)
# "What reason did the minister give for the delay?" asks what they said about it.
_WHAT_REASON = re.compile(
    r"^\s*what\s+(?:reasons?|explanation|excuse|justification|advice|warning|answer|response|"
    r"assurances?)\s+(?:did|does|do|has|have|had)\s+(?P<x>.+?)\s+(?:give|given|gave|offer|"
    r"offered|provide|provided)\b(?P<rest>.*)$", re.IGNORECASE)
# "According to the minister, why was it late?" / "… according to its vice president"; and
# "Is the minister worried about the deal?": what they said about it, when X is a speaker.
_ACCORDING = re.compile(
    r"^\s*according\s+to\s+(?P<x>[^,?]+?)(?:\s*,\s*|\s+(?=(?:how|what|why|when|where|which|"
    r"who|is|are|was|were|do|does|did|has|have|can|could|will|would|should)\b))(?P<rest>.+)$",
    re.IGNORECASE)
_ACCORDING_AFTER = re.compile(
    r"^\s*(?P<rest>.+?),?\s+according\s+to\s+(?P<x>[^,?]+?)\s*[?.!]*$", re.IGNORECASE)
_IS_X_FEELING = re.compile(
    rf"^\s*(?:is|are|was|were)\s+(?P<x>.+?)\s+(?:{FEELINGS})\s+"
    r"(?P<rest>(?:about|over|with|that|of|by)\b.*)$", re.IGNORECASE)
# "Who was baffled that Labour snubbed Blackpool?": who said so, the feeling asked too (a
# statement about the snub that is not baffled by it does not answer it)
_WHO_FELT = re.compile(
    rf"^\s*who\s+(?:is|are|was|were|felt|feels|seemed|seems)\s+(?:(?:so|very|really|most)\s+)?"
    rf"(?P<rest>(?:{FEELINGS})\s+(?:about|over|with|that|of|by|at|to)?\b.*)$",
    re.IGNORECASE)

_WHO_VERBS = ("said|says|say|told|tells|announced|claimed|called|warned|urged|described|"
              "stated|argued|suggested|insisted|promised|declared|predicted|stressed|added|"
              # views and retorts: "Who reckons …", "Who hit back that …"
              "thinks|think|thought|reckons|reckon|reckoned|believes|believed|feels|felt|"
              "fears|feared|ridiculed|ridicules|"
              "mocked|testified|compared|responded|replied|retorted|countered|hit back|"
              "fired back|joked|quipped|vowed|blamed|criticised|criticized|praised|"
              # "Who expressed doubts about …", "Who was critical of …"
              "expressed|voiced|disagreed|apologised|apologized|objected|condemned|"
              "was critical of|were critical of|is critical of|are critical of")
# "Mark Oaten on the anti-terror bill": a name, then what about (used only when the name is
# a speaker's: "sanctions on Russian banks" stays a search).
_X_ON_Y = re.compile(r"^\s*(?P<x>[^?]+?)\s+(?:on|about|regarding|after)\s+(?P<rest>.+?)\s*[?.!]*$",
                     re.IGNORECASE)
# "Was anything said about Y?" asks who said what about Y.
_ANYTHING_SAID = re.compile(
    r"^\s*(?:(?:was|is|has)\s+)?(?:anything|something|what\s+(?:was|is|has|have)(?:\s+people)?)"
    r"\s+(?:been\s+|being\s+)?(?:said|mentioned)\s+"
    r"(?P<rest>(?:about|on|regarding|concerning)\b.*)$", re.IGNORECASE)
_TOPIC_LEAD = re.compile(r"^\s*(?:(?:anything|something)\s+)?(?:about|on|regarding|concerning|"
                         r"of|that|to|for)\s+", re.IGNORECASE)
# "kallas's comments on the deal", "the england coach's view of the defeat"
_THEIR_WORDS = re.compile(
    r"^\s*(?:(?:what\s+(?:were|was|are|is)\s+)?)(?P<x>[^?]+?)['’]s?\s+(?:comments?|views?|remarks?|"
    r"words|thoughts|position|stance|reaction|response|verdict)\s+(?P<rest>(?:on|about|"
    r"regarding|to|of|after)\b.*)$", re.IGNORECASE)
# Forms whose X may be no speaker ("how did markets react"): then a plain search.
_LOOSE = (_HOW_DID, _HOW_MUCH, _ACCORDING, _ACCORDING_AFTER, _IS_X_FEELING, _THEIR_WORDS)


@dataclass(frozen=True)
class ParsedQuestion:
    intent: Intent
    topic: str  # the words to search for
    speaker: str | None = None  # the speaker as the user wrote them
    # "How did X react to Y?": X may be no speaker ("markets"); then it is a plain search
    loose: bool = False


def parse_question(question: str) -> ParsedQuestion:
    """Recognise "What did X say (about Y)?", "Who said Y?" and their common variants.
    Anything else is a plain search on the whole question."""
    text = question.strip()
    check = parse_check(text)  # "Did X say Y?": a quote check (see quote_question)
    if check is not None:
        return ParsedQuestion("check", check.quote, check.speaker)
    lexicon = _lexicon_forms()
    for pattern in (_X_POSSESSIVE, _WHAT_DID, _DID_X_SAY, _HOW_DID, _HOW_MUCH, _QUOTES_FROM,
                    _WHAT_REASON, _ACCORDING, _ACCORDING_AFTER, _IS_X_FEELING, _THEIR_WORDS,
                    *lexicon):
        m = pattern.match(text)
        if m and m.group("x").strip():
            pattern, m = _earlier_verb(pattern, m, text, lexicon)
            rest = " ".join(part.strip() for part in (m.groupdict().get("what"),
                                                      m.groupdict().get("rest")) if part)
            rest = rest.strip(" ?.!")
            return ParsedQuestion("speaker", _TOPIC_LEAD.sub("", rest),
                                  _clean_speaker(m.group("x")),
                                  pattern in _LOOSE or pattern in lexicon)
    felt = _WHO_FELT.match(text)
    if felt:
        return ParsedQuestion("who_said", felt.group("rest").strip(" ?.!:"))
    m = _who_said().match(text) or _ANYTHING_SAID.match(text)
    if m:
        rest = m.group("rest").strip(" ?.!:")
        verb = m.groupdict().get("verb")
        if verb and (is_content_verb(verb) or acts_on_object(verb, rest)):
            # "who thanked fans", "who denied the claims": the act is asked too
            return ParsedQuestion("who_said", f"{verb} {rest}".strip())
        return ParsedQuestion("who_said", _TOPIC_LEAD.sub("", rest).strip("\"“”'"))
    return ParsedQuestion("search", text)


# Words by which a speech verb leads into what it was about: "hint about when …"
_LEADS_TOPIC = re.compile(r"\s*(?:about|on|over|regarding|that|at)\b", re.IGNORECASE)
_TOPIC_WORD = re.compile(r"\b(?:about|on|over|regarding|that|at)\b", re.IGNORECASE)


def _earlier_verb(pattern: re.Pattern[str], found: re.Match[str], text: str,
                  lexicon: tuple[re.Pattern[str], re.Pattern[str]],
                  ) -> tuple[re.Pattern[str], re.Match[str]]:
    """The lexicon's form of "what did X <verb>" when its verb comes before the one the
    fixed list found and leads into a topic: "what did the former home secretary hint
    about when the election would be called" is about the former home secretary hinting,
    not "the former home secretary hint about when the election would be" calling. A word
    of the lexicon not leading into a topic is part of X ("the head of the appeal")."""
    pairs = {_WHAT_DID: lexicon[0], _DID_X_SAY: lexicon[1]}
    other = pairs.get(pattern)
    if other is None or not _TOPIC_WORD.search(found.group("x")):
        return pattern, found  # no verb within X can lead into a topic: the long match unasked
    earlier = other.match(text)
    if earlier is None or not earlier.group("x").strip() or \
            len(earlier.group("x")) >= len(found.group("x")) or \
            not _LEADS_TOPIC.match(earlier.group("rest")):
        return pattern, found
    return other, earlier


@cache
def _who_said() -> re.Pattern[str]:
    """"Who said / warned / accused … Y?": every speech verb form of the lexicon
    (corpus/data/speech_verbs.tsv), so "Who complained that…" and "Who pointed out that…"
    are asked as "who said". "Which family member said …" with more than one word after
    "which" stays a search: those words describe the speaker, and the passage names them."""
    forms = sorted({*_WHO_VERBS.split("|"), *cue_forms()},
                   key=len, reverse=True)  # "pointed out" before "pointed", were it a form
    return re.compile(
        r"^\s*(?:who|which\s+\w+)\s+(?:has\s+|had\s+|did\s+)?(?:(?P<verb>"
        + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
        + r")|was\s+quoted\s+(?:as\s+)?saying|is\s+quoted\s+(?:as\s+)?saying"
        # a preference stated: "Who would rather people sent handwritten cards?"
        + r"|(?:would|had|'d)\s+(?:rather|prefer)|prefers|preferred)\b(?P<rest>.*)$",
        re.IGNORECASE)


def name_then_topic(question: str) -> tuple[str, str] | None:
    """("Mark Oaten", "the anti terror bill") from "mark oaten on the anti terror bill"; the
    caller decides whether the first part names a speaker."""
    m = _X_ON_Y.match(question)
    if not m or len(m.group("x").split()) > 5:
        return None
    return _clean_speaker(m.group("x")), m.group("rest").strip()


_LEADING_VERB = re.compile(rf"^(?:{_SPEECH}|{_WHO_VERBS})\s+", re.IGNORECASE)


def name_led(question: str, longest: int = 4) -> list[tuple[str, str]]:
    """A topic typed after a name with no "on" ("michael owen happy at real madrid",
    "keith wood thinks ireland can win"): each split of its first two to `longest` words
    from the rest, longest first, a speech verb opening the rest dropped; the caller decides
    whether the first part is a speaker's own name."""
    words = _clean_speaker(question).split()
    out = []
    for n in range(min(longest, len(words) - 1), 1, -1):
        rest = _LEADING_VERB.sub("", " ".join(words[n:]))
        if rest:
            out.append((" ".join(words[:n]), rest))
    return out


def _clean_speaker(text: str) -> str:
    """The speaker phrase alone: spaces, marks, a leading "its" and a possessive ending
    ("the minister's") taken off."""
    text = re.sub(r"\s+", " ", text.strip(" ?.!,\"“”")).strip()
    text = re.sub(r"^its\s+", "", text, flags=re.IGNORECASE)  # "its vice president": the firm's
    return re.sub(r"(?<=\w)['’]s$|(?<=s)['’]$", "", text)
