""""Who thanked fans?" asks for a statement that thanks fans, "who was worried about rates?"
for one that worries about them: the act is part of the question, and a statement is claimed
only when one of its sentences does what was asked."""
from __future__ import annotations

import pytest

from retrieval.answering.asked_act import holds_predicate
from retrieval.answering.content_verbs import ContentVerbsFileError, is_content_verb, parse
from retrieval.answering.engine import Parley
from retrieval.answering.question import parse_question
from tests.retrieval.answering.small_corpus import parley_over

# After real BBC prose (sport: a manager leaving; a club chairman on crowd trouble;
# entertainment: a frontman at an awards night).
ARTICLES = {
    "a.txt": "Manager resigns\n\nJack Bell said: \"I very much hope that the wonderful fans "
             "will respect my decision. I should like to thank the chairman for his "
             "understanding.\"",
    "b.txt": "Club denies claims\n\nChairman Tom Webb has denied the claims. He said the "
             "trouble was started by a visiting fan attacking a home fan.",
    "c.txt": "Awards night\n\nFrontman Ann Cole thanked fans for enduring rubbish gigs after "
             "the band won the prize.",
}
WITHOUT_ANSWER = {name: text for name, text in ARTICLES.items() if name != "c.txt"}


@pytest.mark.parametrize(("question", "topic"), [
    ("who thanked fans", "thanked fans"),
    ("Who criticised the referee after the defeat?", "criticised the referee after the defeat"),
    ("who accused the chancellor of dodging hard decisions",  # "said he dodged them"
     "the chancellor of dodging hard decisions"),
    ("who has praised the new stadium", "praised the new stadium"),
    ("Who said the fans were great?", "the fans were great"),  # "said" adds nothing
    ("who warned that prices would rise", "prices would rise"),  # introduces content
    ("who warned about obesity", "warned about obesity"),  # before a noun: the act
    ("who warned of rising prices", "warned of rising prices"),
    # a speech verb before a noun is the act asked about (object_verbs.tsv)
    ("who denied the claims", "denied the claims"),
    ("Who admitted the mistake?", "admitted the mistake"),
    ("who backed the plan", "backed the plan"),
    # a verb that turns round what it reports is asked before a clause too
    ("who denied that the talks had failed", "denied that the talks had failed"),
    ("who blamed the referee for the defeat", "the referee for the defeat"),  # says Y
])
def test_a_content_verb_stays_in_the_topic(question: str, topic: str):
    parsed = parse_question(question)
    assert parsed.intent == "who_said"
    assert parsed.topic == topic


@pytest.mark.parametrize(("form", "expected"), [
    ("thanked", True), ("Criticized", True), ("apologises", True), ("said", False),
    ("warned", False), ("denied", False),
])
def test_content_verb_forms_come_from_the_table(form: str, expected: bool):
    assert is_content_verb(form) is expected


def test_a_table_row_without_forms_names_its_line():
    with pytest.raises(ContentVerbsFileError, match="line 2"):
        parse(["# comment", "thank"])


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


def test_the_speaker_who_thanked_the_fans_is_claimed(engine: Parley):
    answer = engine.ask("who thanked fans")
    assert answer.claim.kind == "said"
    assert answer.speaker is not None and answer.speaker.name == "Ann Cole"


def test_fans_and_thanks_in_different_sentences_are_never_a_claim(
        tmp_path_factory: pytest.TempPathFactory):
    engine = parley_over(tmp_path_factory, WITHOUT_ANSWER)
    answer = engine.ask("who thanked fans")
    assert answer.claim.kind == "closest"
    assert answer.speaker is None
    assert answer.results  # the closest statements are still shown


def test_the_speaker_who_denied_the_claims_is_claimed(engine: Parley):
    answer = engine.ask("who denied the claims")
    assert answer.claim.kind == "said"
    assert answer.speaker is not None and answer.speaker.name == "Tom Webb"


def test_a_statement_holding_the_object_without_the_act_is_never_claimed(
        tmp_path_factory: pytest.TempPathFactory):
    engine = parley_over(tmp_path_factory, {
        "d.txt": "Singer's claims examined\n\nSinger Ann Cole said her claims about the "
                 "label were true and she would go to court."})
    answer = engine.ask("who denied the claims")
    assert answer.claim.kind != "said"


