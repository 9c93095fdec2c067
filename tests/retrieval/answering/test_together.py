""""Who said Y?" in a few words needs a statement holding them together; a phrase of common
words needs the phrase itself."""
from __future__ import annotations

import pytest

from retrieval.answering.engine import Parley
from retrieval.answering.together import holds_phrase, holds_together
from tests.retrieval.answering.small_corpus import parley_over

AOL = ("AOL backed the price cuts but said regulation was still needed to ensure a level "
       "playing field.")


@pytest.mark.parametrize(("topic", "texts", "held"), [
    # the words scattered over one sentence
    ("back into the field of play after", [AOL], False),
    # one word in each of two sentences
    ("likely to have a positive impact", ["We will act swiftly to minimise the impact.",
                                          "I shall clarify our position."], False),
    # together in one sentence, a few words between
    ("to continue doing so over the next", [
        "The sector will continue to face serious challenges over the next two years."], True),
    ("end of the day", ["I was not counting on this being the end of the day for me."], True),
    # more terms: holding most of them means enough, coverage decides
    ("the pinochet settlement lets the bank draw a line", [
        "The bank hopes the settlement will let it draw a line under the Pinochet affair."],
     True),
    # a single held term: nothing to hold together
    ("the floodlights in zagreb", ["I lost it in the lights in Zagreb."], True),
])
def test_a_short_question_needs_its_words_together(topic: str, texts: list[str], held: bool):
    assert holds_together(topic, texts) is held


@pytest.mark.parametrize(("topic", "texts", "held"), [
    ("i'm sure there are some of them", ["I'm sure he will feature in some of the games."],
     False),
    ("i'm sure there are some of them", [
        "I'm sure there are some of them who'll make the Lions Test XV."], True),
    ("if we can beat them at the", ["If we can beat them at the Bernabeu, it will be three."],
     True),
    ("if we can beat them at the", ["Moya made up for it by beating Roddick."], False),
    # content words enough: not a phrase question
    ("the euro was too strong for exporters", ["Exporters said the euro hurt."], True),
    ("it was good", ["Nothing like it."], True),  # too short to be a phrase
])
def test_a_phrase_of_common_words_is_held_as_typed(topic: str, texts: list[str], held: bool):
    assert holds_phrase(topic, texts) is held


ARTICLES = {
    "a.txt": "Broadband deal\n\nAOL backed the price cuts but said regulation was still "
             "needed to ensure a level playing field.",
    "b.txt": "Rugby row\n\nBob Deans said he was dragged back onto the field of play.",
    "c.txt": "Other news\n\nThe weather was fine.\n\nCarl Dean said the match was dull.",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


def test_who_said_claims_the_statement_holding_the_words_together(engine: Parley):
    answer = engine.ask("who said back into the field of play")
    assert answer.claim.kind == "said" and answer.claim.speaker is not None
    assert answer.claim.speaker.name == "Bob Deans"


def test_who_said_never_claims_words_scattered_over_a_statement(
        tmp_path_factory: pytest.TempPathFactory):
    parley = parley_over(tmp_path_factory, {k: v for k, v in ARTICLES.items() if k != "b.txt"})
    answer = parley.ask("who said back into the field of play")
    assert answer.claim.kind == "closest"
    assert answer.results and answer.results[0].speaker is not None  # AOL, shown as closest
