"""Role phrases fit a speaker as the sentence they say describes them: shortened words,
initials, and words of that sentence, never a head noun the speaker only talks about."""
from __future__ import annotations

import pytest

from corpus.models import Speaker
from retrieval.answering.engine import Parley
from retrieval.answering.role_fit import fits, head_of, shortens
from tests.retrieval.answering.small_corpus import parley_over

OATEN = Speaker("Mark Oaten", "Liberal Democrat's shadow home secretary")


@pytest.mark.parametrize(("phrase", "speaker", "sentence", "fit"), [
    ("the lib dem shadow home secretary", OATEN, "", True),
    ("the man utd manager", Speaker("Alex Ferguson", "Manchester United manager"), "", True),
    ("the Mobile Data Association's chairman", Speaker("Mike Short", "MDA's chairman"), "",
     True),
    ("the department of trade and industry", Speaker("DTI", None, "organisation"), "", True),
    # initials typed for the body the role writes out
    ("the rfu's referees manager",
     Speaker("Colin Bell", "Rugby Football Union's referees' manager"), "", True),
    ("the rfu's referees manager", Speaker("Colin Bell", "Rugby Union's referees' manager"),
     "", False),
    ("the head of the national hi-tech crime unit", Speaker("Mick Deats", "head of the NHTCU"),
     "", True),
    ("mittal steel's chief executive", Speaker("Lakshmi Mittal", "chief executive"),
     "Mittal Steel could cut jobs, its chief executive has said.", True),
    ("mittal steel's chief executive", Speaker("Lakshmi Mittal", "chief executive"),
     "The firm could cut jobs, its chief executive has said.", False),
    ("the home secretary", Speaker("Tony Blair", "prime minister"),
     "Mr Blair said the home secretary was wrong.", False),
    ("the tory shadow home secretary", OATEN, "", False),
    ("the home secretary", OATEN, "", False),  # the shadow one is another office
    ("the chancellor", Speaker("Oliver Letwin", "shadow chancellor"), "", False),
    ("the deputy prime minister", Speaker("John Prescott", "Deputy Prime Minister"), "", True),
    # a shadow office only in the sentence: the chancellor speaking of the shadow one
    ("the shadow chancellor", Speaker("Gordon Brown", "UK Chancellor of the Exchequer"),
     "Mr Brown said shadow chancellor Oliver Letwin's cuts would hurt schools.", False),
    ("the former chairman", Speaker("Ken Bates", "chairman"),
     "Ken Bates said the former chairman had left the club in debt.", False),
    # "Lord" is a peer's title as well as an office's word
    ("lord holme", Speaker("Richard Holme"), "Lord Holme said either way would be better.",
     True),
    # no role kept: the head in the words the sentence sets beside the name
    ("federated's chairman", Speaker("Terry Lundgren"),
     '"We have taken the first step," said Terry Lundgren, Federated\'s chairman.', True),
    ("federated's chairman", Speaker("Terry Lundgren"),
     "Federated chairman Terry Lundgren said the deal was good.", True),
    ("the european airlines association", Speaker("Ulrich Schulte-Strathaus"),
     '"Why target the airlines?" said Ulrich Schulte-Strathaus, secretary general of the '
     "Association of European Airlines.", True),
    ("the home secretary", Speaker("John Smith"),
     "The home secretary was wrong, said Mr Smith.", False),  # not the subject: no apposition
    ("the home secretary", Speaker("John Smith"),
     "Mr Smith said the home secretary was wrong.", False),
    ("federated's chairman", Speaker("Terry Lundgren"),
     "Terry Lundgren said Federated's chairman was wrong.", False),
    ("ukip's scottish chairman", Speaker("Peter Nielson"),
     "Peter Nielson, who is UKIP Scotland chairman, said he would stay.", True),
    ("the british number one", Speaker("Tim Henman"),
     "British number one Tim Henman, who retired this year, believes Britain can win.", True),
    ("the talks", Speaker("Recep Tayyip Erdogan"),  # a clause, not a description
     "The sides were urged by Recep Tayyip Erdogan, who was hosting the talks, to meet.", False),
])
def test_a_role_phrase_fits_as_the_speaker_is_described(phrase, speaker, sentence, fit):
    assert fits(phrase, speaker, sentence) is fit


_AROUND = ("Arsenal manager Arsene Wenger has signed a new deal. Chairman Peter Hill said: "
           '"We are delighted."')


