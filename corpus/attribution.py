"""Rule-based speaker attribution: who says each sentence, directly or in reported speech.

The rules are general news-writing conventions, never facts about one article (the full
list, with the links made and refused, is in docs/attribution.md):
  - a reporting verb (said, told, blamed, criticised, "called for", ...) with its subject
    before it ("Mr X has said"), after it ("..., said Mr X" when the name ends its clause),
    after "by" ("were urged by X", "backed by his predecessor, Lord Y"), "according to X",
    a relative clause ("Beijing, which described ...") or "what X calls";
  - appositions between subject and verb ("X, the minister, said", "The Minister, X, said",
    "X - a historian - said", "X, 32, from Leeds, said");
  - verbs that are speech only in context (attitude verbs need a content clause, "described"
    needs "as", "backed" the passive, "found" a survey or report);
  - quotations are masked first, so a name inside a quotation is never its speaker;
  - a sentence that reports two speakers ("A said ..., while B said ...") is cut in two; a
    subject straight after a speech verb is that speech's content, not a second act;
  - quote runs keep their speaker forwards and backwards ('"A. B," he said.'); a verbless
    sentence quoting a fragment right after a statement carries it on as reported speech;
  - he/she go to the person in focus (latest speaker or sentence subject) of the right
    gender, "he" opening a subordinate clause to the person named just before it; "it" to
    the last organisation speaking; "the minister" to the person holding that role, or to
    the person in focus when they have no role; a role-only lead is linked to the person
    named as speaking next when that person has no other role.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.aliases import AliasEntry
from corpus.folding import fold
from corpus.gazetteer import gazetteer
from corpus.models import Sentence, Speaker
from corpus.people import Entity, PeopleTable, is_organisation_name, role_gender
from corpus.phrases import (
    CONNECTORS,
    NAME_PARTICLES,
    ROLE_NOUNS,
    TITLES,
    VAGUE_HEADS,
    Phrase,
    bare,
    cut_affiliation,
    is_cap,
    is_role_noun,
    is_role_word,
    parse_phrase,
)
from corpus.quotes import CLOSERS, QUOTE_CHARS, mask_quotes, quote_runs, quote_spans

_VERBS = (
    "say|says|said|tell|tells|told|add|adds|added|announce|announces|announced|urge|urges|"
    "urged|warn|warns|warned|claim|claims|claimed|insist|insists|insisted|state|states|stated|"
    "stress|stresses|stressed|explain|explains|explained|argue|argues|argued|suggest|"
    "suggests|suggested|comment|comments|commented|note|notes|noted|acknowledge|acknowledges|"
    "acknowledged|admit|admits|admitted|confirm|confirms|confirmed|deny|denies|denied|reveal|"
    "reveals|revealed|predict|predicts|predicted|reply|replies|replied|respond|responds|"
    "responded|ask|asks|asked|promise|promises|promised|pledge|pledges|pledged|vow|vows|vowed|"
    "declare|declares|declared|concede|concedes|conceded|maintain|maintains|maintained|"
    "emphasise|emphasises|emphasised|emphasize|emphasizes|emphasized|write|writes|wrote|"
    "continue|continues|continued|report|reports|reported|believe|believes|believed|"
    "complain|complains|complained|accuse|accuses|accused|agree|agrees|agreed|proposes|"
    "proposed|describe|describes|described|blames|blamed|attacks|attacked|"
    "criticises|criticised|criticizes|criticized|objects|objected|"
    "highlights|highlighted|welcomes|welcomed|dismisses|dismissed|"
    "rejects|rejected|questioned|appealed|"
    "fear|fears|feared|feel|feels|felt|expects|forecast|forecasts|condemns|"
    "condemned|praises|praised|demands|demanded|indicates|indicated|"
    "backed|recommends|recommended|announce|declared|declare|rebuts|rebutted|brands|branded|"
    "derides|derided|"
    "found|finds|shows|showed|calls"
)
# Several-word cues go first so that "calls for" is not read as "calls".
_MULTI = ("(?:call|calls|called|calling) for|(?:call|calls|called|calling) on(?= (?:the |[a-z]+ )?"
          "[A-Z]?[a-z]+s?\\b)(?! (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b)|"
          "lash(?:es|ed)? out|"
          "launch(?:es|ed)? (?:an )?attack|(?:speak|speaks|spoke|spoken) out|"
          "plead(?:s|ed)? (?:not )?guilty|pa(?:y|ys|id) tribute|"
          "(?:is|are|was|were) (?:concerned|worried)(?= that\\b)")
# Verbs that are speech only with "as" ("dismissed the plan as "desperate"").
NEEDS_AS = {"dismissed", "dismisses", "describe", "describes", "described"}
# Verbs that are speech only in the passive with "by" ("was backed by Lord Armstrong").
PASSIVE_ONLY = {"backed"}
# Verbs that are speech only for a report, survey or study ("the survey found").
REPORT_ONLY = {"found", "finds", "shows", "showed", "show"}
REPORT_HEADS = {"survey", "study", "report", "poll", "research", "review", "inquiry",
                "analysis", "audit"}
# Verbs whose object follows them, so never an inverted subject (", told the BBC").
NO_INVERSION = {"tell", "tells", "told", "ask", "asks", "urge", "urges", "urged", "accuse",
                "accuses", "accused", "blamed", "criticised", "attacked", "backed"}
CUE = re.compile(rf"\b(?:{_MULTI}|{_VERBS})\b")
ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)
# Verbs that need a clause or quotation to be speech (not "agreed a deal", "described as").
WEAK_VERBS = {"believe", "believes", "believed", "agree", "agrees", "agreed", "describe",
              "describes", "described", "continue", "continues", "continued", "note",
              "notes", "noted", "report", "reports", "reported", "write", "writes", "wrote",
              "ask", "asks", "asked", "state", "states", "stated", "fear", "fears", "feared",
              "feel", "feels", "felt", "expects", "indicate", "indicates", "indicated",
              "back", "backs", "backed", "question", "questions", "appeal", "appeals",
              "demand", "demands", "welcome", "attack", "object", "praise",
              "condemn", "reject", "dismiss", "highlight", "blame", "recommend",
              "rejected", "branded", "brands", "derides", "derided"}
_SPEECH_FOLLOW = re.compile(r"^\s*(?:[:,]|that\b|it\b|he\b|she\b|they\b|there\b|the\b|[\"“”]"
                            r"|\w+\s+(?:\w+\s+)?(?:was|were|is|are|had|has|would|will|could"
                            r"|should)\b"
                            r"|(?:on|last|this|in)\s+\w+\s+that\b|(?:yesterday|today)\s+that\b)")
# "wrote to Mr McConnell on Tuesday accusing him of ...": the participle carries the speech.
_SPEECH_PARTICIPLE = re.compile(r"^[^,;.]{0,60}(?:,\s*)?\b(?:accusing|urging|calling for|"
                                r"saying|telling|demanding|warning|claiming|insisting)\b")
# Attitude and forecast verbs also take a plain object as their content: "it expects a rise".
_OBJECT_CONTENT = re.compile(r"^\s*(?:a|an|further|more|higher|lower|no|\d)\b")
OBJECT_CONTENT_VERBS = {"expects", "fear", "fears", "feared", "forecast", "forecasts",
                        "predicted", "predicts"}
_SKIP_BEFORE_VERB = {"also", "later", "has", "had", "have", "would", "will", "then", "then,",
                     "previously", "earlier", "recently", "again", "further", "once", "last",
                     "repeatedly", "separately", "publicly", "privately", "reportedly",
                     "subsequently", "since", "both", "is", "was", "were", "are", "already",
                     "yesterday", "today", "tonight", "now", "too", "however", "himself",
                     "herself", "itself", "themselves", "frequently", "often", "just", "not",
                     "never", "always", "did", "does", "do", "may", "might", "could",
                     "should", "openly", "simply", "flatly", "firmly", "strongly", "clearly"}
_CLAUSE_BREAKS = {"while", "whereas", "but", "and", "after", "as", "although", "though",
                  "when", "before", "since", "because", "that", "which", "who", "where"}
_SPLIT_CONJ = {"while", "whereas", "but", "and", "after", "as", "although", "though", "when",
               "before"}
_WORDS = re.compile(r"\S+")
_PARTICIPLES = {"said", "told", "written"}
_MAX_PHRASE = 12


@dataclass
class Act:
    """One speech act found in a sentence, before its speaker is final."""

    cue: int  # offset of the cue in the paragraph
    clause_start: int  # where a split would cut the sentence (the subject's conjunction)
    phrase: Phrase
    direct: bool
    entity: Entity | None = None
    vague_name: str | None = None
    pending_role: str | None = None


def _words_before(text: str, end: int) -> list[tuple[str, int]]:
    return [(m.group(), m.start()) for m in _WORDS.finditer(text, 0, end)]


def _subject_before(masked: str, sent_start: int, cue: int) -> tuple[list[str], int] | None:
    """The words of the phrase right before a cue, and where its clause starts."""
    words = _words_before(masked[:cue], cue)
    words = [(w, p) for w, p in words if p >= sent_start]
    j = len(words)
    while j > 0 and words[j - 1][0].lower() in _SKIP_BEFORE_VERB and not is_cap(words[j - 1][0]):
        j -= 1
    if j > 0 and re.fullmatch(r"\([A-Z][A-Za-z&]{1,8}\)", words[j - 1][0]):
        j -= 1  # "The European Regions Airline Association (ERAA) claims"
    collected: list[tuple[str, int]] = []
    while j > 0 and len(collected) < _MAX_PHRASE:
        w, p = words[j - 1]
        if w[-1] in ",;:" or w[-1] in QUOTE_CHARS or w[0] in QUOTE_CHARS:
            break
        low = bare(w)
        ok = (is_cap(w) or is_role_word(w) or low in TITLES or low in VAGUE_HEADS
              or (low in (CONNECTORS | NAME_PARTICLES) and collected)
              or (not collected and low in
                                                       {"he", "she", "they", "it"}))
        if not ok or (low in _CLAUSE_BREAKS and not is_cap(w)):
            break
        collected.insert(0, (w, p))
        j -= 1
        if low in {"he", "she", "they", "it"}:
            break
    while collected and bare(collected[0][0]) in CONNECTORS - {"the"}:
        collected.pop(0)
    # Keep "the" and words after; drop any leading lowercase noise except determiners.
    if not collected:
        return None
    start = collected[0][1]
    # The clause starts at the conjunction before the subject, if any.
    if j > 0 and bare(words[j - 1][0]) in _SPLIT_CONJ:
        start = words[j - 1][1]
    return [w for w, _ in collected], start


def _subject_after(masked: str, pos: int, sent_end: int) -> list[str]:
    """Words of the phrase right after a cue ("said Mr Erdogan.")."""
    out: list[str] = []
    for m in _WORDS.finditer(masked, pos, sent_end):
        w = m.group()
        core = w.rstrip(".,;:!?")
        low = bare(core)
        if not (is_cap(core) or is_role_word(core) or low in TITLES or low in VAGUE_HEADS
                or (low in (CONNECTORS | NAME_PARTICLES) and out)
                or (not out and low == "the" and core == w)):
            break
        out.append(core)
        if core != w or len(out) >= _MAX_PHRASE:
            break
    while out and bare(out[-1]) in CONNECTORS:
        out.pop()
    if not out:
        # "..., said the world indoor champion": a described person after "the"
        words = masked[pos:sent_end].split()[:6]
        if words and words[0] == "the":
            for k in range(1, len(words)):
                core = words[k].rstrip(".,;:!?")
                if is_role_noun(core):
                    return [w.rstrip(".,;:!?") for w in words[:k + 1]]
                if core != words[k] or not core.isalpha() or not core.islower():
                    break
    return out


_INVERSION_FOLLOWERS = {"in", "on", "at", "during", "after", "before", "when", "while",
                        "yesterday", "today", "tonight", "last", "this", "who", "which",
                        "adding", "according", "speaking", "writing", "told", "as", "from"}


def _object_not_subject(masked: str, pos: int, sent_end: int, words: list[str]) -> bool:
    """After "..., warned Mr Brown not to ..." or "said Jack McConnell's comment was",
    the name is the verb's object, not an inverted subject. An inverted subject ends its
    clause ("..., said Mr X.") or is followed by a circumstance ("in a statement")."""
    rest = masked[pos:sent_end].split()
    if not words or words[-1].endswith(("'s", "’s")):
        return True
    if len(cut_affiliation(words)) < len(words):
        return False  # "says Cara Diemont of IT firm Dimension Data"
    if len(rest) <= len(words):
        return False
    last = rest[len(words) - 1]
    if last[-1:] in ",.;:!?" or last[-1:] in QUOTE_CHARS:
        return False
    return bare(rest[len(words)].strip(",.;:")) not in _INVERSION_FOLLOWERS


def _apposition(masked: str, sent_start: int, cue: int) -> tuple[list[str], str | None] | None:
    """A subject and an apposition before the verb, between commas or dashes:
    'David Frost, director general of the BCC, warned', 'Rod Eddington, BA's chief executive,
    said', 'X, who hosted the talks, urged', 'The Shadow Secretary of State, Theresa May,
    said', 'Lord Bingham - a senior law lord - said'. Returns the subject's words and the
    role the apposition gives, if any."""
    before = masked[sent_start:cue].rstrip()
    words = before.split()
    while words and words[-1].lower() in _SKIP_BEFORE_VERB:
        words.pop()
    before = " ".join(words)
    loose = re.search(r",\s+(?:from|of|at|with)\s+[^,]{3,80}$", before)
    if before.endswith(","):
        body, mark = before[:-1], ","
    elif loose and "," not in before[:loose.start()][-60:]:
        # "Mark Serwotka, from the Public and Commercial Services union said"
        body, mark = before, ","
    elif before.endswith((" -", " –", " —")):
        body, mark = before[:-2], before[-1]
    else:
        return None
    opener = body.rfind(mark if mark == "," else f" {mark} ")
    if opener < 0:
        return None
    middle = body[opener + 1:].strip(" -–—")
    head_text = body[:opener].rstrip()
    mwords = middle.split()
    if not mwords or len(mwords) > 22 or any(ch in middle for ch in "\"“”;:"):
        return None
    first = mwords[0].lower()
    head = _subject_before(head_text + " ", 0, len(head_text) + 1)
    head_phrase = parse_phrase(head[0]) if head else None
    # The head must start its clause: "In London ..., India's finance minister, said" has
    # no subject before the first comma.
    if head and head[1] > 0 and bare(head_text[head[1]:].split()[0]) not in _SPLIT_CONJ \
            and not head_text[:head[1]].rstrip().endswith(tuple(",;:" + QUOTE_CHARS)):
        previous = bare(head_text[:head[1]].split()[-1])
        # "But Liberal Democrat peer Lord Carlile, the reviewer, said" is a subject;
        # "In London, India's finance minister, said" is not.
        if previous in _PREPOSITIONS or head_phrase is None or not (
                head_phrase.title or (head_phrase.name and len(head_phrase.name.split()) > 1)):
            head_phrase = None
    mid_phrase = parse_phrase(mwords) if all(
        is_cap(w) or bare(w) in TITLES or bare(w) in CONNECTORS for w in mwords) else None
    # "Role, Name, said": the name between the commas is the speaker.
    if mid_phrase is not None and mid_phrase.name and head_phrase is not None \
            and head_phrase.role is not None and first not in {"the", "a", "an"} \
            and first not in _PREPOSITIONS \
            and (len(mid_phrase.name.split()) > 1 or mid_phrase.title):
        return mwords, head_phrase.role
    if head_phrase is not None and head_phrase.name and head_phrase.pronoun is None:
        if first in {"who", "which"}:
            return head[0], None
        role = re.sub(r"^(?:the|a|an)\s+", "", middle)
        if not any(is_role_word(w) for w in role.split()):
            role = None
        return head[0], role
    if mid_phrase is not None and mid_phrase.name and head_phrase is not None \
            and head_phrase.role_only:
        return mwords, head_phrase.role
    if mid_phrase is not None and mid_phrase.name and head is None \
            and not is_organisation_name(mid_phrase.name):
        return mwords, None
    # "In London on Thursday, India's finance minister, lashed out": a role between commas.
    if head_phrase is None and all(is_cap(w) or is_role_word(w) or bare(w) in CONNECTORS
                                   for w in mwords):
        mp = parse_phrase(mwords)
        if mp is not None and (mp.role_only or (mp.name and not is_organisation_name(mp.name))):
            return mwords, None
    if head_phrase is not None and head_phrase.role_only:
        return head[0], None
    # Several commas: "Mr Mubanga, 32, from Wembley, London, said".
    parts = body.split(",")
    for k in range(len(parts) - 2, 0, -1):
        head_text = ",".join(parts[:k]).rstrip()
        if len(" ".join(parts[k:]).split()) > 22 or not head_text:
            break
        found = _subject_before(head_text + " ", 0, len(head_text) + 1)
        if not found:
            continue
        hp = parse_phrase(found[0])
        starts_clause = found[1] == 0 or head_text[:found[1]].rstrip().endswith(
            tuple(",;:" + QUOTE_CHARS)) or bare(head_text[found[1]:].split()[0]) in _SPLIT_CONJ
        if hp is not None and hp.name and starts_clause and (
                hp.title or len(hp.name.split()) > 1) and not is_organisation_name(hp.name):
            return found[0], None
    return None


def _first_conjunct(words: list[str]) -> list[str]:
    """'He and the Archbishop of Canterbury have both spoken out': with joint subjects, the
    first one (a pronoun or a full name) is the one kept."""
    low = [w.lower() for w in words]
    if "and" not in low[1:]:
        return words
    k = low.index("and", 1)
    first = parse_phrase(words[:k])
    rest = parse_phrase(words[k + 1:])
    if first is None or rest is None:
        return words
    if first.pronoun or (first.name and (first.title or len(first.name.split()) > 1)
                         and (rest.name or rest.role)):
        return words[:k]
    return words


_MODIFIED = re.compile(
    r"^\s*(?:(?:But|And|Yet|However,)\s+)?((?:[Tt]he|[Aa]n?|[Ss]ome|[Mm]any|[Mm]ost|[Oo]ther)?\s*"
    r"(?:[a-z][a-z-]*\s+){0,2}[A-Za-z][a-z-]*)\s+"
    r"(?:of|on|at|from|for|in|with|within|inside|among)\s+"
    r"[^,;\"“”]{1,50}?\s*(?:has|have|had|also|now)?\s*$")


def _modified_subject(before: str) -> Phrase | None:
    """'Critics of the measure argue', 'A leading expert on the Cuban economy says': a
    generic source or role noun with a prepositional phrase after it."""
    m = _MODIFIED.match(before)
    if not m:
        return None
    words = m.group(1).split()
    head = bare(words[-1])
    if head not in VAGUE_HEADS and head not in ROLE_NOUNS:
        return None
    return parse_phrase(words)


def _relative_subject(masked: str, sent_start: int, cue: int) -> list[str] | None:
    """'Beijing, which described ...', 'the International Air Transport Association (IATA),
    which has attacked ...': the subject of a relative clause is the phrase before it."""
    before = masked[sent_start:cue].rstrip()
    words = before.split()
    while words and words[-1].lower() in _SKIP_BEFORE_VERB:
        words.pop()
    if len(words) < 2 or words[-1].lower() not in {"which", "who"} or not words[-2].endswith(","):
        return None
    text = " ".join(words[:-1])[:-1]
    found = _subject_before(text + " ", 0, len(text) + 1)
    return found[0] if found else None


