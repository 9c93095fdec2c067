"""Headlines that name their speaker first: "Brown 'proud of economy record'" (a quoted
fragment, direct, when the words are the speaker's own below: "he was proud of his party's
record on the economy"; never scare quotes about them, "Anelka 'eyes Man City departure'",
or "Ebbers 'aware' of WorldCom fraud" when he said he was unaware), "Straw backs ending
China embargo" (a speech verb in the headline's present tense, or a stance verb:
"Radcliffe eyes hard line on drugs"), "US economy still growing
says Fed" (the speaker after a closing "says"), "Blair's hope for Blunkett
return" (the speaker's speech noun) — once the whole article is read, and only when the
name is one source the article shows speaking below it (one entity of that name speaks in
the story; a name the story never gives a statement to, or two entities it fits, leave the
headline without a speaker).
"""
from __future__ import annotations

import re

from corpus.attribution.cues import AFTER_WHAT, CUE, NEEDS_AS, REPORT_ONLY
from corpus.attribution.state import Unit
from corpus.entities import Entity
from corpus.folding import fold_name
from corpus.lexicon import attribution_words, cue_forms, past_tenses

_NAME = r"(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}?)"
_QUOTED = re.compile(rf"^\s*{_NAME}\s+['‘\"“]\w")
_OWNED_NOUN = re.compile(rf"^\s*{_NAME}['’]s\s+(?P<noun>[a-z]+)\b")
_VERB_AFTER = re.compile(rf"^\s*{_NAME}\s+(?=[a-z])")
# "US economy still growing says Fed": the speaker last, after "says" (no comma in a
# headline), the statement before it
_SAYS_LAST = re.compile(rf"\S\s+says?\s+{_NAME}\s*$")
_NOUNS = attribution_words("headline_noun")
_NOT_HEADLINE_VERBS = REPORT_ONLY | NEEDS_AS | AFTER_WHAT
# "IMF agrees fresh Turkey funding", "O'Leary agrees new Villa contract": a decision or a
# deal, no statement, when a headline's object needs no clause
_DECISIONS = attribution_words("headline_decision")
# "Henman hopes ended in Dubai": a weak verb's form is a noun as often as not in a headline
_WEAK = cue_forms("weak")
# "Radcliffe eyes hard line on drugs": a stance the story has its source state
_STANCES = attribution_words("headline_stance")


def link_headline(units: list[Unit], paragraphs: list[str]) -> None:
    """Give a headline with no speaker the speaker it names first, when the story below it
    gives that one source a statement (holding the quoted words, for a quotation)."""
    head = next((u for u in units if u.passage == 0), None)
    if head is None or head.has_speaker():
        return
    text = paragraphs[0][head.start:head.end]
    found = _named_first(text)
    if found is None:
        return
    name, kind = found
    source = _one_speaker_named(units, name)
    if source is None or (kind == "direct" and not _own_words(units, paragraphs, source,
                                                              text)):
        return
    head.entity = source
    head.kind = "direct" if kind == "direct" else "reported"


_WORD = re.compile(r"[a-z]{3,}")
_COMMON = attribution_words("headline_common")


def _own_words(units: list[Unit], paragraphs: list[str], source: Entity, text: str) -> bool:
    """Whether at least half the quoted words of the headline (bar the commonest) are in
    the source's statements below it."""
    quoted = re.findall(r"['‘\"“](.+?)(?:['’\"”]|$)", text)
    words = {w for q in quoted for w in _WORD.findall(q.lower())} - _COMMON
    said = {w for u in units if u.passage > 0 and u.entity is source
            for w in _WORD.findall(paragraphs[u.passage][u.start:u.end].lower())}
    return bool(words) and 2 * len(words & said) >= len(words)