@pytest.mark.parametrize(("phrase", "speaker", "fit"), [
    ("arsenal's chairman", Speaker("Peter Hill", "Chairman"), True),  # the bare head
    ("arsenal's chairman", Speaker("Peter Hill", "Chelsea chairman"), False),  # another body
    ("arsenal's chairman", Speaker("Peter Hill", "vice-chairman"), False),
    ("arsenal's manager", Speaker("Peter Hill", "Chairman"), False),  # not their head
])
def test_a_bare_role_is_held_at_the_body_its_passage_names(phrase, speaker, fit):
    assert fits(phrase, speaker, 'Chairman Peter Hill said: "We are delighted."', _AROUND) is fit


_FESTIVAL = ("The Skerra folk festival sold out in a day. \"We are thrilled,\" said artistic "
             "director Jean Muir, who takes over the chief executive's job next year.")


@pytest.mark.parametrize(("phrase", "speaker", "fit"), [
    # a role of the phrase's own words, the rest (the event) named in the passage
    ("the skerra folk festival artistic director", Speaker("Jean Muir", "artistic director"),
     True),
    ("the director of the skerra festival", Speaker("Jean Muir", "director"), True),
    # a role naming a body the phrase does not is no such role
    ("the skerra folk festival artistic director",
     Speaker("Jean Muir", "Edinburgh festival artistic director"), False),
    # what the phrase adds must be in the passage
    ("the bute folk festival artistic director", Speaker("Jean Muir", "artistic director"),
     False),
    # the head must be the role's own
    ("the skerra folk festival chief executive", Speaker("Jean Muir", "artistic director"),
     False),
])
def test_a_role_of_the_phrases_own_words_is_held_at_what_its_passage_names(
        phrase, speaker, fit):
    assert fits(phrase, speaker, '"We are thrilled," said artistic director Jean Muir.',
                _FESTIVAL) is fit


@pytest.mark.parametrize(("short", "word", "shortened"), [
    ("utd", "united", True), ("lib", "liberal", True), ("govt", "government", True),
    ("st", "saint", False), ("dem", "made", False), ("united", "united", False),
])
def test_a_shortening_is_a_prefix_or_the_letters_in_order(short, word, shortened):
    assert shortens(short, word) is shortened


@pytest.mark.parametrize(("phrase", "head"), [
    ("the chair of the judges", "chair"), ("the man utd manager", "manager"),
    ("Turkey's foreign minister", "minister"), ("the", None),
])
def test_the_head_of_a_role_phrase_is_its_last_noun_before_of(phrase, head):
    assert head_of(phrase) == head


ARTICLES = {
    "a.txt": "Bill row\n\nLiberal Democrat shadow home secretary Mark Oaten said the bill "
             "was wrong on deportation.\n\nMr Oaten said later that he would vote against it.",
    "b.txt": "Cup tie\n\nManchester United manager Alex Ferguson said Vieira was wound up.\n\n"
             "Alex Ferguson said the team would rest on Sunday.",
    "c.txt": "Store deal\n\n\"We have taken the first step toward combining two store "
             "companies,\" said Terry Lundgren, Federated's chairman.",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


@pytest.mark.parametrize(("question", "speaker"), [
    ("what did the lib dem shadow home secretary say about deportation", "Mark Oaten"),
    ("what did the man utd manager say about vieira", "Alex Ferguson"),
    # kept with no role: "Federated's chairman" is the apposition beside his name
    ("what did federated's chairman say about the store companies", "Terry Lundgren"),
])
def test_a_role_the_directory_lacks_finds_the_speaker_its_sentence_describes(
        engine: Parley, question: str, speaker: str):
    answer = engine.ask(question)
    assert [c.speaker.name for c in answer.claim.candidates] == [speaker]
    assert answer.results[0].speaker is not None
    assert answer.results[0].speaker.name == speaker


def test_a_topic_none_of_their_statements_holds_shows_their_statements_as_such(
        engine: Parley):
    answer = engine.ask("What did Alex Ferguson say about the weather?")
    assert answer.claim.kind == "closest" and answer.speaker is None
    assert answer.message.startswith("No statement by Alex Ferguson")
    assert answer.results and all(h.speaker is not None and h.speaker.name == "Alex Ferguson"
                                  for h in answer.results)
