"""`Evidence.holding_all`: the passages holding every word of a phrase of common words, which
BM25's best for all its words (short passages holding some) may leave out."""
from __future__ import annotations

import pytest

from retrieval.tokenizer import terms
from tests.retrieval.answering.small_corpus import parley_over

PARTY = """The party conference
Source: Test

The party met on Monday.

The party chose a leader and the issue of tax was left for later, said Ann Cole.

A long report followed on the party, the issue of tax, the cuts and the council, and on
the budget and the schools and the roads and the hospitals and the prisons, said Bo Lind.

Tax was the issue, said Cy Moor.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return parley_over(tmp_path_factory, {"party.txt": PARTY})


def _texts(engine, passages):
    return [engine.corpus.passages[p].text[:12] for p in passages]


def test_every_passage_holding_all_the_words_and_none_other(engine):
    found = engine.evidence.holding_all(terms("the party on the tax issue"))
    assert sorted(_texts(engine, found)) == ["A long repor", "The party ch"]


@pytest.mark.parametrize("phrase", ["", "the party on the zebra issue"])
def test_no_passage_for_no_words_or_a_word_no_passage_has(engine, phrase):
    assert engine.evidence.holding_all(terms(phrase)) == []


def test_only_among_the_best_for_the_rarest_word(engine):
    assert len(engine.evidence.holding_all(terms("party tax issue"), among=1)) <= 1


def _crowded() -> str:
    """Thirty short statements holding the words of a phrase apart, and one long one that
    writes it, which ranks below them all."""
    short = "\n\n".join(f"The tax issue divides the party, said Speaker{n} Jones."
                        for n in range(30))
    filler = " ".join(["and the schools and the roads and the hospitals"] * 12)
    long = (f"Our plans {filler} show that only the party on this tax issue can be trusted, "
            "said Ann Cole.")
    return f"Tax row\nSource: Test\n\n{short}\n\n{long}\n"


@pytest.fixture(scope="module")
def crowded(tmp_path_factory):
    return parley_over(tmp_path_factory, {"tax.txt": _crowded()})


def test_who_said_a_phrase_of_common_words_claims_whose_own_words_write_it(crowded):
    answer = crowded.ask("who said the party on this tax issue")
    assert answer.claim is not None and answer.claim.kind == "said"
    assert answer.claim.speaker is not None and answer.claim.speaker.name == "Ann Cole"
    assert answer.results[0].speaker == answer.claim.speaker


def test_who_said_words_written_apart_everywhere_still_claims_by_coverage(crowded):
    answer = crowded.ask("who said the tax issue divides the party")
    assert answer.claim is not None and answer.claim.kind == "said"
    assert answer.claim.speaker is not None and answer.claim.speaker.name != "Ann Cole"