def _named_first(text: str) -> tuple[str, str] | None:
    """(the name, "direct" / "reported") for the three shapes, or None."""
    m = _QUOTED.match(text)
    if m is not None:
        # "Blair 'said he would stand down'": a quotation reporting their words is someone
        # else's claim about them
        quoted = re.findall(r"['‘\"“](.+?)(?:['’\"”]|$)", text[m.end() - 2:])
        if any(CUE.search(q) or _PREDICTION.match(q) for q in quoted):
            return None
        return m.group("name"), "direct"
    m = _OWNED_NOUN.match(text)
    if m is not None:
        return (m.group("name"), "reported") if m.group("noun") in _NOUNS else None
    m = _SAYS_LAST.search(text)
    if m is not None:
        return m.group("name"), "reported"
    m = _VERB_AFTER.match(text)
    if m is None:
        return None
    rest = text[m.end():].split()
    if rest[0] in _STANCES:
        # "Straw backs ending China embargo"; never a choice of someone ("Woodward eyes
        # Brennan for Lions")
        return None if rest[1:2] and rest[1][:1].isupper() else (m.group("name"), "reported")
    cue = CUE.match(text, m.end())
    if cue is None or cue.group() in _NOT_HEADLINE_VERBS or not _present(cue.group()) \
            or cue.group().split()[0] in _DECISIONS or cue.group() in _WEAK:
        return None
    return m.group("name"), "reported"


def passive_headline_subject(masked: str, cue: int, subject: str) -> bool:
    """'Holmes urged to compete at Worlds', 'Blair told to double overseas aid', 'MP
    attacked by muggers in Kenya': a headline says what someone says in the present
    ("Corbett attacks ..."), so a past participle after a name is a passive, and the name
    before it is the one urged or attacked, never the speaker (an agent after "by" still
    speaks: "Housing plans criticised by MPs")."""
    m = CUE.match(masked, cue)
    if m is None or masked.rfind(subject, 0, cue) < 0:
        return False
    verb = m.group().split()[0]
    return verb.endswith("ed") or verb in past_tenses()


def common_noun_subject(name: str | None, body: list[str]) -> bool:
    """'Winemaker rejects Foster's offer', 'Book claims denied': a headline's one-word
    subject that the story below writes in lower case ("Australian winemaker Southcorp")
    and never capitalised inside a sentence is a common noun at the headline's start, no
    name, so nobody speaks through it."""
    if name is None or " " in name or not name[:1].isupper() or name.isupper():
        return False
    word = re.escape(name.lower())
    lower = re.compile(rf"\b{word}s?\b")
    capital = re.compile(rf"(?<![.!?:\"“”'‘’]\s)(?<![.!?:\"“”'‘’])\b{re.escape(name)}s?\b")
    seen_lower = False
    for text in body:
        if lower.search(text):
            seen_lower = True
        if any(m.start() > 0 for m in capital.finditer(text)):
            return False  # capitalised inside a sentence: a name after all
    return seen_lower


# "Rank 'set to sell off film unit'": a quotation opening with a prediction about the name
# is the reporter's sources' words ("reports claim"), never the name's own
_PREDICTION = re.compile(r"(?:set|poised|likely|expected|about|due)\s+to\b", re.IGNORECASE)


def _present(form: str) -> bool:
    """A headline's present tense: "backs", "calls for", "unveil" (never "backed")."""
    verb = form.split()[0]
    return not verb.endswith("ed") and verb not in ("said", "told", "thought", "wrote")


def _one_speaker_named(units: list[Unit], name: str) -> Entity | None:
    """The one entity speaking below the headline that has this name, or this surname."""
    key = fold_name(name)
    found: dict[int, Entity] = {}
    for u in units:
        ent = u.entity
        if u.passage == 0 or ent is None or u.act is None:
            continue
        names = {fold_name(n) for n in ent.distinct_names()}
        if key in names or (ent.kind == "person" and " " not in key and ent.surname == key):
            found[id(ent)] = ent
    return next(iter(found.values())) if len(found) == 1 else None
