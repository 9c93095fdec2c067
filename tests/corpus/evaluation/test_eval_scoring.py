"""The scorer on small hand-made fixtures."""
from __future__ import annotations

from corpus.evaluation.gold import GoldAct, GoldArticle, GoldSentence
from corpus.evaluation.scoring import names_match, score_article
from corpus.models import Article, Passage, Sentence, Speaker
from corpus.sentences import split_sentences

# paragraph 0: headline; 1: two sentences; 2: one sentence with two speakers; 3: nobody.
TEXTS = [
    "Talks make progress",
    'Mr Smith said the talks went well. "We are close," he added.',
    "Ukraine said it advanced, while Moscow said it held its ground.",
    "Oil prices fell on Tuesday.",
]


def person(name, kind):
    return GoldAct(name, "person", kind)


def gold(acts_by_sentence, aliases=None) -> GoldArticle:
    sentences = []
    for p, text in enumerate(TEXTS):
        for i, (s, e) in enumerate(split_sentences(text)):
            sentences.append(GoldSentence(p, i, text[s:e][:60],
                                          tuple(acts_by_sentence.get((p, i), ())), (s, e)))
    return GoldArticle("fixture", "fixture.txt", "seed", tuple(sentences), aliases or {})


GOLD = gold({
    (1, 0): [person("John Smith", "reported")],
    (1, 1): [person("John Smith", "direct")],
    (2, 0): [GoldAct("Ukraine", "organisation", "reported"),
             GoldAct("Moscow", "organisation", "reported")],
})


def system(segments_by_passage) -> Article:
    """segments_by_passage: {passage: [(start, end, speaker name|None, kind|None)]}."""
    passages = []
    for p, text in enumerate(TEXTS):
        segs = segments_by_passage.get(p)
        if segs is None:
            segs = [(s, e, None, None) for s, e in split_sentences(text)]
        sentences = tuple(Sentence(text[s:e], s, e, Speaker(n) if n else None, k)
                          for s, e, n, k in segs)
        passages.append(Passage("fixture", p, text, sentences))
    return Article("fixture", "fixture.txt", TEXTS[0], tuple(passages))


def spans(p):
    return split_sentences(TEXTS[p])


def test_all_right():
    (a0, a1), (b0, b1) = spans(1)
    comma = TEXTS[2].index(", while") + 2
    art = system({
        1: [(a0, a1, "Smith", "reported"), (b0, b1, "John Smith", "direct")],
        2: [(0, comma, "Ukraine", "reported"), (comma, len(TEXTS[2]), "Moscow", "reported")],
    })
    c = score_article(GOLD, art).counts
    assert c.total_acts() == 4
    assert c.speaker_accuracy() == 1.0 and c.kind_agreement() == 1.0
    assert c.false_attributions == 0 and c.no_speaker_sentences == 2
    assert c.missing == c.wrong == c.extra_speakers == 0


def test_missing_wrong_and_wrong_kind():
    (a0, a1), (b0, b1) = spans(1)
    art = system({
        1: [(a0, a1, "Tom Jones", "reported"), (b0, b1, "Smith", "reported")],
        2: [(0, len(TEXTS[2]), "Ukraine", "reported")],
    })
    score = score_article(GOLD, art)
    c = score.counts
    assert c.speaker_right == {"direct": 1, "reported": 1}
    assert c.kind_right == {"direct": 0, "reported": 1}
    assert c.wrong == 2  # Tom Jones for John Smith; Ukraine but not Moscow
    assert c.missing == 0
    assert c.extra_speakers == 1
    problems = sorted(m.problem for m in score.misses)
    assert problems == ["wrong kind", "wrong speaker", "wrong speaker"]


def test_missing_when_no_speaker_at_all():
    c = score_article(GOLD, system({})).counts
    assert c.missing == 4 and c.speaker_accuracy() == 0.0
    assert c.false_rate() == 0.0


def test_false_attribution_on_no_speaker_sentences():
    art = system({0: [(0, len(TEXTS[0]), "Talks", "reported")],
                  3: [(0, len(TEXTS[3]), "Oil", "reported")]})
    score = score_article(GOLD, art)
    assert score.counts.false_attributions == 2
    assert score.counts.false_rate() == 1.0
    assert {m.problem for m in score.misses} >= {"false attribution"}


def test_clause_segments_map_to_their_sentence():
    # a segment starting inside sentence 1.1 counts for 1.1, not for 1.0
    (a0, a1), (b0, b1) = spans(1)
    art = system({1: [(a0, a1, None, None), (b0, b0 + 5, None, None),
                      (b0 + 5, b1, "John Smith", "direct")]})
    c = score_article(GOLD, art).counts
    assert c.speaker_right == {"direct": 1, "reported": 0}


def test_missing_passage_counts_as_no_speaker():
    art = Article("fixture", "fixture.txt", TEXTS[0], ())
    assert score_article(GOLD, art).counts.missing == 4


def test_name_matching():
    act = person("Mevlut Cavusoglu", "reported")
    assert names_match(act, "Mevlüt Çavuşoğlu")
    assert names_match(act, "Mr Cavusoglu")
    assert not names_match(act, "Mr")
    assert not names_match(act, "Recep Tayyip Erdogan")
    org = GoldAct("the Liberal Democrats", "organisation", "reported")
    assert names_match(org, "Liberal Democrats")
    assert not names_match(org, "Democrats")
    assert names_match(org, "Lib Dems", {"the Liberal Democrats": ("Lib Dems",)})
    assert names_match(GoldAct("US officials", "vague", "reported"), "officials")
