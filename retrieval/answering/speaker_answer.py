""""What did X say (about Y)?": the statements of the speakers X fits, and a claim only
when one covers Y.

X resolves to ranked candidates (`candidates`), widened by the roles nearby sentences give
(`nearby`); their statements on Y are searched as asked, then with synonyms (`who_said`),
and their other statements in the articles about Y follow (`context`). When nobody fits X,
the closest passages, or "nobody called X appears" only when no article writes the name
(`unknown_names`).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from corpus.folding import fold
from corpus.models import Speaker
from retrieval.answering import claims, group_members, nearby, owned_roles
from retrieval.answering.absence import MIN_PASSAGES
from retrieval.answering.candidates import Match, best_fit_first, best_fitting, is_quantifier
from retrieval.answering.context import in_topic_articles
from retrieval.answering.passages_on import passages_on
from retrieval.answering.records import Answer, Candidate, Claim, Hit
from retrieval.answering.speaker_claims import said_on
from retrieval.answering.speakers import Resolution, normalize_name
from retrieval.answering.unknown_names import name_words, unwritten_name
from retrieval.answering.who_said import SAID_POOL, Found, covered_first, renumbered, widens
from retrieval.store.speaker_digest import group_key
from retrieval.tokenizer import terms

if TYPE_CHECKING:
    from retrieval.answering.engine import Parley


def speaker_answer(parley: Parley, question: str, typed: str, topic: str, k: int, cut: bool,
                   matches: Sequence[Match] | None = None) -> Answer:
    """What the speakers `typed` fits said (about `topic`); `matches` when the caller has
    already found them."""
    if is_quantifier(typed):  # "Did anyone talk about ...?" asks who said it
        return parley._who_said(question, topic, k, cut)
    described_only = False  # only the roles of nearby sentences fit (see `nearby`)
    if matches is None:
        matches, described_only = _speakers_typed(parley, typed, topic)
    unmatched = parley.evidence.unmatched(topic)
    several = claims.several_message(typed, matches)
    unstated = claims.country_unstated(matches)  # nothing is claimed of them (see claims)
    kinds: list[Match] = []
    if not matches:  # a kind of body: its bodies by name ("RJ Reynolds Tobacco")
        matches = kinds = group_members.of_kind(parley, typed)
    people_of, body_of = group_members.members(parley, typed, matches)
    body_of |= {m.group.folded: "" for m in kinds}
    matches = [*matches, *people_of]
    if not matches:
        return nobody_fits(parley, question, typed, topic, k, cut)
    mine: dict[int, list[int]] = {}
    for m in matches:
        for p, s in m.group.statements:
            mine.setdefault(p, []).append(s)
    people = claims.candidates(matches)
    query = [t for t in terms(topic) if t not in set(terms(typed))]
    absent = parley.absent_answer(question, "speaker", topic, unmatched, cut,
                                  Claim("closest", None, people)) if query else None
    if absent is not None:
        return absent
    if not query:
        ranked = statements_in_order(parley, matches, typed, k, mine)
        hits = parley.evidence.hits(ranked, set(terms(typed)), only=mine)
        if unstated:
            return Answer(question, "speaker", hits, several, None, unmatched, cut,
                          Claim("closest", None, people))
        return Answer(question, "speaker", hits, several, hits[0].speaker, unmatched, cut,
                      Claim("said", hits[0].speaker, people))
    names = " or ".join(claims.who(c.speaker) for c in people[:3])
    # The words as asked first; their synonyms only when no statement they find covers
    # the topic (see `who_said`).
    found = theirs_on(parley, query, topic, k, matches, mine, wide=False)
    if widens(parley, query) and (found is None or found.held[0] < claims.COVERAGE_TO_SAY):
        found = theirs_on(parley, query, topic, k, matches, mine, wide=True) or found
    if found is None and described_only:
        # Fitted only as a nearby sentence describes them, and nothing of theirs on the
        # topic: more likely someone else's words ("St Helens captain Paul Sculthorpe"
        # is not what "St Helens" said), so the closest passages, as for nobody.
        return nobody_fits(parley, question, typed, topic, k, cut)
    if found is None:
        answer = _none_on(parley, question, typed, topic, k, cut, matches, mine, names)
        first = answer.results[0] if answer.results else None
        theirs = {(m.group.folded, m.group.kind) for m in matches}
        share = None if unstated or first is None or first.speaker is None or group_key(
            first.speaker) not in theirs else said_on(parley, topic, query, first, 0.0)
        if share is None:
            return answer
        return _said(parley, question, typed, topic, answer.results, people, share,
                     several, body_of, cut)
    hits, held = found.hits, found.held[0]
    share = None if unstated else said_on(parley, topic, query, hits[0], held)
    if share is not None:
        return _said(parley, question, typed, topic, hits, people, share, several, body_of,
                     cut)
    message = several if unstated else claims.closest_for(
        names, topic, covered=held >= claims.COVERAGE_TO_SAY)
    return Answer(question, "speaker", hits, message, None,
                  unmatched, cut, Claim("closest", None, people, held))


def _said(parley: Parley, question: str, typed: str, topic: str, hits: tuple[Hit, ...],
          people: tuple[Candidate, ...], held: float, several: str | None,
          body_of: dict[str, str], cut: bool) -> Answer:
    """The first statement claimed as the speaker's on the topic; a member of a group
    asked about is said to be one of those the phrase takes in (`claims.member_said`)."""
    speaker = hits[0].speaker
    body = _body_of(parley, speaker, body_of)
    message = several if body is None or speaker is None else claims.member_said(
        typed, topic, speaker, body)
    return Answer(question, "speaker", hits, message, speaker,
                  parley.evidence.unmatched(topic), cut, Claim("said", speaker, people, held))


def _body_of(parley: Parley, speaker: Speaker | None, body_of: dict[str, str]) -> str | None:
    """The body a member speaks for (see `group_members`), None for one the phrase fits."""
    group = None if speaker is None else parley.directory.entries.get(
        (fold(speaker.name), speaker.kind))
    return None if group is None else body_of.get(group.folded)


def _none_on(parley: Parley, question: str, typed: str, topic: str, k: int, cut: bool,
             matches: Sequence[Match], mine: dict[int, list[int]], names: str) -> Answer:
    """None of their statements holds a word of the topic: their statements, said to be
    theirs on something else, rather than others' words on the topic."""
    query = [t for t in terms(topic) if t not in set(terms(typed))]
    unmatched = parley.evidence.unmatched(topic)
    people = claims.candidates(matches)
    ranked = statements_in_order(parley, matches, typed, k, mine)
    first = in_topic_articles(parley.index, parley.corpus.passages,
                              parley.evidence.widened(query), mine, (), k)
    # Not even in the articles about it, in a corpus large enough for that to say
    # something (see `absence`): nothing of theirs answers.
    if not first and parley.index.size >= MIN_PASSAGES:
        around = renumbered(passages_on(parley, question, typed, topic, k, cut))
        return Answer(question, "speaker", around,
                      claims.none_on(names, topic, shown=False, passages=bool(around)),
                      None, unmatched, cut, Claim("closest", None, people, 0.0))
    firsts = {p for p, _ in first}
    ranked = [*first, *(r for r in ranked if r[0] not in firsts)][:k]
    hits = parley.evidence.hits(ranked, set(query) | set(terms(typed)), only=mine)
    return Answer(question, "speaker", hits, claims.none_on(names, topic,
                                                            in_articles=bool(first)), None,
                  unmatched, cut, Claim("closest", None, people, 0.0))


