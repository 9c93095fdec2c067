"""Recognising the questions that compare sides or follow a speaker over time.

"What do Russia and Ukraine say about security guarantees?", "compare what Labour and the
Tories said about tax", "Labour vs Tories on tax", "How do X and Y differ on Z?", "How did X
and Y react to Z?", "How do X and Y see Z?", "What did X and Y say after Z?" compare; "What
has Erdogan said over time?", "How has Kallas's line changed?", "Erdogan over time" follow
one speaker. Only the
wording is read here; the engine decides whether the sides are speakers (a name with "and"
in it, "Marks and Spencer", is one side).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_VERB = (r"say|said|says|saying|think|thinks|thought|feel|feels|felt|argue|argued|claim|"
         r"claimed|tell|told|state|stated|believe|believed")
_TOPIC = r"(?:about|on|over|regarding|concerning|of|when\s+it\s+comes\s+to)"
# "What did Hewitt and Roddick say after the semi-final?": the occasion is the topic
_OCCASION = r"(?:after|following|before|during|at)"
_END = r"\s*[?.!]*\s*$"
_SIDES_VERB = rf"\s+(?:have\s+|has\s+|had\s+|each\s+)?(?:{_VERB})"  # "… each said"
_TOPIC_END = rf"(?:\s+{_TOPIC}\s+(?P<topic>.+?))?{_END}"
_COMPARE = re.compile(
    rf"^\s*(?:please\s+)?compare\s+(?:what\s+)?(?P<sides>.+?)(?:{_SIDES_VERB})?{_TOPIC_END}",
    re.IGNORECASE)
# With its verb, the sides end there: "compare what the Council *of* Mortgage Lenders and
# the BBA said about …" keeps the "of" in a side's name, where _COMPARE alone cut at it.
_COMPARE_SAID = re.compile(
    rf"^\s*(?:please\s+)?compare\s+what\s+(?P<sides>.+?){_SIDES_VERB}{_TOPIC_END}",
    re.IGNORECASE)
_SEE = re.compile(  # "How do Radwan Hadi and Anne Alexander see foreign firms coming in?"
    rf"^\s*how\s+(?:do|does|did)\s+(?P<sides>.+?)\s+(?:each\s+|both\s+)?"
    rf"(?:see|view|regard|rate|judge)\s+(?P<topic>.+?){_END}", re.IGNORECASE)
_WHAT_DO = re.compile(
    rf"^\s*(?:so\s+|and\s+)?(?:what|how)\s+(?:do|does|did|have|has|had)\s+(?P<sides>.+?)\s+"
    rf"(?:each\s+|both\s+|all\s+)?(?:{_VERB})(?:\s+(?:{_TOPIC}|{_OCCASION})\s+(?P<topic>.+?))?"
    rf"{_END}",
    re.IGNORECASE)
_REACT = re.compile(  # "How did Germany and France react to the Commission's decision?"
    rf"^\s*how\s+(?:do|does|did|have|has|had)\s+(?P<sides>.+?)\s+(?:each\s+|both\s+)?"
    rf"(?:react|reacted|respond|responded)(?:\s+to\s+(?P<topic>.+?))?{_END}", re.IGNORECASE)
_DIFFER = re.compile(
    rf"^\s*how\s+(?:do|does|did)\s+(?P<sides>.+?)\s+(?:differ|compare|disagree)"
    rf"(?:\s+(?:on|over|about|in|regarding)\s+(?P<topic>.+?))?{_END}", re.IGNORECASE)
_VERSUS = re.compile(
    rf"^\s*(?P<sides>.+?\s+(?:vs\.?|versus|v\.?)\s+.+?)"
    rf"(?:\s+(?:on|about|over|regarding)\s+(?P<topic>.+?)|\s*:\s*(?P<topic2>.+?))?{_END}",
    re.IGNORECASE)
# "X on A v B" asks X about a match or a case; the sides of "A v B on Z" hold no topic word
_TOPIC_BEFORE_VERSUS = re.compile(r"\s(?:on|about|over|regarding)\s", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s&\s|\s+and\s+|\s+vs\.?\s+|\s+versus\s+|"
                    r"\s+v\.?\s+)\s*", re.IGNORECASE)
_WITH = re.compile(r"\s+(?:with|against|to)\s+", re.IGNORECASE)
_LEAD = re.compile(r"^(?:both|each\s+of|all\s+of|between)\s+", re.IGNORECASE)

_OVER_TIME = re.compile(
    rf"^\s*(?:what|how)\s+(?:has|have|did)\s+(?P<x>.+?)\s+(?:said|say|spoken|talked|"
    rf"commented)(?:\s+{_TOPIC}\s+(?P<topic>.+?))?\s+over\s+time{_END}", re.IGNORECASE)
_LINE_CHANGED = re.compile(
    rf"^\s*how\s+(?:has|have|did)\s+(?P<x>.+?)['’]s?\s+(?:line|position|stance|view|views|"
    rf"tone|message|rhetoric|thinking|statements)(?:\s+{_TOPIC}\s+(?P<topic>.+?))?\s+"
    rf"(?:changed|change|shifted|shift|evolved|evolve|moved|developed)"
    rf"(?:\s+{_TOPIC}\s+(?P<topic2>.+?))?(?:\s+over\s+time)?{_END}", re.IGNORECASE)
_X_OVER_TIME = re.compile(
    rf"^\s*(?:(?:quotes|statements)\s+(?:from|by|of)\s+)?(?P<x>[^?]+?)"
    rf"(?:\s+(?:on|about)\s+(?P<topic>.+?))?\s+(?:over\s+time|by\s+date|in\s+date\s+order|"
    rf"chronologically){_END}", re.IGNORECASE)


@dataclass(frozen=True)
class SidesQuestion:
    """Sides (two or more, as typed) and the topic ("" when none is asked)."""

    sides: tuple[str, ...]
    topic: str
    whole: str  # the sides' phrase as typed, which may itself be one speaker's name
    explicit: bool = True  # "compare", "vs", "differ"; not "What did X and Y say?"


@dataclass(frozen=True)
class OverTimeQuestion:
    speaker: str
    topic: str


def _clean(text: str | None) -> str:
    return " ".join((text or "").strip(" ?.!,:;\"“”'").split())


def split_sides(phrase: str, with_too: bool = False) -> tuple[str, ...]:
    """"Russia and Ukraine", "Labour, the Tories and the Lib Dems", "X vs Y"; "X with Y"
    only after "compare", and only when nothing else parts the sides: in "the league
    against cruel sports and the countryside alliance" the "against" is the name's."""
    text = _LEAD.sub("", _clean(phrase))
    parts = _SPLIT.split(text)
    if with_too and len(parts) == 1:
        parts = [q for part in parts for q in _WITH.split(part)]
    return tuple(p for p in (_clean(part) for part in parts) if p)


