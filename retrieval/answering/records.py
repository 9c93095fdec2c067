"""What an answer is, independent of how a front end shows it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from corpus.models import Article, Passage, Sentence, Speaker

Intent = Literal["search", "speaker", "who_said", "speakers", "check"]
# What an answer tells the user about who said what (see Claim).
ClaimKind = Literal["said", "closest", "absent", "none", "quote_check"]


@dataclass(frozen=True)
class Hit:
    """One result: a passage, its score and the sentence that matched best."""

    rank: int  # 1-based
    score: float
    passage: Passage
    article: Article
    best_sentence: int  # index into passage.sentences
    highlights: tuple[tuple[int, int], ...]  # character spans in passage.text of matched words

    @property
    def sentence(self) -> Sentence:
        return self.passage.sentences[self.best_sentence]

    @property
    def speaker(self) -> Speaker | None:
        """The speaker of the best-matching sentence (None where nobody speaks)."""
        return self.sentence.speaker


@dataclass(frozen=True)
class Candidate:
    """Someone the question's speaker phrase may mean, with how many statements they have."""

    speaker: Speaker
    statements: int


@dataclass(frozen=True)
class Claim:
    """What the answer asserts, so every front end says the same and an evaluation can check
    it against the articles:

    - `said`: `speaker` said what was asked; the first result is that statement;
    - `closest`: no statement found says it; the results are the closest evidence;
    - `absent`: nothing in the articles fits the phrase asked about;
    - `none`: a plain search, no claim about speakers.
    `coverage` is the share (by IDF) of the question's content terms that the shown statement
    holds, where the engine measured it. There is no "X is never quoted" claim: attribution
    can miss a statement, so for someone with none the answer shows the passages that
    mention them (`closest`) and says that no statement in them is attributed to them."""

    kind: ClaimKind
    speaker: Speaker | None = None
    candidates: tuple[Candidate, ...] = ()
    coverage: float | None = None


NO_CLAIM = Claim("none")


@dataclass(frozen=True)
class Answer:
    """The answer to one question. `message` is for the person (None when results speak alone)."""

    question: str
    intent: Intent
    results: tuple[Hit, ...]
    message: str | None = None
    # the speaker asked about ("What did X say") or found ("Who said")
    speaker: Speaker | None = None
    unmatched_words: tuple[str, ...] = field(default=())  # question words absent from the corpus
    truncated_question: bool = False  # the question was cut to the length limit
    claim: Claim = NO_CLAIM

    @property
    def truncation_note(self) -> str | None:
        """What to tell the person when their question was cut (one wording everywhere)."""
        if not self.truncated_question:
            return None
        return (f"Your question was long, so only its first {len(self.question):,} "
                f"characters were used.")


@dataclass(frozen=True)
class SpeakerStats:
    speaker: Speaker
    statements: int
    direct: int
    reported: int


@dataclass(frozen=True)
class QuotesAnswer:
    """Everything one speaker said, in corpus order."""

    query: str
    speaker: Speaker | None
    statements: tuple[tuple[Article, Passage, Sentence], ...]
    message: str | None = None
