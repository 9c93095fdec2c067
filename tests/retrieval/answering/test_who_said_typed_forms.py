""""Who said Y?" claims, of two statements holding Y's terms, the one writing more of Y's
words as typed, and nobody when a statement no claim may name (an unnamed source's, or one
denying Y) writes more of them than the named one (which then shares only stems with Y)."""
from __future__ import annotations

import pytest

from retrieval.answering.engine import Parley
from retrieval.answering.together import typed_share, written_in_order
from tests.retrieval.answering.small_corpus import parley_over

ARTICLES = {
    "a.txt": "Smoking ban\n\nSmoke-free areas will save lives, First Minister Jack McConnell "
             "has insisted.\n\nThe ban starts in March.",
    "b.txt": "Care payments\n\nMinisters want councils to use direct payments more, and to "
             "counter reluctance in some of the councils that have been slow to use them for "
             "the elderly and for carers. But Mr Stephen Ladyman said the plans could deliver "
             "savings in some areas, such as freeing up hospital beds.\n\nCouncils were slow.",
    "c.txt": "Mac mini\n\nMac watchers and some analysts say the mini will help Apple appeal to "
             "the mass of consumers.\n\nIan Harris said it helps that Apple's appealing "
             "machines reach the masses of consumers.",
    "d.txt": "France backed\n\nWing Christophe Dominici says France can claim another Grand "
             "Slam despite two lacklustre wins so far.\n\nRhys Williams says Wales are still "
             "not thinking of winning the Grand Slam despite their win in Rome.",
    "f.txt": "Black hole\n\nCity experts say there is a black hole in the public finances, a "
             "claim denied by the chancellor.\n\nShadow chancellor George Osborne said the "
             "black hole in the finances would hurt the public.",
    # "thinking" is a common word here, as in the BBC folder
    "e.txt": "Thinking ahead\n\nFans are thinking about tickets.\n\nThinking of the cost, "
             "clubs are thinking again.\n\nBoards are thinking hard.",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


def test_the_statement_writing_the_words_as_typed_is_claimed(engine: Parley):
    answer = engine.ask("who said savings in some areas such as freeing")
    assert answer.claim.kind == "said"
    assert answer.claim.speaker is not None and answer.claim.speaker.name == "Stephen Ladyman"


def test_no_named_claim_when_an_unnamed_source_writes_more_of_it(engine: Parley):
    answer = engine.ask("who said the mini will help apple appeal to the mass of consumers")
    assert answer.claim.kind == "closest"
    assert "Ian Harris" not in answer.message


def test_no_claim_when_a_statement_turned_away_writes_more_of_it(engine: Parley):
    # Williams says the words, denied; Dominici shares only some of them
    answer = engine.ask("who said thinking of winning the grand slam despite")
    assert answer.claim.kind == "closest"
    assert "Dominici" not in answer.message


def test_words_written_word_for_word_elsewhere_are_not_claimed_for_another(engine: Parley):
    answer = engine.ask("who said there is a black hole in the public finances")
    assert "Osborne" not in answer.message


@pytest.mark.parametrize(("words", "text", "expected"), [
    (["lowest", "mortgages", "inflation"], "the lowest mortgages, inflation, jobs", True),
    (["lowest", "inflation"], "the lowest mortgages, inflation", False),
])
def test_written_in_order_reads_past_punctuation(words: list[str], text: str, expected: bool):
    assert written_in_order(words, text) is expected


@pytest.mark.parametrize(("topic", "text", "share"), [
    ("savings in areas", "deliver savings in some areas", 1.0),
    ("savings in areas", "Smoke-free areas will save lives", 0.5),
    ("Çavuşoğlu's talks", "Cavusoglu's talks", 1.0),  # diacritics folded
])
def test_typed_share_counts_the_words_written_as_typed(topic: str, text: str, share: float):
    assert typed_share(topic, [text]) == pytest.approx(share)
