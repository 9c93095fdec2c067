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
    "peer", "historian", "journalist", "solicitor", "barrister", "campaigner", "candidate",
    "strategist", "researcher", "spokespeople", "detainee", "convener", "controller", "aide",
    "champion", "winger", "striker", "midfielder", "defender", "goalkeeper", "player",
    "singer", "actor", "actress", "frontman", "guitarist", "novelist", "writer", "owner",
    "expert", "producer", "presenter", "author", "artist", "musician", "composer",
    "designer", "farmer", "actors",
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
    "digital", "news", "team", "club", "union", "his", "her", "its", "their",
}
CONNECTORS = {"and", "of", "for", "the", "at", "to", "on"}
# Lower-case particles inside surnames: "Nick Van den Brul", "Ursula von der Leyen".
NAME_PARTICLES = {"van", "von", "der", "den", "de", "da", "di", "du", "la", "le", "del",
                  "della", "bin", "ibn", "al", "el", "ter", "ten"}
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
DOCUMENT_NOUNS = {"report", "statement", "letter", "memo", "website", "book", "article",
                  "paper", "review", "testimony", "submission"}
# Months that are also surnames ("Theresa May"): a name only after a first name.
MONTH_SURNAMES = {"may", "march", "june", "august"}
# Generic sources: reported as such, never turned into a named person.
VAGUE_HEADS = {
    "critics", "advocates", "analysts", "observers", "experts", "officials", "sources", "reports",
    "campaigners", "economists", "diplomats", "residents", "witnesses", "insiders",
    "commentators", "opponents", "supporters", "protesters", "activists", "investors",
    "traders", "dealers", "researchers", "scientists", "doctors", "police", "unions",
    "ministers", "mps", "lawmakers", "aides", "allies", "rivals", "people", "some",
    "others", "locals", "authorities", "organisers", "organizers", "bosses", "firms",
    "companies", "retailers", "banks", "survey", "study", "report", "figures", "data",
    "airlines", "carriers", "leaders", "employers", "businesses", "groups", "members",
    "families", "parents", "teachers", "workers", "manufacturers", "exporters", "pundits",
    "forecasters", "polls", "surveys", "studies", "prosecutors", "investigators",
    "regulators", "detectives",
}
VAGUE_DETERMINERS = {"some", "many", "other", "several", "most", "few", "the", "local",
                     "senior", "western", "independent", "leading", "city", "industry",
                     "market", "foreign", "government", "party", "security", "us", "uk",
                     "a", "an", "one", "two", "three", "top", "new", "latest", "official",
                     "union", "business", "opposition", "its", "their", "his", "her"}
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
    "dems", "dem", "democrat",
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
    if "-" in b and b not in ROLE_NOUNS:
        # "co-chairman", "ex-chief", "vice-chairman"
        b = b.rsplit("-", 1)[1]
    return b in ROLE_NOUNS or b in ROLE_MODIFIERS


