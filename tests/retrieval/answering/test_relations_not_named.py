"""A person's name typed means that person, not someone whose role names them: a lawyer,
spokesman or wife is somebody else, and their words are not the named person's."""
from __future__ import annotations

import pytest

from retrieval.answering.quote_verdicts import QuoteClaim
from tests.retrieval.answering.small_corpus import parley_over

ARTICLE = """Sprinter denies faking crash
Source: Test
Kostas Kenteris, the Greek sprinter, said he had never missed a test.
Kenteris' lawyer Gregory Ioannidis said: "We have the evidence and it is time the world knew."
"""

BURGERS = """Burger chain expands
Source: Test
McDonald's boss Charlie Bell said the chain would open 100 restaurants.
Ian McDonald, a shopper, said he liked the new menu.
Manchester United manager Alex Ferguson said the club would stay at Old Trafford.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return parley_over(tmp_path_factory, {"crash.txt": ARTICLE, "burgers.txt": BURGERS})


@pytest.mark.parametrize("typed", ["Kostas Kenteris", "Kenteris", "kenteris"])
def test_a_typed_name_does_not_fit_whom_the_role_names(engine, typed):
    assert [m.group.speaker.name for m in engine.finder.find(typed)] == ["Kostas Kenteris"]


def test_a_relation_s_quote_is_someone_else_s(engine):
    claim = engine.check("Kostas Kenteris", "the evidence and it is time").claim
    assert isinstance(claim, QuoteClaim)
    assert (claim.verdict, claim.speaker.name if claim.speaker else None) == \
        ("other_speaker", "Gregory Ioannidis")


def test_a_relation_typed_as_such_still_fits(engine):
    assert "Gregory Ioannidis" in [m.group.speaker.name for m in
                                   engine.finder.find("kenteris's lawyer")]


@pytest.mark.parametrize(("typed", "fits"), [
    ("mcdonald's", "Charlie Bell"),  # a possessive typed names the firm, not Ian McDonald
    ("manchester united", "Alex Ferguson"),  # no first name: a body, whose manager speaks
])
def test_a_body_s_name_still_fits_whom_its_role_names(engine, typed, fits):
    assert fits in [m.group.speaker.name for m in engine.finder.find(typed)]
