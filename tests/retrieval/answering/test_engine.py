"""The answering function: speaker-aware questions, who-said, empty and hostile input."""
from __future__ import annotations

import pytest

from retrieval.answering.engine import Parley, open_parley
from retrieval.answering.question import MAX_QUESTION_CHARS
from retrieval.options import IndexOptions


@pytest.fixture(scope="module")
def engine() -> Parley:
    return open_parley()[0]


@pytest.mark.parametrize("typed", ["Erdogan", "Mr Erdogan", "Recep Tayyip Erdogan",
                                   "the Turkish president", "Turkey's president", "erdogan",
                                   "Erdoğan"])
def test_what_did_x_say_finds_the_speaker_however_written(engine: Parley, typed: str):
    answer = engine.ask(f"What did {typed} say?")
    assert answer.speaker is not None and answer.speaker.name == "Recep Tayyip Erdogan"
    assert answer.results and all(h.speaker.name == "Recep Tayyip Erdogan"
                                  for h in answer.results)


def test_what_did_x_say_lists_direct_quotes_first_for_a_surname(engine: Parley):
    answer = engine.ask("What did Erdogan say?")
    assert answer.results[0].passage.index == 11
    assert answer.results[0].highlights  # the name is shown where it appears


def test_role_from_a_lead_finds_the_linked_person(engine: Parley):
    for typed in ("the Turkish foreign minister", "Turkey's foreign minister", "Cavusoglu",
                  "Çavuşoğlu", "Mevlut Cavusoglu"):
        answer = engine.ask(f"What did {typed} say?")
        assert answer.speaker is not None and answer.speaker.name == "Mevlut Çavuşoğlu", typed


def test_what_did_x_say_about_y_ranks_by_y_among_x_statements(engine: Parley):
    answer = engine.ask("What did Cavusoglu say about the presidents?")
    assert answer.results[0].passage.index == 4
    assert answer.results[0].sentence.text.startswith("Mr Cavusoglu said")


def test_mentioned_person_who_never_speaks_gets_the_passages_that_mention_him(engine: Parley):
    answer = engine.ask("What did Putin say?")
    assert answer.claim.kind == "closest" and answer.speaker is None
    assert answer.message.startswith("Vladimir Putin is mentioned in the articles, but Parley "
                                     "finds no statement of theirs in them")
    assert answer.results and all("Putin" in h.passage.text for h in answer.results)
    assert all(h.speaker is None or "Putin" not in h.speaker.name for h in answer.results)


def test_misspelt_silent_person_is_still_recognised(engine: Parley):
    answer = engine.ask("What did Zelensky say?")
    assert answer.claim.kind == "closest" and "Volodymyr Zelenskyy" in answer.message


@pytest.mark.parametrize("typed", ["Erdogen", "Erdgan", "Erdogann", "Cavusogl",
                                   "Erdgoan", "Cavusgolu"])  # the last two: a swap
def test_one_typing_slip_in_a_name_still_finds_the_speaker(engine: Parley, typed: str):
    answer = engine.ask(f"What did {typed} say?")
    assert answer.speaker is not None and answer.results, typed
    right = engine.ask(f"What did {'Cavusoglu' if typed.startswith('C') else 'Erdogan'} say?")
    # ranked as the name it was taken for: the same answer as spelt right
    assert [h.passage for h in answer.results] == [h.passage for h in right.results]


def test_one_slip_is_not_enough_in_a_short_name_or_between_two_people(tmp_path):
    d = tmp_path / "articles"
    d.mkdir()
    (d / "a.txt").write_text(
        "Budget row\n\nTony Blair said the budget was fair. Sam Blain said it was not. "
        "Ed Balls said nothing new. Jo Cox said it again.\n", encoding="utf-8")
    directory = open_parley([d])[0].directory
    assert directory.resolve("Blair").entry.speaker.name == "Tony Blair"
    assert directory.resolve("Blain").entry.speaker.name == "Sam Blain"
    assert directory.resolve("Bells").entry.speaker.name == "Ed Balls"  # one slip
    assert directory.resolve("Blaix").entry is None  # one slip from Blair and from Blain
    assert directory.resolve("Cix").entry is None    # too short to guess


