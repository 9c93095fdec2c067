"""Comparing sides and following a speaker over time, over a few small articles: who each
side stands for, which statements go to it, "nothing on this", and the order of dates."""
from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from retrieval.answering.dates import parse_date
from retrieval.answering.engine import Parley
from retrieval.answering.sides_question import parse_over_time, parse_sides, split_sides
from retrieval.answering.sides_records import SidesAnswer
from tests.retrieval.answering.sides_corpus import ARTICLES
from tests.retrieval.answering.small_corpus import parley_over


@pytest.fixture(scope="module")
def parley(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


def _sides(parley: Parley, question: str) -> dict[str, tuple[set[str], list[str], int]]:
    answer = parley.ask(question)
    assert isinstance(answer, SidesAnswer) and answer.comparison is not None, answer.message
    return {s.typed: ({x.name for x in s.speakers},
                      [h.sentence.text for h in s.statements], s.total)
            for s in answer.comparison.sides}


@pytest.mark.parametrize(("question", "side", "speakers", "first_words"), [
    ("compare what Labour and the Tories said about tax", "Labour", {"Stephen Pound"},
     "Labour MP Stephen Pound said"),
    ("compare what Labour and the Tories said about tax", "the Tories", {"Michael Howard"},
     "Tory leader Michael Howard said taxes"),
    ("Labour vs Tories on tax", "Tories", {"Michael Howard"}, "Tory leader Michael Howard"),
    ("What do Russia and Ukraine say about security guarantees?", "Ukraine", {"Ukraine"},
     "Ukraine said it wanted security guarantees"),
    ("compare the Lib Dems with the Tories on council tax", "the Lib Dems", {"Lib Dems"},
     "The Lib Dems said a local income tax"),
    ("Erdogan vs Howard on the talks", "Erdogan", {"Recep Tayyip Erdogan"},
     "Turkish President Recep Tayyip Erdogan said"),
])
def test_each_side_gets_its_own_speakers_statements_on_the_topic(
        parley: Parley, question: str, side: str, speakers: set[str], first_words: str) -> None:
    found, statements, _ = _sides(parley, question)[side]
    assert found == speakers
    assert statements and statements[0].startswith(first_words)


@pytest.mark.parametrize(("question", "who"), [
    ("Compare Clarke and Howard on the economy", "Kenneth Clarke"),
    ("Compare Clarke and Howard on identity cards", "Charles Clarke"),
])
def test_a_surname_two_people_share_is_the_one_who_speaks_to_the_topic(
        parley: Parley, question: str, who: str) -> None:
    assert _sides(parley, question)["Clarke"][0] == {who}


@pytest.mark.parametrize(("question", "side", "never"), [
    # a former member is not the party; a mention of the party is not its statement
    ("compare what Labour and the Tories said about tax", "Labour", "George Galloway"),
    ("compare Labour and the Tories on pensions", "Labour", "Mr Howard also said Labour"),
    # critics of the Kremlin do not speak for Russia
    ("What do Russia and Ukraine say about security guarantees?", "Russia", "Critics"),
])
def test_a_statement_goes_to_a_side_only_when_its_speaker_belongs(
        parley: Parley, question: str, side: str, never: str) -> None:
    speakers, statements, _ = _sides(parley, question)[side]
    assert never not in " ".join(speakers)
    assert not any(never in text for text in statements)


@pytest.mark.parametrize(("question", "side", "total"), [
    ("What do Russia and Ukraine say about security guarantees?", "Russia", 1),
    ("Erdogan vs Howard on pensions", "Erdogan", 5),
    ("compare Labour and the Greens on tax", "the Greens", 0),
])
def test_a_side_with_nothing_on_the_topic_is_nothing_with_its_count(
        parley: Parley, question: str, side: str, total: int) -> None:
    answer = parley.ask(question)
    assert isinstance(answer, SidesAnswer) and answer.comparison is not None
    found = next(s for s in answer.comparison.sides if s.typed == side)
    assert found.nothing and found.total == total


def test_scores_are_the_index_s_bm25_scores(parley: Parley) -> None:
    answer = parley.ask("What do Russia and Ukraine say about security guarantees?")
    assert isinstance(answer, SidesAnswer) and answer.comparison is not None
    hit = answer.comparison.sides[1].statements[0]
    p = parley.corpus.passages.index(hit.passage)
    from retrieval.tokenizer import terms
    assert dict(parley.index.top(terms("security guarantees"), 20))[p] == hit.score


@pytest.mark.parametrize("question", [
    "What did Marks and Spencer say about sales?",  # one name the articles write whole
    "What did the Department of Trade and Industry say about waste shipments?",
    "What did Erdogan say about Russia and Ukraine?",
    "Who said Russia and Ukraine wanted guarantees?",
])
def test_questions_that_are_not_comparisons_stay_ordinary(parley: Parley, question: str
                                                          ) -> None:
    assert not isinstance(parley.ask(question), SidesAnswer)


@pytest.mark.parametrize(("question", "sides", "topic"), [
    ("What do Russia and Ukraine say about security guarantees?", ("Russia", "Ukraine"),
     "security guarantees"),
    ("compare what Labour and the Tories said about tax", ("Labour", "the Tories"), "tax"),
    ("Compare Labour with the Tories on tax", ("Labour", "the Tories"), "tax"),
    ("Labour vs. the Tories vs the Lib Dems on schools", ("Labour", "the Tories",
                                                          "the Lib Dems"), "schools"),
    ("Blair versus Howard: immigration", ("Blair", "Howard"), "immigration"),
    ("How do Russia and Ukraine differ on Crimea?", ("Russia", "Ukraine"), "Crimea"),
    ("How did Germany and France react to the Commission's deficit decision?",
     ("Germany", "France"), "the Commission's deficit decision"),
    ("how have Russia and Ukraine responded", ("Russia", "Ukraine"), ""),
    ("What did Hewitt and Roddick say after the semi-final?", ("Hewitt", "Roddick"),
     "the semi-final"),
    ("what did Labour and the Tories say during the campaign", ("Labour", "the Tories"),
     "the campaign"),
    ("What did Kallas, Erdogan and Cavusoglu say?", ("Kallas", "Erdogan", "Cavusoglu"), ""),
    # "against" inside a name when "and" parts the sides (politics/137)
    ("compare what the league against cruel sports and the countryside alliance said about "
     "the hunting ban", ("the league against cruel sports", "the countryside alliance"),
     "the hunting ban"),
    ("compare Fathers 4 Justice with the Conservatives on access",
     ("Fathers 4 Justice", "the Conservatives"), "access"),
    # an "of" inside a side's name is no topic when a verb ends the sides
    ("Compare what the Council of Mortgage Lenders and the BBA said about January lending",
     ("the Council of Mortgage Lenders", "the BBA"), "January lending"),
    ("how do Radwan Hadi and Anne Alexander see foreign firms coming into Iraq",
     ("Radwan Hadi", "Anne Alexander"), "foreign firms coming into Iraq"),
    ("How did Mauresmo and Zvonareva view their match?", ("Mauresmo", "Zvonareva"),
     "their match"),
])
def test_sides_and_topic_are_read_from_the_question(question: str, sides: tuple[str, ...],
                                                    topic: str) -> None:
    parsed = parse_sides(question)
    assert parsed is not None and (parsed.sides, parsed.topic) == (sides, topic)


@pytest.mark.parametrize("question", ["What did Erdogan say?", "Who said the talks failed?",
                                      "compare", "What did Erdogan say about tax and pensions?",
                                      "How did markets react to the decision?",
                                      "How did the minister see the deal?",
                                      # one speaker on a match or a case
                                      "desailly on chelsea v barcelona",
                                      "what about mourinho on chelsea vs barcelona"])
def test_one_side_is_no_comparison(question: str) -> None:
    assert parse_sides(question) is None


def test_with_splits_sides_only_after_compare() -> None:
    assert split_sides("Labour with the Tories", with_too=True) == ("Labour", "the Tories")
    assert split_sides("Labour with the Tories") == ("Labour with the Tories",)


@pytest.mark.parametrize(("question", "speaker", "topic"), [
    ("What has Erdogan said over time?", "Erdogan", ""),
    ("How has Kallas's line on Nato changed?", "Kallas", "Nato"),
    ("how has Erdogan's position changed on the war", "Erdogan", "the war"),
    ("Erdogan over time", "Erdogan", ""),
    ("quotes from Erdogan by date", "Erdogan", ""),
    ("What has Erdogan said about the war over time?", "Erdogan", "the war"),
])
def test_over_time_questions_are_read(question: str, speaker: str, topic: str) -> None:
    parsed = parse_over_time(question)
    assert parsed is not None and (parsed.speaker, parsed.topic) == (speaker, topic)


def test_over_time_orders_articles_by_date_and_puts_the_undated_last(parley: Parley) -> None:
    answer = parley.ask("What has Erdogan said over time?")
    assert isinstance(answer, SidesAnswer) and answer.timeline is not None
    groups = answer.timeline.articles
    assert [g.date for g in groups] == [date(2022, 3, 1), date(2022, 3, 29), None, None]
    assert [g.article.title for g in groups[2:]] == ["Reporters hear from Ankara",
                                                     "Leaders wait for news"]
    assert "2 undated articles last" in (answer.message or "")
    assert [len(g.statements) for g in groups] == [2, 1, 1, 1]


def test_over_time_with_a_topic_keeps_the_statements_on_it(parley: Parley) -> None:
    answer = parley.ask("How has Erdogan's line on the war changed?")
    assert isinstance(answer, SidesAnswer) and answer.timeline is not None
    said = [h.sentence.text for g in answer.timeline.articles for h in g.statements]
    assert said == ["Mr Erdogan said the war had to end as soon as possible."]


def test_over_time_of_nobody_is_an_ordinary_answer(parley: Parley) -> None:
    answer = parley.ask("What has Lavrov said over time?")
    assert not isinstance(answer, SidesAnswer)
    assert "Lavrov" in (answer.message or "")


@pytest.mark.parametrize(("header", "expected"), [
    ("2022-03-29", date(2022, 3, 29)),
    ("2022-03-29T10:15:00Z", date(2022, 3, 29)),
    ("Tue, 29 Mar 2022 10:15:00 +0000", date(2022, 3, 29)),
    ("29 March 2022", date(2022, 3, 29)),
    ("Tuesday 29th March 2022", date(2022, 3, 29)),
    ("March 29, 2022", date(2022, 3, 29)),
    ("03/04/2022", None),  # March or April: not guessed
    ("soon", None),
    ("", None),
    (None, None),
])
def test_date_headers_are_read_only_when_unambiguous(header: str | None,
                                                     expected: date | None) -> None:
    assert parse_date(header) == expected


_PIECE = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)


