"""What a quote is about (`quote_sense`), when a statement is near it, the word tables it
reads, and where quotation marks open and close (`quote_folding.quoted_spans`). The cases are
the prose of the development checks (seed and BBC)."""
from __future__ import annotations

import pytest

from retrieval.answering import quote_capitals, quote_hedges, quote_sense
from retrieval.answering.quote_folding import quoted_spans
from retrieval.answering.quote_sense import canonical, canonical_set, core_of, same_word
from retrieval.tokenizer import terms, tokens
from tests.retrieval.answering.small_corpus import parley_over


@pytest.mark.parametrize(("quote", "predicates", "subject"), [
    ("I will retire after the Australian Open", {"retir"}, set()),
    ("Britain should pull out of the UN", {"pull"}, {"britain"}),
    ("the agreement was signed under duress", {"sign"}, {"agreement"}),
    ("we have already reached saturation point", {"reach"}, set()),  # an adverb between
    ("scrap ID cards", {"scrap"}, set()),  # a fragment: its first content word
    ("crack open the champagne", {"break"}, set()),  # by its synonym's lemma
    ("I want robots to treat humans as people", {"want"}, set()),
    ("inflation will stay low for a decade", {"stay"}, {"inflat"}),
    ("we have every intention of abolishing it", {"intent"}, set()),  # "have" and its object
    # the subject stops where another clause opens, its adverbs left out
    ("internment always backfires because of the resentment it causes", {"caus"},
     {"internment", "backfir"}),
    ("Barkley had taken three penalties because they were out of my range", {"take"},
     {"barkley"}),
])
def test_core_of_a_quote(quote, predicates, subject):
    core = core_of(quote)
    assert (set(core.predicates), set(core.subject)) == (predicates, subject)


def _about(quote: str, sentence: str) -> bool:
    held = canonical_set(terms(sentence))
    common = canonical_set(t.term for t in tokens(sentence) if sentence[t.start].islower())
    return core_of(quote).held_by(held, canonical_set(terms(quote)), lambda: common, sentence)


@pytest.mark.parametrize(("quote", "sentence", "about"), [
    # near: the subject, or the predicate with another word
    ("the agreement was signed under duress",
     "Whatever agreement there is, it is made at gunpoint.", True),
    ("inflation will stay low for a decade",
     "the era of consistently low inflation may be coming to an end", True),
    ("it's going to be fear and lies", "it's going to be fear and smear,\" he told BBC News",
     True),
    ("crack open the champagne", "Roger Knapman said he would \"break open the champagne\"",
     True),
    ("the withdrawal of troops was meant to build trust",
     "the promise to scale back fighting around Kyiv was meant to create mutual trust", True),
    ("internment always backfires because of the resentment it causes",
     "Throughout history, internment has generally backfired because of the resentment it "
     "creates.", True),
    # not near: a shared phrase without the predicate, the predicate alone, a name alone
    ("I will retire after the Australian Open",
     "Hopefully after the Australian Open we won't have to discuss this any more.", False),
    ("moving back to Los Angeles",
     "We lived in Los Angeles where people get shot every day", False),
    ("scrap ID cards", "a referendum would decide whether or not to scrap the Welsh Assembly",
     False),
    ("scrap ID cards", "Michael Howard has denied his shadow cabinet was split over ID cards",
     False),
    ("Edu will leave Arsenal in January",
     "Wenger said he was hopeful Edu would sign a new deal", False),
    # the subject named as an object, not said something of (politics/247)
    ("the Iraq war was illegal",
     "Only the Liberal Democrats stood against the Iraq war, he said, and they had also "
     "provided strong opposition to the government's plans on ID cards", False),
    # a name as the subject needs a word of its own clause (politics/223: not the euro)
    ("Britain should join the euro before the election",
     "I think the tax argument has moved on a lot in British politics particularly in the "
     "context of the forthcoming general election", False),
    ("Britain would block any attempt to cut the rebate",
     "Earlier Foreign Secretary Jack Straw said the UK was prepared to veto any bid to "
     "reduce the rebate secured by Margaret Thatcher in 1984.", True),
    ("any deal would be signed under duress",
     "Whatever agreement there is, it is made at gunpoint.", True),  # by synonyms
    ("I would resign if the lord chancellor overruled him",
     "it was inconceivable in practice that the lord chancellor would overrule his concerns",
     False),
])
def test_a_statement_is_near_only_when_about_what_the_quote_says(quote, sentence, about):
    assert _about(quote, sentence) is about


