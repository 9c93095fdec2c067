"""The grammar of a speaker phrase: "Estonia's Prime Minister Kaja Kallas", "Mr Erdogan",
"Turkey's foreign minister", "the EOC", "Ukraine", "critics".

A phrase is cut into an optional title (Mr, Ms, ...), an optional role (role words and the
country or organisation they belong to) and an optional name (the trailing run of
capitalised words that are not role words).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame", "prof", "rev",
          "mr.", "mrs.", "ms.", "dr.", "prof."}
FEMALE_TITLES = {"mrs", "ms", "miss", "lady", "dame", "mrs.", "ms."}
MALE_TITLES = {"mr", "sir", "lord", "mr."}
# Nouns that make a phrase a role ("foreign minister", "chief executive").
ROLE_NOUNS = {
    "minister", "ministers", "president", "secretary", "chancellor", "premier", "leader",
    "spokesman", "spokeswoman", "spokesperson", "spokesmen", "chief", "director", "head",
    "chairman", "chairwoman", "chair", "governor", "mayor", "ambassador", "envoy",
    "official", "officials", "commander", "general", "king", "queen", "prince", "princess",
    "senator", "congressman", "congresswoman", "mp", "mep", "adviser", "advisor", "economist",
    "analyst", "negotiator", "diplomat", "executive", "boss", "founder", "manager", "coach",
    "captain", "professor", "judge", "prosecutor", "lawyer", "attorney", "commissioner",
    "chairperson", "president-elect", "sheikh", "pope", "cardinal", "archbishop", "bishop",
    "editor", "correspondent", "reporter", "representative", "delegate", "inspector",
    "superintendent", "officer", "constable", "treasurer", "deputy", "vice-president",
    "whip", "speaker", "ceo", "cfo", "md", "dg", "partner", "analysts", "economists",
}
# Words that qualify a role ("deputy defence minister", "shadow home secretary").
ROLE_MODIFIERS = {
    "deputy", "vice", "prime", "foreign", "defence", "defense", "interior", "finance",
    "trade", "industry", "health", "education", "home", "justice", "economy", "economic",
    "energy", "culture", "transport", "environment", "state", "shadow", "chief", "senior",
    "junior", "former", "acting", "interim", "first", "executive", "managing", "general",
    "assistant", "associate", "principal", "lead", "top", "national", "regional", "local",
    "federal", "party", "opposition", "government", "presidential", "royal", "european",
    "international", "public", "affairs", "security", "intelligence", "military", "armed",
    "forces", "treasury", "labour", "work", "pensions", "agriculture", "fisheries",
    "constitutional", "cabinet", "office", "commerce", "business", "technology", "science",
    "sport", "sports", "media", "communications", "information", "policy", "political",
    "financial", "operating", "technical", "marketing", "sales", "research", "legal",
    "digital", "news", "team", "club", "union", "his", "her", "its", "their", "former",
}
CONNECTORS = {"and", "of", "for", "the", "at", "to", "on"}
# Capitalised words that start sentences but never begin a name.
NOT_NAMES = {
    "the", "a", "an", "but", "and", "or", "it", "its", "this", "that", "these", "those", "he",
    "she", "they", "we", "i", "you", "his", "her", "their", "our", "in", "on", "at", "for",
    "with", "after", "before", "as", "while", "when", "if", "so", "yet", "there", "here",
    "what", "whatever", "who", "which", "meanwhile", "however", "also", "then", "now",
    "today", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "some", "many", "most", "all", "both",
    "one", "two", "three", "last", "next", "other", "another", "such", "by", "from", "to",
    "not", "no", "mr", "ms", "mrs", "dr", "because", "although", "though", "since", "until",
    "speaking", "asked", "writing", "according", "instead", "still", "even", "only", "just",
    "earlier", "later", "previously", "separately", "elsewhere", "overall", "despite",
    "under", "over", "about", "into", "through", "during", "without", "between", "among",
}
# Generic sources: reported as such, never turned into a named person.
VAGUE_HEADS = {
    "critics", "analysts", "observers", "experts", "officials", "sources", "reports",
    "campaigners", "economists", "diplomats", "residents", "witnesses", "insiders",
    "commentators", "opponents", "supporters", "protesters", "activists", "investors",
    "traders", "dealers", "researchers", "scientists", "doctors", "police", "unions",
    "ministers", "mps", "lawmakers", "aides", "allies", "rivals", "people", "some",
    "others", "locals", "authorities", "organisers", "organizers", "bosses", "firms",
    "companies", "retailers", "banks", "survey", "study", "report", "figures", "data",
}
VAGUE_DETERMINERS = {"some", "many", "other", "several", "most", "few", "the", "local",
                     "senior", "western", "independent", "leading", "city", "industry",
                     "market", "foreign", "government", "party", "security", "us", "uk",
                     "a", "an", "one", "two", "three", "top", "new", "latest", "official"}
PRONOUNS = {"he": "male", "she": "female", "they": "plural", "it": "neuter"}
ORG_WORDS = {
    "party", "council", "commission", "union", "bank", "ministry", "office", "department",
    "agency", "association", "federation", "committee", "court", "group", "company",
    "corporation", "corp", "inc", "ltd", "plc", "institute", "university", "chambers",
    "commerce", "government", "parliament", "assembly", "nations", "organisation",
    "organization", "fund", "board", "authority", "police", "army", "navy", "kremlin",
    "house", "street", "palace", "foundation", "trust", "society", "league", "club",
    "airlines", "airways", "motors", "systems", "network", "networks", "times", "post",
    "news", "journal", "press", "service", "services", "centre", "center", "democrats",
    "republicans", "conservatives", "tories", "liberals", "labour", "cabinet", "treasury",
    "senate", "congress", "reserve", "exchange", "index", "museum", "hospital", "school",
    "college", "forum", "alliance", "coalition", "front", "movement", "brigade", "forces",
}
_CAP = re.compile(r"^[A-Z\u00C0-\u00DE\u0100-\u017F][\w\u00C0-\u024F'’.\-]*$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}s?$")


def is_cap(word: str) -> bool:
    return bool(_CAP.match(word)) and not word.isdigit()


def bare(word: str) -> str:
    """A word without a possessive ending, lower-cased."""
    w = word.lower().replace("’", "'")
    return w[:-2] if w.endswith("'s") else w


def is_role_word(word: str) -> bool:
    b = bare(word)
    return b in ROLE_NOUNS or b in ROLE_MODIFIERS


@dataclass(frozen=True)
class Phrase:
    """A parsed speaker phrase. `name` None means a role-only or generic phrase."""

    text: str
    title: str | None
    role: str | None
    name: str | None
    vague: bool = False
    pronoun: str | None = None  # "male", "female", "plural", "neuter"

    @property
    def role_only(self) -> bool:
        return self.name is None and self.role is not None and not self.vague


def is_acronym(word: str) -> bool:
    return bool(_ACRONYM.match(word))


def parse_phrase(words: list[str]) -> Phrase | None:
    """Interpret a run of words that ends right before (or starts right after) a reporting
    verb. None when it is not something that can speak."""
    words = [w for w in words if w]
    if not words:
        return None
    text = " ".join(words)
    low = [bare(w) for w in words]
    if len(words) == 1 and low[0] in PRONOUNS and words[0].lower() == low[0]:
        return Phrase(text, None, None, None, pronoun=PRONOUNS[low[0]])
    if len(words) == 1 and words[0] in ("He", "She", "They", "It"):
        return Phrase(text, None, None, None, pronoun=PRONOUNS[low[0]])
    # Generic sources: "critics", "some analysts", "industry sources".
    if low[-1] in VAGUE_HEADS and not words[-1].isupper() and all(
            l in VAGUE_DETERMINERS or not is_cap(w) for w, l in zip(words[:-1], low[:-1])):
        if all(l in VAGUE_DETERMINERS for l in low[:-1]):
            return Phrase(text, None, None, None, vague=True)
    # Trailing name: capitalised words that are not role words (particles allowed inside).
    i = len(words)
    while i > 0 and is_cap(words[i - 1]) and not is_role_word(words[i - 1]) \
            and low[i - 1] not in TITLES and low[i - 1] not in NOT_NAMES:
        i -= 1
    name_words = words[i:]
    head = words[:i]
    title = None
    if head and bare(head[-1]) in TITLES:
        title = head[-1].rstrip(".")
        head = head[:-1]
    if head and head[0].lower() == "the":
        head = head[1:]
    role_words = head
    role = " ".join(role_words) if role_words and any(
        bare(w) in ROLE_NOUNS for w in role_words) else None
    if role_words and role is None:
        # Words before the name that are neither title nor role: an organisation's full
        # name ("the Liberal Democrats") or a possessive ("Estonia's Kallas").
        if all(is_cap(w) or bare(w) in CONNECTORS for w in role_words) and name_words:
            name_words = role_words + name_words
            role_words = []
        elif not name_words:
            return None
    if role_words and bare(role_words[0]) in CONNECTORS:
        return None
    name = " ".join(name_words) if name_words else None
    if name is None and role is None:
        return None
    if name and name.lower() in NOT_NAMES:
        return None
    return Phrase(text, title, role, name)
