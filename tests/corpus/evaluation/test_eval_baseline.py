"""The naive baseline on a tiny text."""
from __future__ import annotations

from corpus.evaluation.baseline import attribute_article, attribute_sentence
from corpus.loader import RawArticle


def test_baseline_sentences():
    speaker, kind = attribute_sentence("Mr Cavusoglu said the talks went well.")
    assert speaker.name == "Cavusoglu" and kind == "reported"
    speaker, kind = attribute_sentence('"It is made at gunpoint," Kaja Kallas said.')
    assert speaker.name == "Kaja Kallas" and kind == "direct"
    assert attribute_sentence("Oil prices fell on Tuesday.") == (None, None)
    assert attribute_sentence("He said it was fine.") == (None, None)  # no name, no guess


def test_baseline_article_shape():
    raw = RawArticle("t", "t.txt", "Talks end",
                     ("Oil fell. Ms Hewitt told GMTV the plan was sound.",))
    art = attribute_article(raw)
    assert [p.index for p in art.passages] == [0, 1]
    first, second = art.passages[1].sentences
    assert first.speaker is None
    assert second.speaker.name == "Hewitt"
    assert art.passages[1].text[second.start:second.end] == second.text
