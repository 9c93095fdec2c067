"""What reading an article has found so far, handed explicitly to each rule that needs it.

The rules that resolve pronouns, roles and quote runs depend on what came before (who is in
focus, who spoke last, which organisation spoke); that state lives in one `ArticleState`
per article instead of in attributes spread over a class.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from corpus.attribution.acts import Act
from corpus.entities import Entity
from corpus.models import SpeechKind
from corpus.people import PeopleTable
from corpus.quotes import mask_quotes, quote_spans


@dataclass
class Unit:
    """A sentence or clause with its (provisional) speaker."""

    passage: int
    start: int
    end: int
    act: Act | None = None
    entity: Entity | None = None
    vague: str | None = None
    role_only: str | None = None
    kind: SpeechKind | None = None
    carried: bool = False  # speaker carried on from an earlier statement (quote run)
    minor: bool = False  # a speaker in a subordinate clause: not the one in focus
    anaphoric: bool = False  # a definite role met while a person was in focus
    # A spokesperson speaking for the organisation `entity`: their role ("spokesman") and
    # the phrase that named them ("a Microsoft spokesman"), which a he/she may take up.
    speaking_role: str | None = None
    spoken_for: str | None = None

    def has_speaker(self) -> bool:
        return self.entity is not None or self.vague is not None or self.role_only is not None

    def take_speaker(self, other: Unit) -> None:
        self.entity, self.vague, self.role_only = other.entity, other.vague, other.role_only
        self.speaking_role, self.spoken_for = other.speaking_role, other.spoken_for


@dataclass(frozen=True)
class Paragraph:
    """The paragraph being read: its text, its quotations, and the text with them masked."""

    index: int
    text: str
    quotes: list[tuple[int, int]]
    masked: str
    after_open_quote: bool  # the paragraph before ended in a quotation left open

    @staticmethod
    def read(index: int, text: str, after_open_quote: bool) -> Paragraph:
        quotes = quote_spans(text)
        return Paragraph(index, text, quotes, mask_quotes(text, quotes), after_open_quote)


@dataclass(frozen=True)
class NarratedOrganisation:
    """The latest organisation standing as a narration sentence's subject."""

    name: str  # as the sentence wrote it
    entity: Entity | None  # the organisation noted; None for a place, adjective or first name
    passage: int  # the paragraph of the sentence
    position: int  # the sentence's number in the article
    verb_follows: bool  # a verb (or an apposition's comma) right after the name


Focus = tuple[Entity | None, str | None]  # a person, or a role when nobody is named yet


@dataclass
class ArticleState:
    """The per-article state of attribution."""

    paragraphs: list[str]
    people: PeopleTable
    paragraph: Paragraph  # the paragraph being read
    sentence_start: int = 0  # where the sentence being read starts in it
    position: int = 0  # the number of the sentence being read, in the whole article
    # The person in focus: the latest person speaking or standing as a sentence's subject
    # ("Mr Kennedy is touring ... He said:"). Pronouns go here first.
    focus: Focus | None = None
    focus_at: tuple[int, int] = (-1, 0)  # the paragraph and offset where the focus was set
    # Every person put in focus so far, with the paragraph: a pronoun that the latest
    # focus does not fit may still mean an earlier one (`salience`).
    focus_history: list[tuple[Entity, int]] = field(default_factory=list)
    org_focus: Entity | None = None  # the latest organisation speaking, for "it"
    org_passage: int = -1  # the paragraph where it spoke
    # The latest organisation standing as a narration sentence's subject, which an "it"
    # with nobody else to stand for may be (`org_subjects`)
    narrated: NarratedOrganisation | None = None
    units: list[Unit] = field(default_factory=list)  # every sentence or clause read so far
    last: Unit | None = None  # the latest unit with a speaker (not a subordinate one)
    # The roles of the role-only units read so far: asking whether another role-only lead
    # is open must not read every unit again.
    role_leads: set[str] = field(default_factory=set)
    # The author the article gives each document noun ("a report by the OECD"), if one.
    authors: dict[str, str] = field(default_factory=dict)

    def set_focus(self, focus: Focus, end: int) -> None:
        """Put someone in focus at the sentence (or clause) ending at `end`."""
        self.focus = focus
        self.focus_at = (self.paragraph.index, end)
        if focus[0] is not None:
            self.focus_history.append((focus[0], self.paragraph.index))

    def add_unit(self, unit: Unit) -> None:
        """A unit read (its speaker is final until the whole article is read)."""
        self.units.append(unit)
        if unit.role_only:
            self.role_leads.add(unit.role_only)

    def other_role_lead(self, role: str) -> bool:
        """Whether a unit read so far has a role-only speaker other than `role`."""
        return len(self.role_leads) > (role in self.role_leads)
