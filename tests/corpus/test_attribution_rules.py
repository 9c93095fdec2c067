"""The attributor's rules on small articles written for each rule."""
from __future__ import annotations

from parley.corpus.build import attribute_article
from parley.corpus.loader import RawArticle


def attribute(*paragraphs: str, title: str = "A headline with no speaker"):
    article = attribute_article(RawArticle("t", "t.txt", title, tuple(paragraphs)))
    return [(s.text, s.speaker.name if s.speaker else None, s.kind)
            for p in article.passages[1:] for s in p.sentences]


def speakers(*paragraphs: str, title: str = "A headline with no speaker"):
    return [who for _, who, _ in attribute(*paragraphs, title=title)]


def test_quote_then_cue_then_name_is_direct_speech_of_that_name():
    rows = attribute('"We will win," said Jane Smith.')
    assert rows == [('"We will win," said Jane Smith.', "Jane Smith", "direct")]


def test_name_then_colon_then_quote_is_direct():
    assert attribute('Jane Smith said: "We will win."')[0][1:] == ("Jane Smith", "direct")


def test_reported_speech_with_that_clause():
    assert attribute("Jane Smith said that the plan would fail.")[0][1:] == \
        ("Jane Smith", "reported")


def test_according_to_names_the_source():
    assert speakers("Prices will rise, according to Tom Jones.") == ["Tom Jones"]


def test_passive_by_names_the_speaker():
    assert speakers("Voters were urged by Prime Minister Ann Lee to stay calm.") == ["Ann Lee"]


def test_apposition_between_name_and_verb():
    rows = attribute("David Frost, director general of the chambers, warned that firms "
                     "could suffer.")
    assert rows[0][1] == "David Frost"


def test_name_inside_a_quote_is_not_the_speaker():
    assert speakers('"Tony Blair said nothing new," Jane Smith said.') == ["Jane Smith"]


def test_mr_surname_resolves_to_the_full_name_met_earlier():
    assert speakers("Jane Smith said taxes would fall.", "Ms Smith added that it was fair.") \
        == ["Jane Smith", "Jane Smith"]


def test_surname_without_diacritics_is_the_same_person():
    rows = speakers("Mevlüt Çavuşoğlu said talks went well.", "Mr Cavusoglu said more.")
    assert rows == ["Mevlüt Çavuşoğlu", "Mevlüt Çavuşoğlu"]


def test_pronoun_carries_the_previous_speaker():
    assert speakers("Jane Smith said taxes would fall.", "She said it was fair.") == \
        ["Jane Smith", "Jane Smith"]


def test_quote_run_without_cue_keeps_the_speaker():
    rows = attribute('Jane Smith said: "We will win. We always do.', '"And we will keep going."')
    assert [r[1] for r in rows] == ["Jane Smith", "Jane Smith", "Jane Smith"]
    assert [r[2] for r in rows] == ["direct", "direct", "direct"]


def test_country_and_capital_speak_as_organisations():
    article = attribute_article(RawArticle("t", "t.txt", "Headline", (
        "France said it would help, while Berlin said it would wait.",)))
    got = [(s.speaker.name, s.speaker.kind) for s in article.passages[1].sentences]
    assert got == [("France", "organisation"), ("Berlin", "organisation")]


def test_two_speakers_in_one_sentence_are_split_into_clauses():
    rows = attribute("France said it would help, while Berlin said it would wait.")
    assert [r[0] for r in rows] == ["France said it would help,",
                                    "while Berlin said it would wait."]


def test_vague_sources_stay_vague():
    article = attribute_article(RawArticle("t", "t.txt", "Headline", (
        "Critics said the plan was too expensive.",)))
    speaker = article.passages[1].sentences[0].speaker
    assert speaker is not None and speaker.kind == "vague" and speaker.name == "Critics"


def test_sentence_without_speech_has_no_speaker():
    assert speakers("Oil prices fell sharply on Monday.", "The meeting lasted an hour.") == \
        [None, None]


def test_broken_promises_by_someone_is_not_speech():
    assert speakers("There is doubt after broken promises by Mr Jones in the past.") == [None]


def test_role_only_lead_links_to_the_person_named_next():
    article = attribute_article(RawArticle("t", "t.txt", "Headline", (
        "Growth will slow, Spain's finance minister said on Monday.",
        "Ana Ruiz said the slowdown would be brief.")))
    first = article.passages[1].sentences[0].speaker
    assert first is not None and first.name == "Ana Ruiz"
    assert first.role == "Spain's finance minister"


def test_role_only_lead_is_not_linked_to_a_person_with_another_role():
    article = attribute_article(RawArticle("t", "t.txt", "Headline", (
        "Growth will slow, Spain's finance minister said on Monday.",
        "Central bank governor Ana Ruiz said the slowdown would be brief.")))
    first = article.passages[1].sentences[0].speaker
    assert first is not None and first.name == "Spain's finance minister"


def test_headline_is_attributed_like_any_sentence():
    article = attribute_article(RawArticle("t", "t.txt", "Smith says taxes will fall", (
        "Jane Smith said taxes would fall next year.",)))
    assert article.passages[0].sentences[0].speaker.name == "Jane Smith"


def test_spelling_variants_of_a_surname_are_one_person():
    rows = speakers("Volodymyr Zelenskyy said peace was near.", "Mr Zelenskiy said more.")
    assert rows == ["Volodymyr Zelenskyy", "Volodymyr Zelenskyy"]