@pytest.mark.parametrize(("word", "same"), [
    ("made", "make"), ("built", "build"), ("won", "win"), ("overruled", "overrul"),
])
def test_irregular_forms_meet_their_lemma(word, same):
    assert same_word(terms(word)[0]) == terms(same)[0]


@pytest.mark.parametrize(("word", "synonym", "meets"), [
    ("create", "build", True), ("crack", "break", True), ("season", "year", True),
    ("unveiled", "announce", True), ("hunger", "energy", False), ("lies", "smear", False),
    ("unbelievable", "incredible", True), ("UK", "Britain", True), ("bid", "attempt", True),
    ("deal", "agreement", True),
])
def test_synonyms_meet(word, synonym, meets):
    assert (canonical(terms(word)[0]) == canonical(terms(synonym)[0])) is meets


def test_no_word_is_in_two_synonym_groups_nor_a_form_of_two_lemmas():
    for path in (quote_sense.SYNONYM_FILE, quote_sense.IRREGULAR_FILE):
        seen: dict[str, str] = {}
        for lemma, words in quote_sense._rows(path):
            for word in [lemma, *words]:
                found = terms(word)
                if " " in word:  # a phrase: met as a run of words, with a content word
                    assert found, f"{path.name}: {word!r} has no content word"
                    continue
                assert len(found) == 1, f"{path.name}: {word!r} is not one content word"
                assert seen.setdefault(found[0], lemma) == lemma, f"{path.name}: {word!r}"


@pytest.mark.parametrize(("text", "lemma", "held"), [
    ("Liverpool have little chance of winning the Champions League", "unlikely", True),
    ("his opinion of the UK had gone down", "fall", True),
    ("the promise to scale back fighting", "cut", True),
    ("a chance of winning, however little", "unlikely", False),  # not as a run
    ("he stepped down as chairman", "resign", True),  # inflected, by stems
    ("he stepped in as chairman", "resign", False),
    ("Whatever agreement there is, it is made at gunpoint", "duress", True),
])
def test_phrases_are_met_as_runs_of_words(text, lemma, held):
    assert (canonical(terms(lemma)[0]) in quote_sense.phrase_lemmas(text)) is held


def test_a_quote_phrase_stands_for_its_lemma():
    assert quote_sense.phrase_terms("there is little chance of a deal") == {
        terms("little")[0]: canonical(terms("unlikely")[0]),
        terms("chance")[0]: canonical(terms("unlikely")[0])}


@pytest.mark.parametrize(("quote", "wanted"), [
    ("any deal would be signed under duress", {"agreement", "gunpoint"}),  # Kallas's words
    ("Britain would veto it", {"uk"}),
    ("the bridge will open", set()),  # no synonym: the words as typed
])
def test_a_quote_is_looked_for_by_its_synonyms_too(quote, wanted):
    typed = terms(quote)
    widened = quote_sense.widened_terms(typed)
    assert widened[:len(typed)] == list(dict.fromkeys(typed))
    assert set(widened) - set(typed) >= {terms(w)[0] for w in wanted}
    assert bool(set(widened) - set(typed)) is bool(wanted)


def test_a_malformed_table_line_is_named(tmp_path):
    bad = tmp_path / "t.tsv"
    bad.write_text("# comment\nbuild create\n", encoding="utf-8")
    with pytest.raises(quote_sense.SenseDataError, match="t.tsv, line 2"):
        list(quote_sense._rows(bad))


KENNEDY = ('"We don\'t hear the argument any longer: \'it\'s a wasted vote\'. "You don\'t hear '
           'that because it isn\'t a wasted vote." But he said Mr Blair had lost the trust of '
           'the people. "There is a fundamental lack of trust in Tony Blair," he said.')


@pytest.mark.parametrize(("text", "quoted"), [
    # a quote left open at a paragraph's end: the next opening mark starts a new quotation
    (KENNEDY, ["We don't hear the argument any longer: 'it's a wasted vote'. ",
               "You don't hear that because it isn't a wasted vote.",
               "There is a fundamental lack of trust in Tony Blair,"]),
    # marks of mixed shapes, as the seed writes them
    ("\u201cIn a fair peace, there are no losing parties,\" said Mr Erdogan. \u201cThe whole "
     "world is waiting,\u201d Mr Erdogan said.",
     ["In a fair peace, there are no losing parties,", "The whole world is waiting,"]),
    ('the EU was "anti-Islamic". He said "no".', ["anti-Islamic", "no"]),
])
def test_quotation_marks_open_and_close_by_what_stands_around_them(text, quoted):
    assert [text[s:e] for s, e in quoted_spans(text)] == quoted


