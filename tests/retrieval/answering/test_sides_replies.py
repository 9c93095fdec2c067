"""A side's reply, in the same paragraph, to another side's statement on the topic."""
from __future__ import annotations

import pytest

from retrieval.answering.engine import Parley
from retrieval.answering.sides_records import SidesAnswer
from retrieval.answering.sides_replies import is_reply
from tests.retrieval.answering.small_corpus import parley_over

ARTICLES = {
    "cars.txt": "Carmakers argue over the merger clause\n\n"
                "Acme Motors said the merger clause was still binding on its partner. "
                "However, Zenith Cars argues that a share sale last year ended the contract. "
                "Zenith Cars added that its van sales had risen in March.\n\n"
                "Zenith Cars said it would open a new factory in Spain.\n",
    "phones.txt": "Phone firms at the fair\n\n"
                  "Orbit Telecom said its roaming tariff would be cut in April. "
                  "Nova Mobile added that its handsets were selling well in Asia.\n",
}


@pytest.fixture(scope="module")
def parley(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


def _statements(parley: Parley, question: str) -> dict[str, list[str]]:
    answer = parley.ask(question)
    assert isinstance(answer, SidesAnswer) and answer.comparison is not None, answer.message
    return {s.typed: [h.sentence.text for h in s.statements] for s in answer.comparison.sides}


def test_a_reply_right_after_the_other_side_is_on_its_topic(parley: Parley) -> None:
    found = _statements(parley, "What do Acme Motors and Zenith Cars say about the merger "
                                "clause?")
    assert found["Zenith Cars"][:1] == [
        "However, Zenith Cars argues that a share sale last year ended the contract."]
    assert not any("van sales" in s or "factory" in s for s in found["Zenith Cars"])


def test_a_sentence_that_only_carries_on_is_not_a_reply(parley: Parley) -> None:
    found = _statements(parley, "What do Orbit Telecom and Nova Mobile say about the roaming "
                                "tariff?")
    assert found["Nova Mobile"] == []


@pytest.mark.parametrize(("text", "reply"), [
    ("However, GM argues that the deal has ended.", True),
    ("The union argued the opposite.", True),
    ("The firm rejected the claim.", True),
    ("Mr Obermann added that the industry was growing.", False),
    ("She also said the plan was fair.", False),
])
def test_reply_words(text: str, reply: bool) -> None:
    assert is_reply(text) is reply
