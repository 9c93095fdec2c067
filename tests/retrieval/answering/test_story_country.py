"""The country a story gives an official whose role states none: the country that spoke
last before the statement, else the one country its headline and first paragraph name."""
from __future__ import annotations

import pytest

from corpus.models import Passage, Sentence, Speaker
from retrieval.answering.candidates import countries_in
from retrieval.answering.story_country import story_countries

OFFICIAL = Speaker("Ivan Sokol", "Deputy Defence Minister")


def _passage(index: int, *sentences: tuple[str, Speaker | None]) -> Passage:
    built = tuple(Sentence(text, 0, len(text), who, "reported" if who else None)  # type: ignore[arg-type]
                  for text, who in sentences)
    return Passage("story", index, " ".join(text for text, _ in sentences), built)


@pytest.mark.parametrize(("passages", "country"), [
    # the country that spoke last before the statement
    ([_passage(0, ("Talks in Istanbul", None)),
      _passage(1, ("Kyiv said it would talk.", Speaker("Ukraine", None, "organisation")),
               ("Moscow said it would pull back.", Speaker("Moscow", None, "organisation")))],
     "Russia"),
    # the one country of the headline and first paragraph
    ([_passage(0, ("S Korean shoppers return", None)),
      _passage(1, ("South Korea looks set to recover, its central bank says.", None))],
     "South Korea"),
    # a lead naming two countries settles nothing
    ([_passage(0, ("Kyiv and Moscow talk", None)),
      _passage(1, ("Talks went on.", None))], None),
])
def test_the_country_the_story_gives_a_statement(passages: list[Passage], country: str | None):
    statement = _passage(len(passages), ("The move near Kyiv was meant to build trust, said "
                                         "Ivan Sokol.", OFFICIAL))
    found = story_countries([*passages, statement], len(passages), 0)
    assert found == (countries_in(country) if country else set())