def test_unknown_person_is_said_to_be_absent(engine: Parley):
    answer = engine.ask("What did Biden say?")
    assert answer.results == () and "Nobody called" in answer.message


def test_a_speaker_with_no_statement_on_the_topic_is_never_said_to_have_said_it(engine: Parley):
    answer = engine.ask("What did Kallas say about football?")
    assert answer.claim.kind == "closest" and answer.speaker is None
    assert answer.message.startswith("No statement by Kaja Kallas")
    assert "football" in answer.message and "said" not in answer.message
    assert answer.results and all(h.speaker is not None and h.speaker.name == "Kaja Kallas"
                                  for h in answer.results)


def test_who_said_names_the_speaker_of_the_best_statement(engine: Parley):
    answer = engine.ask("Who said the agreement was made at gunpoint?")
    assert answer.speaker is not None and answer.speaker.name == "Kaja Kallas"
    assert "Kaja Kallas" in answer.message


def test_who_said_something_nobody_said_shows_the_closest_and_says_so(engine: Parley):
    answer = engine.ask("Who said stocks jumped?")
    assert answer.speaker is None and answer.claim.kind == "closest"
    assert answer.message.startswith("Parley finds no statement that says that; the closest:")
    assert answer.results[0].passage.text.startswith("Stocks jumped")


@pytest.mark.parametrize(("question", "speaker"), [
    ("Who said the agreement was made at gunpoint?", "Kaja Kallas"),
    ("Did anyone talk about a fair peace?", "Recep Tayyip Erdogan"),
])
def test_who_said_is_plain_when_the_statement_says_it(engine: Parley, question, speaker):
    answer = engine.ask(question)
    assert answer.claim.kind == "said" and answer.claim.coverage == 1.0
    assert answer.message.startswith(f"{speaker} (")


@pytest.mark.parametrize(("typed", "who"), [
    ("the prime minister", {"Kaja Kallas"}),
    ("turkey", {"Mevlut Çavuşoğlu", "Recep Tayyip Erdogan"}),
    ("the russian side", {"Moscow"}),
    ("the kremlin", {"Moscow"}),
    ("the ukrainian side", {"Ukraine"}),
    ("the foreign minister", {"Mevlut Çavuşoğlu"}),
    ("the russian deputy defence minister", {"Alexander Fomin"}),
    ("the estonian pm", {"Kaja Kallas"}),  # an abbreviation no role holds, written out
    ("the Turkish FM", {"Mevlut Çavuşoğlu"}),
])
def test_roles_countries_and_sides_find_their_speakers(engine: Parley, typed, who):
    assert {m.group.speaker.name for m in engine.finder.find(typed)} == who
    answer = engine.ask(f"What did {typed} say?")
    assert answer.claim.kind == "said" and answer.speaker.name in who


def test_a_role_of_another_country_fits_nobody(engine: Parley):
    assert engine.finder.find("the british foreign minister") == []


def test_speaker_option_restricts_a_plain_question(engine: Parley):
    answer = engine.ask("war", speaker="Erdogan")
    assert answer.results and all(h.speaker.name == "Recep Tayyip Erdogan"
                                  for h in answer.results)


def test_search_returns_best_sentence_and_highlights_matched_words(engine: Parley):
    answer = engine.ask("What happened to stocks after the talks?")
    hit = answer.results[0]
    assert hit.sentence.text.startswith("Stocks jumped")
    words = {hit.passage.text[s:e].lower() for s, e in hit.highlights}
    assert "stocks" in words


@pytest.mark.parametrize("question", ["", "   ", "?!?", "🙂🙂", "\x00\x00", "\u202e\u202e"])
def test_empty_or_wordless_question_gets_a_hint_not_results(engine: Parley, question: str):
    answer = engine.ask(question)
    assert answer.results == () and answer.message


def test_question_with_no_word_in_the_corpus_returns_nothing(engine: Parley):
    answer = engine.ask("Who won the football match?")
    assert answer.results == () and "Nothing" in answer.message