@given(a=_PIECE, b=_PIECE, c=_PIECE,
       form=st.sampled_from(["compare {a} and {b} on {c}", "What do {a} and {b} say about {c}?",
                             "{a} vs {b} on {c}", "What has {a} said over time?",
                             "How has {a}'s line on {c} changed?", "{a} over time",
                             "compare {a} with {b}", "How do {a}, {b} and {c} differ?"]))
@hsettings(max_examples=150, deadline=None,
           suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_comparison_or_timeline_gets_a_reply_every_front_end_can_show(
        parley: Parley, a: str, b: str, c: str, form: str) -> None:
    from bot.json_output import answer_json
    from bot.text_render import Style, render_answer

    answer = parley.ask(form.format(a=a, b=b, c=c))
    assert answer.message or answer.results
    json.dumps(answer_json(answer))
    assert render_answer(answer, Style(False, 100)) and render_answer(answer, Style(False, 40))


TALKS = {"talks.txt": """Kyiv and Moscow reached a consensus in Istanbul talks
Source: Test
"Whatever agreement there is, it is made at gunpoint," Estonia's Prime Minister Kaja Kallas said.
Turkish President Recep Tayyip Erdogan said: "In a fair peace, there are no losing parties."
Ukraine said it was carrying out successful counter-attacks in some areas.
"""}


@pytest.mark.parametrize(("question", "side", "first_words"), [
    # the words as typed find nothing of Kallas's: their plain synonyms do ("agreement")
    ("compare what turkey and estonia said about a peace deal", "estonia",
     "\"Whatever agreement there is"),
    ("compare what turkey and estonia said about a peace deal", "turkey",
     "Turkish President Recep Tayyip Erdogan said"),  # the words as typed, first
    # "talks" and its synonym "negotiations" are in no statement of Estonia's: nothing
    ("What do Ukraine and Estonia say about the talks?", "Estonia", None),
    # nor "fighting": the words of its frame are (data/topic_frames.tsv), for Ukraine only
    ("What do Ukraine and Estonia say about the fighting?", "Ukraine",
     "Ukraine said it was carrying out successful counter-attacks"),
    ("What do Ukraine and Estonia say about the fighting?", "Estonia", None),
])
def test_a_side_with_nothing_in_the_words_as_typed_is_searched_by_synonyms_and_frames(
        tmp_path_factory: pytest.TempPathFactory, question: str, side: str,
        first_words: str | None) -> None:
    _, statements, _ = _sides(parley_over(tmp_path_factory, TALKS), question)[side]
    if first_words is None:
        assert statements == []
    else:
        assert statements and statements[0].startswith(first_words)


# Real prose (politics/337, politics/067): the replies in a story whose headline and lead
# name the topic are on it, though they hold none of its words; a lead alone, or a topic of
# one word, is not enough.
STORIES = {
    "calls.txt": "\n".join([
        "Campaign 'cold calls' questioned", "Source: Test",
        "Labour and the Conservatives are still telephoning the millions of people who have "
        'signed up to make sure they do not get marketing "cold calls".',
        "A Labour Party spokesman told the BBC News website the party avoided those on TPS "
        'lists when telephoning people about membership. "When we ask which party they will '
        'vote for, that is not marketing," he said.',
        'A Conservative spokeswoman said: "We do apply TPS but in line with the law."',
        "Mr Clarke said the economy was growing.", ""]),
    "access.txt": "\n".join([
        "Child access laws shake-up", "Source: Test",
        "Parents who refuse to allow former partners contact with their children could be "
        "electronically tagged under plans being considered by ministers.",
        'John Ison, from the controversial group Fathers 4 Justice, said: "It is very '
        'disappointing. What we have got is a cynical case of recycling existing '
        'legislation."', ""]),
    "budget.txt": "\n".join([
        "Brown sets the budget date", "Source: Test",
        "The economy will be the battleground of the election campaign.",
        'Tory leader Michael Howard said: "This government has run out of solutions."', ""]),
}


@pytest.mark.parametrize(("question", "side", "first_words"), [
    ("compare what labour and the tories said about cold calls", "labour",
     '"When we ask which party'),
    ("compare what labour and the tories said about cold calls", "the tories",
     "A Conservative spokeswoman said"),
    ("What do the Conservatives and Fathers 4 Justice say about the child access plans?",
     "Fathers 4 Justice", "John Ison"),
    ("What do Labour and Howard say about the election campaign?", "Howard", None),  # lead
    ("What do Labour and Clarke say about telephoning?", "Clarke", None),  # one word
])
def test_replies_in_a_story_about_the_topic_are_on_it(
        tmp_path_factory: pytest.TempPathFactory, question: str, side: str,
        first_words: str | None) -> None:
    _, statements, _ = _sides(parley_over(tmp_path_factory, STORIES), question)[side]
    if first_words is None:
        assert statements == []
    else:
        assert statements and statements[0].startswith(first_words)


def test_a_malformed_frame_line_is_named(tmp_path, monkeypatch) -> None:
    from retrieval.answering import sides_frames

    bad = tmp_path / "topic_frames.tsv"
    bad.write_text("# comment\nfight attack\n", encoding="utf-8")
    monkeypatch.setattr(sides_frames, "FRAME_FILE", bad)
    sides_frames._frames.cache_clear()
    try:
        with pytest.raises(sides_frames.FrameDataError, match="topic_frames.tsv, line 2"):
            sides_frames.framed_terms(["fight"])
    finally:
        sides_frames._frames.cache_clear()
