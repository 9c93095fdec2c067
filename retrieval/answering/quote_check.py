"""The verdict of "did X say Y?", never stronger than the evidence.

X is resolved to ranked candidates as every speaker question is (see `candidates`). Then:
- `exact`: Y's words, folded (see `quote_folding`), occur in order as whole words inside the
  quotation marks of a statement attributed to a candidate (a direct sentence of a quote run
  counts as quoted whole);
- `reported`: a sentence attributed to a candidate holds every one of Y's content terms (by
  stem, irregular form or synonym, never a synonym of a quoted word: see `quote_sense`),
  neither or both of them are negated, close together (see `quote_span`: "Chelsea ... the
  league ... the win" across a long sentence is not "Chelsea would win the league"), and its
  clause has Y's modal verbs and conditions: a quote with content the statement lacks is
  never `reported`; nor is one whose words it shares are one meaning, or a name only
  (SAYS: "McCall and I have had a talk" is not reported by a sentence that names McCall),
  or whose words someone else quotes verbatim while X's sentence shares fewer than
  SAYS_MORE of them;
- `other_speaker`: failing those, someone else is quoted with Y's words, or holds REPORTED_AT
  of them (two words at least, close together) in a statement that does not name X (a
  sentence naming X may be reporting X);
- `close`: a sentence of a candidate's is about what Y says (holds its predicate or its
  whole subject: see `quote_sense`, or REPORTED_AT of it across a turned negation) and their
  statement holds at least CLOSE_AT of Y's terms by IDF: the reply lists the words each side
  lacks;
- `not_found`: otherwise, with the closest passage shown when one holds any of Y's terms.
Only statements attributed to X count for X: a sentence that names X while someone else (or
the narration) speaks is never X's. The thresholds were tuned on the development checks
(tests/retrieval/answering/data/dev_checks15.json); see the README.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial

from corpus.gender import first_name_gender
from corpus.models import Corpus
from retrieval.answering import claims
from retrieval.answering.candidates import Match
from retrieval.answering.evidence import Evidence
from retrieval.answering.quote_capitals import name_terms, names_in
from retrieval.answering.quote_folding import contains, quote_pieces, strip_quote_marks
from retrieval.answering.quote_gathering import StatementGatherer
from retrieval.answering.quote_handoff import HandedPassages
from retrieval.answering.quote_hedges import hedges, hedges_around, sure_alike
from retrieval.answering.quote_names import (
    ArticleNames,
    other_first_name,
    other_surname,
)
from retrieval.answering.quote_sense import (
    by_degree,
    canonical,
    canonical_set,
    core_of,
    phrase_lemma_set,
    phrase_lemmas,
    phrase_terms,
    same_word,
    same_word_set,
)
from retrieval.answering.quote_span import compact_enough, shortest_span
from retrieval.answering.quote_statements import (
    Part,
    Statement,
    negated_terms,
)
from retrieval.answering.quote_verdicts import QuoteClaim, Verdict
from retrieval.answering.records import Hit
from retrieval.bm25_index import BM25Index
from retrieval.tokenizer import terms, tokens

REPORTED_AT = 0.85  # share of Y's content (by IDF) someone else's statement holds to say Y
WHOLE = 1 - 1e-9  # ... X's sentence holds to report Y: all of it
CLOSE_AT = 0.3  # ... to be near Y
SWAPPED_AT = 0.5  # ... with every word but a name of Y's: Y put another name in X's words
SAYS = 2  # of Y's meanings X's sentence holds, not as names, to report Y: one is a mention
SAYS_MORE = 3  # ... when someone else's quotation holds Y word for word
_BY_NAME = frozenset({"name", "surname", "first name"})  # Match.how: X is someone's name
NO_WORDS = "Give the words to check, e.g. \u201cmade at gunpoint\u201d."


@dataclass(frozen=True)
class _Weighed:
    statement: Statement
    exact: bool
    coverage: float  # of its sentence holding most of Y: one sentence reports one thing
    part: Part  # that sentence
    spread: float  # of the whole statement (their sentences in the passage), for `close`
    about: bool  # one of its sentences is about what Y says (see quote_sense)
    held: int = 0  # how many of Y's words its sentence `part` holds
    names: bool = True  # it names each name Y writes (a statement that never does is not near)
    substance: int = 0  # how many of Y's meanings `part` holds other than as a name
    compact: bool = True  # `part` holds them close together (see quote_span)

    def agrees(self, turned: frozenset[str], query: frozenset[str],
               hedged: frozenset[str], said: str) -> bool:
        """Whether the words both hold are negated alike in the quote (`said`; its negated
        terms `turned`) and here, and both are as sure: the same modal verbs and conditions
        (`hedged`: the quote's; see `sure_alike`)."""
        both = query & canonical_set(self.part.terms)
        return (canonical_set(self.part.negated) & both) == (turned & both) and \
            sure_alike(said, hedged, self.part.text, hedges_around(self.part.text, query))


def _closest(mine: Sequence[_Weighed], others: Sequence[_Weighed]) -> _Weighed | None:
    """The statement holding most of Y when none bears a verdict: X's own on a tie, since
    the reply is about X ("In a fair peace, there are no losing parties" before another's
    sentence holding only "peace"); none when no statement holds a word of Y."""
    best = max([*mine[:1], *others[:1]], key=lambda w: w.coverage, default=None)
    return best if best is not None and best.coverage > 0 else None


class QuoteChecker:
    """Quote checks over one corpus and its index."""

    def __init__(self, corpus: Corpus, index: BM25Index, evidence: Evidence) -> None:
        self.corpus = corpus
        self.index = index
        self.evidence = evidence
        self.names = ArticleNames(corpus)
        self.read = HandedPassages(corpus.passages)  # passages as a check reads them
        self.gather = StatementGatherer(corpus, index, evidence, self.read, self.names)

    def check(self, asked: str, quote: str, matches: Sequence[Match],
              k: int) -> tuple[QuoteClaim, tuple[Hit, ...]]:
        """The verdict on "did `asked` say `quote`?" (`matches`: who `asked` may be), and the
        hits to show: the evidence first."""
        shown = " ".join(strip_quote_marks(quote).split())
        people = claims.candidates(matches)
        pieces = quote_pieces(quote)
        if not pieces:
            return QuoteClaim("quote_check", asked=asked, quote=shown, candidates=people,
                              note=NO_WORDS), ()
        query = list(dict.fromkeys(terms(strip_quote_marks(quote))))
        no = canonical_set(negated_terms(strip_quote_marks(quote)))
        keys = {(m.group.folded, m.group.kind) for m in matches}
        weigh = self._weigher(pieces, query, strip_quote_marks(quote))
        meant = canonical_set(query)
        sure = hedges(strip_quote_marks(quote))
        names = self._names_of(asked, matches)
        named_in = self._named_in(strip_quote_marks(quote), names)
        mine = sorted((replace(w, names=named_in(w))
                       for w in map(weigh, self.gather.statements_of(matches, query))),
                      key=lambda w: (-w.exact, -w.coverage))
        others = sorted((weigh(s) for s in self.gather.pool(query, keys)),
                        key=lambda w: (-w.exact, -w.coverage))
        named = any(m.how in _BY_NAME for m in matches)
        full = tuple(m.group.speaker.name for m in matches if m.how == "name") if named else ()
        theirs = _own_words(matches)
        verdict, chosen = self._decide(
            mine, others, lambda w: w.agrees(no, meant, sure, strip_quote_marks(quote)), names,
            lambda w: self._someone_else(w, None if named else asked, names, full, theirs))
        if chosen is None:  # not_found: the closest passage, said to be the closest
            chosen = _closest(mine, others)
        extra_hits = [w for w in mine if w is not chosen][:k - 1]
        hits = self._hits([chosen, *extra_hits] if chosen else extra_hits, query)
        claim = self._claim(verdict, chosen, hits, asked, shown, query, people)
        return claim, hits

    # --- deciding -----------------------------------------------------------------------
    @staticmethod
    def _decide(mine: list[_Weighed], others: list[_Weighed],
                agrees: Callable[[_Weighed], bool], names: frozenset[str],
                someone_else: Callable[[_Weighed], bool]) -> tuple[Verdict, _Weighed | None]:
        """The strongest verdict the evidence bears, and the statement it rests on."""
        best = mine[0] if mine else None
        if best is not None and best.exact:
            return "exact", best
        spoken = [w for w in others if w.statement.speaker is not None]
        exact = [w for w in spoken if w.exact]
        theirs = bool(exact) and someone_else(exact[0])  # another's quotation holds Y
        if best is not None and agrees(best) and best.coverage >= WHOLE and best.compact and \
                best.substance >= (SAYS_MORE if theirs else SAYS):
            return "reported", best
        if theirs:
            return "other_speaker", exact[0]
        for w in spoken:
            if w.coverage < REPORTED_AT or (exact and not someone_else(exact[0])):
                break
            if w.held >= 2 and agrees(w) and w.compact and not (w.statement.terms & names) \
                    and someone_else(w):  # one word in common is not their words
                return "other_speaker", w
        about = [w for w in mine if (w.about or w.coverage >= REPORTED_AT)  # or it all but
                 and w.names]
        near = max(about, key=lambda w: w.spread) if about else None
        if near is not None and near.spread >= CLOSE_AT:
            return "close", near
        return "not_found", None

    def _weigher(self, pieces: list[list[str]], query: list[str], said: str
                 ) -> Callable[[Statement], _Weighed]:
        """Weighs a statement against Y. For `coverage` a word of Y is held by the same word
        (stem or irregular form) or, outside quotation marks, a synonym: a synonym of a
        speaker's own quoted word is a different word, so a misquote ("crack open" for
        "break open") is never `reported`. For `spread` and `about`, synonyms count
        everywhere."""
        weights = {t: self.index.idf(t) if t in self.index else self.evidence.unseen_idf
                   for t in query}
        total = sum(weights.values()) or 1.0
        core = core_of(said)
        own = {t: same_word(t) for t in query}
        meant = {t: canonical(t) for t in query}
        quote = frozenset(meant.values())
        phrased = phrase_terms(said)  # Y's words in a phrase of the table: its lemma
        phrasing = bool((quote | set(phrased.values())) & phrase_lemma_set())

        def holds(t: str, words: frozenset[str], free: frozenset[str]) -> bool:
            return own[t] in words or meant[t] in free or phrased.get(t, "") in free

        def weigh(statement: Statement) -> _Weighed:
            exact = any(contains(run, pieces) for run in statement.quoted)
            best: tuple[float, int, int, int] = (-1.0, 0, 0, 0)
            loose: set[str] = set()
            about = False
            found_in: list[list[str]] = []
            for i, part in enumerate(statement.parts):
                free = canonical_set(t for t, _, q in part.surface if not q)
                held = canonical_set(part.terms)
                held |= by_degree(held, quote)
                if phrasing:
                    free |= phrase_lemmas(part.free)
                    held |= phrase_lemmas(part.text)
                    held |= {meant[t] for t in phrased if phrased[t] in held}
                words = same_word_set(part.terms)
                found = [t for t in weights if holds(t, words, free)]
                found_in.append(found)
                meant_here = {meant[t] for t in found} - name_terms(part.text)
                best = max(best, (sum(weights[t] for t in found) / total, -i, len(found),
                                  len(meant_here)))
                loose |= held
                about = about or core.held_by(held, quote, partial(_lower_terms, part),
                                              part.text)
            spread = sum(w for t, w in weights.items() if meant[t] in loose) / total
            chosen = statement.parts[-best[1]]
            return _Weighed(statement, exact, max(best[0], 0.0), chosen, spread, about,
                            best[2], substance=best[3],
                            compact=compact(chosen, found_in[-best[1]]))

        def compact(part: Part, found: list[str]) -> bool:
            def stands_for(word: str, i: int, t: str) -> bool:
                return same_word(word) == own[t] or \
                    (not part.surface[i][2] and canonical(word) == meant[t])
            span, held = shortest_span([w for w, _, _ in part.surface], found, stands_for)
            return compact_enough(span, held)
        return weigh

    def _named_in(self, quote: str, names: frozenset[str]) -> Callable[[_Weighed], bool]:
        """Whether a statement names each name the quote writes with capitals, other than
        X's own ("the European Court of Human Rights"), by a word of it or its variants
        ("Russian" for Russia); or holds every other word of the quote and most of it
        (SWAPPED_AT): then the quote put another name in X's words ("cut \u00a335bn from
        the NHS" for "from public services", "rural Britain" for "rural England"), which
        is near them; a statement sharing only a word or two beside the name is not."""
        found = names_in(quote)
        runs = [frozenset(self.evidence.widened(sorted(run))) for run in found
                if not run & names]
        named = frozenset(t for run in found for t in run)
        rest = canonical_set(t for t in terms(quote) if t not in named)

        def naming(w: _Weighed) -> bool:
            if all(run & w.statement.terms for run in runs):
                return True
            return w.spread >= SWAPPED_AT and rest <= canonical_set(w.statement.terms)
        return naming

    def _someone_else(self, w: _Weighed, described: str | None, names: frozenset[str],
                      asked_names: tuple[str, ...] = (),
                      own_words: frozenset[str] = frozenset()) -> bool:
        """Whether the statement's speaker is surely not the one asked about: their name
        shares no word with X's (or only a surname, under another first name than every
        name X was resolved to: Andy Robinson is not Jason Robinson), and, when X is a
        description rather than a name someone has (`described`), its words do not all occur
        in their passage or description ("the Microsoft chairman" may be the Bill Gates a
        passage calls that); and a speaker called only by words of X's roles or first names
        ("the chancellor", "Sir Edward" read as "Edward") may be X (`own_words`)."""
        speaker = w.statement.speaker
        if speaker is None:
            return False
        own = set(terms(speaker.name))
        if own and own <= own_words and speaker.kind != "organisation":
            return False  # (X's firm, named in X's role, speaks for itself)
        if own & names:
            if not self.names.written(w.statement.p, speaker.name):
                return False  # a name its article never writes: it may be X's, misread
            return described is None and (other_first_name(speaker.name, asked_names) or
                                          other_surname(speaker.name, own & names,
                                                         asked_names))
        if described is None:
            return True
        typed = set(terms(described))
        around = set(self.evidence.terms_of(w.statement.p)) | own | set(terms(speaker.role or ""))
        return not typed or not typed <= around

    @staticmethod
    def _names_of(asked: str, matches: Sequence[Match]) -> frozenset[str]:
        """The terms that name X in a sentence: the words typed and the candidates' names
        less their first names ("David" Davis is not David Blunkett; a first name typed
        stays)."""
        out = set(terms(asked))
        for m in matches:
            words = m.group.speaker.name.split()
            if len(words) > 1 and first_name_gender(words[0]) is not None:
                words = words[1:]
            out.update(terms(" ".join(words)))
        return frozenset(out)

    # --- the record ---------------------------------------------------------------------
    def _hits(self, chosen: Sequence[_Weighed], query: list[str]) -> tuple[Hit, ...]:
        out: list[Hit] = []
        for w in chosen:
            st = w.statement
            found = self.index.top(query, 1, allowed=[st.p]) if query else []
            score = found[0][1] if found else 0.0  # BM25's, as every result shows
            hit = self.evidence.hits([(st.p, score)], set(query),
                                     only={st.p: list(st.sentences)})[0]
            out.append(Hit(len(out) + 1, hit.score, self.read.passage(st.p), hit.article,
                           hit.best_sentence, hit.highlights))
        return tuple(out)

    @staticmethod
    def _claim(verdict: Verdict, chosen: _Weighed | None, hits: tuple[Hit, ...], asked: str,
               shown: str, query: list[str], people: tuple[claims.Candidate, ...]
               ) -> QuoteClaim:
        if chosen is None:
            return QuoteClaim("quote_check", None, people, None, verdict, asked, shown)
        st = chosen.statement
        asked_words = _surface(shown)
        held = st.terms
        wanted = set(query)
        shared = tuple(w for t, w in asked_words if t in held)
        missing = tuple(w for t, w in asked_words if t not in held)
        extra = tuple(w for t, w in _dedup(chosen.part.said()) if t not in wanted)
        speaker = st.speaker if verdict != "not_found" else None
        return QuoteClaim("quote_check", speaker, people, chosen.coverage, verdict, asked,
                          shown, hits[0] if hits else None, shared, missing, extra,
                          verbatim=chosen.exact)


def _own_words(matches: Sequence[Match]) -> frozenset[str]:
    """The terms of the roles and first names of everyone X may be: what an article may
    call X by alone ("the Chancellor said", "Sir Edward believed")."""
    out: set[str] = set()
    for m in matches:
        who = m.group.speaker
        out.update(terms(who.role or ""))
        out.update(terms(" ".join(who.name.split()[:-1])))  # titles, first, middle names
    return frozenset(out)


def _lower_terms(part: Part) -> frozenset[str]:
    """The canonical terms of the words a sentence writes in lower case (not names)."""
    return canonical_set(t for t, word, _ in part.surface if word[:1].islower())


def _surface(text: str) -> list[tuple[str, str]]:
    """(term, word as written) for each distinct content term of the text."""
    return _dedup(tuple((t.term, text[t.start:t.end]) for t in tokens(text)))


def _dedup(pairs: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: set[str] = set()
    out = []
    for term, word in pairs:
        if term not in seen:
            seen.add(term)
            out.append((term, word))
    return out
