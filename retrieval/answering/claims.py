"""When an answer may say "X said it", and how each claim is worded.

"X said it" only when the shown statement covers what was asked: `coverage` is the share, by
IDF, of the question's content terms that the statement (its sentence and the speaker's other
sentences in the passage) holds. Below COVERAGE_TO_SAY the answer shows the closest evidence
and says that it is the closest. The threshold was tuned on the development questions
(`../shared/eval/dev_answers.json`, `dev_questions.json`); see the README.
"""
from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence

from corpus.folding import fold
from corpus.models import Speaker
from retrieval.answering.candidates import Match
from retrieval.answering.records import Candidate, Hit
from retrieval.answering.said_part import said_text

COVERAGE_TO_SAY = 0.75
_ROLE_ONLY = frozenset({"spokesman", "spokeswoman", "spokesperson", "official", "source",
                        "minister", "player", "manager", "the", "a", "an"})


def statement_terms(hit: Hit, terms_of: Callable[[str], Iterable[str]],
                    said_only: bool = False, framed: bool = False) -> set[str]:
    """The terms of the hit's matched sentence and of its speaker's other sentences there (a
    quote run spans sentences), less the terms of the speaker's own name: "said Mr Ebbers"
    says who spoke, not that what was said was about Ebbers. `said_only`: only the words
    that carry what was said, not the narration framing them (`said_part`); `framed`: with
    the passage's narration too (`framed_texts`)."""
    who = hit.speaker
    own = set(terms_of(who.name)) if who is not None else set()
    texts = said_texts(hit) if said_only else framed_texts(hit) if framed else \
        statement_texts(hit)
    return {t for text in texts for t in terms_of(text)} - own


def statement_texts(hit: Hit) -> list[str]:
    """The hit's matched sentence and its speaker's other sentences in the passage."""
    who = hit.speaker
    return [hit.sentence.text] + [s.text for s in hit.passage.sentences
                                  if who is not None and s.speaker == who]


def framed_texts(hit: Hit) -> list[str]:
    """The hit's statement (`statement_texts`), the narration right around it (each
    sentence nobody speaks just before or after one of the statement's) and its article's
    headline: the lines that frame a quotation and the headline over it say what it is
    about ("Pandas get wireless network" over "Digital technology has transformed the way
    we communicate, said Zhang Hemin"), where narration further off is on the story, and
    another speaker's sentence holds their own words, not these."""
    who = hit.speaker
    sentences = hit.passage.sentences
    own = [i for i, s in enumerate(sentences)
           if i == hit.best_sentence or (who is not None and s.speaker == who)]
    around = sorted({j for i in own for j in (i - 1, i + 1)
                     if 0 <= j < len(sentences) and sentences[j].speaker is None})
    return [*statement_texts(hit), *(sentences[j].text for j in around), hit.article.title]


def said_texts(hit: Hit) -> list[str]:
    """What the hit's speaker said in its matched sentence and their other sentences there,
    without the narration around it (`said_part`); the sentence itself for narration."""
    who = hit.speaker
    if who is None:
        return [hit.sentence.text]
    return [said_text(hit.passage, s) for s in (hit.sentence, *hit.passage.sentences)
            if s is hit.sentence or s.speaker == who]


def coverage(query: Iterable[str], held: set[str], weight: Callable[[str], float | None],
             unseen: float, partly: Collection[str] = (), part: float = 0.0) -> float:
    """Share of the query's distinct terms, weighted by IDF, that `held` contains (a term in
    `partly`, held only through a synonym, counts `part` of its weight); a word the articles
    never use weighs `unseen`, at least as much as the rarest word they use (asking about it
    is asking something specific, which no statement holds). When every term weighs nothing
    (a word in half the passages of a small corpus has IDF 0: "the talks" on the seed), each
    counts alike: a statement holding them all holds all that was asked."""
    wanted = set(query)
    if not wanted:
        return 0.0
    weights = {t: w if (w := weight(t)) is not None else unseen for t in wanted}
    total = sum(weights.values())
    if not total:
        weights, total = dict.fromkeys(wanted, 1.0), float(len(wanted))
    got = sum(w if t in held else part * w if t in partly else 0.0 for t, w in weights.items())
    return got / total


def names_someone(speaker: Speaker | None) -> bool:
    """Whether a speaker is someone an answer can name as having said it: a person or body
    with a name, not a vague source ("critics"), a bare role ("Spokesman", "Former
    minister") or a nationality alone ("the American said:" is a description of someone the
    article named before), which the attribution gives when it could not tell who."""
    if speaker is None or speaker.kind == "vague":
        return False
    from corpus.phrases import is_role_word  # its vocabularies load only when needed

    words = speaker.name.split()
    return not all(is_role_word(w) or w.lower() in _ROLE_ONLY for w in words) and not (
        _nationality_only(words))


