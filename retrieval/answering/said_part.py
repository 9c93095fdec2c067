"""The part of an attributed sentence that is what the speaker said, not the narration that
frames it: "The dollar's slide against the euro has halted after John Snow said *a strong
dollar was in America's interest*" has Snow say nothing of the euro.

A "who said Y?" claim must be held by this part (see `who_said`): the quoted words of a
direct sentence; for a reported one, the clause after its speech verb ("X said *Y*", "after X
warned *that Y*"), or the words before the frame when the frame comes last ("*Y*, he said";
"*Y*, said Mr Jain"; "*Y*, he said, *adding Z*"), with any quoted words. A sentence whose
frame cannot be told (no speech verb outside its quotation marks, "According to X, Y", or
", said" before words that are not the speaker's name) is taken whole, as before: the rule
only ever narrows what Parley is sure is narration.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

from corpus.lexicon import cue_forms, cue_pattern, speech_verbs
from corpus.models import Passage, Sentence, Speaker
from retrieval.answering.quote_folding import quoted_spans
from retrieval.tokenizer import terms

Span = tuple[int, int]
SUBJECT_WORDS = 5  # words between a comma and a closing frame's verb ("the Tory leader said")
OPENER_WORDS = 3  # words before the comma of an opener ("On Monday, X said Y")
TAIL_WORDS = 4  # words after a closing frame's verb ("Y, he said in a statement")
# Words that may stand in an inverted subject after the verb besides the speaker's own
# name and role ("said *Mr* Jain", "said *the* minister"), and the pronouns a frame uses.
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame",
                     "professor", "prof", "the", "a", "an", "his", "her", "its", "their",
                     "he", "she", "they", "it", "we", "i"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame",
                         "professor", "prof"})
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
# A comma, colon (not between digits: "1,088", "9:05"), semicolon, quotation mark or dash.
_BOUNDARY = re.compile(r"(?<!\d)[,:]|[,:](?!\d)|[;\"\u201c\u201d\u2014\u2013]|\s-\s")
# Words that open a clause of its own inside a sentence: "[Y] after X said [Z]", "[Y], while
# X said [Z]" frame what follows them, and what comes before is the article's narration.
_SUBORDINATORS = frozenset({"after", "as", "when", "while", "whilst", "because", "since",
                            "before", "following", "amid", "until", "once", "although",
                            "though", "whereas", "and", "but"})
# Those that open a sentence with a clause before the frame ("After the vote, X said Y"):
# what comes after the verb is what was said.
_OPENING_CLAUSE = _SUBORDINATORS - {"and", "but", "as"}
_CLOSES = re.compile(r"\s*(?:[.!?;]|$)")


def said_text(passage: Passage, sentence: Sentence) -> str:
    """The words of the sentence that carry what its speaker said, joined (the whole
    sentence when the frame cannot be told)."""
    spans = said_spans(passage, sentence)
    return " ".join(sentence.text[s:e] for s, e in spans)


def said_spans(passage: Passage, sentence: Sentence) -> tuple[Span, ...]:
    """The spans of `sentence.text` that carry what was said (see the module)."""
    quoted = tuple((max(s, sentence.start) - sentence.start,
                    min(e, sentence.end) - sentence.start)
                   for s, e in _quoted(passage.text)
                   if s < sentence.end and e > sentence.start)
    whole = ((0, len(sentence.text)),)
    if sentence.kind == "direct" or sentence.speaker is None:
        return quoted or whole if sentence.kind == "direct" else whole
    return _reported(sentence.text, quoted, sentence.speaker) or whole


@lru_cache(maxsize=4096)
def _quoted(text: str) -> tuple[Span, ...]:
    return tuple(quoted_spans(text))


@lru_cache(maxsize=8192)
def _reported(text: str, quoted: tuple[Span, ...], speaker: Speaker) -> tuple[Span, ...]:
    """A reported sentence's content spans, or () when its frame cannot be told."""
    masked = _masked(text, quoted)
    naming = _naming_terms(speaker)
    cue = _frame_verb(masked, naming)
    if cue is None:
        return ()
    after = _after_subject(masked, cue.end(), naming)
    tail = _words(masked[after:])
    boundary = _last_boundary(masked, cue.start())
    if len(tail) > TAIL_WORDS and _subordinate_frame(masked, boundary, cue.start()):
        spans = [(cue.end(), len(text))]  # "Y, while X said Z", "Y - shortly before X said Z"
    elif boundary is None:  # "X said Y", "after X warned that Y"
        spans = [(cue.end(), len(text))] if tail else []
    else:
        spans = _after_boundary(masked, cue, after, boundary, naming)
    # The verb itself is the act done ("the Conservatives *warned* of rising obesity"):
    # what was said, not narration.
    return _joined([*spans, cue.span(), *quoted]) if spans else ()


