""""What did X say about Y?" is answered "said" when X's statement is on Y as the lines
framing it show: the statement with the narration right around it and its article's
headline holds the share of Y a claim needs. Narration further off, another speaker's
sentence, and a figure held only outside X's own words do not count."""
from __future__ import annotations

import pytest

from retrieval.answering import claims
from retrieval.answering.engine import Parley
from tests.retrieval.answering.small_corpus import parley_over

ARTICLES = {
    "school.txt": "Island school gets satellite broadband\n\n"
                  "Pupils on the island of Skerra can now join lessons on the mainland.\n\n"
                  "\"It has changed the way the children learn,\" said head teacher Morag "
                  "Innes.",
    "ferry.txt": "Harbour news\n\n"
                 "The 2005 ferry timetable was cut to two sailings a week in March. "
                 "\"We feel forgotten,\" said councillor Ewan Dunbar.\n\n"
                 "The harbour fares rose sharply in May. The pier was repainted in June. "
                 "The harbour master retired after forty years. Fishing boats were laid up "
                 "for the winter. \"We have done our best,\" said skipper Ailsa Craig.",
    "fares.txt": "Island meeting\n\n"
                 "\"The ferry fares are a scandal,\" said campaigner Rob Lamont. "
                 "\"We have done what we could,\" said operator Iain Bell.",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


@pytest.mark.parametrize(("question", "kind", "speaker"), [
    # the headline over the quotation says what it is about
    ("what did morag innes say about the satellite broadband", "said", "Morag Innes"),
    # the narration sentence just before it does
    ("what did ewan dunbar say about the ferry timetable", "said", "Ewan Dunbar"),
    # narration four sentences off is the story's, not the statement's
    ("what did ailsa craig say about the harbour fares", "closest", None),
    # the sentence before is another speaker's own words
    ("what did iain bell say about the ferry fares", "closest", None),
    # a figure asked about is held only by the narration, not by what he said
    ("what did ewan dunbar say about the 2005 ferry timetable", "closest", None),
])
def test_a_statement_framed_by_its_narration_and_headline_is_claimed_on_the_topic(
        engine: Parley, question: str, kind: str, speaker: str | None):
    answer = engine.ask(question)
    assert answer.claim.kind == kind
    assert (answer.claim.speaker.name if answer.claim.speaker else None) == speaker
    if kind == "said":  # the share the claim rests on, framing and all
        assert answer.claim.coverage is not None
        assert answer.claim.coverage >= claims.COVERAGE_TO_SAY


def test_the_framing_is_the_statement_the_narration_next_to_it_and_the_headline(
        engine: Parley):
    hit = engine.ask("what did ailsa craig say about the harbour fares").results[0]
    framed = claims.framed_texts(hit)
    assert hit.sentence.text in framed
    assert "Fishing boats were laid up for the winter." in framed  # right before
    assert "Harbour news" in framed  # the headline
    assert not any("fares rose" in text for text in framed)  # four sentences off


def test_another_speakers_sentence_is_no_part_of_the_framing(engine: Parley):
    hit = engine.ask("what did iain bell say about the ferry fares").results[0]
    assert hit.speaker is not None and hit.speaker.name == "Iain Bell"
    assert not any("scandal" in text for text in claims.framed_texts(hit))