def is_role_noun(word: str) -> bool:
    b = bare(word)
    return b in ROLE_NOUNS or ("-" in b and b.rsplit("-", 1)[1] in ROLE_NOUNS)


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
    # Sentence adverbs and conjunctions are no part of a name: "But Downing Street",
    # "Yet aviation analyst ...", "on Wednesday Mr Straw".
    while len(words) > 1 and bare(words[0]) in NOT_NAMES and bare(words[0]) not in (
            "the", "a", "an", "mr", "ms", "mrs", "dr") and bare(words[0]) not in TITLES:
        words = words[1:]
    if words and re.search(r"['’](?:ve|re|ll|d|m)$", words[-1], re.I):
        return None  # "We've called for": a contraction, not a name
    words = cut_affiliation(words)
    words = [w[:-1] if w.endswith(("s'", "s’")) and len(w) > 3 else w for w in words]
    if len(words) > 1 and words[-1].endswith(("'s", "’s")) and is_cap(words[-1]):
        # "according to the BNP's website": the possessor is the source
        words = [*words[:-1], words[-1][:-2]]
    if not words:
        return None
    text = " ".join(words)
    low = [bare(w) for w in words]
    if len(words) == 1 and low[0] in PRONOUNS and words[0].lower() == low[0]:
        return Phrase(text, None, None, None, pronoun=PRONOUNS[low[0]])
    if len(words) == 1 and words[0] in ("He", "She", "They", "It"):
        return Phrase(text, None, None, None, pronoun=PRONOUNS[low[0]])
    # Generic sources: "critics", "some analysts", "industry sources", "low-cost airlines".
    if low[-1] in VAGUE_HEADS and not words[-1].isupper() and all(
            l in VAGUE_DETERMINERS or not is_cap(w) or (k == 0 and w[1:].islower())
            for k, (w, l) in enumerate(zip(words[:-1], low[:-1]))) and not (
            len(words) > 1 and words[-1][0].isupper()):
        return Phrase(text, None, None, None, vague=True)
    # An organisation's full name: "The Cabinet Office", "The Fire Brigades Union".
    if len(words) >= 2 and low[-1] in ORG_WORDS and words[-1][0].isupper() and all(
            is_cap(w) or l in CONNECTORS for w, l in zip(words, low)) and not any(
            l in TITLES for l in low):
        name_words = words[1:] if low[0] in ("the", "a", "an") else words
        return Phrase(text, None, None, " ".join(name_words))
    # "the government", "the council": an institution named by its common noun.
    if len(words) >= 2 and low[0] == "the" and low[-1] in ORG_WORDS and low[-1] not in (
            "house", "street", "office", "group", "company", "party") and words[-1].islower() \
            and all(is_cap(w) for w in words[1:-1]) and len(words) <= 4:
        # "the government", "the US government", "the Australian government"
        return Phrase(text, None, None, text)
    # Trailing name: capitalised words that are not role words (particles allowed inside).
    i = len(words)
    while i > 0 and ((is_cap(words[i - 1]) and not is_role_word(words[i - 1])
                      and low[i - 1] not in TITLES and (low[i - 1] not in NOT_NAMES or (
                          low[i - 1] in MONTH_SURNAMES and i == len(words) and i > 1
                          and is_cap(words[i - 2]) and low[i - 2] not in NOT_NAMES
                          and not is_role_word(words[i - 2]))))
                     or (words[i - 1] in NAME_PARTICLES and i < len(words) and i > 1
                         and is_cap(words[i - 2]))):
        i -= 1
    name_words = words[i:]
    head = words[:i]
    # Descriptors before a full name are not part of it: "American Robby Ginepri",
    # "India's Sania Mirza", "Fifteen-year-old Donald Young", "Fly-half Stephen Jones".
    based = [k for k, w in enumerate(name_words[:-1]) if re.search(r"-(?:based|born)$", w)]
    if based and not head:  # "Santa Monica-based Activision"
        name_words = name_words[based[-1] + 1:]
        text = " ".join(name_words)
    while len(name_words) > 2 and _is_descriptor(name_words[0]) and not head:
        name_words = name_words[1:]
        text = " ".join(name_words)
    owners = [k for k, w in enumerate(name_words[:-2]) if w.endswith(("'s", "’s"))]
    if owners and all(is_cap(w) for w in name_words[owners[-1] + 1:]) and not any(
            bare(w) in TITLES for w in name_words[owners[-1] + 1:]):
        # "Oxfam's Barbara Stocking", "Plaid Cymru's Elfyn Llwyd": the owner is an
        # affiliation, not part of the person's name.
        name_words = name_words[owners[-1] + 1:]
        head = []
    title = None
    if head and bare(head[-1]) in TITLES:
        title = head[-1].rstrip(".")
        head = head[:-1]
    if head and head[0].lower() == "the":
        head = head[1:]
    if head and name_words and bare(head[-1]) in ("for", "to", "near") and len(head) >= 2 \
            and head[-1].islower() and (bare(head[-1]) != "for" or title is not None
                                        or any(is_role_noun(w) for w in head)) \
            and not _names_place_or_org(" ".join(name_words)):
        # "a spokesman for Mr Prescott", "sources close to Mr Hockney": someone speaking
        # for the named person, never the person.
        if any(bare(w) in VAGUE_HEADS for w in head):
            return Phrase(text, None, None, None, vague=True)
        if any(is_role_noun(w) for w in head):
            return Phrase(text, None, re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I),
                          None)
        return None
    role_words = head
    role = " ".join(role_words) if role_words and any(
        is_role_noun(w) for w in role_words) else None
    if role_words and role is None:
        # Words before the name that are neither title nor role: an organisation's full
        # name ("the Liberal Democrats") or a possessive ("Estonia's Kallas").
        if len(name_words) >= 2 and role_words[-1].lower().endswith(("'s", "’s")) \
                and all(is_cap(w) or bare(w) in CONNECTORS for w in role_words):
            role_words = []  # "Labour's Paul Flynn", "Amnesty International's Jan Shaw":
            #                  the owner is an affiliation, no part of the name
        elif all(is_cap(w) or bare(w) in CONNECTORS for w in role_words) and name_words:
            name_words = role_words + name_words
            role_words = []
        elif not name_words:
            return None
    if role_words and bare(role_words[0]) in CONNECTORS:
        return None
    if role and name_words and bare(role_words[-1]) in ("of", "for", "the") and not title:
        # "the Archbishop of Canterbury", "Secretary of State for the Family": a role
        role, name_words = " ".join(role_words + name_words), []
    # "Lord Butler's report said": a document speaks for its author.
    if len(words) >= 2 and low[-1] in DOCUMENT_NOUNS and words[-2].endswith(("'s", "’s")) \
            and is_cap(words[-2]):
        return parse_phrase([*words[:-2], words[-2][:-2]])
    name = " ".join(name_words) if name_words else None
    if name is None and role is None:
        return None
    if name and name.lower() in NOT_NAMES:
        return None
    return Phrase(text, title, role, name)


