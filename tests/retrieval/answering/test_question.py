"""What a question asks for, as the parser reads it."""
from __future__ import annotations

import pytest

from retrieval.answering.question import name_led, name_then_topic, parse_question


@pytest.mark.parametrize(("question", "topic"), [
    ("Who said the talks were constructive?", "the talks were constructive"),
    ("Who complained that UKIP had gone too far?", "UKIP had gone too far"),
    ("who accused the chancellor of dodging hard decisions", "the chancellor of dodging "
                                                             "hard decisions"),
    ("Who warned about a recession?", "warned about a recession"),  # the act (object_verbs)
    ("Which minister insisted the plan would work?", "the plan would work"),
    ("who reckons the two were at odds", "the two were at odds"),
    ("who hit back that it's easy to criticise", "it's easy to criticise"),
    ("Who ridiculed the idea?", "ridiculed the idea"),  # the verb is asked too (content_verbs)
    ("was anything said about the Donbas region?", "the Donbas region"),
    ("anything said about red tape", "red tape"),
    ("who pointed out that TB cases are rising", "TB cases are rising"),  # a two-word cue
    ("who made it clear the deal was off", "the deal was off"),
    ("who would rather people sent handwritten cards", "people sent handwritten cards"),
    ("who expressed doubts about the deal", "doubts about the deal"),
    ("who was critical of the deal", "the deal"),
    ("who apologised for the remarks", "apologised for the remarks"),
    ("what was said about the delay", "the delay"),
    # who felt so: who said so, the feeling asked too
    ("who was baffled that labour snubbed blackpool", "baffled that labour snubbed blackpool"),
    ("Who is worried about the deal?", "worried about the deal"),
    ("who seemed very surprised by the result", "surprised by the result"),
])
def test_who_with_any_speech_verb_of_the_lexicon_asks_who_said(question: str, topic: str):
    parsed = parse_question(question)
    assert parsed.intent == "who_said" and parsed.topic == topic


@pytest.mark.parametrize("question", ["Who is Kaja Kallas?", "who won the cup",
                                      "Who hosted the talks?",  # not a speech verb
                                      # the words after "which" describe the speaker
                                      "which family member said she felt relieved"])
def test_who_without_a_speech_verb_is_not_who_said(question: str):
    assert parse_question(question).intent != "who_said"


@pytest.mark.parametrize(("question", "split"), [
    ("mark oaten on the anti terror bill", ("mark oaten", "the anti terror bill")),
    ("Kallas about the agreement?", ("Kallas", "the agreement")),
    ("agassi after losing to melzer", ("agassi", "losing to melzer")),
    ("what the six speakers of the long list said on tuesday about the war", None),
    ("sanctions", None),
])
def test_a_name_then_what_about_is_split_for_the_engine_to_check(question: str, split):
    assert name_then_topic(question) == split


@pytest.mark.parametrize(("question", "speaker", "topic"), [
    ("what are ukraine's allies saying about putin", "ukraine's allies", "putin"),
    ("What are the unions saying about pensions?", "the unions", "pensions"),
    ("what did Kallas say about the agreement", "Kallas", "the agreement"),
    ("what is turkcell warning about its iran deal", "turkcell", "its iran deal"),
    ("what was the minister suggesting about fees", "the minister", "fees"),
    ("what did Kallas have to say about the agreement", "Kallas", "the agreement"),
    ("what has Kallas been saying about the deal", "Kallas", "the deal"),
    ("what was kallas's reaction to the talks", "kallas", "the talks"),
    ("what was the minister's warning about the deal", "the minister", "the deal"),
    ("what reason did the minister give for the delay", "the minister", "the delay"),
    ("what does the minister make of the deal", "the minister", "the deal"),
    ("did the minister say anything about the delay", "the minister", "the delay"),
    ("what did Jones' lawyer say", "Jones' lawyer", ""),
])
def test_what_a_speaker_is_saying_asks_for_their_statements(question: str, speaker: str,
                                                            topic: str):
    parsed = parse_question(question)
    assert (parsed.intent, parsed.speaker, parsed.topic) == ("speaker", speaker, topic)
    assert not parsed.loose