RALLY = """Mayor backs the harbour plan
Source: Test
"We will break open the champagne when the bridge opens," Mayor Tom Reed said.
Harbour Minister Anna Berg said the council would create new jobs at the port.
Mayor Tom Reed said the new bridge was unlikely to open in the spring.
Ms Berg said she would stay at the port until the summer.
"Workers are leaving the coast," Tom Reed, the Harbour Board chairman, said.
Anna Kowalski said the bridge tolls were unfair to families.
"We have no plans to close the old harbour," Ms Berg said.
"The council must pay for the new ferry," Ms Berg said.
Mr Reed said the harbour master should resign if the audit finds any fraud.
"After the summer we will talk about the ferry," Ms Berg said.
"""


@pytest.mark.parametrize(("speaker", "quote", "verdict"), [
    ("Reed", "we will crack open the champagne", "close"),  # a misquote is never reported
    ("Berg", "the council would build new jobs at the port", "reported"),  # in other words
    ("Berg", "the council would create new jobs at the port and pay for them", "close"),
    ("Berg", "I will retire after the summer", "not_found"),  # the shared phrase is all
    ("Berg", "she would leave the port", "not_found"),  # a place alone is a mention
    ("Reed", "there is little chance the bridge will open in the spring", "reported"),
    ("Reed", "the Harbour Board is leaving", "not_found"),  # the frame of his quote names him
    ("Berg", "the bridge tolls were unfair to families", "other_speaker"),  # another Anna
    ("Berg", "we have every plan to close the old harbour", "close"),  # the negation turned
    ("Berg", "the council must pay for the new ferry", "exact"),
    ("Berg", "the council may pay for the new ferry", "close"),  # "may" is not "must"
    ("Reed", "the harbour master should quit if the audit finds any fraud", "reported"),
    ("Reed", "the harbour master should quit", "close"),  # the condition left out
    ("Kowalski", "jobs", "not_found"),  # one word in Berg's reported speech is not her words
    ("Kowalski", "the council would create new jobs", "other_speaker"),
])
def test_verdicts_by_what_the_quote_is_about(tmp_path_factory, speaker, quote, verdict):
    rally = parley_over(tmp_path_factory, {"rally.txt": RALLY})
    assert rally.check(speaker, quote).claim.verdict == verdict


@pytest.mark.parametrize(("text", "classes"), [
    ("the court must pass a life sentence", {"must"}),
    ("he could go, and he might stay", {"can", "may"}),
    ("Blunkett should quit if he is found to have influenced it", {"should", "if"}),
    ("it would be followed by talks", set()),  # reported speech's "would" is "will"
    ("he would consider leaving if the club was knocked out", {"may", "if"}),
    ("someday to have all of his dignity", {"all"}),  # how much of it is said too
    ("the 50% rate would only affect 1% of people", {"only"}),
    # a hedge's word written with a capital inside a sentence is a name (BBC politics/137)
    ("Conservative family spokeswoman Theresa May said if the party was in government "
     "again it would make sure the law was repealed", {"if"}),
    ("May I say this", {"may"}),  # a sentence's first word is no name by its capital
    ('He said: "Only the fullest disclosure will now do."', {"only"}),
])
def test_hedges_are_read_by_class(text, classes):
    assert set(quote_hedges.hedges(text)) == classes


@pytest.mark.parametrize(("sentence", "quote", "classes"), [
    ("Mr Blunkett should quit if he is found to have influenced the visa process",
     "Blunkett should quit", {"should", "if"}),  # the condition is in the same clause
    ("He said there had been a 29% drop in drink-driving tests since 1997, which he said "
     "the government needed to address if it wanted to reduce the danger",
     "there had been a 29% drop in drink-driving tests since 1997", set()),  # a later clause
    ("Mr Llwyd said the devices were sophisticated, which could only mean experts",
     "the devices were sophisticated", set()),
    # Burt Reynolds on Ossie Davis: "all of his dignity" is not what he wanted
    ('"I want so badly someday to have his dignity - a little of it anyway," added Burt '
     "Reynolds", "someday to have all of his dignity", set()),
    ("Kennedy defended the plan, saying it would apply to only 1% of the population",
     "the plan would apply to 1% of the population", {"only"}),
    ("Conservative family spokeswoman Theresa May said if the party was in government "
     "again it would make sure the law was repealed",
     "a Conservative government would repeal the law", {"if"}),  # "May" is her name
])
def test_hedges_are_those_of_the_clause_that_says_the_quote(sentence, quote, classes):
    wanted = canonical_set(terms(quote))
    assert set(quote_hedges.hedges_around(sentence, wanted)) == classes


