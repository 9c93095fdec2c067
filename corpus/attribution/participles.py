"""Statements carried by a participle when the sentence has no speech verb of its own:
"North Wales Police reopened the case, saying materials ... would be examined" (the
sentence's subject speaks), "No further details were given, with Mr Trutnev suggesting
that ..." (the name after "with" speaks). The participles are data (`speech_participle`
in data/attribution_words.tsv)."""
from __future__ import annotations

import re

from corpus.attribution.acts import Act, Spans, is_direct
from corpus.attribution.focus import after_opening_clause, sentence_subject
from corpus.lexicon import attribution_words
from corpus.phrases import ORG_WORDS, VAGUE_HEADS, Phrase, bare, is_role_noun, parse_phrase
from corpus.titles import title_pattern

_NOUN_HEADS = attribution_words("publication_noun")
_PARTICIPLES = "|".join(sorted(attribution_words("speech_participle")))
_WITH_PARTICIPLES = "|".join(sorted(attribution_words("speech_participle")
                                    | attribution_words("with_participle")))
# The participle's content is a clause: "saying that", "saying:", "arguing it ...",
# "saying materials kept ... would be examined" (the colon may follow it straight away,
# "saying:"); never "adding $1.89", "adding to honours",
# "claiming 20 lives".
_CLAUSE = (r"(?:that\b|:|[\"“]|(?:it|he|she|they|we|there|its|his|her|their)\b"
           r"|[\w'’-]+(?:\s+[\w'’-]+){0,5}?\s+(?:was|were|is|are|had|has|have|would|will|could"
           r"|should|must|might|may|can|did|does|do|needs?|wants?)\b)")
# "telling supporters the "stakes are too high"", "telling reporters he would": one word
# (or a determiner and one) for the people told, then a clause; "telling the story of the
# man who was" tells no one anything
_OBJECT_PARTICIPLES = "|".join(sorted(attribution_words("object_participle")))
_ADDRESSEE = r"(?:(?:the|his|her|their|its)\s+)?[\w'’-]+"
_TOLD_CLAUSE = (r"(?:that\b|:|[\"“]|(?:it|he|she|they|we|there)\b|the\s+[\"“]"
                r"|the\s+[\w'’-]+\s+(?:was|were|is|are|would|will|could|had|has|must|should)\b)")
_AFTER_COMMA = re.compile(rf",\s+(?:{_PARTICIPLES})(?:\s*:|\s+{_CLAUSE})"
                          rf"|,\s+(?:{_OBJECT_PARTICIPLES})\s+{_ADDRESSEE}\s+{_TOLD_CLAUSE}")
# "has launched a reconstruction drive ... by appealing for peace": a deed done by speaking
_BY_SPEAKING = re.compile(r"\bby\s+(?:(?:appealing|calling|pleading)\s+(?:for|on)\b|"
                          rf"(?:urging|accusing)\s+\w|(?:{_PARTICIPLES})\s+{_CLAUSE})")
_SPECULATION = re.compile(r"\b(?:expected|thought|likely|set|due|tipped)\s+to\b")
# "Other analysts were less optimistic, predicting ...": a generic source opening the
# sentence before a form of "be" or "have" (checked to be vague by the phrase grammar)
_VAGUE_OPENING = re.compile(r"\s*((?:[A-Za-z][\w-]*\s+){0,2}[a-z]+s)\s+(?:were|are|have|had|"
                            r"remain|remained|seemed|appeared)\b")
_TITLE = title_pattern("pattern")
# "with Jaime Vargas lauding", "with America's TV Guide magazine describing the series as"
# (a place's possessive before the name and a publication's noun after it are no part of it)
_WITH_NAME = re.compile(rf"\bwith\s+(?:[A-Z][\w'’-]+['’]s\s+)?((?:(?:{_TITLE})\s+)?"
                        r"(?:[a-z][\w-]*\s+){0,3}?[A-Z][\w'’-]+"
                        rf"(?:\s+[A-Z][\w'’-]+){{0,2}})(?:\s+(?:{'|'.join(sorted(_NOUN_HEADS))}))?"
                        rf"\s+(?:{_WITH_PARTICIPLES})\b")


# 'Osbourne himself was at a loss to explain its popularity: "I suppose ..."': narration
# about its subject, a colon, and a quotation running to the sentence's end
_COLON_QUOTE = re.compile(r"^([^:\"“”]{8,160}):\s*[\"“][^\"“”]*[\"”]?\s*$")
_ASKED = re.compile(r"\b(?:ask|asks|asked|asking|question|questions|told|read|reads|headline|"
                    r"sign|banner|slogan|motto|title|message from|statement|"
                    r"(?<!was )(?<!were )(?<!is )(?<!been )quoted)\b", re.IGNORECASE)
# "Some Liverpool fans would find it controversial, but Parry countered:": the last clause
_LAST_CLAUSE = re.compile(r".*(?:,\s+(?:but|and|while|whereas|yet)\s+|;\s+)")
# '- Chelsea boss Jose Mourinho: "We ..."': a list's dash or bullet before an interview
# block's speaker, no part of the name
_BULLET = re.compile(r"[-–—•*]\s+(?=[A-Z])")


