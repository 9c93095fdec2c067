"""The "who VERBed …?" verbs a claim must hold as well as the words after them
(data/content_verbs.tsv): "Who thanked fans?" is answered by a statement that thanks fans,
never by one that merely mentions them; and the speech verbs that do so before a noun object
only (data/object_verbs.tsv: "Who denied the claims?", not "Who denied that …?")."""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from corpus.lexicon import speech_verbs
from retrieval.answering.word_tables import table_rows

VERBS_FILE = Path(__file__).with_name("data") / "content_verbs.tsv"
OBJECT_VERBS_FILE = Path(__file__).with_name("data") / "object_verbs.tsv"
# What opens a clause rather than a noun phrase after the verb: a conjunction or pronoun
# subject, or a finite verb anywhere in it ("the claims *were* true").
_CLAUSE = re.compile(
    r"^(?:that|to|if|whether|how|what|why|when|where|he|she|they|it|we|i|you|there)\b"
    r"|\b(?:is|are|was|were|will|would|could|should|had|has|have|can|may|might|must|"
    r"did|does|do)\b", re.IGNORECASE)


class ContentVerbsFileError(ValueError):
    """A line of the content-verbs table that cannot be read; the message names the line."""


def parse(lines: list[str], where: str = "content_verbs.tsv") -> frozenset[str]:
    """Every form of every row, lower-cased."""
    out: set[str] = set()
    for row in table_rows(lines):
        forms = [f.strip().lower() for f in (row.rest or "").split(",") if f.strip()]
        if not forms:
            raise ContentVerbsFileError(f"{where}, line {row.number}: no forms after "
                                        f"the lemma {row.lemma!r}")
        out.update(forms)
    return frozenset(out)


@cache
def content_verb_forms() -> frozenset[str]:
    return parse(VERBS_FILE.read_text(encoding="utf-8").splitlines())


def is_content_verb(form: str) -> bool:
    """Whether a typed verb form is part of what "who VERBed …?" asks."""
    return form.lower() in content_verb_forms()


@cache
def _object_verbs() -> dict[str, bool]:
    """The speech lexicon's forms of each lemma of the object-verbs table -> whether the
    lemma is marked "always"."""
    lemmas: dict[str, bool] = {}
    for row in table_rows(OBJECT_VERBS_FILE.read_text(encoding="utf-8").splitlines()):
        mark = (row.rest or "").strip()
        if mark not in ("", "always"):
            raise ContentVerbsFileError(f"object_verbs.tsv, line {row.number}: the second "
                                        f"column is \"always\" or nothing, not {mark!r}")
        lemmas[row.lemma.lower()] = mark == "always"
    return {f.lower(): lemmas[v.lemma] for v in speech_verbs() if v.lemma in lemmas
            for f in v.forms}


def acts_on_object(form: str, rest: str) -> bool:
    """Whether "who FORM REST?" asks for the act: before a noun ("who denied the claims"),
    or, for a verb that turns round what it reports, before a clause too ("who denied that
    the talks had failed"); not "who warned that prices would rise", which asks what was
    said."""
    always = _object_verbs().get(form.lower())
    return always is not None and (always or _CLAUSE.search(rest.strip()) is None)


def is_act_verb(form: str) -> bool:
    """Whether a topic's first word is an act a statement must do (either table)."""
    return is_content_verb(form) or form.lower() in _object_verbs()