def parse_sides(question: str) -> SidesQuestion | None:
    """The sides and topic of a comparison, or None when the question is not one."""
    for pattern, with_too in ((_COMPARE_SAID, True), (_COMPARE, True), (_VERSUS, False),
                              (_DIFFER, False), (_WHAT_DO, False), (_REACT, False),
                              (_SEE, False)):
        m = pattern.match(question)
        if not m:
            continue
        sides = split_sides(m.group("sides"), with_too)
        if pattern is _VERSUS and _TOPIC_BEFORE_VERSUS.search(sides[0]):
            continue  # "desailly on chelsea v barcelona": one speaker on a match
        if len(sides) >= 2:
            topic = m.group("topic") or m.groupdict().get("topic2")
            return SidesQuestion(sides, _clean(topic), _clean(m.group("sides")),
                                 pattern not in (_WHAT_DO, _REACT, _SEE))
    return None


def parse_over_time(question: str) -> OverTimeQuestion | None:
    """The speaker (and topic) of "What has X said over time?" and its variants."""
    for pattern in (_OVER_TIME, _LINE_CHANGED, _X_OVER_TIME):
        m = pattern.match(question)
        if m and _clean(m.group("x")):
            topic = m.group("topic") or m.groupdict().get("topic2")
            return OverTimeQuestion(_clean(m.group("x")), _clean(topic))
    return None
