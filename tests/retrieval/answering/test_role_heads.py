"""The general words typed for the one who leads a body fit the offices the articles write
(data/role_heads.tsv), one way only, and a little worse than the typed head itself."""
from __future__ import annotations

import pytest

from retrieval.answering.role_heads import RoleHeadsFileError, parse
from tests.retrieval.answering.small_corpus import parley_over

ARTICLE = """Downing injury mars victory
Source: Test
Middlesbrough boss Steve McClaren said the winger had tweaked a hamstring.
Arsenal manager Arsene Wenger said his side had been unlucky.
Association of Chief Police Officers president Chris Fox said crime was falling.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return parley_over(tmp_path_factory, {"match.txt": ARTICLE})


@pytest.mark.parametrize(("typed", "who"), [
    ("middlesbrough's manager", "Steve McClaren"),  # the articles' "boss" (BBC sport/145)
    ("the arsenal boss", "Arsene Wenger"),  # "boss" typed for a manager
    ("the head of the association of chief police officers", "Chris Fox"),
])
def test_a_typed_head_fits_the_office_the_article_writes(engine, typed, who):
    assert [m.group.speaker.name for m in engine.finder.find(typed)][:1] == [who]


def test_the_typed_head_itself_fits_better_than_through_the_table(engine):
    found = engine.finder.find("the manager")
    assert found[0].group.speaker.name == "Arsene Wenger"
    assert all(m.fit < found[0].fit for m in found[1:])


@pytest.mark.parametrize("line", ["manager", "two words\tboss", "manager\tchief executive"])
def test_a_row_that_cannot_be_read_names_its_line(line):
    with pytest.raises(RoleHeadsFileError, match="line 1"):
        parse([line])
