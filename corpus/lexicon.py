"""The attributor's vocabularies, read from the data files that are their one home.

`data/speech_verbs.tsv` lists the speech verbs by lemma with the forms that cue a statement
and the frames they need; `data/attribution_words.tsv` and `data/phrase_words.tsv` list the
words the rules and the speaker-phrase grammar name, each with its classes. Keeping them as
data lets a reader see and extend a list without reading the rules. Each file is read once
per process; a class or frame the file does not know is an error, so a typo fails loudly.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

# Several-word cues that count only before the right words (see data/speech_verbs.tsv).
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
GUARDS = {
    "then_object": rf"(?= (?:the |[a-z]+ )?[A-Z]?[a-z]+s?\b)(?! (?:{_WEEKDAYS})\b)",
    "then_that": r"(?= that\b)",
    # "issued a statement saying ...", "issued a statement late on Friday saying",
    # "issued a statement calling Davis ...": what the statement says follows
    "then_saying": r"(?=\s*:|,?\s+(?:[\w'’-]+\s+){0,4}?(?:that|saying|calling|urging|accusing|"
                   r"warning|claiming|insisting|denying|condemning|welcoming)\b)",
    "not_at": r"(?! at\b)",
    # "defended the decision", "defended his controversial anti-terror proposals": a
    # determiner or possessive and a few words before a plan or a stance
    "then_determiner": r"(?= (?:(?:the|his|her|its|their|this|these|those|our)\s+)?"
                       r"(?:[\w'’-]+\s+){0,4}?(?:decisions?|plans?|proposals?|measures|moves?|"
                       r"polic(?:y|ies)|record|attitude|comments|remarks|actions?|regime|"
                       r"system|laws?|bill|scheme|changes|reforms?|approach|stance|position|"
                       r"strategy|deal|budget|show|programme|package|courts|handling|use)\b)",
    # (a quantity may open the clause: "is concerned thousands of residents may not ...")
    "then_clause": r"(?= (?:that|he|she|they|it|his|her|their|its|the|[A-Z][\w'’-]*"
                   r"|thousands|hundreds|millions|many|some|most|few|more|\d[\d,.]*)\b)",
    # "echoed McIntyre's sentiments", "echoed criticisms of ...", "were echoed by X": a
    # statement echoed (a determiner or an owner, then a noun of what was said) or an agent
    # "voiced their disappointment", "expressed their solidarity with McCall": a feeling
    # made known (a possessive or a determiner, a word, then the feeling)
    "then_feeling": r"(?= (?:(?:their|his|her|its|our|the|an?|some|deep|strong)\s+)?"
                    r"(?:[a-z-]+\s+)?(?:disappointment|frustration|solidarity|anger|surprise|"
                    r"regret|sympathy|dismay|delight|sadness|relief|opposition|"
                    r"reservations|gratitude|fury|outrage|support)\b)",
    "then_remarks": r"(?= (?:by\b|(?:(?:the|his|her|its|their|this|these|those|an?|"
                    r"an\s+earlier|[A-Z][\w'’.-]*['’]s?)\s+){0,2}(?:[a-z-]+\s+)?"
                    r"(?:sentiments?|comments?|remarks?|words|views?|criticisms?|message|"
                    r"cautions?|warnings?|calls?|concerns?|claims?|fears?|points?)\b))",
}
FRAMES = frozenset({"weak", "object_content", "needs_as", "passive_only", "report_subject",
                    "after_what", "no_inversion", "participle", "greeting", "clause_content",
                    "clause_only", "object_then_to", "quoted_object", "naming", "request_to",
                    *GUARDS})


@dataclass(frozen=True)
class SpeechVerb:
    """One lemma of data/speech_verbs.tsv: the forms that cue a statement, and the forms
    each frame applies to."""

    lemma: str
    forms: tuple[str, ...]
    frames: tuple[tuple[str, frozenset[str]], ...]

    def forms_with(self, frame: str) -> frozenset[str]:
        return next((forms for name, forms in self.frames if name == frame), frozenset())


def data_rows(name: str) -> list[list[str]]:
    """The tab-separated rows of a data file, comments and blank lines left out."""
    text = resources.files("corpus").joinpath(f"data/{name}").read_text("utf-8")
    return [[c.strip() for c in line.split("\t")] for line in text.splitlines()
            if line.strip() and not line.startswith("#")]


def _frames(lemma: str, forms: tuple[str, ...], column: str
            ) -> tuple[tuple[str, frozenset[str]], ...]:
    out: list[tuple[str, frozenset[str]]] = []
    for token in column.split():
        frame, _, only = token.partition("=")
        chosen = frozenset(only.split(",")) if only else frozenset(forms)
        if frame not in FRAMES or not chosen <= set(forms):
            raise ValueError(f"speech_verbs.tsv: {lemma}: bad frame {token!r}")
        out.append((frame, chosen))
    return tuple(out)


@cache
def speech_verbs() -> tuple[SpeechVerb, ...]:
    verbs: list[SpeechVerb] = []
    for row in data_rows("speech_verbs.tsv"):
        lemma, forms_column, frames_column = (row + ["", ""])[:3]
        forms = tuple(f.strip() for f in forms_column.split(","))
        verbs.append(SpeechVerb(lemma, forms, _frames(lemma, forms, frames_column)))
    return tuple(verbs)


@cache
def cue_forms(frame: str | None = None) -> frozenset[str]:
    """Every form that cues a statement, or only the forms a frame applies to (kept: the
    answering side asks for them per question)."""
    if frame is not None and frame not in FRAMES:
        raise KeyError(frame)
    return frozenset(f for v in speech_verbs()
                     for f in (v.forms if frame is None else v.forms_with(frame)))


@dataclass
class _Node:
    """A node of the cue trie: the letters that may come next, and the guard of a form that
    ends here ("" for a form with none; None when no form ends here)."""

    next: dict[str, _Node] = field(default_factory=dict)
    end: str | None = None


@cache
def cue_pattern() -> re.Pattern[str]:
    """The cue regex, one branch per letter (a trie: much faster than one branch per form).
    Longer continuations are tried first, so "calls for" wins over "calls"; a form's guard
    (then_object, then_that, then_determiner) closes its branch."""
    root = _Node()
    for verb in speech_verbs():
        guard = "".join(GUARDS[name] for name, _ in verb.frames if name in GUARDS)
        for form in verb.forms:
            node = root
            for ch in form:
                node = node.next.setdefault(ch, _Node())
            node.end = guard
    return re.compile(r"\b" + _branches(root) + r"\b")


def _branches(node: _Node) -> str:
    if not node.next:
        return node.end or ""
    branches = [re.escape(ch) + _branches(child) for ch, child in node.next.items()]
    if node.end is not None:
        branches.append(node.end)  # the end of a form comes last: longer forms win
    return branches[0] if len(branches) == 1 and node.end is None else \
        "(?:" + "|".join(branches) + ")"


@cache
def _word_classes(name: str) -> dict[str, frozenset[str]]:
    classes: dict[str, set[str]] = {}
    for word, *rest in data_rows(name):
        for cls in " ".join(rest).split():
            classes.setdefault(cls, set()).add(word)
    return {cls: frozenset(words) for cls, words in classes.items()}


def attribution_words(word_class: str) -> frozenset[str]:
    """The words of one class in data/attribution_words.tsv ("skip_before_verb", ...)."""
    return _word_classes("attribution_words.tsv")[word_class]


@cache
def past_tenses() -> frozenset[str]:
    """The past tenses not in -ed the rules know (irregular_past and finite_past of
    data/attribution_words.tsv): with -ed and -s forms, the words that show a finite verb
    after a subject ("the bank said", "Mr Smith felt")."""
    return attribution_words("irregular_past") | attribution_words("finite_past")


@cache
def verb_forms(word_class: str) -> frozenset[str]:
    """Every form of the speech verbs whose lemma is in one class of
    data/attribution_words.tsv ("employer_verb": say, says, said, add, ...)."""
    lemmas = attribution_words(word_class)
    return frozenset(form for verb in speech_verbs() if verb.lemma in lemmas
                     for form in verb.forms)


def phrase_words(word_class: str) -> frozenset[str]:
    """The words of one class in data/phrase_words.tsv ("role_noun", "vague_head", ...)."""
    return _word_classes("phrase_words.tsv")[word_class]
