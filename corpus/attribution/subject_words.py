"""The run of words that can be a speaker, read backwards from a verb or forwards after it.

Both stop at punctuation and at words no speaker phrase has ("Mr", role words, names and
their connectors, generic sources and pronouns are kept); `corpus.phrases` then reads the
run as a phrase.
"""
from __future__ import annotations

import re

from corpus.gazetteer import gazetteer
from corpus.lexicon import attribution_words, phrase_words
from corpus.phrases import (
    CONNECTORS,
    DOCUMENT_NOUNS,
    NAME_PARTICLES,
    NOT_NAMES,
    ORG_WORDS,
    TITLES,
    VAGUE_HEADS,
    bare,
    cut_affiliation,
    is_cap,
    is_role_noun,
    is_role_word,
)
from corpus.quotes import QUOTE_CHARS
from corpus.references import reference_noun

SKIP_BEFORE_VERB = attribution_words("skip_before_verb")
SPLIT_CONJ = attribution_words("split_conjunction")
_CLAUSE_BREAKS = attribution_words("clause_break")
_COURT_WORDS = attribution_words("court_word")
_INVERSION_FOLLOWERS = attribution_words("inversion_follower")
_BEFORE_TO = attribution_words("before_to")
_GOING_ON = attribution_words("going_on")
_NOT_ADVERBS = attribution_words("not_adverb")
_REPORT_HEADS = attribution_words("report_head")
_ORG_DESCRIPTORS = phrase_words("org_descriptor")
COMPANY_SUFFIXES = phrase_words("company_suffix")
MAX_PHRASE = 12
_WORDS = re.compile(r"\S+")
_ACRONYM = re.compile(r"\([A-Z][A-Za-z&]{1,8}\)")
_JOINERS = CONNECTORS | NAME_PARTICLES
_LEADING_CONNECTORS = CONNECTORS - {"the"}
_PRONOUNS = {"he", "she", "they", "it"}
_DOCUMENT_PREPOSITIONS = {"by", "from", "to", "in", "on", "of", "with", "at", "for", "into"}
# Words that never describe a speaker: a lower-case word among them ends a descriptor lead.
_NOT_DESCRIPTORS = frozenset().union(
    *(phrase_words(c) for c in ("connector", "name_particle", "not_name", "time_word",
                                "finite_verb")),
    *(attribution_words(c) for c in ("preposition", "skip_before_verb", "clause_break",
                                     "split_conjunction", "subordinator", "lead_in",
                                     "inversion_follower", "object_preposition")))
_LEAD_DETERMINERS = {"a", "an", "one", "some", "many", "other", "several"}
_DESCRIPTOR = re.compile(r"[a-z0-9][a-z0-9-]*[a-z]")
_AGE = re.compile(r"\d+-year-old")
_INITIAL = re.compile(r"(?:[A-Z]\.){1,2}")
_NAME_WORD = re.compile(r"[A-Z][a-z]")


def words_before(masked: str, sent_start: int, cue: int) -> tuple[list[str], int] | None:
    """The words of the phrase right before a cue, and where its clause starts (at the
    conjunction before it, if any)."""
    words = sentence_words(masked, sent_start, cue)
    j = _skipped(words)
    described = _description_before(words, j)
    if described is not None:
        return described
    if j > 0 and _ACRONYM.fullmatch(words[j - 1][0]):
        j -= 1  # "The European Regions Airline Association (ERAA) claims"
    collected: list[tuple[str, int]] = []
    while j > 0 and len(collected) < MAX_PHRASE:
        w, p = words[j - 1]
        if w[-1] in ",;:" or w[-1] in QUOTE_CHARS or w[0] in QUOTE_CHARS:
            break
        low = bare(w)
        ok = (is_cap(w) or is_role_word(w) or low in TITLES or low in VAGUE_HEADS
              or (low in _JOINERS and collected) or (not collected and low in _PRONOUNS)
              or (not collected and low in DOCUMENT_NOUNS)
              or (not collected and _named_institution_head(words, j)))
        if not ok or (low in _CLAUSE_BREAKS and not is_cap(w)
                      and not _inside_company_name(words, j, collected)
                      and not _inside_institution_name(words, j, collected)
                      and not _joint_institution_name(words, j, collected)):
            break
        collected.insert(0, (w, p))
        j -= 1
        if low in _PRONOUNS:
            break
    if len(collected) == 1 and bare(collected[0][0]) in DOCUMENT_NOUNS:
        k = _owner_before_document(words, j)
        collected, j = words[k:j] + collected, k
    while collected and bare(collected[0][0]) in _LEADING_CONNECTORS:
        collected.pop(0)
    if not collected or (bare(collected[-1][0]) in DOCUMENT_NOUNS and j > 0
                         and words[j - 1][0] in _DOCUMENT_PREPOSITIONS):
        return None  # "companies contacted by the BBC News website insist": no subject
    start = collected[0][1]
    if j > 0 and bare(words[j - 1][0]) in SPLIT_CONJ:
        start = words[j - 1][1]
    return [w for w, _ in collected], start


