""""Who thanked fans?" asks for a statement that thanks fans: the verb is part of the
question, and a statement is claimed only when one of its sentences does what was asked."""
from __future__ import annotations

import pytest

from retrieval.answering.content_verbs import ContentVerbsFileError, is_content_verb, parse
from retrieval.answering.engine import Parley
from retrieval.answering.question import parse_question
from tests.retrieval.answering.small_corpus import parley_over

# After real BBC prose (sport: a manager leaving; a club chairman on crowd trouble;
# entertainment: a frontman at an awards night).
ARTICLES = {
    "a.txt": "Manager resigns\n\nJack Bell said: \"I very much hope that the wonderful fans "
             "will respect my decision. I should like to thank the chairman for his "
             "understanding.\"",
    "b.txt": "Club denies claims\n\nChairman Tom Webb has denied the claims. He said the "
             "trouble was started by a visiting fan attacking a home fan.",
    "c.txt": "Awards night\n\nFrontman Ann Cole thanked fans for enduring rubbish gigs after "
             "the band won the prize.",
}
WITHOUT_ANSWER = {name: text for name, text in ARTICLES.items() if name != "c.txt"}


@pytest.mark.parametrize(("question", "topic"), [
    ("who thanked fans", "thanked fans"),
    ("Who criticised the referee after the defeat?", "criticised the referee after the defeat"),
    ("who accused the chancellor of dodging hard decisions",  # "said he dodged them"
     "the chancellor of dodging hard decisions"),
    ("who has praised the new stadium", "praised the new stadium"),
    ("Who said the fans were great?", "the fans were great"),  # "said" adds nothing
    ("who warned that prices would rise", "prices would rise"),  # introduces content
])
def test_a_content_verb_stays_in_the_topic(question: str, topic: str):
    parsed = parse_question(question)
    assert parsed.intent == "who_said"
    assert parsed.topic == topic


@pytest.mark.parametrize(("form", "expected"), [
    ("thanked", True), ("Criticized", True), ("apologises", True), ("said", False),
    ("warned", False), ("denied", False),
])
def test_content_verb_forms_come_from_the_table(form: str, expected: bool):
    assert is_content_verb(form) is expected


def test_a_table_row_without_forms_names_its_line():
    with pytest.raises(ContentVerbsFileError, match="line 2"):
        parse(["# comment", "thank"])


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


def test_the_speaker_who_thanked_the_fans_is_claimed(engine: Parley):
    answer = engine.ask("who thanked fans")
    assert answer.claim.kind == "said"
    assert answer.speaker is not None and answer.speaker.name == "Ann Cole"


def test_fans_and_thanks_in_different_sentences_are_never_a_claim(
        tmp_path_factory: pytest.TempPathFactory):
    engine = parley_over(tmp_path_factory, WITHOUT_ANSWER)
    answer = engine.ask("who thanked fans")
    assert answer.claim.kind == "closest"
    assert answer.speaker is None
    assert answer.results  # the closest statements are still shown


def test_a_content_verb_alone_claims_nobody(engine: Parley):
    answer = engine.ask("who thanked")
    assert answer.claim.kind != "said"
