"""Reported speech on articles nobody tuned on (issue 12, after gold_blind4): quotation marks
that do not pair, reporting verbs and frames, organisations referred back to. Each case is
real prose from the BBC folder (the article named beside it), and each rule has a case where
it must not fire."""
from __future__ import annotations

import pytest

from corpus.build import attribute_article
from corpus.loader import RawArticle
from corpus.quotes import quote_spans

Row = tuple[str | None, str | None, str | None]


def attribute(*paragraphs: str, headline: str = "A headline with no speaker") -> list[Row]:
    """(speaker, speaker kind, speech kind) of every sentence, the headline's first."""
    article = attribute_article(RawArticle("t", "t.txt", headline, tuple(paragraphs)))
    return [(s.speaker.name if s.speaker else None, s.speaker.kind if s.speaker else None,
             s.kind) for p in article.passages for s in p.sentences]


def speakers(*paragraphs: str, headline: str = "A headline with no speaker") -> list[str | None]:
    """The speakers of the sentences after the headline."""
    return [who for who, _, _ in attribute(*paragraphs, headline=headline)[1:]]


@pytest.mark.parametrize(("text", "quoted"), [
    # politics/386: a closing mark whose opener was lost closes its own sentence only
    ('He said Mr Straw was "naive beyond belief" if he accepted it. The French want the '
     'embargo lifted; the Chinese want it lifted too." When he was in Tokyo, he spoke.',
     ['"naive beyond belief"', 'The French want the embargo lifted; the Chinese want it '
      'lifted too."']),
    # entertainment/280: a single mark closing a double-quoted sentence ends the quotation
    ('"All the important people. "I guess it\'s just a television show but we always think '
     'it\'s a bit more.\' The orchestra strikes up more than 110 times.',
     ['"All the important people. ', '"I guess it\'s just a television show but we always '
      'think it\'s a bit more.\'']),
    # politics/234: the quotation whose opener was lost holds the quotations inside it
    ('Police forces were already "buried" under existing initiatives and there was little '
     'to reassure them," said Mr Davis. Earlier Mark Oaten said so.',
     ['Police forces were already "buried" under existing initiatives and there was little '
      'to reassure them,"']),
    # tech/206: opened with a single mark, closed with a double one
    ("The BPI is quick to condemn them. 'Networks like eDonkey facilitate illegal "
     'filesharing. The BPI strongly believes it," it said.',
     ["'Networks like eDonkey facilitate illegal filesharing. The BPI strongly believes "
      'it,"']),
    # a single quotation inside a double one stays inside it
    ('He said: "They told me \'no way.\' Then I left." And so on.',
     ['"They told me \'no way.\' Then I left."']),
    # apostrophes of possession and elision are no marks
    ('The players\' union said "it\'s fine" today.', ['"it\'s fine"']),
])
def test_quotation_marks_that_do_not_pair(text, quoted):
    assert [text[a:b] for a, b in quote_spans(text)] == quoted


def test_narration_after_a_lost_opener_is_nobody_s():
    # politics/386
    rows = speakers('Tory foreign affairs spokesman Michael Ancram said lifting the arms '
                    'embargo would be "irresponsible". He said Mr Straw was "naive beyond '
                    'belief" if he accepted that. The French want the embargo lifted because '
                    'they want to sell arms to China." The US is bound by law to help Taiwan '
                    'defend itself.')
    assert rows[:2] == ["Michael Ancram", "Michael Ancram"]
    assert rows[-1] is None


def test_narration_after_a_mismatched_close_is_nobody_s():
    # entertainment/280
    rows = speakers('"The excitement is a live performance as a musician," says Bill '
                    'Conti. "All the important people. "I guess it\'s just a '
                    'television show but we always think it\'s a bit more.\' The orchestra '
                    'strikes up more than 110 times during the average Oscars show.')
    assert rows == ["Bill Conti", "Bill Conti", "Bill Conti", None]