def _is_direct(text: str, spans: list[tuple[int, int]], sent: tuple[int, int], cue: int) -> bool:
    """Whether the statement is a quotation: the quote closes just before the cue's clause,
    or opens right after it ("X said: "...")."""
    s, e = sent
    for qs, qe in spans:
        if qe <= s or qs >= e:
            continue
        if qe <= cue and not text[qe:cue].strip(" ,") .count(" ") > 8 and (
                qs <= s + 2 or text[s:qs].strip() == "") and qe > s + 2:
            return True
        if qs >= cue and text[cue:qs].count(" ") <= 8 and qe >= e - 2:
            # 'X said: "..."', 'X added that "<the whole content>"', not a fragment
            # ('denied it amounted to a "constitutional crisis"').
            between = text[cue:qs]
            if ":" in between or re.fullmatch(r"[\w’']+(?: out)?\s*(?:,|that)?\s*", between):
                return True
    return False


def find_acts(text: str, masked: str, spans: list[tuple[int, int]],
              sent: tuple[int, int]) -> list[Act]:
    s, e = sent
    acts: list[Act] = []
    for m in ACCORDING.finditer(masked, s, e):
        words = _subject_after(masked, m.end(), e)
        phrase = parse_phrase(words) if words else None
        if phrase:
            acts.append(Act(m.start(), s, phrase, _is_direct(text, spans, sent, m.start())))
    for m in re.finditer(r"\bquoted\s+(.{2,60}?)\s+as\s+say(?:ing)?\b", masked[:e]):
        # "the paper quoted Mr Chernin as saying"
        if m.start() >= s:
            phrase = parse_phrase(m.group(1).split())
            if phrase is not None:
                acts.append(Act(m.start(), s, phrase, False))
    for m in CUE.finditer(masked, s, e):
        verb = m.group()
        rest = masked[m.end():e]
        before = masked[s:m.start()].rstrip()
        phrase: Phrase | None = None
        clause = s
        passive = bool(re.match(r"^\s+by\b", rest)) and (verb.endswith("ed")
                                                          or verb in _PARTICIPLES)
        if verb in NEEDS_AS:
            if not re.search(r"\bas\b", rest):
                continue
        elif passive:
            pass  # "has been backed by David Kahn"
        elif verb in WEAK_VERBS and not _SPEECH_FOLLOW.match(rest) \
                and not _SPEECH_PARTICIPLE.search(rest) \
                and not (verb in OBJECT_CONTENT_VERBS and _OBJECT_CONTENT.match(rest)) \
                and not before.endswith(tuple(",\"”")) \
                and not (re.fullmatch(r"\s*[.!?]?\s*", rest)
                         and re.search(r"[,?!][\"”]", before)):
            continue
        if verb in PASSIVE_ONLY and not re.match(r"^\s+by\b", rest):
            continue
        if not passive and (verb.endswith("ed") or verb in _PARTICIPLES) and re.search(
                r"\b(?:is|are|was|were|been|be|being)(?:\s+(?:also|later|then|not|never|"
                r"reportedly|widely|repeatedly|now))?$", before):
            continue  # "He is said to be ...", "parents were warned ...": no speaker here
        if verb == "calls" and not re.search(r"\bwhat\s+(?:the\s+)?[A-Z][^,;]*$", before):
            continue  # only "in what Dimension Data calls an ..."
        if re.search(r"\b(?:the|a|an|his|her|its|their|these|those|this|that|my|our|your)$",
                     before):
            continue  # "made the comments", "his claims": a noun, not a verb
        if re.search(r"\bwhat\s+(?:they|he|she|it|some|many)\s*$", before):
            continue  # "after what they describe as": a characterisation, no statement
        if re.search(r"\b(?:whether|if)\b[^,;]*$", before):
            continue  # "declined to say whether the prime minister backed the plans"
        if re.match(r"^\s+by\b", rest) and (verb.endswith("ed") or verb in _PARTICIPLES):
            # passive: "were urged by X"
            words = _subject_after(masked, m.end() + rest.index("by") + 2, e)
            if not words or parse_phrase(words) is None:
                # "backed by his predecessor as Cabinet Secretary, Lord Armstrong."
                tail = re.search(r",\s+((?:(?:Mr|Ms|Mrs|Dr|Sir|Lord|Lady|Dame)\s+)?"
                                 r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})\s*[.!?]?\s*$",
                                 masked[m.end():e])
                if tail and not re.search(r"[,;]", rest[:tail.start()].split(" by ", 1)[-1]):
                    words = tail.group(1).split()
            phrase = parse_phrase(words) if words else None
        if phrase is None and verb not in NO_INVERSION and (
                not before or before[-1] in ",;:" or before[-1] in CLOSERS
                               or before.endswith(('"', ',"', ",”"))):
            words = _subject_after(masked, m.end(), e)  # inversion: '..., said Mr X'
            if words and _object_not_subject(masked, m.end(), e, words):
                words = []
            phrase = parse_phrase(words) if words else None
            if phrase is None or phrase.name is None:
                # '..., said the chairman of the education committee, Labour MP Barry
                # Sheerman.': the name closing the clause is the speaker.
                tail = re.match(r"\s+the\s+[^,;]{3,80},\s+((?:[A-Z][\w'’-]*\s+){0,3}"
                                r"[A-Z][\w'’-]+\s+[A-Z][\w'’-]+)\s*[.!?]?\s*$",
                                masked[m.end():e])
                named = parse_phrase(tail.group(1).split()) if tail else None
                if named is not None and named.name and not is_organisation_name(named.name):
                    phrase = named
        if phrase is None:
            found = _subject_before(masked, s, m.start())
            if found and found[0][-1].endswith(("'s", "’s")) and not before.endswith(","):
                found = None  # "Mr Mallon's claim that ...": a noun, not a verb
            if found and found[1] > s:
                lead = masked[s:found[1]].split()
                if lead and lead[-1] in ("to", "for", "near", "in"):
                    # "Sources close to Mr Hockney said": the subject is the whole phrase.
                    whole = _modified_subject(masked[s:m.start()]) or parse_phrase(
                        masked[s:m.start()].split())
                    if whole is None or not (whole.vague or whole.role_only):
                        continue
                    phrase = whole
                    found = None
                else:
                    own = _LOOSE_APPOSITION.match(masked[s:found[1]])
                    if own and any(is_role_noun(w) for w in own.group(2).split()):
                        # "Lisa Power, head of policy at the Terrence Higgins Trust said"
                        found = (own.group(1).split(), s)
            if found:
                phrase = parse_phrase(_first_conjunct(found[0]))
                clause = found[1]
                joint = re.match(r"\s*(?:Both\s+)?(He|She|They)\s+and\s",
                                 masked[s:m.start()])
                if joint:  # "He and the Archbishop have both spoken out": the first
                    phrase = parse_phrase([joint.group(1)])
                    clause = s
        role_from_apposition = None
        if phrase is None:
            app = _apposition(masked, s, m.start())
            if app:
                phrase = parse_phrase(app[0])
                role_from_apposition = app[1]
        if phrase is None:
            rel = _relative_subject(masked, s, m.start())
            if rel:
                phrase = parse_phrase(rel)
        if phrase is None:
            phrase = _modified_subject(masked[s:m.start()])
        if phrase is not None and phrase.pronoun is None:
            rel = re.match(r"^(.*?\S),\s+(?:which|who)\s+(?!(?:has|have|had|is|was)?\s*"
                           + re.escape(verb) + r"\b)", masked[s:m.start()])
            inner = masked[s + rel.end():m.start()] if rel else ""
            if rel and not phrase.vague and phrase.text in inner and before.endswith(",") \
                    and phrase.text not in rel.group(1) \
                    and re.search(r"\b[a-z]+\b", inner[:inner.rfind(phrase.text)]):
                # "The Alliance, which includes the Society, Age Concern ..., said": the
                # subject is the head before the relative clause, never a name inside it.
                head = _subject_before(rel.group(1) + " ", 0, len(rel.group(1)) + 1)
                phrase = parse_phrase(head[0]) if head else None
                clause = s
        if phrase is None:
            continue
        if verb in REPORT_ONLY and not (phrase.vague and bare(phrase.text.split()[-1])
                                        in REPORT_HEADS):
            continue
        if role_from_apposition and phrase.name and not phrase.role:
            phrase = Phrase(phrase.text, phrase.title, role_from_apposition, phrase.name)
        if any(a.phrase == phrase for a in acts):
            continue
        acts.append(Act(m.start(), clause, phrase, _is_direct(text, spans, sent, m.start())))
    acts.sort(key=lambda a: a.cue)
    return acts