def _named_institution_head(words: list[tuple[str, int]], j: int) -> bool:
    """"the Bush administration argues", "the US administration said": an organisation
    word in lower case right before the verb, after a capitalised word and "the", heads
    the phrase (the institution named by its common noun and who or where it is); never a
    court ("the US court could declare it bankrupt": a ruling, and inside content)."""
    w = words[j - 1][0]
    return j >= 3 and w.islower() and bare(w) in ORG_WORDS and bare(w) not in _COURT_WORDS \
        and is_cap(words[j - 2][0]) \
        and bare(words[j - 2][0]) not in ("the", "a", "an") and bare(words[j - 3][0]) == "the"


def _description_before(words: list[tuple[str, int]], j: int
                        ) -> tuple[list[str], int] | None:
    """"The star of Rain Man and Tootsie said", "The UK's biggest mortgage lender said": a
    referring noun with what the person is known for, or after a place's superlative,
    opening the sentence (the reference resolver decides who it is)."""
    if j < 4 or words[0][0] not in ("The", "the") or j > 2 + MAX_PHRASE:
        return None
    found = [w for w, _ in words[:j]]
    ref = reference_noun(found)
    if ref is None or not (ref.superlative or "of" in found) or any(
            w[-1:] in ",;:" for w in found):
        return None
    return found, words[0][1]


def _owner_before_document(words: list[tuple[str, int]], j: int) -> int:
    """Where the owner of a document with adjectives between starts ("Labour's new posters
    say", "the FA's latest statement"): j itself when there is no such owner."""
    k = j
    while k > 0 and j - k < 2 and _DESCRIPTOR.fullmatch(words[k - 1][0]) \
            and words[k - 1][0] not in _NOT_DESCRIPTORS:
        k -= 1
    if k == j or k == 0 or not (words[k - 1][0].endswith(("'s", "’s"))
                                and is_cap(words[k - 1][0])):
        return j
    k -= 1
    while k > 0 and is_cap(words[k - 1][0]) and not words[k - 1][0].endswith(","):
        k -= 1
    return k


def _inside_company_name(words: list[tuple[str, int]], j: int,
                         collected: list[tuple[str, int]]) -> bool:
    """"China's Baoshan Iron and Steel Co. said": an "and" between capitalised words of a
    name ending in a company suffix (Co., Ltd, plc) is part of the name."""
    return words[j - 1][0] == "and" and j >= 2 and is_cap(words[j - 2][0]) \
        and bool(collected) and is_cap(collected[0][0]) \
        and bare(collected[-1][0].rstrip(".")) in COMPANY_SUFFIXES