def test_a_content_verb_alone_claims_nobody(engine: Parley):
    answer = engine.ask("who thanked")
    assert answer.claim.kind != "said"


# After BBC prose: a rugby body's spokesman quoting another man's apology; an economist's
# concerns about other things than the rates he speaks of.
ACT_ARTICLES = {
    "d.txt": "Code breach\n\nAn IRB spokesman said: \"Should the union resolve it, as happened "
             "when the coach Matt Williams apologised for remarks made, it would be the end "
             "of the matter.\"",
    "e.txt": "Rates rise\n\n\"The bank is raising the interest rate gradually,\" said Sam Roe. "
             "\"There are still some concerns about oil and jobs,\" he added.",
    "f.txt": "Borrowers fret\n\nJane Doe said she was worried about interest rates rising.",
}


@pytest.fixture(scope="module")
def acts(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ACT_ARTICLES)


def test_a_quoted_act_by_someone_else_is_not_the_speakers(acts: Parley):
    answer = acts.ask("who apologised for the remarks")
    assert answer.claim.kind != "said"


@pytest.mark.parametrize(("question", "speaker"), [
    ("who was worried about interest rates", "Jane Doe"),  # the feeling and the rates together
    ("who was worried about oil", None),  # "concerns" is only a synonym, but said of oil ...
])
def test_a_feeling_is_claimed_only_in_a_sentence_with_what_it_is_about(
        acts: Parley, question: str, speaker: str | None):
    answer = acts.ask(question)
    claimed = answer.speaker.name if answer.claim.kind == "said" and answer.speaker else None
    assert claimed == speaker


@pytest.mark.parametrize(("topic", "statement", "held"), [
    # after BBC politics/170: every word of the question but its predicate
    ("hospital waiting times for patients in wales are to be cut",
     ["The problem was caused by the difference in waiting time targets for Welsh patients "
      "at the hospital."], False),
    ("waiting times in wales are to be cut", ["Waiting times will be cut, he said."], True),
    ("the talks were constructive", ["The talks were useful."], False),
    ("the talks went well", ["The talks were useful."], True),  # no auxiliary: no predicate
    # a synonym of the predicate counts only whole ("step forward" for "progress")
    ("the talks have progressed", ["The talks were a step forward."], True),
    ("the talks have progressed", ["The talks were a step in the dark."], False),
    # the predicate past a word of degree ("too"), said of the subject in one sentence
    ("the euro was too strong", ["Exporters say the euro is hurting them."], False),
    ("the euro was too strong", ["The euro is far too strong for exporters."], True),
    ("the euro was too strong",  # after BBC business/193: two sentences, other things
     ["said the club needs 35m euros.", "They need strong people on the board"], False),
    # a subject the statement names only by a pronoun (after BBC sport/286)
    ("waiting times are to be cut", ["They will be cut, he said."], True),
    ("france were very proud to beat england", ["But we're very proud to beat England."],
     True),
])
def test_a_claim_holds_the_predicate_the_question_states(topic: str, statement: list[str],
                                                         held: bool):
    assert holds_predicate(topic, statement) is held


# After BBC tech/220 ("we will all become virtually obese", of data storage) and
# politics/181 ("the Conservatives warned of rising obesity levels").
WARNINGS = {
    "a.txt": "Britons growing 'digitally obese'\n\n\"As storage grows, we will all become "
             "virtually obese,\" Martin Larsson told the BBC.",
    "b.txt": "School sport plan\n\nThe plan adds sport colleges. But the Conservatives warned "
             "of rising obesity levels and said the plan could not be guaranteed.",
    "c.txt": "Other news\n\nCarl Dean said the match was dull.\n\nDan Fox said the pitch was "
             "wet.",
}


@pytest.mark.parametrize(("articles", "speaker"), [
    (WARNINGS, "Conservatives"),
    ({k: v for k, v in WARNINGS.items() if k != "b.txt"}, None),  # obese, but no warning
])
def test_who_warned_about_a_noun_asks_for_a_warning(
        tmp_path_factory: pytest.TempPathFactory, articles: dict[str, str],
        speaker: str | None):
    answer = parley_over(tmp_path_factory, articles).ask("who warned about obesity")
    claimed = answer.speaker.name if answer.claim.kind == "said" and answer.speaker else None
    assert claimed == speaker

