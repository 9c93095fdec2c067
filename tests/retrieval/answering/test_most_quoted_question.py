""""Who is quoted most?" is asked of the speaker directory; "who said most people …" is a
"who said" question whose statement happens to open with "most"."""
from __future__ import annotations

import pytest

from retrieval.answering.about_speakers import about_speakers


@pytest.mark.parametrize(("question", "most"), [
    ("who is quoted most?", True),
    ("who said the most?", True),
    ("who speaks most often", True),
    ("who talks most in the articles?", True),
    ("which speaker is the most quoted", True),
    ("who said most people have two or three old mobiles lying around", False),
    ("who said most of the money had gone", False),
    ("who says most fans want him to stay?", False),
])
def test_most_asks_for_the_most_quoted_only_when_it_ends_the_question(question: str,
                                                                      most: bool):
    about = about_speakers(question)
    assert (about is not None and about.kind == "most") is most