def _inside_institution_name(words: list[tuple[str, int]], j: int,
                             collected: list[tuple[str, int]]) -> bool:
    """"A Department for Work and Pensions spokeswoman confirmed": an "and" between
    capitalised words after an organisation word and "for"/"of" ("Department for",
    "Ministry of") is part of the name."""
    if words[j - 1][0] != "and" or j < 2 or not collected or not is_cap(collected[0][0]):
        return False
    k = j - 2
    while k > 0 and (is_cap(words[k][0]) or bare(words[k][0]) in CONNECTORS):
        if bare(words[k][0]) in ("for", "of") and is_cap(words[k - 1][0]) \
                and bare(words[k - 1][0]) in ORG_WORDS:
            return True
        k -= 1
    return False


_OWNER_LINKS = {"of", "for", "at", "from", "with", "to", "by"}


def _joint_institution_name(words: list[tuple[str, int]], j: int,
                            collected: list[tuple[str, int]]) -> bool:
    """"the Finance and Economy Ministry said": after "the", two capitalised words joined
    by "and" before an organisation word are one body's name, when the first is neither an
    organisation word nor a place ("the Treasury and Foreign Office" stays two)."""
    if words[j - 1][0] != "and" or j < 3 or not collected or not is_cap(collected[0][0]):
        return False
    first, before = words[j - 2][0], words[j - 3][0]
    if j > 3 and bare(words[j - 4][0]) in _OWNER_LINKS:
        return False  # "the leader of the Public and Commercial Services Union": a role
    return before in ("the", "The") and is_cap(first) and bare(first) not in ORG_WORDS \
        and not gazetteer().is_place(first) and bare(collected[-1][0]) in ORG_WORDS \
        and all(is_cap(w) for w, _ in collected)


def _adverb(low: str, word: str) -> bool:
    """A lower-case adverb in -ly ("categorically"), never a noun in -ly ("ally")."""
    return len(low) >= 5 and low.endswith("ly") and low.isalpha() and low == word \
        and low not in _NOT_ADVERBS


_IN_THE_PAST = re.compile(r"\b(?:has|have|had)\s+(in\s+(?:the\s+)?(?:past|recent)"
                          r"(?:\s+(?:few\s+)?(?:days|weeks|months|years))?)$")


def _skipped(words: list[tuple[str, int]]) -> int:
    """How many of `words` stay once the adverbs, auxiliaries and "seemed to" / "went on
    to" between a subject and its verb are skipped ("has since said", "categorically
    denied", "Investors seemed to feel", "Chief Supt Deats went on to warn")."""
    low = [w.lower() for w, _ in words]
    j = len(words)
    while j > 0:
        w = low[j - 1]
        since = _IN_THE_PAST.search(" ".join(low[:j]))
        if since is not None:  # "China has in the past said"
            j -= len(since.group(1).split())
            continue
        if (w in SKIP_BEFORE_VERB and not is_cap(words[j - 1][0])) or _adverb(w, words[j - 1][0]):
            j -= 1
        elif w == "to" and j >= 2 and low[j - 2] in _BEFORE_TO:
            j -= 2
        elif w == "to" and j >= 3 and low[j - 2] == "on" and low[j - 3] in _GOING_ON:
            j -= 3
        else:
            break
    return j


def sentence_words(masked: str, sent_start: int, cue: int) -> list[tuple[str, int]]:
    """The words (and offsets) from the sentence's start to the cue; a word begun before
    the sentence is not one of them. Read from the sentence, not the paragraph's start
    (which made a long paragraph cost its square)."""
    return [(m.group(), m.start()) for m in _WORDS.finditer(masked, sent_start, cue)
            if m.start() > sent_start or not _inside_word(masked, sent_start)]


def _inside_word(text: str, pos: int) -> bool:
    """Whether `pos` falls inside a word begun before it: the words read from `pos` must
    not start with such a word's tail."""
    return pos > 0 and _WORDS.match(text, pos - 1, pos) is not None