def theirs_on(parley: Parley, query: Sequence[str], topic: str, k: int,
              matches: Sequence[Match], mine: dict[int, list[int]], *,
              wide: bool) -> Found | None:
    """The speakers' statements on the topic, best first (the best-fitting speakers'
    among the near-best, then by coverage), or None when none holds a word of it."""
    pool = max(k, SAID_POOL)
    evidence = parley.evidence
    ranked = evidence.distinct(best_fit_first(
        parley._top(query, topic, 2 * pool + 5, mine, wide=wide), matches), pool)
    if not ranked:
        return None
    searched = evidence.searched(query) if wide else evidence.widened(query)
    wanted = set(searched)
    hits, held = covered_first(
        parley, ranked, lambda chosen: evidence.hits(chosen, wanted, only=mine), query,
        k, best_fitting(matches))
    if len(hits) < k:  # their other statements in the articles about it (`context`)
        more = evidence.hits(in_topic_articles(
            parley.index, parley.corpus.passages, searched, mine, {p for p, _ in ranked},
            k - len(hits)), wanted, only=mine)
        hits = renumbered([*hits, *more])
        held = [*held, *(evidence.coverage(h, query) for h in more)]
    return Found(hits, held)


def statements_in_order(parley: Parley, matches: Sequence[Match], typed: str, k: int,
                        mine: dict[int, list[int]]) -> list[tuple[int, float]]:
    """No topic: the best-fitting speaker's statements first, where the name itself
    appears first; then the others'."""
    ranked: list[tuple[int, float]] = []
    seen: set[int] = set()
    for m in matches:
        theirs = {p for p, _ in m.group.statements}
        corrected = parley.directory.resolve(typed).corrected if m.how == "name" else None
        found = parley.index.top(terms(corrected or typed), len(theirs), allowed=theirs)
        for p, score in found + [(p, 0.0) for p in sorted(theirs)]:
            if p not in seen:
                seen.add(p)
                ranked.append((p, score))
    return parley.evidence.distinct(ranked, k)