@dataclass
class _Unit:
    """A sentence or clause with its (provisional) speaker."""

    passage: int
    start: int
    end: int
    act: Act | None = None
    entity: Entity | None = None
    vague: str | None = None
    role_only: str | None = None
    kind: str | None = None
    carried: bool = False  # speaker carried on from an earlier statement (quote run)
    minor: bool = False  # a speaker in a subordinate clause: not the one in focus
    anaphoric: bool = False  # a definite role met while a person was in focus


class ArticleAttributor:
    """Attributes the sentences of one article, paragraph by paragraph, in reading order."""

    def __init__(self, paragraphs: list[str], sentence_spans: list[list[tuple[int, int]]],
                 aliases: list[AliasEntry] | None = None):
        self.paragraphs = paragraphs
        self.spans = sentence_spans
        self.people = PeopleTable()
        for entry in aliases or ():
            self.people.add_user_entry(entry.name, entry.kind, entry.role, entry.aliases)
        # The person in focus: the latest person speaking or standing as a sentence's
        # subject ("Mr Kennedy is touring ... He said:"). Pronouns go here first.
        self.focus: tuple[Entity | None, str | None] | None = None
        self.org_focus: Entity | None = None  # the latest organisation speaking, for "it"
        self._units: list[_Unit] = []
        self._position = 0
        self._org_passage = -1
        self._current_passage = 0
        position = 0
        for text, sents in zip(paragraphs, sentence_spans):
            for s, e in sents:
                self.people.add_mentions(text[s:e], position)
                position += 1

    def run(self) -> list[list[Sentence]]:
        units: list[_Unit] = []
        self._units = units
        last: _Unit | None = None
        position = 0
        for p, (text, sents) in enumerate(zip(self.paragraphs, self.spans)):
            qspans = quote_spans(text)
            masked = mask_quotes(text, qspans)
            prev_open = bool(last and last.kind == "direct" and last.passage == p - 1
                             and _ends_open(self.paragraphs[p - 1]))
            self._current_masked = masked
            self._current_passage = p
            for s, e in sents:
                self._current_sentence_start = s
                self._position = position
                acts = find_acts(text, masked, qspans, (s, e))
                if not acts and p == 0:
                    acts = self._dash_headline(text, s, e)
                if not acts:
                    unit = _Unit(p, s, e)
                    if last is not None and self._continues_quote(text, qspans, (s, e), last,
                                                                  p, prev_open):
                        unit.entity, unit.vague, unit.role_only = (
                            last.entity, last.vague, last.role_only)
                        unit.kind = "direct"
                        unit.carried = True
                    elif last is not None and units and units[-1] is last \
                            and last.passage == p and p > 0 and last.vague is None \
                            and _reported_fragment(text, qspans, (s, e)) \
                            and not CUE.search(masked, s, e) \
                            and not _names_someone(masked, s, e):
                        # 'Law lords were "simply wrong" to imply ...' right after Straw's
                        # statement: his words go on, reported, with no verb of their own.
                        unit.entity, unit.vague, unit.role_only = (
                            last.entity, last.vague, last.role_only)
                        unit.kind = "direct" if re.search(r":\s*[\"“]", text[s:e]) \
                            and text[s:e].rstrip()[-1:] in "\"”" else "reported"
                        unit.carried = True
                    units.append(unit)
                    if unit.kind:
                        last = unit
                    if p > 0:
                        self._note_subject(masked, s, e)
                    position += 1
                    continue
                pieces = self._split(masked, acts, s, e)
                person_spoke = False
                for (cs, ce), act in pieces:
                    unit = _Unit(p, cs, ce, act, kind="direct" if act.direct else "reported")
                    self._resolve(unit, act, last, position)
                    if unit.entity is not None and unit.entity.kind == "person" \
                            and not unit.minor or unit.role_only:
                        person_spoke = True
                    if unit.entity is None and unit.vague is None and unit.role_only is None:
                        unit.kind = None
                        unit.act = None
                    elif unit.minor:
                        pass  # "... after he said": the main speaker stays in focus
                    else:
                        last = unit
                        if unit.role_only or (unit.entity and unit.entity.kind == "person"):
                            self.focus = (unit.entity, unit.role_only)
                        elif unit.entity is not None:
                            self.org_focus = unit.entity
                            self._org_passage = p
                    units.append(unit)
                if p > 0 and not person_spoke:
                    # "Gordon Brown has made an appeal ... after reports claimed ...": the
                    # main-clause subject is in focus even when someone else is speaking.
                    self._note_subject(masked, s, e)
                position += 1
        self._carry_back(units)
        self._link_roles(units)
        return self._sentences(units)

    def _dash_headline(self, text: str, s: int, e: int) -> list[Act]:
        """'Choose hope over fear - Kennedy': a headline ending in a dash and a known
        person's name is that person's words."""
        m = re.search(r"\s[-–—]\s*((?:[A-Z][\w'’.-]*\s?){1,3})\s*$", text[s:e])
        if not m or self.people.find(m.group(1).strip()) is None:
            return []
        phrase = parse_phrase(m.group(1).split())
        if phrase is None or phrase.name is None:
            return []
        return [Act(s + m.start(), s, phrase, True)]

    def _carry_back(self, units: list[_Unit]) -> None:
        """A quote run whose attribution comes at its end ('"A. B. C," he said.'): the
        sentences of the run before the attribution are the speaker's too."""
        by_passage: dict[int, list[_Unit]] = {}
        for u in units:
            by_passage.setdefault(u.passage, []).append(u)
        for p, group in by_passage.items():
            text = self.paragraphs[p]
            for rs, rend in quote_runs(text, quote_spans(text)):
                if text[max(rs, rend - 3):rend - 1].strip()[-1:] not in (",", "?", "!"):
                    continue  # the run does not end in '," he said'
                owner = next((u for u in group if u.kind == "direct" and u.start < rend <= u.end
                              + 1 and u.start > rs), None)
                if owner is None:
                    continue
                for u in group:
                    if u is owner:
                        break
                    if (u.kind is None or u.carried) and rs <= u.start + 1 and u.end > rs \
                            and u.start < rend:
                        u.entity, u.vague, u.role_only = owner.entity, owner.vague, \
                            owner.role_only
                        u.kind = "direct"

    # --- pieces ---------------------------------------------------------------------------
    @staticmethod
    def _split(text: str, acts: list[Act], s: int, e: int
               ) -> list[tuple[tuple[int, int], Act]]:
        """One piece per speech act whose subject starts a clause of its own."""
        pieces: list[tuple[tuple[int, int], Act]] = []
        current_start = s
        current_act = acts[0]
        for act in acts[1:]:
            lead = text[act.clause_start:act.cue].split()[:1]
            between = text[current_act.cue:act.clause_start].split()[1:]
            if lead and bare(lead[0]) in _CONTENT_SUBORDINATORS and len(between) >= 4 \
                    and current_act.cue > current_start:
                # "Mr Clarke said he had supported the plans when Mr Blunkett argued for
                # them": a time or reason clause after a statement is part of its content.
                continue
            if act.clause_start > current_start and act.phrase != current_act.phrase and \
                    act.phrase.pronoun is None and _opens_clause(text, act.clause_start):
                pieces.append(((current_start, act.clause_start), current_act))
                current_start, current_act = act.clause_start, act
        pieces.append(((current_start, e), current_act))
        return pieces

    def _continues_quote(self, text: str, qspans: list[tuple[int, int]], sent: tuple[int, int],
                         last: _Unit, p: int, prev_open: bool) -> bool:
        s, e = sent
        if last.entity is None and last.vague is None and last.role_only is None:
            return False
        inside = [q for q in qspans if q[0] < e and q[1] > s]
        if not inside:
            return False
        starts_quote = text[s:e].lstrip()[:1] in QUOTE_CHARS
        continued = any(qs < s for qs, _ in inside)
        if last.passage == p and (continued or starts_quote):
            return True
        if last.passage != p - 1 or not starts_quote:
            return False
        # 'The catastrophe was overshadowing ..., Mr X said.' then a paragraph of quotation
        # with no attribution of its own: BBC style, the same speaker goes on.
        ends_paragraph = bool(self._units) and self._units[-1] is last
        return prev_open or last.kind == "direct" or (last.kind == "reported"
                                                      and ends_paragraph)

    def _resolve(self, unit: _Unit, act: Act, last: _Unit | None, position: int) -> None:
        phrase = act.phrase
        if phrase.vague:
            unit.vague = phrase.text
            return
        if phrase.pronoun in ("male", "female"):
            near = self._nearest_in_clause(act, phrase.pronoun)
            if near is not None:
                unit.entity = near
                unit.minor = True
                return
        if phrase.pronoun == "plural" and last is not None and last.act is not None \
                and self._other_group_since(last, act):
            return  # "..., which ministers claim ..., is opposed by the Liberal Democrats.
            #          They have said ...": two groups in view, so nobody
        if phrase.pronoun == "neuter":
            # "..., it said" two paragraphs after an organisation last spoke is too far to
            # be sure of: nobody rather than a guess.
            if last is not None and last.passage < self._current_passage - 1:
                last = None
            org = self.org_focus if self._org_passage >= self._current_passage - 1 else None
            unit.entity, unit.vague, unit.role_only = self._pronoun("neuter", last, None, org)
            if unit.entity is None and unit.vague is None and unit.role_only is None:
                unit.kind = None
            return
        if phrase.pronoun:
            unit.entity, unit.vague, unit.role_only = self._pronoun(phrase.pronoun, last,
                                                                    self.focus, self.org_focus)
            if unit.entity is None and unit.vague is None and unit.role_only is None:
                unit.kind = None
            return
        if phrase.name:
            name = phrase.name
            if is_organisation_name(name) and not phrase.title:
                unit.entity = self.people.note_organisation(name, position)
                return
            entity = self.people.find(name)
            if entity is None and not phrase.title and _possessed_thing(name):
                # "The book, Brown's Britain, said": a work or a firm, not a person.
                unit.entity = self.people.note_organisation(name, position)
                return
            if entity is None and (phrase.title or phrase.role or len(name.split()) > 1):
                entity = self.people.note_person(name, position, phrase.role, phrase.title)
            if entity is None:
                unit.entity = self.people.note_organisation(name, position)
                return
            if phrase.role or phrase.title:
                self.people.note_person(name, position, phrase.role, phrase.title)
            elif name not in entity.names:
                entity.names.append(name)
            entity.last_seen = max(entity.last_seen, position)
            unit.entity = entity
            return
        if phrase.role:
            # "a spokesman said": an indefinite role brings in someone new, never a person
            # already holding a role like it.
            indefinite = phrase.text.lower().startswith(("a ", "an "))
            entity = None if indefinite else self.people.find_by_role(phrase.role, position)
            focus = self.focus[0] if self.focus else None
            if entity is None and focus is not None and focus.kind == "person" \
                    and phrase.text.lower().startswith("the ") and unit.passage >= 2:
                unit.anaphoric = True  # the lead paragraph's roles may still point forward
            if entity is None and focus is not None and focus.kind == "person" \
                    and focus.role is None and not focus.roles_seen \
                    and not any(u.role_only and u.role_only != phrase.role
                                for u in self._units) \
                    and phrase.text.lower().startswith("the ") and "'" not in phrase.role \
                    and "’" not in phrase.role and (phrase.role.split()[0].islower() or (
                        len(phrase.role.split()) > 1 and _is_country_word(phrase.role.split()[0])
                        and phrase.role.split()[1].islower())):
                # "Jack Straw has attacked ... The foreign secretary said": a definite role
                # right after a person with no role of their own is that person.
                focus.role = phrase.role
                focus.roles_seen.append(phrase.role)
                entity = focus
            if entity is not None:
                unit.entity = entity
            else:
                unit.role_only = phrase.role

    def _other_group_since(self, last: _Unit, act: Act) -> bool:
        """Whether another group (an organisation's name or a plural source) is named between
        the last statement's verb and this "they"."""
        start = last.act.cue if last.act is not None else last.start
        if last.passage == self._current_passage:
            texts = [self._current_masked[start:act.clause_start]]
        else:
            before = self.paragraphs[last.passage]
            texts = [mask_quotes(before, quote_spans(before))[start:],
                     self._current_masked[:act.clause_start]]
        own = {fold(n) for n in ([*last.entity.names] if last.entity else [])
               + ([last.vague] if last.vague else [])}
        for text in texts:
            for m in re.finditer(r"\b((?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*s)\b", text):
                name = m.group(1)
                if fold(name) in own or fold(name).removeprefix("the ") in own:
                    continue
                if is_organisation_name(name) or bare(name.split()[-1]) in VAGUE_HEADS:
                    return True
        return False

    def _nearest_in_clause(self, act: Act, gender: str) -> Entity | None:
        """'... repaid £500,000 to Lord Ashcroft after he predicted a defeat': a lower-case
        pronoun opening a subordinate clause goes to the nearest person named before it in
        the same sentence."""
        text = self._current_masked
        lead = text[act.clause_start:act.cue].split()
        if len(lead) < 2 or lead[-1] not in ("he", "she") or bare(lead[0]) not in _SUBORDINATORS:
            return None
        before = text[self._current_sentence_start:act.clause_start]
        names = list(re.finditer(r"\b(?:(?:Mr|Ms|Mrs|Dr|Sir|Lord|Lady|Dame)\s+)?"
                                 r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*", before))
        for m in reversed(names):
            if m.start() == 0:
                break  # the sentence's own subject is the focus rule's business
            ent = self.people.find(m.group().split()[-1]) if len(m.group().split()) > 1 \
                else None
            if ent is not None and ent.kind == "person" and ent.gender in (None, gender):
                return ent
        return None

    def _note_subject(self, masked: str, s: int, e: int) -> None:
        """A person as the subject of a sentence with no speech puts them in focus."""
        phrase = _sentence_subject(masked, s, e)
        if phrase is None or phrase.pronoun or phrase.vague:
            return
        if phrase.name:
            if is_organisation_name(phrase.name) and not phrase.title:
                return
            ent = self.people.find(phrase.name)
            if ent is not None and ent.kind == "person":
                self.focus = (ent, None)
        elif phrase.role:
            if phrase.text.lower().startswith(("a ", "an ")):
                return  # "A general election is ...": an indefinite noun, nobody in focus
            ent = self.people.find_by_role(phrase.role, self._position)
            if ent is not None:
                self.focus = (ent, None)
            elif not phrase.role.split()[-1].endswith("s"):
                # "Tony Blair's official spokesman declined to say ... He said:"
                self.focus = (None, phrase.role)

    @staticmethod
    def _pronoun(kind: str, last: _Unit | None,
                 focus: tuple[Entity | None, str | None] | None = None,
                 org: Entity | None = None) -> tuple[Entity | None, str | None, str | None]:
        if kind in {"male", "female"} and focus is not None:
            ent, role = focus
            if ent is not None and ent.gender in (None, kind):
                return ent, None, None
            if ent is None and role and role_gender(role) in (None, kind):
                return None, None, role
        if last is None:
            return None, None, None
        ent = last.entity
        if kind in {"male", "female"}:
            if last.role_only:
                if role_gender(last.role_only) in (None, kind):
                    return None, None, last.role_only
                return None, None, None
            if ent is not None and ent.kind == "person" and ent.gender in (None, kind):
                return ent, None, None
            return None, None, None
        if kind == "neuter" and ent is not None and ent.kind == "organisation":
            return ent, None, None
        if kind == "neuter" and org is not None and (ent is None or ent.kind == "person"):
            # "British Airways has blamed ... Rod Eddington said ... it expects a rise"
            return org, None, None
        if kind == "plural":
            if last.vague:
                return None, last.vague, None
            if ent is not None and ent.kind == "organisation":
                return ent, None, None
        return None, None, None

    @staticmethod
    def _link_roles(units: list[_Unit]) -> None:
        """A role-only lead takes the person named as speaking next, when that statement is
        within the next paragraph and the person has no role of their own."""
        for i, unit in enumerate(units):
            owner = re.match(r"^(?:the\s+)?(.+?)['’]s\s", unit.role_only or "", re.I)
            if unit.role_only is None or unit.anaphoric or bare(
                    unit.role_only.split()[-1]) in _ANONYMOUS_ROLES or (
                    owner and not gazetteer().is_place(owner.group(1))):
                # "Mr Blair's official spokesman" is somebody's aide, never the next person
                # to speak.
                # "The chancellor would not comment" with a person in focus points back, not
                # forward to whoever speaks next: better no link than a doubtful one.
                continue
            for nxt in units[i + 1:]:
                if nxt.passage > unit.passage + 1:
                    break
                if nxt.role_only == unit.role_only:
                    continue
                ent = nxt.entity
                if ent is None or ent.kind != "person":
                    continue
                g = gazetteer()
                if ent.role is None or g.normalize_role(ent.role) == g.normalize_role(
                        unit.role_only):
                    ent.role = ent.role or unit.role_only
                    ent.roles_seen.append(unit.role_only)
                    role = unit.role_only
                    for other in units:
                        if other.role_only == role:
                            other.entity, other.role_only = ent, None
                break

    def _sentences(self, units: list[_Unit]) -> list[list[Sentence]]:
        out: list[list[Sentence]] = [[] for _ in self.paragraphs]
        for u in units:
            text = self.paragraphs[u.passage]
            s, e = u.start, u.end
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            speaker: Speaker | None = None
            if u.entity is not None:
                speaker = u.entity.speaker()
            elif u.vague is not None:
                speaker = Speaker(u.vague, None, "vague")
            elif u.role_only is not None:
                speaker = Speaker(_capitalise(u.role_only), None, "person")
            kind = u.kind if speaker is not None else None
            out[u.passage].append(Sentence(text[s:e], s, e, speaker, kind))  # type: ignore[arg-type]
        return out


_PREPOSITIONS = {"in", "on", "at", "of", "to", "for", "by", "with", "from", "into", "after",
                 "before", "during", "about", "over", "under", "than", "as", "like"}
_SUBORDINATORS = {"after", "because", "when", "before", "since", "until", "unless", "although",
                  "though", "once"}
# "Lisa Power, head of policy at Aids charity " before an organisation and a verb.
_LOOSE_APPOSITION = re.compile(
    r"^\s*(?:(?:But|And|Meanwhile)\s+)?((?:(?:Mr|Ms|Mrs|Dr|Sir|Lord|Lady|Dame)\s+)?"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}),\s+((?:the\s+|a\s+|an\s+)?[a-z][^,;]{2,80})$")
# Roles that stand for an unnamed person: never linked to whoever is named next.
_ANONYMOUS_ROLES = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "official",
                    "officials", "aide", "aides", "source", "sources"}