# '- Bolton boss Sam Allardyce "I am bitterly disappointed ...': a list's dash or bullet,
# a named speaker and their quotation straight after, with no colon
_BULLET_QUOTE = re.compile(r"[-–—•*]\s+([A-Z][^:\"“”]{2,80}?)\s+[\"“]")


def colon_quotation(text: str, masked: str, spans: Spans, sent: tuple[int, int]) -> list[Act]:
    """The subject's quotation after a colon that ends the sentence's narration, when the
    subject is a name or he/she (never a question put to them, a sign or a headline read);
    or after a bullet and the speaker's name with no colon (`bullet_quotation`)."""
    s, e = sent
    if masked.find(":", s, e) < 0:
        return bullet_quotation(masked, sent)  # most sentences hold no colon
    m = _COLON_QUOTE.match(masked[s:e])
    if m is None or _ASKED.search(m.group(1)) or (s > 0 and not masked[s - 1].isspace()):
        return []  # (a sentence cut inside a name, "Halo.Bungie.Org, said:", starts no subject)
    last = _LAST_CLAUSE.match(m.group(1))
    start = s + (last.end() if last else 0)
    if last and masked[start:start + 1].islower():
        start = s  # "He hinted at discontent ..., and said:": the sentence's subject
    bullet = _BULLET.match(masked, start) if start == s else None
    start = bullet.end() if bullet else start
    phrase = sentence_subject(masked, start, s + m.end(1))
    if phrase is None or phrase.vague or phrase.reference is not None \
            or phrase.text.split()[0].lower() in ("the", "a", "an"):
        return []  # "The central defender added ...:": a description is the resolver's guess
    if phrase.pronoun is not None and (phrase.pronoun not in ("male", "female")
                                       or len(masked[start:s + m.end(1)].split()) > 3):
        return []  # "He went on:", never "He is prepared to go this far:" (whose focus?)
    if phrase.pronoun is None and not phrase.name:
        return []
    return [Act(s + m.end(1), start, phrase, True)]


def participle_acts(text: str, masked: str, spans: Spans, sent: tuple[int, int]) -> list[Act]:
    """The act a participle gives a sentence that has none, or no act."""
    s, e = sent
    m = _WITH_NAME.search(masked, s, e)
    if m is not None and _described_by_role(m.group(1).split()):
        # "with shadow chancellor Oliver Letwin branding ...": lower-case words before the
        # name only when they are its role
        phrase = parse_phrase(m.group(1).split())
        if phrase is not None and phrase.name is not None:
            return [Act(m.start(), s, phrase, is_direct(text, spans, sent, m.start()))]
    m = _AFTER_COMMA.search(masked, s, e) or _BY_SPEAKING.search(masked, s, e)
    if m is None:
        return []
    if _SPECULATION.search(masked, s, m.start()):
        return []  # "Mr Clarke is expected to try and win over opponents ... by saying": the
        # writer's guess at a statement to come, nobody's statement
    vague = _VAGUE_OPENING.match(masked, s, m.start())
    phrase = parse_phrase(vague.group(1).split()) if vague else None
    if phrase is not None and phrase.vague:
        return [Act(m.start(), s, phrase, is_direct(text, spans, sent, m.start()))]
    phrase = sentence_subject(masked, s, m.start()) or after_opening_clause(masked, s, m.start())
    if phrase is None or phrase.reference is not None or _modifies_noun(masked, s, m, phrase) \
            or (phrase.role is None and phrase.text.lower().startswith(("a ", "an "))):
        return []  # "A US woman is suing Hewlett Packard, saying ...": a noun's qualifier
    return [Act(m.start(), s, phrase, is_direct(text, spans, sent, m.start()))]


def _described_by_role(words: list[str]) -> bool:
    """The lower-case words before a name after "with" end in a role ("shadow chancellor"),
    or there are none."""
    low = [w for w in words if w[:1].islower()]
    return not low or is_role_noun(low[-1])


def _modifies_noun(masked: str, s: int, m: re.Match[str], phrase: Phrase) -> bool:
    """"Cash-strapped US companies ...", "A British Muslim group ...", "Us magazine ...":
    the capitalised words only qualify the noun after them, which is the subject."""
    at = masked.find(phrase.text, s, m.start())
    after = masked[at + len(phrase.text):m.start()].split()[:1] if at >= 0 else []
    if not after:
        return False
    word = bare(after[0].strip(",;:"))
    return word in VAGUE_HEADS or word in ORG_WORDS or is_role_noun(word) or (
        word.endswith("s") and is_role_noun(word[:-1])) or word in _NOUN_HEADS


def bullet_quotation(masked: str, sent: tuple[int, int]) -> list[Act]:
    """'- Bolton boss Sam Allardyce "I am bitterly disappointed ...': an interview block's
    bullet, the speaker's full or titled name (a role before it at most) and the quotation
    with no colon; never a description or a single name ("- Bolton "...")."""
    s, e = sent
    m = _BULLET_QUOTE.match(masked, s, e)
    if m is None:
        return []
    phrase = parse_phrase(m.group(1).split())
    if phrase is None or phrase.name is None or phrase.pronoun or phrase.vague \
            or phrase.reference is not None \
            or not (phrase.title or len(phrase.name.split()) > 1):
        return []
    return [Act(m.end() - 1, s, phrase, True)]