def _nationality_only(words: Sequence[str]) -> bool:
    """Whether a name is only a people's adjective ("American", "the Frenchman"), not a
    place ("Russia" speaks for its government)."""
    from corpus.gazetteer import gazetteer

    places = gazetteer()
    rest = [fold(w) for w in words if fold(w) not in ("the", "a", "an")]
    return bool(rest) and all(w in places.adjectives and w not in places.places for w in rest)


def who(speaker: Speaker) -> str:
    return f"{speaker.name} ({speaker.role})" if speaker.role else speaker.name


def said_message(speaker: Speaker) -> str:
    return f"{who(speaker)} said it."


# (Parley's own finding, never "the articles hold no such statement": one may say it in
# other words, as McClaren's "Lazio are favourites to win this competition" says "Lazio are
# still favourites for the Uefa Cup")
CLOSEST = "Parley finds no statement that says that; the closest:"
NO_STATEMENT = "Parley finds no statement that says that."


def no_statement_message(unmatched: Sequence[str]) -> str:
    """With nothing to show, the words no article has are the reason, said in the message
    (front ends note them only beside results)."""
    if not unmatched:
        return NO_STATEMENT
    words = ", ".join(f"\u201c{w}\u201d" for w in unmatched[:8])
    verb = "is" if len(unmatched) == 1 else "are"
    return f"{NO_STATEMENT[:-1]}: {words} {verb} in none of the articles."


def candidates(matches: Sequence[Match]) -> tuple[Candidate, ...]:
    return tuple(Candidate(m.group.speaker, len(m.group.statements)) for m in matches)


def several_message(typed: str, matches: Sequence[Match]) -> str | None:
    """Naming everyone a phrase fits, when it fits more than one speaker, or any speaker
    only as a role that states no country (see `country_unstated`)."""
    unstated = country_unstated(matches)
    if len(matches) < 2 and not unstated:
        return None
    shown = ", ".join(who(m.group.speaker) for m in matches[:5])
    more = f" and {len(matches) - 5} more" if len(matches) > 5 else ""
    if unstated:
        count = "one speaker's role fits" if len(matches) == 1 else \
            f"{len(matches)} speakers' roles fit"
        return (f"No speaker's role in the articles states the country of \u201c{typed}"
                f"\u201d; {count} it with no country stated: {shown}{more}.")
    return f"{len(matches)} speakers fit \u201c{typed}\u201d: {shown}{more}."


def country_unstated(matches: Sequence[Match]) -> bool:
    """Whether the phrase names a country and every speaker it fits has a role that states
    none: "Prime Minister" may be France's or not, so nothing is claimed of "the french
    prime minister"."""
    return bool(matches) and all(m.unstated for m in matches)


def member_said(typed: str, topic: str, speaker: Speaker, body: str) -> str:
    """A member's statement shown for a group, said to be one of the people the phrase
    takes in, not the group's own words, and with no negative: the phrase's own speakers
    may have spoken on the topic too (no `body` for a body of the kind the phrase names,
    "the tobacco companies")."""
    of = f"of {body}, one of those" if body else "one of those"
    return (f"{who(speaker)}, {of} \u201c{typed}\u201d takes in, on "
            f"\u201c{topic}\u201d:")


def closest_for(names: str, topic: str, covered: bool = False) -> str:
    """No claim for the statements shown. `covered`: one holds all of the topic and is
    withheld for another reason (its speaker unnamed, its sense turned, the topic named only
    in the narration), so nothing is said of what it holds."""
    if covered:
        return f"The statements by {names} closest to \u201c{topic}\u201d:"
    return (f"No statement by {names} in the articles says all of \u201c{topic}\u201d; "
            "the closest:")


def none_on(names: str, topic: str, shown: bool = True, in_articles: bool = False,
            passages: bool = False) -> str:
    """None of their statements holds a word of the topic; `shown`: their other statements
    follow, `in_articles`: first those in the articles about it; `passages` (when not
    `shown`): the passages closest to the question follow (`passages_on`). It says
    "names", not "is about": a statement in an article about the Oscars may be on them
    without the word ("Bookmakers predict Cate Blanchett will be named best supporting
    actress")."""
    said = f"No statement by {names} in the articles names \u201c{topic}\u201d"
    if not shown:
        return f"{said}, nor do they speak in the articles about it" + (
            "; the passages closest to your question:" if passages else ".")
    return f"{said}; their statements, first those in the articles about it:" if in_articles \
        else f"{said}; their statements:"


def not_in_articles(words: Sequence[str]) -> str:
    quoted = ", ".join(f"\u201c{w}\u201d" for w in words)
    return f"No article mentions {quoted}, so nothing in them answers that."
