"""A statement keeps a question's sense only when it denies and sets conditions where the
question does: coverage of content words cannot see "not" or "if"."""
from __future__ import annotations

import pytest

from retrieval.answering.sense import denies_asked, holds_figures, keeps_sense
from retrieval.tokenizer import terms
from tests.retrieval.answering.small_corpus import parley_over


@pytest.mark.parametrize(("question", "statement", "kept"), [
    # a condition asked, none stated: the statement says something else
    ("she would only go to madrid if she could win a medal",
     ["British hurdler Sarah Claxton is confident she can win her first major medal in Madrid."],
     False),
    # a condition asked, stated as a denial with a condition
    ("she would only go to madrid if she could win a medal",
     ['"I don\'t want to go if I am not going to get a medal," said Johnson.'], True),
    # "unless" is a condition too
    ("he would stay unless the club sold him", ["I will stay if they want me."], True),
    # a denial asked: the statement must deny something
    ("she never intended her blog to hurt the airline",
     ['"I never meant it as something to harm my company," Ms Simonetti said.'], True),
    ("there was no record of ian brown being arrested",
     ["Ian Brown was arrested after a fight during a concert."], False),
    ("the talks did not make progress", ["The talks made progress, he said."], False),
    # "whether or not" denies nothing (after BBC politics/096)
    ("it was not a special number one",
     ["The party would reduce the number of government special advisers.",
      "A referendum would decide whether or not to scrap the Welsh Assembly."], False),
    # the denial may be in the speaker's other sentence of the passage
    ("united fans can't stop glazer", ["He spoke to the BBC.", "There is nothing they can do."],
     True),
    # nothing denied or conditional in the question: anything keeps it
    ("the agreement was made at gunpoint", ["Whatever agreement there is, it is not fair."],
     True),
])
def test_a_statement_keeps_the_denials_and_conditions_of_the_question(question, statement,
                                                                      kept):
    assert keeps_sense(question, statement) is kept


def test_who_said_a_condition_never_claims_a_statement_without_one(
        tmp_path_factory: pytest.TempPathFactory):
    from tests.retrieval.answering.small_corpus import parley_over

    engine = parley_over(tmp_path_factory, {
        "a.txt": "Hurdler ready\n\nAnn Lee said she can win a medal in Madrid next month.",
        "b.txt": "Jumper waits\n\nBob Stone said he would not go to Madrid unless he was fit."})
    unconditional = engine.ask("who said she would go to madrid if she could win a medal")
    assert unconditional.claim.kind == "closest"
    conditional = engine.ask("who said he would go to madrid if he was fit")
    assert conditional.claim.kind == "said" and conditional.claim.speaker is not None
    assert conditional.claim.speaker.name == "Bob Stone"


@pytest.mark.parametrize(("question", "statement", "denied"), [
    # BBC politics/174: the statement denies what the question asserts
    ("ministers would have had to personally approve the patient's leave",
     ['"We understand that in this case no individual minister signed off the approval."'],
     True),
    ("the talks made progress", ["The talks have not made progress, he said."], True),
    # a negation far from the question's words denies none of them
    ("the talks made progress", ["There is no doubt that the talks made progress."], False),
    # a question that denies something is kept by `keeps_sense`, not here
    ("the talks did not make progress", ["The talks have not made progress."], False),
])
def test_a_statement_denying_a_word_of_the_question_says_the_opposite(
        question: str, statement: list[str], denied: bool):
    assert denies_asked(question, statement, terms) is denied


@pytest.mark.parametrize(("question", "statement", "held"), [
    # after BBC business/405: rising house prices, but nothing of 2005
    ("house prices would rise in 2005",
     ["said that the recent pattern of house prices rising the fastest continued."], False),
    ("house prices would fall by 2% in 2005", ["Prices will fall by 2% in 2005."], True),
    ("house prices would fall by 2% in 2005", ["Prices will fall by 3% in 2005."], False),
    ("the talks were constructive", ["The talks were useful."], True),  # no figure asked
])
def test_a_figure_of_the_question_is_held_or_not_said(question: str, statement: list[str],
                                                     held: bool):
    assert holds_figures(question, statement, terms) is held



# After BBC business/405: a lender on house prices rising in December; 2005 in many stories.
FIGURES = {
    "a.txt": "House prices rebound\n\nHalifax said that the pattern of house prices rising "
             "fastest in the north of England continued in December.",
    "b.txt": "Outlook\n\nThe outlook for 2005 was calm.\n\nSales in 2005 were up.\n\nThe "
             "2005 season starts.",
    "c.txt": "Other news\n\nCarl Dean said the match was dull.\n\nDan Fox said the pitch was "
             "wet.\n\nAnn Lee said the weather was fine.",
}


def test_who_said_never_claims_a_statement_without_the_figure_asked(
        tmp_path_factory: pytest.TempPathFactory):
    engine = parley_over(tmp_path_factory, FIGURES)
    assert engine.ask("who said house prices were rising in the north").claim.kind == "said"
    assert engine.ask("who said house prices in the north would rise in 2005"
                      ).claim.kind != "said"