def words_after(masked: str, pos: int, sent_end: int) -> list[str]:
    """Words of the phrase right after a cue ("said Mr Erdogan.")."""
    out = _phrase_words(list(_WORDS.finditer(masked, pos, sent_end)), [])
    if len(out) == 1 and out[0].lower() in _LEAD_DETERMINERS:
        out = _described_lead(masked, pos, sent_end) or out  # "by some hi-tech firms"
    elif out and _qualifier(out):
        # "said Kidman's publicist Wendy Day", "said Russian oil official Sergei Oganesyan"
        out = _described_lead(masked, pos, sent_end, len(out)) or out
    elif out and all(is_cap(w) for w in out):
        # "said Spanish Federation press officer Fernando Garrido": an organisation's name,
        # a lower-case role and the full name of the one holding it
        out = _employer_role_name(_described_lead(masked, pos, sent_end, len(out)), out) \
            or out
    return out or _described_lead(masked, pos, sent_end) \
        or _described_person(masked, pos, sent_end)


def _employer_role_name(found: list[str], kept: list[str]) -> list[str]:
    """`found` when it goes on from the capitalised words `kept` through lower-case words
    ending in a role noun to a name of two capitalised words or more; else nothing."""
    after = found[len(kept):]
    roles = [k for k, w in enumerate(after) if w.islower() and is_role_word(w)]
    if not roles or any(not w.islower() for w in after[:roles[-1]]):
        return []
    name = after[roles[-1] + 1:]
    if len(name) < 2 or not all(is_cap(w) and bare(w) not in NOT_NAMES for w in name):
        return []
    return found


def _phrase_words(matches: list[re.Match[str]], out: list[str]) -> list[str]:
    """The speaker-phrase words at the start of `matches`, after the lead `out`."""
    lead = len(out)
    for k, m in enumerate(matches):
        w = m.group()
        core = w.rstrip(".,;:!?")
        low = bare(core)
        if not (is_cap(core) or is_role_word(core) or low in TITLES or low in VAGUE_HEADS
                or (low in _JOINERS and out)
                or (not out and low == "the" and core == w)
                or _role_of_field(out, core)):
            break
        if _INITIAL.fullmatch(w) and k + 1 < len(matches) \
                and _NAME_WORD.match(matches[k + 1].group()):
            out.append(w)  # "said Mr R. Sridharan": an initial goes on to the surname
            continue
        out.append(core)
        if core != w or len(out) >= MAX_PHRASE:
            break
    while len(out) > lead and bare(out[-1]) in CONNECTORS:
        out.pop()
    return out if len(out) > lead else []


def _role_of_field(out: list[str], word: str) -> bool:
    """"Wasps director of rugby Warren Gatland", "head of research": a lower-case field
    after a role noun and "of" is part of the role."""
    return word.isalpha() and word.islower() and len(out) >= 2 and out[-1] == "of" \
        and is_role_word(out[-2])


def _qualifier(words: list[str]) -> bool:
    """Whether capitalised words only qualify a description after them: an owner
    ("Kidman's"), one word that names nobody by itself ("Russian", "Aviator") or a role
    modifier waiting for its noun ("SEC deputy enforcement director")."""
    return words[-1].endswith(("'s", "’s")) or (len(words) == 1 and not is_role_word(words[0])
                                                and bare(words[0]) not in TITLES) or (
        is_role_word(words[-1]) and words[-1].islower())  # "SEC deputy enforcement ..."


