"""Cutting a sentence that reports two speakers into one clause each ("Ukraine said ...,
while Moscow said ...")."""
from __future__ import annotations

import re
from dataclasses import replace

from corpus.attribution.acts import Act
from corpus.attribution.subject_words import SPLIT_CONJ
from corpus.lexicon import attribution_words, cue_forms
from corpus.phrases import bare

_CONTENT_SUBORDINATORS = attribution_words("content_subordinator")

Piece = tuple[tuple[int, int], Act]  # a clause's (start, end) and its act


def split_clauses(text: str, acts: list[Act], s: int, e: int) -> list[Piece]:
    """One piece per speech act whose subject starts a clause of its own."""
    pieces: list[Piece] = []
    current_start = s
    current_act = previous = acts[0]
    for act in acts[1:]:
        after = text[previous.cue:act.clause_start].split()[1:]  # since the last verb
        previous = act
        lead = text[act.clause_start:act.cue].split()[:1]
        between = text[current_act.cue:act.clause_start].split()[1:]
        if lead and bare(lead[0]) in _CONTENT_SUBORDINATORS \
                and (len(between) >= 4 or [bare(w) for w in between] == ["that"]) \
                and current_act.cue > current_start:
            # "Mr Clarke said he had supported the plans when Mr Blunkett argued for
            # them", "Sir Archy said that when Mr Johnson had announced ...": a time or
            # reason clause after a statement (or opening its "that") is its content.
            continue
        if _content_opened(after):
            # "... and said that since only a third of children do two hours of sport a
            # week, the government is promising something it cannot guarantee": the
            # clause after "that" and its time or reason clause is content
            continue
        if _nested_quotation(text, current_act, act, e):
            # 'The News of the World reports that Anelka told a French magazine: "..."':
            # the quotation is the inner speaker's; the outer one reports it
            pieces.append(((current_start, act.clause_start), replace(current_act, direct=False)))
            current_start, current_act = act.clause_start, act
            continue
        if act.clause_start > current_start and act.phrase != current_act.phrase and \
                act.phrase.pronoun is None and opens_clause(text, act.clause_start) \
                and not _BOTH_BEFORE.search(text, current_start, act.clause_start):
            pieces.append(((current_start, act.clause_start), current_act))
            current_start, current_act = act.clause_start, act
    pieces.append(((current_start, e), current_act))
    return pieces


def _content_opened(words: list[str]) -> bool:
    """Whether the words since the last speech verb hold a speech verb, "that" and a time
    or reason clause ("... warned of rising obesity levels and said that since only a
    third of children ..., the government is promising"): what follows is its content."""
    low = [bare(w) for w in words]
    return any(low[k] == "that" and low[k + 1] in _OPENERS and low[k - 1] in _ONE_WORD_CUES
               for k in range(1, len(low) - 2))


_OPENERS = _CONTENT_SUBORDINATORS | attribution_words("subordinator")
_ONE_WORD_CUES = frozenset(f for f in cue_forms() if " " not in f)
_COLON_QUOTE = re.compile(r"^[^\"“”]*:\s*[\"“]")
# "the first meeting indicated that both Sir Edward and Mr Thorpe thought ...": the "and"
# of "both A and B" joins one subject, it opens no clause of its own
_BOTH_BEFORE = re.compile(r"\bboth\s+[^,;:\"“”]{1,60}$")


def _nested_quotation(text: str, outer: Act, inner: Act, e: int) -> bool:
    """Whether `inner` ('Anelka told a French magazine: "..."') is a named speaker's quoted
    statement inside `outer`'s report, right after its "that"."""
    between = [bare(w) for w in text[outer.cue:inner.clause_start].split()[1:]]
    return inner.direct and between == ["that"] and inner.phrase.pronoun is None \
        and inner.phrase.name is not None and bool(_COLON_QUOTE.match(text[inner.cue:e]))


def opens_clause(text: str, pos: int) -> bool:
    """Whether a second speaker's clause starts here: at a conjunction ("while Moscow said")
    or after a clause break (",", ";"). A subject straight after another speech verb is the
    content of that speech ("She said the Conservatives would announce..."), not a new act."""
    word = text[pos:pos + 12].split()[:1]
    if word and bare(word[0]) in SPLIT_CONJ:
        return True
    return _last_mark_before(text, pos) in ",;:-–—"


def _last_mark_before(text: str, pos: int) -> str:
    """The last character before `pos` that is not a space ("" if none), read backwards
    (copying the text before `pos` cost a long paragraph its square)."""
    k = pos - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    return text[k] if k >= 0 else ""
