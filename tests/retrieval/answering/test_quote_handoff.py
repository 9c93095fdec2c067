"""A quotation the narration hands to someone else ("His friend, Saxon Spence, ... lays the
blame ... "You cannot underestimate ...""), which the attribution carries on to the speaker
quoted before, is the introduced speaker's to a quote check: never `exact` for the one
before. Real prose (BBC politics/336)."""
from __future__ import annotations

import pytest

from retrieval.answering.quote_handoff import handed_off
from retrieval.answering.quote_verdicts import QuoteClaim
from tests.retrieval.answering.small_corpus import parley_over

STOCK = "\n".join([
    "Labour's core support takes stock",
    "Source: Test",
    '"The electorate are keener on the government than some Labour Party members," is the '
    "dry assessment of Graham Lane, leader of the Labour group on Newham Council. The "
    "problem, according to Mr Lane, is not continuing divisions over Iraq, foundation "
    'hospitals or tuition fees, or even voter apathy, but Mr Blair himself. "I have a new '
    "slogan. Vote Blair, Get Brown. That's what I am telling people on the doorstep. Don't "
    'worry, he will be gone soon." His friend, Saxon Spence, leader of Devon county Labour '
    "group, lays the blame for any lack of campaigning zeal on one issue above all others. "
    '"You cannot underestimate the impact of the war in Iraq. We lost people from our local '
    'party who had some key roles."',
    "",
    '"There was real passion. I think we have all felt a little jaded, but it reminded us '
    'why we joined the party in the first place," said Mrs Spence. "If he hadn\'t have '
    'walked off the stage, they would still be clapping," added Mr Lane.', ""])


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return parley_over(tmp_path_factory, {"stock.txt": STOCK})


def _speakers(passage):
    return [s.speaker.name if s.speaker else None for s in passage.sentences]


def test_the_attribution_carries_the_quotation_on_as_expected(engine):
    passage = engine.corpus.passages[1]
    carried = [s.speaker.name for s in passage.sentences
               if s.speaker is not None and "underestimate" in s.text]
    assert carried == ["Graham Lane"]  # what the rule is for


def test_the_handed_quotation_and_its_rest_are_the_introduced_speakers(engine):
    passages = engine.corpus.passages
    read = handed_off(passages, 1)
    changed = [(s.text[:20], s.speaker.name if s.speaker else None)
               for s, o in zip(read.sentences, passages[1].sentences, strict=True)
               if s.speaker != o.speaker]
    assert changed == [('"You cannot underest', "Saxon Spence"),
                       ("We lost people from ", "Saxon Spence")]


def test_a_passage_with_no_handed_quotation_is_left_as_it_is(engine):
    passages = engine.corpus.passages
    assert handed_off(passages, 2) is passages[2]


@pytest.mark.parametrize(("speaker", "quote", "verdict", "who"), [
    ("Graham Lane", "You cannot underestimate the impact of the war in Iraq",
     "other_speaker", "Saxon Spence"),
    ("Saxon Spence", "You cannot underestimate the impact of the war in Iraq", "exact",
     "Saxon Spence"),
    ("Spence", "we lost people from our local party", "exact", "Saxon Spence"),
    ("Graham Lane", "Vote Blair, Get Brown", "exact", "Graham Lane"),  # his own, before
])
def test_a_quote_check_reads_the_handed_quotation_as_the_introduced_speakers(
        engine, speaker, quote, verdict, who):
    claim = engine.check(speaker, quote).claim
    assert isinstance(claim, QuoteClaim)
    assert (claim.verdict, claim.speaker.name if claim.speaker else None) == (verdict, who)
    assert claim.evidence is not None and claim.evidence.speaker is not None
    assert claim.evidence.speaker.name == who  # the evidence is labelled as read
