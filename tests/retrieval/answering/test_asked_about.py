""""Who said Y?" where Y names a person: that person's own statements are no answer, a
place or body the topic names may be."""
from __future__ import annotations

import pytest

from corpus.models import Speaker
from retrieval.answering.asked_about import spoken_of
from retrieval.answering.engine import Parley
from tests.retrieval.answering.small_corpus import parley_over


@pytest.mark.parametrize(("topic", "speaker", "spoken"), [
    ("beating carlos moya was the biggest win of his life", Speaker("Carlos Moya"), True),
    ("mourinho lied about his team sheet", Speaker("Jose Mourinho"), True),
    ("he had sorted out robben's foot", Speaker("Arjen Robben"), True),
    ("the win over garcia-lopez was lucky", Speaker("Guillermo Garcia-Lopez"), True),
    # another person, a first name only, a body or a place: kept
    ("beating carlos moya was the biggest win of his life",
     Speaker("Guillermo Garcia-Lopez"), False),
    ("carlos played well", Speaker("Carlos Moya"), False),
    ("ukraine was fighting back successfully", Speaker("Ukraine", kind="organisation"),
     False),
    ("bafta picked unusual titles", Speaker("Bafta", kind="organisation"), False),
])
def test_a_person_the_topic_names_by_surname_is_spoken_of(topic: str, speaker: Speaker,
                                                          spoken: bool):
    assert spoken_of(topic, speaker) is spoken


ARTICLES = {
    "final.txt": "Lomas stuns Varga in the final\n\n"
                 "\"Nobody gave me a chance against him,\" said Diego Lomas after beating "
                 "Teo Varga in four sets.\n\n"
                 "\"It was the best final of my life and he deserved the win,\" said Teo "
                 "Varga.\n\n"
                 "\"Varga will be back,\" said his coach Ana Ruiz.",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


def test_the_person_a_who_said_question_names_is_not_shown_as_saying_it(engine: Parley):
    answer = engine.ask("who said beating varga was the best win of his life")
    speakers = [h.speaker.name for h in answer.results if h.speaker is not None]
    assert speakers and "Teo Varga" not in speakers
    assert answer.claim.speaker is None or answer.claim.speaker.name != "Teo Varga"
