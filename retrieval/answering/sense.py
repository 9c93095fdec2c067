"""The little words coverage cannot see: negation and condition.

Coverage counts content terms, and the tokenizer drops "not", "never", "if" and "unless" as
stop words, so "she would only go to Madrid if she could win a medal" is covered by "she is
confident she can win a medal in Madrid", which sets no condition. A statement may be said
to say what a question asks only when it keeps the question's sense: a question that denies
something ("never intended", "no record") needs a statement that denies something too, and
a question that sets a condition ("only ... if", "unless") a statement that sets one or
denies something ("I don't want to go if I am not going to get a medal"). Otherwise the
check is one way — a statement may deny or set conditions the question does not mention —
except that a statement denying one of the question's own words right after its negation
("no individual minister signed off the approval" for "ministers would have had to approve")
says the opposite of a question that denies nothing and sets no condition (`denies_asked`).
A figure the question names (a year, a sum, a share) is held by the statement or not said
(`holds_figures`).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

NEGATIONS = frozenset({"not", "no", "never", "nobody", "nothing", "none", "neither", "nor",
                       "without", "cannot", "nowhere", "noone"})
CONDITIONS = frozenset({"if", "unless", "provided", "providing"})
_WORD = re.compile(r"[a-z]+(?:['\u2019][a-z]+)?")


def _marks(text: str) -> tuple[bool, bool]:
    """Whether the text denies something, and whether it sets a condition. "Whether or
    not" denies nothing ("a referendum to decide whether or not to scrap the Assembly")."""
    words = _WORD.findall(text.lower())
    negated = any((w in NEGATIONS or w.endswith(("n't", "n\u2019t")))
                  and not (w == "not" and i > 0 and words[i - 1] == "or")
                  for i, w in enumerate(words))
    return negated, any(w in CONDITIONS for w in words)


def keeps_sense(question: str, statement: Iterable[str]) -> bool:
    """Whether the statement's sentences deny and set conditions where the question does."""
    asks_not, asks_if = _marks(question)
    if not (asks_not or asks_if):
        return True
    says_not, says_if = _marks(" ".join(statement))
    return (says_not or not asks_not) and (says_if or says_not or not asks_if)


DENIAL_REACH = 2  # words after a negation that it denies ("no individual minister")


def denies_asked(question: str, statement: Iterable[str],
                 terms_of: Callable[[str], Iterable[str]]) -> bool:
    """Whether a question that denies nothing and sets no condition meets a statement
    denying one of its terms within DENIAL_REACH words of a negation."""
    if any(_marks(question)):  # ("would not go unless fit" is "would go if fit")
        return False
    asked = set(terms_of(question))
    for text in statement:
        words = _WORD.findall(text.lower())
        for i, w in enumerate(words):
            if w in NEGATIONS or w.endswith(("n't", "n\u2019t")):
                near = " ".join(words[i + 1:i + 1 + DENIAL_REACH])
                if asked & set(terms_of(near)):
                    return True
    return False


def holds_figures(question: str, statement: Iterable[str],
                  terms_of: Callable[[str], Iterable[str]]) -> bool:
    """Whether the statement holds every figure the question names ("2005", "2%",
    "£35bn"): a figure is a fact, and coverage, which weighs it as one word among others,
    lets a statement about house prices rising say nothing of 2005."""
    figures = {t for t in terms_of(question) if any(c.isdigit() for c in t)}
    if not figures:
        return True
    held = {t for text in statement for t in terms_of(text)}
    return figures <= held