@pytest.mark.parametrize(("question", "speaker", "topic"), [
    ("According to Kallas, what is the agreement?", "Kallas", "what is the agreement"),
    ("according to turkey's foreign minister how far did the talks get",
     "turkey's foreign minister", "how far did the talks get"),
    ("why did ask jeeves buy bloglines according to its vice president of search",
     "vice president of search", "why did ask jeeves buy bloglines"),
    ("how does Kallas feel about the agreement", "Kallas", "the agreement"),
    ("is the minister worried about the deal", "the minister", "the deal"),
    # any speech verb of the lexicon: loose, as "what did the survey find" reports a finding
    ("did the liverpool manager blame his keeper for the goal", "the liverpool manager",
     "his keeper for the goal"),
    ("what did Kallas point out about the deal", "Kallas", "the deal"),
    ("did Kallas highlight the risks", "Kallas", "the risks"),
    ("what did the survey find about broadband", "the survey", "broadband"),
])
def test_according_to_x_and_how_x_feels_ask_for_x_when_x_speaks(question: str, speaker: str,
                                                                 topic: str):
    parsed = parse_question(question)  # loose: a plain search when X fits no speaker
    assert (parsed.intent, parsed.speaker, parsed.topic, parsed.loose) == (
        "speaker", speaker, topic, True)


@pytest.mark.parametrize(("question", "speaker", "topic"), [
    ("kallas's comments on the deal", "kallas", "the deal"),
    ("the england coach's view of the defeat", "the england coach", "the defeat"),
])
def test_their_comments_on_a_topic_ask_for_the_speaker(question: str, speaker: str, topic: str):
    parsed = parse_question(question)  # loose: a plain search when X fits no speaker
    assert (parsed.intent, parsed.speaker, parsed.topic, parsed.loose) == (
        "speaker", speaker, topic, True)


@pytest.mark.parametrize(("question", "first"), [
    ("michael owen happy at real madrid", ("michael owen happy at", "real madrid")),
    ("keith wood thinks ireland can win", ("keith wood thinks ireland", "can win")),
])
def test_a_topic_after_a_name_is_split_every_way_longest_first(question: str, first):
    splits = name_led(question)
    assert splits[0] == first and len(splits) == 3
    assert splits[-1][0].count(" ") == 1  # down to two words


def test_a_speech_verb_opening_the_rest_is_dropped():
    assert ("keith wood", "ireland can win") in name_led("keith wood thinks ireland can win")


def test_what_something_is_stays_a_search():
    assert parse_question("what are the prospects for peace").intent == "search"


@pytest.mark.parametrize(("question", "speaker"), [
    # "state" is a speech verb, but an article alone is never the speaker
    ("what did the state environmental protection agency say about the dam",
     "the state environmental protection agency"),
    ("what did the state say about the dam", "the state"),
])
def test_an_article_alone_is_never_the_speaker(question: str, speaker: str) -> None:
    assert parse_question(question).speaker == speaker


@pytest.mark.parametrize(("question", "speaker", "topic", "loose"), [
    # a lexicon verb leading into its topic comes first: X is who hinted, not who called
    ("what did the former home secretary hint about when the election would be called",
     "the former home secretary", "when the election would be called", True),
    ("what did the chairman concede on the pay deal they had called unfair",
     "the chairman", "the pay deal they had called unfair", True),
    # a lexicon word leading into no topic is part of X
    ("what did the head of the appeal say about the fund", "the head of the appeal",
     "the fund", False),
    ("what did the editor of the report say about fees", "the editor of the report", "fees",
     False),
])
def test_the_first_speech_verb_leading_into_a_topic_ends_the_speaker(
        question: str, speaker: str, topic: str, loose: bool):
    parsed = parse_question(question)
    assert (parsed.intent, parsed.speaker, parsed.topic, parsed.loose) == (
        "speaker", speaker, topic, loose)


@pytest.mark.parametrize(("question", "speaker", "topic"), [
    ("how much did the chancellor say the debt freeze would save", "the chancellor",
     "the debt freeze would save"),
    # the thing counted is part of what was said about
    ("how much progress did turkey's foreign minister say the talks had made",
     "turkey's foreign minister", "progress the talks had made"),
    ("how many people did the police say were hurt", "the police", "people were hurt"),
])
def test_how_much_x_said_asks_for_x_on_the_thing_counted(question: str, speaker: str,
                                                          topic: str):
    parsed = parse_question(question)
    assert (parsed.intent, parsed.speaker, parsed.topic) == ("speaker", speaker, topic)
    assert parsed.loose  # "the police" may be no speaker: then a search, figures first


@pytest.mark.parametrize("question", [
    "how much can people claim in damages under california's spyware law",
    "how many jobs went",
])
def test_how_much_with_no_speaker_saying_it_stays_a_search(question: str):
    assert parse_question(question).intent == "search"
