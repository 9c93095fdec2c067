"""A speaker the attribution named by a word the article never writes with their name
("Speaking in Harrogate Mr Kennedy said" gave "Harrogate Kennedy") is the article's
Charles Kennedy to a quote check, and never said to be someone else; two people an article
names whole (Andy and Jason Robinson) stay two. Real prose (politics/417, sport/342)."""
from __future__ import annotations

import pytest

from retrieval.answering.quote_verdicts import QuoteClaim
from tests.retrieval.answering.small_corpus import parley_over

SLOGAN = "\n".join([
    "Lib Dems unveil election slogan",
    "Source: Test",
    'The Liberal Democrats will present themselves as "the real alternative" in the '
    "forthcoming general election campaign, Charles Kennedy has said.",
    'Speaking in Harrogate Mr Kennedy said: "People want a credible, principled political '
    'party which offers a different vision of what Britain can be."',
    'Mr Kennedy said: "Britain is the fourth-largest economy in the world. We have world '
    'class businesses and a world class workforce."',
    "Earlier, Mr Kennedy told Radio 4's Today programme there was no possibility of forming "
    "a coalition with Labour in the event of a hung Parliament. \"We go into the election as "
    'an independent party and we come out as an independent party," he said.', ""])

RUGBY = "\n".join([
    "England lose again",
    "Source: Test",
    'England coach Andy Robinson said: "We have lost a game we should have won."',
    'Captain Jason Robinson said: "We will come back stronger."', ""])

SENATE = "\n".join([
    "Senator backs the bill",
    "Source: Test",
    'Senator Edward Kennedy said: "This bill will help families across the country."', ""])


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return parley_over(tmp_path_factory, {"slogan.txt": SLOGAN, "rugby.txt": RUGBY,
                                          "senate.txt": SENATE})


def test_the_article_misreads_the_name_as_expected(engine):
    speakers = {s.speaker.name for p in engine.corpus.passages for s in p.sentences
                if s.speaker is not None}
    assert {"Charles Kennedy", "Harrogate Kennedy"} <= speakers  # what the rule is for


@pytest.mark.parametrize(("speaker", "quote", "verdict", "who"), [
    ("Charles Kennedy", "we go into the election as an independent party", "exact",
     "Charles Kennedy"),
    ("Charles Kennedy", "there was no possibility of forming a coalition with Labour",
     "reported", "Charles Kennedy"),
    ("Charles Kennedy", "no chance of a coalition with Labour", "reported",
     "Charles Kennedy"),  # "chance" is "possibility" (data/quote_synonyms.tsv)
    ("Charles Kennedy", "a chance of a coalition with Labour", "close",
     "Charles Kennedy"),  # the negation turned
    # not Edward Kennedy's words, but not surely someone else's either: the name is misread
    ("Edward Kennedy", "we go into the election as an independent party", "not_found", None),
    ("Jason Robinson", "We have lost a game we should have won", "other_speaker",
     "Andy Robinson"),
])
def test_a_misread_name_is_the_person_the_article_names(engine, speaker, quote, verdict, who):
    claim = engine.check(speaker, quote).claim
    assert isinstance(claim, QuoteClaim)
    assert (claim.verdict, claim.speaker.name if claim.speaker else None) == (verdict, who)