def test_overlong_question_is_cut_with_a_flag(engine: Parley):
    answer = engine.ask("Erdogan " * 20_000)
    assert answer.truncated_question and len(answer.question) <= MAX_QUESTION_CHARS
    assert answer.results


def test_control_characters_and_nul_are_ignored(engine: Parley):
    answer = engine.ask("What did\x00 Kallas\x07 say?")
    assert answer.speaker is not None and answer.speaker.name == "Kaja Kallas"


def test_top_k_limits_results_and_scores_descend(engine: Parley):
    answer = engine.ask("Ukraine Russia talks", top_k=2)
    assert len(answer.results) == 2
    assert answer.results[0].score >= answer.results[1].score


def test_unmatched_words_are_reported(engine: Parley):
    answer = engine.ask("Ukraine zanzibar")
    assert answer.results and "zanzibar" in answer.unmatched_words


def test_a_place_found_through_its_adjective_is_not_reported_unmatched(engine: Parley):
    answer = engine.ask("did anyone mention crimea")  # the seed writes "the Crimean peninsula"
    assert answer.results and "Crimean" in answer.results[0].passage.text
    assert "crimea" not in answer.unmatched_words


def test_speakers_are_listed_with_roles_and_counts(engine: Parley):
    rows = {r.speaker.name: r for r in engine.speakers()}
    assert rows["Mevlut Çavuşoğlu"].statements == 4
    assert rows["Recep Tayyip Erdogan"].direct == 2
    assert rows["Kaja Kallas"].speaker.role == "Estonia's Prime Minister"
    assert "Vladimir Putin" not in rows


def test_quotes_lists_every_statement_in_order(engine: Parley):
    quotes = engine.quotes("Erdogan")
    assert [p.index for _, p, _ in quotes.statements] == [10, 11, 11]
    assert engine.quotes("Putin").speaker is None
    assert engine.quotes("").message


def test_words_found_apart_are_not_a_name_that_appears(engine: Parley):
    # "nobody" and "here" both occur in the article, but never as the name "Nobody Here".
    answer = engine.ask("war", speaker="Nobody Here")
    assert answer.claim.kind == "closest" and answer.speaker is None


def test_a_place_that_is_named_but_never_speaks_gets_the_closest_passages(engine: Parley):
    answer = engine.ask("What did the Dolmabahce Palace say?")
    assert answer.claim.kind == "closest" and answer.speaker is None
    assert "Dolmabahce" in answer.results[0].passage.text


@pytest.mark.parametrize("question", ["What did Mark Zuckerberg say?", "what did lavrov say"])
def test_a_name_in_no_article_is_said_to_be_absent(engine: Parley, question):
    answer = engine.ask(question)
    assert answer.claim.kind == "absent" and answer.results == ()
    assert answer.message.startswith("Nobody called")


@pytest.mark.parametrize("question", [
    "what did the turkish leader say the world is waiting for",  # "Turkish President …"
    "What did the Ukrainian leader say?",  # "leader" is in no article of the seed
])
def test_a_description_with_words_of_the_articles_is_never_nobody(engine: Parley, question):
    answer = engine.ask(question)
    assert answer.claim.kind == "closest" and answer.results
    assert not answer.message.startswith("Nobody called")


def test_who_is_quoted_most_answers_from_the_speaker_directory(engine: Parley):
    answer = engine.ask("Who is quoted most?")
    assert answer.intent == "speakers" and answer.results == ()
    assert answer.message.startswith("Most quoted in the articles: Mevlut Çavuşoğlu")


@pytest.mark.parametrize("question", ["who is kallas", "Who is the prime minister?"])
def test_who_is_gives_role_statements_and_articles(engine: Parley, question):
    answer = engine.ask(question)
    assert answer.intent == "speakers" and answer.speaker.name == "Kaja Kallas"
    assert answer.message.startswith("Kaja Kallas (Estonia's Prime Minister): 1 statement "
                                     "(1 quoted, 0 reported) in 1 article")


def test_who_spoke_about_is_a_who_said_question(engine: Parley):
    answer = engine.ask("Who spoke about a fair peace?")
    assert answer.claim.kind == "said" and answer.speaker.name == "Recep Tayyip Erdogan"


