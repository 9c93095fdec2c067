"""Which questions compare sides or follow a speaker over time, and their answers."""
from __future__ import annotations

from typing import TYPE_CHECKING

from retrieval.answering.compare import compare_answer, is_comparison
from retrieval.answering.over_time import over_time_answer
from retrieval.answering.sides_question import parse_over_time, parse_sides
from retrieval.answering.sides_records import SidesAnswer

if TYPE_CHECKING:
    from retrieval.answering.engine import Parley


def sides_answer(parley: Parley, text: str, k: int, cut: bool) -> SidesAnswer | None:
    """A comparison or a timeline when the question asks for one (and its sides or speaker
    fit someone in the articles); None for every other question."""
    over = parse_over_time(text)
    if over is not None:
        answer = over_time_answer(parley, text, over, cut)
        if answer is not None:
            return answer
    question = parse_sides(text)
    if question is not None and is_comparison(parley, question):
        return compare_answer(parley, text, question, k, cut)
    return None
