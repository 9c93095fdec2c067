"""Speaker frames from the BBC folder (issue 12, attr11): interview blocks, a name set
after its role by a comma, an indefinite description after the verb, a participle after
an opening clause, an "it" for the organisation just named as subject, and a passive
naming with its giver after "by". Each rule with real prose (BBC articles other than the
ones that prompted it) and with prose where it must not fire."""
from __future__ import annotations

import pytest

from tests.corpus.attributed import attribute, speakers


# sport/095, sport/180: a match preview's interview blocks, a dash, the role and the name,
# a colon and the quotation, with no verb; the run after it is the same person's
@pytest.mark.parametrize("paragraph, expected", [
    ('- Brentford boss Martin Allen: "After conceding eight goals in our last three '
     "matches, I have to admit I'm not very confident. \"There's no doubt we're the "
     'underdogs."', ["Martin Allen", "Martin Allen"]),
    ('- Manchester United coach Sir Alex Ferguson: "It was a fantastic performance by us. '
     "In fairness I think Everton have missed a couple of players.\" - Everton boss David "
     'Moyes: "We were beaten by the better side."',
     ["Alex Ferguson", "Alex Ferguson", "David Moyes"]),
    # a dash before narration, and a colon before no quotation, give nobody a statement
    ("- Rovers, who are aiming to win the Cup for a seventh time, face another replay.",
     [None]),
    ("- KEY MATCH STATS: Blackburn have won three of their last four games.", [None]),
])
def test_interview_block_after_a_dash(paragraph: str, expected: list[str | None]) -> None:
    assert speakers(paragraph) == expected


@pytest.mark.parametrize("paragraphs, expected", [
    # tech/251, politics/246, tech/208: the name after the role and a comma speaks
    (['"There are no technical or economic reasons for not providing equivalent access to '
      'services for deaf people," said RNID technology director, Guido Gybels.'],
     "Guido Gybels"),
    (["The figures were published on Thursday.",
      'But the percentage of poorer students "hardly changed at all", said its chief '
      "executive, Sir Howard Newby."], "Howard Newby"),
    (['"This picture was the story", said De Telegraaf\'s image editor, Peter Schoonen.'],
     "Peter Schoonen"),
    # a role with no name after its comma stays the role
    (['"We will appeal," said a club spokesman, adding that the player was upset.'],
     "A club spokesman"),
])
def test_name_after_a_role_and_a_comma_speaks(paragraphs: list[str],
                                              expected: str | None) -> None:
    assert speakers(*paragraphs)[-1] == expected


def test_name_after_a_role_keeps_the_role() -> None:
    from corpus.build import attribute_article
    from corpus.loader import RawArticle
    article = attribute_article(RawArticle(
        "t", "t.txt", "A headline", ('"This picture was the story", said De Telegraaf\'s '
                                     "image editor, Peter Schoonen.",)))
    speaker = article.passages[1].sentences[0].speaker
    assert speaker is not None and speaker.role == "De Telegraaf's image editor"


@pytest.mark.parametrize("paragraphs, expected", [
    # politics/318: an indefinite description after the verb is a vague source of its own
    (["Labour's choice of a white candidate for one of the UK's most multi-racial seats "
      "proves the need for all-black short lists, says a race group."],
     ("a race group", "vague")),
    # news style: a person noun, or any noun a "who" clause takes up; never the
    # organisation the article named before
    (["Preventon sells security software.",
      '"We never open attachments now," said one retired teacher who uses the internet '
      "daily."], ("one retired teacher", "vague")),
    (["The council has closed the road.", '"It is a disaster for us," said a local '
                                          "shopkeeper."], ("a local shopkeeper", "vague")),
    # a time after the verb, or a document, is no person
    (['"We will see," said a day later.'], (None, None)),
])
def test_indefinite_description_after_the_verb_is_a_vague_speaker(
        paragraphs: list[str], expected: tuple[str | None, str | None]) -> None:
    who, kind, _ = attribute(*paragraphs)[-1]
    assert (who, kind) == expected


@pytest.mark.parametrize("paragraph, expected", [
    # politics/189: ", saying:" with the colon straight after the participle
    ('Earlier Tory leader Michael Howard sent Mr Bush his "warmest congratulations", saying: '
     '"We look to the president to be a unifying force."', ("Michael Howard", "direct")),
    # an opening time clause before the named subject (news style)
    ('When the verdict was read out, Mr Jenkins hugged his wife, saying: "Justice has been '
     'done."', ("Jenkins", "direct")),
    ("After the vote, Mrs Moore thanked her supporters, adding that the fight would go on.",
     ("Moore", "reported")),
    # a description as subject is the resolver's guess, never taken here
    ('The firm issued a statement, adding: "We are disappointed."', (None, None)),
])
def test_participle_after_an_opening_clause(paragraph: str,
                                            expected: tuple[str | None, str | None]) -> None:
    who, _, kind = attribute(paragraph)[-1]
    assert (who, kind) == expected


@pytest.mark.parametrize("paragraphs, expected", [
    # business/289, tech/370, business/462: "it" for the organisation named as the
    # subject of the sentence before, when no organisation spoke
    (['The UK manufacturing sector will continue to face "serious challenges" over the next '
      "two years, the British Chamber of Commerce (BCC) has said.",
      "The group's quarterly survey of companies found exports had picked up. However, the "
      'BCC found the whole UK economy still faced "major risks" and warned that growth is '
      "set to slow. It recently forecast economic growth will slow."], "BCC"),
    (["The Electronic Frontier Foundation, a civil rights watchdog, is also defending "
      "StreamCast Networks. The case raises a question of critical importance, it said."],
     "Electronic Frontier Foundation"),
    # business/078: "The US firm" only qualifies the noun, which is the subject
    (["The US firm is thought to be offering about $2bn. It has argued the deal was "
      "voided."], None),
    # the organisation named before someone else spoke is too far
    (["The European Commission fined Microsoft last year. Mr Smith, a lawyer, said the "
      "fine was fair. It said it would appeal."], None),
])
def test_it_after_an_organisation_named_as_subject(paragraphs: list[str],
                                                   expected: str | None) -> None:
    assert speakers(*paragraphs)[-1] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # politics/146, politics/207, entertainment/153: a passive naming, its giver after "by"
    ("Plans to allow foreign nuclear waste to be permanently stored in the UK have been "
     'branded "deeply irresponsible" by the Liberal Democrats.', "Liberal Democrats"),
    ("Reports that Tony Blair is planning a snap general election have been described as "
     '"idle speculation" by Downing Street.', "Downing Street"),
    ("Their double CD album, which saw Andre 3000 and Big Boi each produce one disc, was "
     "hailed as the album of 2003 by many critics.", "critics"),
    # a judge giving a name to the person named is someone else, never that person
    ('Smith, who ran the scheme for years, was called "a ruthless fraudster" by the trial '
     "judge.", "the trial judge"),
    # "called as" a witness, and a plain passive, name nothing
    ("Mr Brown was called as a witness by the prosecution.", None),
    ("The report was written by a team of economists.", None),
])
def test_passive_naming_is_the_givers_words(paragraph: str, expected: str | None) -> None:
    assert speakers(paragraph)[0] == expected
