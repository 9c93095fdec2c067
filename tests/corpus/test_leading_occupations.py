"""An occupation, office or position written before a full name is the speaker's role, not
part of the name (data/phrase_words.tsv: role_noun, position); the sentences are BBC prose."""
from __future__ import annotations

import pytest

from corpus.build import attribute_article
from corpus.loader import RawArticle


@pytest.mark.parametrize(("sentence", "name", "role"), [
    ("Broadcaster Chris Evans said the show would return.", "Chris Evans", "Broadcaster"),
    ("Virgin Radio DJ Pete Mitchell said the new band were the best.", "Pete Mitchell",
     "Virgin Radio DJ"),
    ("Jefferson Parish Sheriff Harry Lee said the case was closed.", "Harry Lee",
     "Jefferson Parish Sheriff"),
    ("Olympian Andy Turner said he would run again.", "Andy Turner", "Olympian"),
    ("Keeper Tony Bullock said the side had played well.", "Tony Bullock", None),
])
def test_a_leading_occupation_is_the_role(sentence, name, role):
    article = attribute_article(RawArticle("t", "t.txt", "A headline", (sentence,)))
    said = article.passages[1].sentences[0].speaker
    assert said is not None and (said.name, said.role) == (name, role)
