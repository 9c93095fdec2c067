"""A "who said Y?" claim is held by what the speaker said, never by the narration that frames
it: "The dollar's slide against the euro has halted after John Snow said a strong dollar
was in America's interest" does not have Snow say the euro was too strong."""
from __future__ import annotations

import pytest

from corpus.models import Passage, Sentence, Speaker
from retrieval.answering.engine import Parley
from retrieval.answering.said_part import said_text
from tests.retrieval.answering.small_corpus import parley_over


def _said(text: str, name: str, role: str | None = None, kind: str = "reported") -> str:
    sentence = Sentence(text, 0, len(text), Speaker(name, role), kind)  # type: ignore[arg-type]
    return " ".join(said_text(Passage("a", 1, text, (sentence,)), sentence).split())


@pytest.mark.parametrize(("text", "name", "said"), [
    # after BBC business/097: the narration before "X said" is no part of it
    ("The dollar's slide against the euro has halted after Treasury Secretary John Snow "
     "said a strong dollar was \"in America's interest\".", "John Snow",
     "said a strong dollar was \"in America's interest\"."),
    # the speaker's apposition before the verb: what follows the verb is what was said
    ("Stephen Schechter, a banker who has held talks with the club, said the club needs "
     "35m euros.", "Stephen Schechter", "said the club needs 35m euros."),
    # a clause of its own before the frame: what follows the verb is what was said
    ("After losing in the first round last year, Lee said he had given up on grass and "
     "winning a title has not changed his mind.", "Ann Lee",
     "said he had given up on grass and winning a title has not changed his mind."),
    ("When the vote was over, the minister said the result was a surprise to everyone.",
     "Ann Lee", "said the result was a surprise to everyone."),
    # a frame that closes the sentence: what comes before it
    ("The plans would help tackle obesity, he said.", "David Davis",
     "The plans would help tackle obesity said"),
    ("Services only add to people's reluctance to send them, said Mr Jain.", "Sanjay Jain",
     "Services only add to people's reluctance to send them said"),
    ("Profits rose, she said, adding that costs fell.", "Ann Lee",
     "Profits rose said adding that costs fell."),
    ("Profits rose, said Ann Lee, chief executive of Acme.", "Ann Lee", "Profits rose said"),
    ("Costs will fall sharply next year, the firm said in a statement.", "Acme",
     "Costs will fall sharply next year said"),
    # a clause of its own after the narration: "Y, while X said Z" (after BBC business/339)
    ("Mallya set up Kingfisher Airlines, while entrepreneur Richard Branson has said he is "
     "keen to start an airline.", "Richard Branson", "said he is keen to start an airline."),
    ("Ubisoft, a games publisher, has tried to stay independent since Electronic Arts "
     "announced plans to buy a stake.", "Electronic Arts", "announced plans to buy a stake."),
    ("The ONS (a statistics office) moved spending on roads - shortly before the chancellor "
     "announced he would meet his rule.", "Gordon Brown",
     "announced he would meet his rule."),
    # figures are no boundary: "1,088", "9:05"
    ("Shares in Cairn rose 3.8% to 1,088 pence after the UK firm announced a fresh gas "
     "discovery in India.", "Cairn Energy", "announced a fresh gas discovery in India."),
    # the sentence's own verb after a short subject, not one inside what was said
    ("The 27-year-old believes doping is so common in sport she felt compelled to cheat.",
     "Kelli White", "believes doping is so common in sport she felt compelled to cheat."),
    # the verb of the frame is the act done
    ("But the Conservatives warned of rising obesity levels.", "Conservatives",
     "warned of rising obesity levels."),
    # not sure which side is what was said: the whole sentence, as before
    ("According to Ann Lee, profits rose.", "Ann Lee", "According to Ann Lee, profits rose."),
    ("On Monday, Ann Lee said profits rose.", "Ann Lee", "On Monday, Ann Lee said profits rose."),
    ("Profits rose, said the firm's chief executive.", "Ann Lee",
     "Profits rose, said the firm's chief executive."),
])
def test_what_was_said_leaves_out_the_narration_around_it(text: str, name: str, said: str):
    assert _said(text, name) == said


def test_a_quotation_is_its_quoted_words():
    text = "\"We will all become obese,\" he told the BBC News website."
    assert _said(text, "Martin Larsson", kind="direct") == "We will all become obese,"


# After BBC business/097 and business/193: the narration of one story holds "euro", a
# banker's statements hold "euros" and "strong" in two sentences about other things.
ARTICLES = {
    "a.txt": "Dollar call halts slide\n\nThe dollar's slide against the euro has halted "
             "after Treasury Secretary John Snow said a strong dollar was \"in America's "
             "interest\".",
    "b.txt": "Club near bust\n\nThe club posted a record loss. Stephen Schechter, a banker "
             "who has held talks with the club, said the club needs a capital injection of "
             "35m euros. \"They need strong people on the board,\" he said.",
    "c.txt": "Other news\n\nThe weather was fine.\n\nCarl Dean said the match was dull.\n\n"
             "Dan Fox said the pitch was wet.",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Parley:
    return parley_over(tmp_path_factory, ARTICLES)


def test_narration_around_a_statement_makes_no_claim(engine: Parley):
    answer = engine.ask("who said the dollar's slide against the euro had halted")
    assert answer.claim.kind != "said"


def test_a_statement_saying_it_is_still_claimed(engine: Parley):
    answer = engine.ask("who said a strong dollar was in america's interest")
    assert answer.claim.kind == "said"
    assert answer.speaker is not None and answer.speaker.name == "John Snow"


def test_a_predicate_is_claimed_only_in_a_sentence_with_its_subject(engine: Parley):
    # the banker says "35m euros" in one sentence and "strong people" in the next
    answer = engine.ask("who said the euro was too strong")
    assert answer.claim.kind != "said"
