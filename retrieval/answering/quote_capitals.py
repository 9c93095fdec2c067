"""Words a quote or statement writes with a capital inside a sentence: names, as a reader
takes them ("Theresa *May* said", "Ian *McCall*", "the *European Court of Human Rights*").
A statement holding a quote's word only as somebody's name mentions them, which is not
saying anything; a quote naming something is about it."""
from __future__ import annotations

import functools
import re

from retrieval.answering.quote_sense import canonical
from retrieval.tokenizer import terms, tokens

_STARTS = re.compile(r"[.!?:;\"\u201c\u2018(]\s*$")  # what a sentence's first word follows


def inside_capital(text: str, at: int) -> bool:
    """Whether the word at offset `at` is written with a capital inside a sentence (not
    its first word): a name, as a reader takes it ("Theresa *May*", "Ian *McCall*")."""
    return text[at:at + 1].isupper() and at > 0 and not _STARTS.search(text[:at])


@functools.lru_cache(maxsize=8192)
def name_terms(text: str) -> frozenset[str]:
    """The canonical terms the text writes only as names (`inside_capital` wherever they
    occur): a statement holding a quote's word only as somebody's name mentions them,
    and a mention is not saying anything."""
    named: set[str] = set()
    plain: set[str] = set()
    for t in tokens(text):
        (named if inside_capital(text, t.start) else plain).add(canonical(t.term))
    return frozenset(named - plain)


_NAME_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
_NAME_JOINERS = frozenset(["of", "the", "for", "and", "de", "du", "von", "van"])


@functools.lru_cache(maxsize=1024)
def names_in(quote: str) -> tuple[frozenset[str], ...]:
    """The terms of each name the quote writes with capitals inside a sentence
    ("the *European Court of Human Rights*"; not its first word, nor "I"): what it is
    about, which a statement that never names it is not near."""
    runs: list[list[str]] = []
    open_run = False
    for m in _NAME_WORD.finditer(quote):
        word = m.group()
        starts = not quote[:m.start()].strip() or bool(_STARTS.search(quote[:m.start()]))
        if word[0].isupper() and not starts and word != "I":
            if not open_run:
                runs.append([])
            runs[-1].append(word)
            open_run = True
        elif not (open_run and word in _NAME_JOINERS):
            open_run = False
    found = (frozenset(t for w in run for t in terms(w)) for run in runs)
    return tuple(run for run in found if run)
