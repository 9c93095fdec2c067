"""A speaker keeps the first role the article gives them, unless a later one is the same
office said more fully ("governor" first, "central bank governor" later); a lesser office
("deputy governor") never replaces it."""
from __future__ import annotations

import pytest

from corpus.build import attribute_article
from corpus.loader import RawArticle


def roles(*paragraphs: str) -> dict[str, str | None]:
    article = attribute_article(RawArticle("t", "t.txt", "A headline", tuple(paragraphs)))
    return {s.speaker.name: s.speaker.role for p in article.passages for s in p.sentences
            if s.speaker is not None}


@pytest.mark.parametrize(("paragraphs", "name", "role"), [
    (('"The economy is now heading upward," said central bank governor Park Seung.',),
     "Park Seung", "central bank governor"),
    (('"Sales grew," said mobile analyst Carolina Milanesi.',), "Carolina Milanesi",
     "mobile analyst"),
    (("Governor Park Seung spoke on Monday.",
      '"The worst has passed," said central bank governor Park Seung.'),
     "Park Seung", "central bank governor"),
    (('"Rates will stay low," said governor Park Seung.',
      "Deputy governor Park Seung was not at the meeting."),
     "Park Seung", "governor"),
])
def test_a_later_fuller_role_of_the_same_office_is_kept(paragraphs: tuple[str, ...], name: str,
                                                        role: str):
    assert roles(*paragraphs)[name] == role
