"""The scorer's speaker match: a gold name fits a speaker by its name, or by its name and
role together when a word of it is the name (an unnamed "Jive spokeswoman")."""
from __future__ import annotations

import pytest

from corpus.models import Speaker
from retrieval.evaluation.scoring import speaker_matches


@pytest.mark.parametrize(("gold", "speaker", "fits"), [
    ("jive spokeswoman", Speaker("Jive", "spokeswoman"), True),
    ("spokeswoman", Speaker("Jive", "spokeswoman"), False),
    ("jive spokesman", Speaker("Jive", "spokeswoman"), False),
    ("liberal democrat oaten", Speaker("Mark Oaten", "Liberal Democrat's shadow home secretary"),
     True),
    ("turkey's foreign minister", Speaker("Mevlut Cavusoglu", "Turkey's foreign minister"),
     False),
    ("charles clarke", Speaker("Kenneth Clarke", "former chancellor"), False),
    ("kilroy-silk", Speaker("Robert Kilroy-Silk", "MEP"), True),
    ("Music Managers' Forum", Speaker("Music Managers Forum", None, "organisation"), True),
    ("Music Managers Forum", Speaker("Music Managers' Forum", None, "organisation"), True),
    ("the managers", Speaker("Music Managers Forum", None, "organisation"), False),
])
def test_a_gold_name_fits_by_name_or_by_name_and_role(gold, speaker, fits):
    assert speaker_matches(speaker, (gold,)) is fits
