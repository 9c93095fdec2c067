"""Reports, surveys and studies speak for their author only where the article says who
that is: "a report by UK think-tank Demos", "the OECD's latest report", "the FAO report",
"In its latest bi-annual report, the OECD ...". Then "the report said" is that author;
when the article names two authors for the same noun, or none, it stays "the report".
"""
from __future__ import annotations

import re

from corpus.folding import fold
from corpus.gazetteer import gazetteer
from corpus.phrases import ORG_WORDS, bare, is_acronym, parse_phrase

_NOUN = r"(report|survey|study|research)"
_NAME = r"((?:[A-Z][\w&'’-]*)(?:\s+(?:of|for|and|&|the|on|[A-Z][\w&'’-]*))*)"
# "a report by UK think-tank Demos", "a survey from the Confederation of British Industry"
_DETERMINER = r"(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Nn]ew|[Ll]atest)\s+"
_BY_AUTHOR = (rf"(?:[\w-]+\s+){{0,3}}?{_NOUN}\s+"
              r"(?:(?:published|released|compiled|conducted|carried\s+out)\s+)?"
              r"(?:by|from)\s+(?:the\s+)?(?:(?:[A-Z]{2,}|[a-z][\w-]*)\s+){0,3}" + _NAME)
_BY = re.compile(r"\b" + _DETERMINER + _BY_AUTHOR)
# after "according to", research needs no determiner ("according to research from
# technology analysts Gartner")
_ACCORDING_BY = re.compile(rf"(?:{_DETERMINER})?" + _BY_AUTHOR)
# "the OECD's latest report", "Lord Butler's report", "the FAO report"
_OWNED = re.compile(rf"\b{_NAME}(['’]s)?\s+(?:(?:latest|new|annual|own|[\w-]+ly)\s+)*{_NOUN}\b")
# "In its latest bi-annual report, the OECD cut ..."
_IN_ITS = re.compile(rf"\b[Ii]n\s+its\s+(?:[\w-]+\s+){{0,3}}?{_NOUN},\s+(?:the\s+)?{_NAME}")
_INDEFINITE_AUTHOR = re.compile(r"\b(?:by|from)\s+an?\s")
_DOCUMENT_REFERENCE = re.compile(rf"^(?:the|this|its)\s+(?:(?:latest|new)\s+)?{_NOUN}$", re.I)
_LINKS = {"of", "for", "and", "&", "the", "on"}
_ANY_NOUN = re.compile(_NOUN)  # what every pattern above needs: most paragraphs have none


def document_authors(paragraphs: list[str]) -> dict[str, str]:
    """Each document noun the article gives exactly one author, with that author."""
    found: dict[str, dict[str, str]] = {}
    for text in paragraphs:
        if not _ANY_NOUN.search(text):
            continue
        for m in _BY.finditer(text):
            _note(found, m.group(1), m.group(2))
        for m in _IN_ITS.finditer(text):
            _note(found, m.group(1), m.group(2))
        for m in _OWNED.finditer(text):
            name = _trimmed(m.group(1))
            owned = bool(m.group(2)) or name.endswith(("'s", "’s"))
            name = re.sub(r"['’]s$", "", name)
            words = name.split()
            if words and (owned or is_acronym(words[-1]) or bare(words[-1]) in ORG_WORDS):
                _note(found, m.group(3), name)
    return {noun: next(iter(names.values())) for noun, names in found.items()
            if len(names) == 1}


def document_noun(text: str) -> str | None:
    """"the report", "this survey": the noun of a document referred back to."""
    m = _DOCUMENT_REFERENCE.match(text.strip())
    return m.group(1).lower() if m else None


def after_according(text: str) -> str | None:
    """"according to a report by UK think-tank Demos": the author after the document."""
    m = _ACCORDING_BY.match(text.lstrip())
    if m is None or _INDEFINITE_AUTHOR.search(m.group()):
        return None  # "according to research from a City investment bank": nobody named
    return _author(_trimmed(m.group(2)))


def one_author(text: str) -> str | None:
    """The author a document names ("by the UK's regulator Ofcom"), when it is one name:
    never a place, a descriptor or two bodies ("by Earthlink and Webroot")."""
    return _author(_trimmed(text))


def _note(found: dict[str, dict[str, str]], noun: str, text: str) -> None:
    name = _author(_trimmed(text))
    if name is None:
        return
    names = found.setdefault(noun.lower(), {})
    key = _key(name)
    for other in list(names):
        if _same(key, other):
            return
    names[key] = name


def _author(name: str) -> str | None:
    """The name as a speaker phrase reads it, when it is one author: not a place ("US"),
    a day, a descriptor ("UK-based"), a generic noun or two authors joined by "and the"."""
    words = name.split()
    if words and words[0] in ("A", "An", "As"):
        words = words[1:]
    phrase = parse_phrase(words) if words else None
    if phrase is None or phrase.name is None or phrase.vague or _joint(phrase.name) \
            or re.search(r"-[a-z]", phrase.name):
        return None
    g = gazetteer()
    if g.is_place(phrase.name) or fold(phrase.name) in g.adjectives:
        return None
    return f"{phrase.title} {phrase.name}" if phrase.title else phrase.name


def _joint(name: str) -> bool:
    """"the Licensed Taxi Drivers Association and Pointsec", "Earthlink and Webroot": two
    authors ("Food and Agriculture Organisation" is one: its last word names a body)."""
    before, sep, after = name.partition(" and ")
    return " and the " in name or bool(sep) and (
        bare(before.split()[-1]) in ORG_WORDS or bare(after.split()[-1]) not in ORG_WORDS)


def _trimmed(name: str) -> str:
    words = name.split()
    while words and words[-1].lower() in _LINKS:
        words.pop()
    return " ".join(words)


def _key(name: str) -> str:
    return fold(name).removeprefix("the ")


def _same(a: str, b: str) -> bool:
    """The same author: one name, or an acronym of the other ("FAO" = "Food & Agriculture
    Organisation")."""
    return a == b or _initials(a) == b.replace(" ", "") or _initials(b) == a.replace(" ", "")


def _initials(key: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", key) if w and w not in _LINKS)