def nobody_fits(parley: Parley, question: str, typed: str, topic: str, k: int,
                cut: bool) -> Answer:
    """No speaker fits the phrase. When its words are in the articles (someone mentioned
    but never given a statement, or a description the attribution did not link), the
    closest passages, said to be the closest; "nobody called X appears" only when none
    of its words occurs in the articles, or when it is a name no article writes (see
    `unknown_names`)."""
    unmatched = parley.evidence.unmatched(topic)
    resolution = parley.directory.resolve(typed)
    if resolution.mentioned_as is None and unwritten_name(
            typed, parley.index, parley._passage_text,
            parley.vocabulary.has_near):
        message = f"Nobody called \u201c{typed}\u201d appears in the articles."
        return Answer(question, "speaker", (), message, None, unmatched, cut,
                      Claim("absent"))
    spelling = known_spelling(parley, typed)
    name = resolution.mentioned_as or spelling or _partly_written(parley, typed)
    if name is not None:
        plain = parley._search(question, topic, k, cut, name=name)
        if plain.results:
            spelt = None if resolution.mentioned_as else spelling
            return Answer(question, "speaker", plain.results,
                          _unattributed(parley, typed, resolution, spelt), None, unmatched,
                          cut, Claim("closest"))
    message, kind = parley._not_a_speaker(typed, None)
    return Answer(question, "speaker", (), message, None, unmatched, cut, Claim(kind))


def known_spelling(parley: Parley, typed: str) -> str | None:
    """The phrase as the articles spell it, when each of its words is in them, as typed
    or one or two letters off ("stellios" -> "stelios"): a description ("the host of
    the talks") or a name the attribution did not link. None when some word is in no
    article, so that nobody called that appears."""
    fixed = [w if any(t in parley.index for t in terms(w)) or not terms(w)
             else parley.vocabulary.near(w) for w in typed.split()]
    return " ".join(w for w in fixed if w) if all(fixed) else None


def _partly_written(parley: Parley, typed: str) -> str | None:
    """The words of a description the articles use, when every word they lack is a role
    word and it is no name ("the turkish leader": "Turkish President Recep Tayyip Erdogan"
    is in the seed, though "leader" is not): someone in the articles may be called that, so
    it is not "nobody". A description naming what no article names ("china's foreign
    ministry", "the netflix boss") stays nobody."""
    from corpus.phrases import is_role_word  # its vocabularies load only when needed

    if name_words(typed) is not None:
        return None  # a name: written whole or nobody's (see `unknown_names`)
    words = [w for w in typed.split() if terms(w)]
    found = [w for w in words if any(t in parley.index for t in terms(w))]
    if not found or not all(is_role_word(w) for w in words if w not in found):
        return None
    return " ".join(found)


def _unattributed(parley: Parley, typed: str, resolution: Resolution,
                  spelt: str | None = None) -> str:
    if resolution.mentioned_as:
        note = parley._not_a_speaker(typed, resolution.mentioned_as)[0].removesuffix(".")
    else:
        note = f"No speaker in the articles fits \u201c{typed}\u201d"
        if spelt is not None and normalize_name(spelt) != normalize_name(typed):
            note = (f"No speaker is called \u201c{typed}\u201d as typed; the articles "
                    f"spell it \u201c{spelt}\u201d")
    return f"{note}; the passages closest to your question:"


def _speakers_typed(parley: Parley, typed: str, topic: str) -> tuple[list[Match], bool]:
    """The speakers a phrase fits, and whether only nearby sentences' roles fit them: by
    name or role, else as the holder of a role at a body ("Ernst and Young's head of tax",
    see `owned_roles`); those a sentence near the topic describes so, too, unless one
    fits by their own name."""
    matches = parley._found(typed) or owned_roles.holders(parley, typed)
    described_only = not matches
    if not any(nearby.by_own_name(m, typed) for m in matches):
        matches = _each_once([*matches, *parley._described_nearby(typed, topic)])
    return matches, described_only


def _each_once(matches: Sequence[Match]) -> list[Match]:
    """Each speaker once, where first found (two ways of finding one person are one)."""
    seen: dict[tuple[str, str], Match] = {}
    for m in matches:
        seen.setdefault((m.group.folded, m.group.kind), m)
    return list(seen.values())