@pytest.mark.parametrize(("sentence", "quote", "hedged"), [
    # a later clause's modal verb is not the quote's: it ends at "but"
    ('Hodgson revealed that Olly Barkley had taken three penalties because they were "out of '
     'my range" but the centre could not convert his opportunities either',
     "Barkley had taken three penalties because they were out of my range", set()),
    ("Blunkett should quit if he is found to have influenced the visa process",
     "Blunkett should resign", {"should", "if"}),
    # "and" before a new subject opens the next clause: its "will" is not the quote's
    ("Vincent Cable says one in eight households already struggle with debt and that will "
     "worsen if there is a hike in interest rates", "one in eight households struggle with "
     "debt", set()),
])
def test_hedges_are_those_of_the_clause_that_says_it(sentence, quote, hedged):
    wanted = canonical_set(terms(quote))
    assert set(quote_hedges.hedges_around(sentence, wanted)) == hedged


@pytest.mark.parametrize(("quote", "sentence", "alike"), [
    # "would" says the condition an "if" clause states
    ("the Tories would cut the number of MPs by a fifth",
     "The Conservative Party would cut the number of MPs by about one-fifth if they were "
     "elected", True),
    ("we will cut MPs if we are elected", "the party would cut MPs", True),
    # without "would", a condition is a difference
    ("the Tories cut the number of MPs", "the Tories cut the number of MPs if they won", False),
    ("Blunkett should resign", "Blunkett should quit if he is found to have lied", False),
])
def test_would_says_what_an_if_clause_says(quote, sentence, alike):
    wanted = canonical_set(terms(quote))
    assert quote_hedges.sure_alike(quote, quote_hedges.hedges(quote), sentence,
                                  quote_hedges.hedges_around(sentence, wanted)) is alike


@pytest.mark.parametrize(("word", "other"), [("Tories", "Conservative"),
                                             ("Tory", "Conservatives")])
def test_a_party_s_one_word_names_are_one_meaning(word, other):
    assert canonical_set(terms(word)) == canonical_set(terms(other))


@pytest.mark.parametrize(("quote", "names"), [
    ("we will take the ban to the European Court of Human Rights",
     [{"european", "court", "human", "right"}]),
    ("an unbelievable gaffe by Jack McConnell", [{"jack", "mcconnel"}]),
    ("He is clever, fluent and tactical, but he is not wise", []),  # a sentence's first word
    ("There is a fundamental lack of trust in Tony Blair. Labour must go",
     [{"toni", "blair"}]),
    ("the iraq war was illegal", []),  # typed without capitals: nothing is asked of names
])
def test_names_a_quote_writes_with_capitals(quote, names):
    assert [set(run) for run in quote_capitals.names_in(quote)] == names


# Real prose (politics/137, 167, 387): a quote that puts another name in a statement's words
# is near it when the statement holds every other word and most of the quote; one sharing a
# word or two beside the name is not.
SWAPPED = "\n".join([
    "Hunt supporters defy the ban",
    "Source: Test",
    'Chief executive Simon Hart said: "There has been hunting in England for 700 years. '
    'This [ban] may take two or three years, perhaps two or three months, to unpick."',
    'Conservative local government spokeswoman Caroline Spelman said: "There is now growing '
    "evidence that John Prescott's buildings programme is environmentally unsustainable, "
    'leaving a concrete scar across the face of rural England."',
    'Tony Blair claimed a Tory government would "cut" \u00a335bn from public services '
    "hitting schools, hospitals and police.", ""])