def _described_lead(masked: str, pos: int, sent_end: int, kept: int = 0) -> list[str]:
    """A speaker described in lower case before the name or role: "said entrepreneur
    Drayton Valentine", "according to tourism minister Sontaya Kunplome", "said an IMF
    official in a briefing", "backed by some hi-tech firms". The description must end in
    a role or a generic source, or come right before a full name ("said 20-year-old
    politics student Nick Vaughan")."""
    matches = list(_WORDS.finditer(masked, pos, sent_end))[:MAX_PHRASE]
    lead = [m.group() for m in matches[:kept]]  # the qualifying words before, if any
    if lead and not lead[-1][-1:].isalnum() and not lead[-1].endswith(("'s", "’s")):
        return []  # "said Paul King, chief ...": the phrase ended at the comma
    if matches and not lead and matches[0].group().lower() in _LEAD_DETERMINERS:
        lead.append(matches[0].group())
    while len(lead) < len(matches) and len(lead) < kept + 4:
        w = matches[len(lead)].group()
        if not _DESCRIPTOR.fullmatch(w) or w in _NOT_DESCRIPTORS or w in TITLES \
                or w.endswith(("ing", "ed")):  # "responded by accusing the prime minister"
            break
        lead.append(w)
        if is_role_word(w) or w in VAGUE_HEADS:
            break
    if len(lead) == kept:
        return []
    rest = _phrase_words(matches[len(lead):], list(lead)) or lead
    named = [w for w in rest[len(lead):] if is_cap(w) and bare(w) not in NOT_NAMES]
    if bare(lead[-1]) in _ORG_DESCRIPTORS and named and len(named) == len(rest) - len(lead):
        return rest  # "according to state statistics body INSEE": what the body is, its name
    if any(bare(w) in DOCUMENT_NOUNS or bare(w) in _REPORT_HEADS for w in rest):
        return []  # "according to a report by Demos" is the report's author's
    described = is_role_word(lead[-1]) or lead[-1] in VAGUE_HEADS or any(
        is_role_word(w) or bare(w) in VAGUE_HEADS for w in rest[len(lead):])
    aged = any(_AGE.fullmatch(w) for w in lead)
    if described or (len(named) >= (1 if aged else 2) and len(named) == len(rest) - len(lead)
                     and lead[0].lower() not in _LEAD_DETERMINERS):
        return rest
    return []


def _described_person(masked: str, pos: int, sent_end: int) -> list[str]:
    """"..., said the world indoor champion": a described person after "the"."""
    words = masked[pos:sent_end].split()[:6]
    if words and words[0] == "the":
        for k in range(1, len(words)):
            core = words[k].rstrip(".,;:!?")
            found = [w.rstrip(".,;:!?") for w in words[:k + 1]]
            if is_role_noun(core) or reference_noun(found) is not None:
                return found
            if core != words[k] or not core.replace("-", "").isalnum() or not core.islower():
                break
    return []


def object_not_subject(masked: str, pos: int, sent_end: int, words: list[str]) -> bool:
    """After "..., warned Mr Brown not to ..." or "said Jack McConnell's comment was",
    the name is the verb's object, not an inverted subject. An inverted subject ends its
    clause ("..., said Mr X.") or is followed by a circumstance ("in a statement")."""
    rest = masked[pos:sent_end].split()
    if words and len(cut_affiliation(words)) < len(words):
        return False  # "says Cara Diemont of IT firm Dimension Data", "of Standard & Poor's"
    if not words or words[-1].endswith(("'s", "’s")):
        return True
    if len(rest) <= len(words):
        return False
    last = rest[len(words) - 1]
    if last[-1:] in ",.;:!?" or last[-1:] in QUOTE_CHARS:
        return False
    follower = rest[len(words)]
    if follower[:1] in QUOTE_CHARS:
        return False  # 'said Mr Ingram "For what we are seeing ...'
    if _ACRONYM.fullmatch(follower.rstrip(",.;:")) and (
            len(rest) == len(words) + 1 or follower[-1:] in ",.;:"):
        return False  # "said the Wall Street Journal (WSJ)."
    if len(words) > 1 and all(is_cap(w) for w in words) and _role_described(rest[len(words):]):
        return False  # "thinks Paolo Pescatore mobile industry specialist for analysts IDC"
    return bare(follower.strip(",.;:")) not in _INVERSION_FOLLOWERS


def _role_described(after: list[str]) -> bool:
    """Whether the words after a full name are a lower-case description ending in a role noun
    within four words, then a preposition or the end ("mobile industry specialist for
    analysts IDC", "chief economist at"): the name's apposition, with no comma."""
    for k, w in enumerate(after[:4]):
        core = w.rstrip(",.;:")
        if not core.islower():
            return False
        if is_role_noun(core) and (k + 1 == len(after) or core != w or bare(after[k + 1])
                                   in ("for", "at", "of", "with")):
            return True
    return False
