"""The statements a quote check weighs: the candidates' own (also where the article's
hand-off gives them a quotation, or misreads their name), and everyone else's in the
passages best matching the quote (see `quote_check`)."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from corpus.models import Corpus
from retrieval.answering.candidates import Match
from retrieval.answering.evidence import Evidence
from retrieval.answering.quote_handoff import HandedPassages
from retrieval.answering.quote_names import ArticleNames, article_of
from retrieval.answering.quote_sense import widened_terms
from retrieval.answering.quote_statements import (
    GroupKey,
    Statement,
    key_of,
    statement_of,
    statements_in,
)
from retrieval.bm25_index import BM25Index
from retrieval.tokenizer import terms

POOL = 40  # passages best matching Y that are searched for other speakers' words


class StatementGatherer:
    """Where a check over one corpus finds the statements it weighs."""

    def __init__(self, corpus: Corpus, index: BM25Index, evidence: Evidence,
                 read: HandedPassages, names: ArticleNames) -> None:
        self.corpus = corpus
        self.index = index
        self.evidence = evidence
        self.read = read  # passages as a check reads them
        self.names = names

    def statements_of(self, matches: Sequence[Match], query: list[str]
                       ) -> Iterator[Statement]:
        """Each candidate's statements, one per passage: those in passages holding a word of
        the quote or a synonym of one (the others can neither hold it nor share a word), or
        all of them when the quote has only common words: "any deal ... under duress" is
        looked for where Kallas says "agreement" and "at gunpoint"."""
        widened = widened_terms(query)
        for m in matches:
            handed = self.read.handed_to(m.group.speaker, m.group.statements)
            first: dict[int, int] = {}
            for p, s in [*m.group.statements, *sorted(handed)]:
                first.setdefault(p, s)
            if query:
                held = {p for p, _ in self.index.top(widened, len(first), allowed=first)}
                first = {p: s for p, s in first.items() if p in held}
            for p, s in first.items():
                read = self.read.passage(p) if (p, s) in handed else self.corpus.passages[p]
                found = statement_of(self.read.passage(p), p, read.sentences[s].speaker
                                     or m.group.speaker)
                if found is not None:
                    yield found
        yield from self._misread(matches, widened)

    def _misread(self, matches: Sequence[Match], widened: list[str]) -> Iterator[Statement]:
        """The statements of the candidates under a name their article misread ("Harrogate
        Kennedy" in an article writing "Charles Kennedy": see `quote_names`), in the
        passages of their articles holding their surname and a word of the quote."""
        keys = {(m.group.folded, m.group.kind) for m in matches}
        passages = self.corpus.passages
        for m in matches:
            surname = terms(m.group.speaker.name.split()[-1])
            if len(m.group.speaker.name.split()) < 2 or not surname:
                continue
            articles = sorted({q for p, _ in m.group.statements
                               for q in article_of(passages, p)})
            held = {p for p, _ in self.index.top(surname, len(articles), allowed=articles)}
            if widened:
                held &= {p for p, _ in self.index.top(widened, len(held), allowed=sorted(held))}
            for p, who in self.names.misread(m.group.speaker, sorted(held)).items():
                found = statement_of(self.read.passage(p), p, who)
                if found is not None and key_of(who) not in keys:
                    yield replace(found, speaker=m.group.speaker)  # whose words they are

    def pool(self, query: list[str], keys: set[GroupKey]) -> Iterator[Statement]:
        """Everyone else's statements, and the narration, in the passages best matching Y,
        and in those holding every word of Y among the best for its rarest word: a long
        passage (a match report quoting both managers) ranks low on length alone, though it
        holds Y word for word."""
        if not query:
            return
        found = [p for p, _ in self.index.top(query, POOL)]  # each holds a word of Y
        if len(query) > 1:
            seen = set(found)
            found += [p for p in self.evidence.holding_all(query) if p not in seen]
        for p in found:
            for statement in statements_in(self.read.passage(p), p):
                if statement.speaker is None or key_of(statement.speaker) not in keys:
                    yield statement