_CONTENT_SUBORDINATORS = {"when", "after", "because", "before", "since", "until", "unless",
                          "once"}
_LEAD_INS = {"in", "on", "at", "after", "during", "within", "through", "by", "since", "when",
             "meanwhile", "however", "but", "and", "yet", "earlier", "later", "last", "for",
             "from", "with", "despite", "speaking", "asked", "before", "while", "under"}


def _sentence_subject(masked: str, s: int, e: int) -> Phrase | None:
    """The person-like phrase a sentence opens with, after any lead-in ("In 1992, ...",
    "Meanwhile ...") when a lower-case verb follows it."""
    words = masked[s:e].split()
    if not words or words[0][:1] in QUOTE_CHARS:
        return None
    i = 0
    if bare(words[0].strip(",")) in _LEAD_INS:
        comma = next((k for k, w in enumerate(words[:12]) if w.endswith(",")), None)
        if comma is not None:
            i = comma + 1
        elif not words[0].endswith(","):
            i = 1
    out: list[str] = []
    while i < len(words) and len(out) < _MAX_PHRASE:
        w = words[i]
        core = w.rstrip(",.;:")
        low = bare(core)
        if not (is_cap(core) or low in TITLES or is_role_word(core)
                or (out and low in CONNECTORS | NAME_PARTICLES)
                or (not out and low == "the")):
            break
        out.append(core)
        i += 1
        if core != w:
            break
    if not out or (i < len(words) and not words[i][:1].islower() and not out[-1] != words[i - 1]):
        return None
    return parse_phrase(out)