@pytest.mark.parametrize(("speaker", "quote", "verdict"), [
    ("Caroline Spelman", "a concrete scar across rural Britain", "close"),  # England
    ("Tony Blair", "the Tories would cut \u00a335bn from the NHS", "close"),  # public services
    ("Simon Hart", "there has been hunting in Scotland for 700 years", "close"),
    ("Simon Hart", "we will take the ban to the European Court of Human Rights", "not_found"),
    ("Tony Blair", "Labour would cut \u00a335bn from the NHS", "not_found"),  # two names
])
def test_a_quote_that_swaps_a_name_is_near_only_with_every_other_word(
        tmp_path_factory, speaker, quote, verdict):
    swapped = parley_over(tmp_path_factory, {"swapped.txt": SWAPPED})
    assert swapped.check(speaker, quote).claim.verdict == verdict


@pytest.mark.parametrize(("text", "turned"), [
    ("the bridge would not cost taxpayers", {"cost", "taxpay"}),
    ("But he opposed compulsory mediation", {"compulsori", "mediat"}),
    ("against compulsory mediation", {"compulsori", "mediat"}),
    ("the party would not oppose the ban", set()),  # two turns cancel out
    ("enforcing a legal presumption of co-parenting and compulsory mediation", set()),
    ("IE7 would include protections against viruses", {"virus"}),  # only what follows
])
def test_negations_and_words_against_turn_round_what_follows(text, turned):
    from retrieval.answering.quote_statements import negated_terms

    assert set(negated_terms(text)) & {"cost", "taxpay", "compulsori", "mediat", "ban",
                                       "virus", "protect"} == turned


# Real prose (politics/067): Falconer denied the activists had forced the changes, and
# Theresa May is for compulsory mediation, so neither says what the quote says.
ACCESS = "\n".join([
    "Child access laws shake-up",
    "Source: Test",
    "Curfews and community service orders were other options, Lord Falconer said. He denied "
    "fathers' activists had forced the changes, telling the BBC \"there is a recognition "
    'that something is wrong".',
    "Theresa May, shadow secretary for the family, said a Conservative government would "
    'bring a "radical reform" of the family courts, as well as enforcing a "legal '
    'presumption of co-parenting and compulsory mediation".', ""])


@pytest.mark.parametrize(("speaker", "quote", "verdict"), [
    ("Lord Falconer", "fathers' activists had forced the changes", "close"),  # he denied it
    ("Lord Falconer", "against compulsory mediation", "not_found"),  # not May's either
    ("Theresa May", "compulsory mediation", "exact"),
    ("Theresa May", "against compulsory mediation", "close"),
])
def test_a_statement_turned_round_by_a_word_against_is_no_report(
        tmp_path_factory, speaker, quote, verdict):
    access = parley_over(tmp_path_factory, {"access.txt": ACCESS})
    assert access.check(speaker, quote).claim.verdict == verdict


@pytest.mark.parametrize(("found", "quote", "held"), [
    ({"fullest", "disclosur"}, {"full", "disclosur"}, {"full"}),  # the statement's superlative
    ({"full", "disclosur"}, {"fullest", "disclosur"}, {"fullest"}),  # ... or the quote's
    ({"biggest"}, {"big"}, {"big"}), ({"safest"}, {"safe"}, {"safe"}),
    ({"happiest"}, {"happi"}, {"happi"}),
    ({"protest"}, {"protect"}, set()),  # "-est" of no adjective: its own word only
    ({"full"}, {"fuller"}, set()),  # a comparative is left as it is ("player" is no "play")
])
def test_a_superlative_is_the_same_adjective_for_what_a_sentence_is_about(found, quote, held):
    assert quote_sense.by_degree(frozenset(found), frozenset(quote)) == held


CAMPBELL = "\n".join([
    "Attorney general's advice",
    "Source: Test",
    "Lib Dem foreign affairs spokesman Sir Menzies Campbell said Lord Goldsmith's statement "
    'still did not clear up the outstanding issues. "If his original advice of 7 March '
    "accepted that military action might be illegal, how was it that he resolved any such "
    'doubts by the time the Parliamentary answer was published on 17 March?" he said. "Only '
    'the fullest disclosure will now do."', ""])  # BBC politics/327


@pytest.mark.parametrize(("quote", "verdict"), [
    ("only full disclosure will do", "close"),  # near, but not his word: never reported
    ("only the fullest disclosure will now do", "exact"),
])
def test_a_quote_with_another_degree_of_the_speakers_word_is_close(tmp_path_factory, quote,
                                                                     verdict):
    engine = parley_over(tmp_path_factory, {"campbell.txt": CAMPBELL, "rally.txt": RALLY})
    assert engine.check("Menzies Campbell", quote).claim.verdict == verdict