@pytest.mark.parametrize("question", ["what is it", "And then?", "who was it"])
def test_a_question_of_only_common_words_says_so(engine: Parley, question):
    answer = engine.ask(question)
    assert answer.results == () and answer.message.startswith("Your question has only common")


def test_no_result_scoring_zero_is_offered_and_the_missing_word_named(engine: Parley):
    answer = engine.ask("Who said the talks were constructive?")
    assert answer.results == () and answer.message == (
        "Parley finds no statement that says that: \u201cconstructive\u201d is in none of the "
        "articles.")


def test_words_in_exactly_half_the_passages_are_said_to_weigh_nothing(engine: Parley):
    answer = engine.ask("talks")  # in 6 of the 12 passages: BM25Okapi's IDF is 0
    assert answer.results == () and "tell none apart" in answer.message


def test_near_copies_of_a_passage_are_shown_once(tmp_path):
    story = ("Grain talks\n\nThe minister said grain exports through the Black Sea corridor "
             "would resume {} once the insurers, the port authorities and the navy had agreed "
             "on how the ships would be inspected before they sailed.")
    (tmp_path / "a.txt").write_text(story.format("on Monday"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(story.format("on Tuesday"), encoding="utf-8")
    (tmp_path / "c.txt").write_text("Port news\n\nDock workers loaded grain in the corridor "
                                    "port, officials said.", encoding="utf-8")
    engine, _ = open_parley([tmp_path], IndexOptions(cache_dir=tmp_path.parent / "cache"))
    texts = [h.passage.text for h in engine.ask("grain exports corridor", top_k=5).results]
    assert sum("would resume" in t for t in texts) == 1 and any("Dock" in t for t in texts)


def test_a_phrase_in_the_articles_with_nothing_to_show_is_never_claimed_absent(engine: Parley):
    # "talks" is in half the passages (no BM25 weight), so nothing is shown; it still appears.
    answer = engine.ask("What did talks say?")
    assert answer.results == () and answer.claim.kind == "closest"
    assert answer.message.startswith("\u201ctalks\u201d appears in the articles")


def test_a_country_stands_for_its_government_not_for_bodies_named_after_it(tmp_path):
    (tmp_path / "uk.txt").write_text(
        "Trade news\n\n"
        "Britain said it would cut tariffs on steel next year.\n\n"
        "The British Chambers of Commerce said exports had slowed.\n\n"
        "London mayor Ken Livingstone said the city would bid again.\n\n"
        "London Irish said their coach would stay.\n\n"
        "British Foreign Secretary Jack Straw said talks would go on.\n",
        encoding="utf-8")
    engine, _ = open_parley([tmp_path], IndexOptions(cache_dir=tmp_path.parent / "cache"))
    fits = {m.group.speaker.name for m in engine.finder.find("britain")}
    assert "Britain" in fits and "Jack Straw" in fits
    assert not fits & {"British Chambers", "Ken Livingstone", "London Irish"}


@pytest.mark.parametrize(("question", "intent"), [
    ("Kallas on the agreement", "speaker"),      # a speaker's name, then the topic
    ("erdogan about a fair peace", "speaker"),
    ("sanctions on Russian banks", "search"),    # no speaker called "sanctions"
    ("talks on a ceasefire", "search"),
])
def test_a_name_then_a_topic_is_a_speaker_question_only_for_a_known_name(
        engine: Parley, question: str, intent: str):
    assert engine.ask(question).intent == intent


def test_a_hit_shows_the_clause_whose_content_matches_not_the_speakers_name(
        tmp_path_factory: pytest.TempPathFactory):
    from tests.retrieval.answering.small_corpus import parley_over

    parley = parley_over(tmp_path_factory, {
        "war.txt": "Front line\n\nUkraine said it was holding the line in the east, while "
                   "Moscow said it had diminished the Ukrainian armed forces.",
        "other.txt": "Other news\n\nThe weather was fine.\n\nCarl Dean said the match was dull."})
    answer = parley.ask("who said ukraine's army was worn down")  # only "ukraine" held
    shown = [h for h in answer.results if h.passage.document == "war"]
    assert shown and shown[0].speaker is not None and shown[0].speaker.name == "Moscow"