def _after_boundary(masked: str, cue: re.Match[str], after: int, boundary: int,
                    naming: frozenset[str]) -> list[Span]:
    """The content of a sentence with a comma, quotation mark or dash before its verb:
    before it when the frame closes the sentence ("Y, he said", "Y, said Mr Jain", "Y, the
    firm said on Monday"), after the verb when what comes before is only an opener ("On
    Monday, X said Y") or the speaker's own apposition ("Stephen Schechter, a banker who
    ..., said Y"); none (the whole sentence) when it cannot be told."""
    subject = _words(masked[boundary:cue.start()])
    opener = _words(masked[:boundary])
    rest = masked[after:]
    tail = _words(rest)
    if len(subject) > SUBJECT_WORDS:
        return []
    if not tail or rest.lstrip().startswith(","):  # "Y, he said[, adding Z]"
        return [(0, boundary), *_continuation(masked, after)]
    if not subject:  # "Stephen Schechter, a banker who ..., said Y": their apposition
        return [(cue.end(), len(masked))] if _names_before(masked[:cue.start()], naming) \
            else []
    if opener and opener[0].lower() in _OPENING_CLAUSE:
        # "After losing in round one last year, Safin said Y": a clause of its own first
        return [(cue.end(), len(masked))]
    short_opener, short_tail = len(opener) <= OPENER_WORDS, len(tail) <= TAIL_WORDS
    if short_opener == short_tail:  # "In 2003, he said prices rose": not sure
        return []
    # "On Monday, X said Y"; "Y, the firm said in a statement"
    return [(cue.end(), len(masked))] if short_opener else [(0, boundary)]


def _subordinate_frame(masked: str, boundary: int | None, verb: int) -> bool:
    """Whether the verb's clause opens with a subordinating word and a short subject after
    the last boundary ("..., while the US State Department said", "... since Electronic Arts
    announced"): the frame of what follows it."""
    words = _words(masked[(boundary or 0):verb])
    opens = [i for i, w in enumerate(words) if w in _SUBORDINATORS]
    return bool(opens) and 1 <= len(words) - opens[-1] - 1 <= SUBJECT_WORDS


def _frame_verb(masked: str, naming: frozenset[str]) -> re.Match[str] | None:
    """The speech verb of the frame: the first next to the speaker's name or role ("said
    Mr Jain", "John Snow said"); else the first, when a short subject opens the sentence
    before it ("The 27-year-old believes doping is so common she felt compelled"); else the
    first next to a pronoun ("he said"); else the first outside the quotation marks; None
    when there is none. A speech verb inside what is said ("adds to people's reluctance")
    is passed over for the one beside its speaker."""
    cues = list(cue_pattern().finditer(masked))
    if not cues:
        return None
    named = [c for c in cues if _beside(masked, c, lambda w: bool(set(terms(w)) & naming))]
    if named:
        return named[0]
    first = cues[0]
    if _last_boundary(masked, first.start()) is None and len(
            _words(masked[:first.start()])) <= SUBJECT_WORDS:
        return first
    pronoun = [c for c in cues if _beside(masked, c, lambda w: w in _PRONOUNS)]
    return pronoun[0] if pronoun else first


def _beside(masked: str, cue: re.Match[str], fits: Callable[[str], bool]) -> bool:
    """Whether the word just before the verb, or just after it, fits."""
    before = _words(masked[max(0, cue.start() - 40):cue.start()])
    after = [w for w in _words(masked[cue.end():cue.end() + 40]) if w not in _HONORIFICS]
    return bool(before and fits(before[-1])) or bool(after and fits(after[0]))


def _masked(text: str, quoted: tuple[Span, ...]) -> str:
    """The sentence with its quoted words blanked: a speech verb inside a quotation is
    the speaker's word, not the frame's."""
    chars = list(text)
    for s, e in quoted:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


def _naming_terms(speaker: Speaker) -> frozenset[str]:
    return frozenset(terms(f"{speaker.name} {speaker.role or ''}"))


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _names(word: str, naming: frozenset[str]) -> bool:
    return word in _TITLES or bool(set(terms(word)) & naming)


def _after_subject(masked: str, at: int, naming: frozenset[str]) -> int:
    """Where the text after the verb goes on past an inverted subject ("said Mr Jain."):
    `at` itself when no subject follows, or the subject is not followed by the sentence's
    end or a comma ("said he would" is no inverted subject)."""
    end = at
    for m in _WORD.finditer(masked, at):
        if masked[end:m.start()].strip() or not _names(m.group().lower(), naming):
            break
        end = m.end()
    if end == at or not (_CLOSES.match(masked, end) or masked[end:].lstrip().startswith(",")):
        return at
    if not any(set(terms(w)) & naming or w in {"he", "she", "they", "it", "we"}
               for w in _words(masked[at:end])):
        return at  # "said the" alone names nobody
    return end


def _last_boundary(masked: str, before: int) -> int | None:
    """The position of the last comma, quotation mark or dash before the verb, or None."""
    found = [m.start() for m in _BOUNDARY.finditer(masked, 0, before)]
    return found[-1] if found else None


def _continuation(masked: str, at: int) -> list[Span]:
    """", adding that Z" after a closing frame: said too, when another speech verb (or its
    form in -ing) opens it; an apposition (", chief executive of X") is not."""
    rest = masked[at:]
    first = _WORD.search(rest)
    if first is None or rest[:first.start()].strip(" ,") or not _speech_word(first.group()):
        return []
    return [(at + first.start(), len(masked))]


def _speech_word(word: str) -> bool:
    """A speech verb's form ("added") or its form in -ing ("adding", "saying")."""
    word = word.lower()
    if word in cue_forms():
        return True
    stem = word[:-3] if word.endswith("ing") else ""
    lemmas = _lemmas()
    return bool(stem) and (stem in lemmas or f"{stem}e" in lemmas or (
        len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in lemmas))


@cache
def _lemmas() -> frozenset[str]:
    return frozenset(v.lemma for v in speech_verbs())


def _names_before(before: str, naming: frozenset[str]) -> bool:
    """Whether the speaker is named before the verb ("Stephen Schechter, a banker who
    ..., said the club needs"): the verb's subject, so what follows it is what was said."""
    return any(set(terms(w)) & naming for w in _words(before))


def _joined(spans: list[Span]) -> tuple[Span, ...]:
    out: list[Span] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return tuple(out)