_PEER_TITLES = {"lord", "lady", "baroness", "baron", "earl", "duke", "viscount"}


def cut_affiliation(words: list[str]) -> list[str]:
    """Drop an employer after a person's name: "Mike Powell of Dresdner Kleinwort",
    "Isabelle Kronawitter at Hypovereinsbank". A peer's territorial name stays whole
    ("Lord Nicholls of Birkenhead")."""
    for k in range(2, len(words)):
        if words[k] not in ("of", "at", "from", "with"):
            continue
        before = words[:k]
        name = []
        for w in reversed(before):
            if (is_cap(w) and not is_role_word(w) and bare(w) not in TITLES
                    and bare(w) not in NOT_NAMES) or (w in NAME_PARTICLES and name):
                name.insert(0, w)
            else:
                break
        if not name:
            return words
        head = before[:len(before) - len(name)]
        titled = bool(head) and bare(head[-1]) in TITLES
        if titled and bare(head[-1]) in _PEER_TITLES and len(name) == 1:
            return words
        if len(name) >= 2 or titled:
            return before
        return words
    return words


def _names_place_or_org(name: str) -> bool:
    from corpus.gazetteer import gazetteer
    return gazetteer().is_place(name) or any(bare(w) in ORG_WORDS for w in name.split())


_PARTY_NAMES = {"labour", "tory", "tories", "conservatives", "snp", "ukip", "plaid"}


def _is_descriptor(word: str) -> bool:
    from corpus.gazetteer import gazetteer
    g = gazetteer()
    low = word.lower().replace("’", "'")
    if low.endswith("'s") and (g.is_place(word[:-2]) or low[:-2] in _PARTY_NAMES):
        return True  # "India's Sania Mirza", "Labour's Paul Flynn"
    if "-" in word and word.split("-", 1)[1][:1].islower():
        return True
    return low in g.adjectives