def _names_someone(masked: str, s: int, e: int) -> bool:
    """Whether the sentence opens with a person of its own ("Keane frontman Tom Chaplin")."""
    phrase = _sentence_subject(masked, s, e)
    return phrase is not None and (phrase.title is not None or phrase.role is not None or (
        phrase.name is not None and len(phrase.name.split()) > 1))


def _reported_fragment(text: str, qspans: list[tuple[int, int]], sent: tuple[int, int]) -> bool:
    """A sentence that does not open with a quotation but quotes a short fragment."""
    s, e = sent
    if text[s:e].lstrip()[:1] in QUOTE_CHARS:
        return False
    first = text[s:e].split()[:1]
    if first and bare(first[0].strip(",")) in _PREPOSITIONS | {"under", "for", "on"}:
        return False  # 'Under Mr Brown's "sustainable investment" rule, ...': narration
    inside = [(qs, qe) for qs, qe in qspans if s <= qs and qe <= e]
    return bool(inside) and all(2 <= len(text[qs:qe].split()) <= 10 for qs, qe in inside)


def _opens_clause(text: str, pos: int) -> bool:
    """Whether a second speaker's clause starts here: at a conjunction ("while Moscow said")
    or after a clause break (",", ";"). A subject straight after another speech verb is the
    content of that speech ("She said the Conservatives would announce..."), not a new act."""
    word = text[pos:pos + 12].split()[:1]
    if word and bare(word[0]) in _SPLIT_CONJ:
        return True
    return text[:pos].rstrip()[-1:] in ",;:-–—"


def _ends_open(text: str) -> bool:
    spans = quote_spans(text)
    return bool(spans) and spans[-1][1] == len(text) and text.rstrip()[-1:] not in "”\""


def _is_country_word(word: str) -> bool:
    """"UK", "British", "French": a country or its adjective, not a party ("the UK
    chancellor" can be the person in focus; "the Tory leader" is not linked)."""
    g = gazetteer()
    return g.is_place(word) or fold(word) in g.adjectives


def _possessed_thing(name: str) -> bool:
    """"Brown's Britain", "France's Snecma": an owner's possessive and one word after it."""
    words = name.split()
    return len(words) == 2 and words[0].endswith(("'s", "’s"))


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
