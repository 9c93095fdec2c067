"""One attributed article as compact JSON and back, exactly: the article cache stores what
`corpus.build.attribute_article` made, so that a file already read is not attributed again;
with it, what the cross-article merge reads of its people (`corpus.merging.people_facts`),
so that their names are not parsed again either."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from corpus.models import Article, Passage, Person, Sentence, Speaker
from retrieval.store.lazy import LazySeq
from retrieval.store.records_layout import SPEAKER_KINDS, SPEECH_KINDS, check_fields
from retrieval.store.spill import Stored

if TYPE_CHECKING:  # imported when used: a start from a saved entry never merges
    from corpus.merging import ArticleFacts

FORMAT = 4  # 2: the people's merge facts; 3: the number of passages; 4: the head's entries
_DECODER = json.JSONDecoder()


class _Speakers:
    """Each distinct speaker once, numbered: most sentences share a few speakers."""

    def __init__(self) -> None:
        self.ids: dict[Speaker, int] = {}

    def __call__(self, sp: Speaker | None) -> int:
        if sp is None:
            return -1
        return self.ids.setdefault(sp, len(self.ids))


def _sentence(s: Sentence, text: str, speakers: _Speakers) -> list[Any]:
    own = None if s.text == text[s.start:s.end] else s.text
    return [s.start, s.end, own, speakers(s.speaker), s.kind]


def article_to_json(a: Article, facts: ArticleFacts = ()) -> str:
    """ASCII JSON (surrogate escapes of undecodable file names survive as \\u escapes)."""
    return json.dumps(_data(a, facts), separators=(",", ":"))


def article_parts(a: Article, facts: ArticleFacts = ()) -> tuple[str, str]:
    """The same JSON in two parts, as the article cache keeps it: all but the passages (read
    at every build, for the merge), and the passages (read only when they are). The first
    part is two JSON documents end to end: what the merge reads of the article
    (`merge_entries_of`: its id, path, number of passages, and each merge fact with its
    person's name and role), parsed without the rest at every build, then the rest."""
    data = _data(a, facts)
    passages = data.pop("passages")
    people = data["people"]
    entries = [FORMAT, data["id"], data["path"], data["n"],
               [[people[k][0], people[k][1], *rest] for k, *rest in data["merge"]]]
    return (json.dumps(entries, separators=(",", ":")) + json.dumps(data, separators=(",", ":")),
            json.dumps(passages, separators=(",", ":")))


def _data(a: Article, facts: ArticleFacts) -> dict[str, Any]:
    check_fields()
    speakers = _Speakers()
    passages = [[p.index, p.text, [_sentence(s, p.text, speakers) for s in p.sentences]]
                for p in a.passages]
    if any(p.document != a.id for p in a.passages):
        raise ValueError("a passage of another article")
    data = {"f": FORMAT, "id": a.id, "path": a.path, "title": a.title, "source": a.source,
            "date": a.date, "url": a.url, "passages": passages, "n": len(passages),
            "speakers": [[s.name, s.role, s.kind] for s in speakers.ids],
            "people": [[p.name, p.role, p.kind, sorted(p.aliases)] for p in a.people],
            "merge": [[f.person, list(f.parts.given), f.parts.surname, f.parts.joined,
                       f.parts.titled, list(f.parts.given_words), f.gender, f.statements]
                      for f in facts]}
    return data


def _kind(value: Any, kinds: tuple[str, ...], optional: bool) -> Any:
    if (value is None and optional) or value in kinds:
        return value
    raise ValueError(f"unknown kind {value!r}")


def article_from_json(text: str) -> Article:
    """What `article_to_json` wrote; ValueError (or KeyError, TypeError) when it is not."""
    return article_and_facts(text)[0]


def article_and_facts(text: str) -> tuple[Article, ArticleFacts]:
    """The article and the merge facts `article_to_json` wrote; ValueError (or KeyError,
    TypeError) when it is not."""
    d = json.loads(text)
    return _article_and_facts(d, d["passages"], lazy=False)


def article_from_parts(head: str, passages: str | Stored) -> tuple[Article, ArticleFacts]:
    """The article and merge facts `article_parts` wrote, the passages made when first read
    (a build that adds one file reads few of the others'; the cache row's checksum vouches
    for them); ValueError (or KeyError, TypeError) when the head is not such a part."""
    _, end = _DECODER.raw_decode(head)  # (the merge's entries: `merge_entries_of`)
    d, end = _DECODER.raw_decode(head, end)
    if end != len(head):
        raise ValueError("a head with more after it")
    return _article_and_facts(d, passages, lazy=True)


def _article_and_facts(d: dict[str, Any], passages: list[Any] | str | Stored, *, lazy: bool
                       ) -> tuple[Article, ArticleFacts]:
    if d.get("f") != FORMAT:
        raise ValueError("another format")
    from corpus.merging import PersonFacts
    from corpus.name_keys import NameParts

    article = _article(d, passages, lazy)
    people = len(article.people)
    # (The row's checksum vouches for what was written; only what would index out of the
    # article is checked.)
    facts = tuple(PersonFacts(k, NameParts(tuple(given), surname, joined, titled, tuple(words)),
                              gender, statements)
                  for k, given, surname, joined, titled, words, gender, statements in d["merge"])
    if any(not 0 <= f.person < people for f in facts):
        raise ValueError("merge facts of another article")
    return article, facts


def _article(d: dict[str, Any], rows: list[Any] | str | Stored, lazy: bool) -> Article:
    speakers = [Speaker(n, r, _kind(k, SPEAKER_KINDS, False)) for n, r, k in d["speakers"]]
    count = d["n"]
    if not isinstance(count, int) or isinstance(rows, list) and len(rows) != count:
        raise ValueError("the passages are not as many as the article says")
    made = _Passages(d["id"], rows, speakers)
    people = tuple(Person(n, r, _kind(k, SPEAKER_KINDS, False), frozenset(al))
                   for n, r, k, al in d["people"])
    return Article(d["id"], d["path"], d["title"],
                   LazySeq.at_once(count, made) if lazy else made(), people,
                   d["source"], d["date"], d["url"])


class _Passages:
    """An article's passages from its JSON rows, as text or in a build's spill file
    (`spill`; a slotted object, not a closure: the cyclic collector walks fewer objects)."""

    __slots__ = ("_id", "_rows", "_speakers")

    def __init__(self, article_id: str, rows: list[Any] | str | Stored,
                 speakers: list[Speaker]) -> None:
        self._id, self._rows, self._speakers = article_id, rows, speakers

    def __call__(self) -> tuple[Passage, ...]:
        speakers, aid, rows = self._speakers, self._id, self._rows
        if isinstance(rows, Stored):
            rows = rows.text()
        if isinstance(rows, str):
            rows = json.loads(rows)
        return tuple(Passage(aid, index, ptext, tuple(
            Sentence(ptext[start:end] if own is None else own, start, end,
                     None if spk < 0 else speakers[spk], _kind(kind, SPEECH_KINDS, True))
            for start, end, own, spk, kind in sentences))
            for index, ptext, sentences in rows)


def merge_entries_of(head: str) -> tuple[str, str, int, tuple[Any, ...]]:
    """Of what `article_parts` wrote as the head: the article's id, path, number of
    passages and its `corpus.merging.merge_entries` (each entry's person's name and role,
    and its merge facts), without making the article; ValueError (or KeyError, TypeError,
    IndexError) when the head is not such a part. The entries are those of the article
    `article_from_parts` makes (`tests/retrieval/store/test_article_cache.py`)."""
    from corpus.name_keys import NameParts

    got, _ = _DECODER.raw_decode(head)  # the first document only: the rest is not parsed
    if not isinstance(got, list) or len(got) != 5 or got[0] != FORMAT:
        raise ValueError("another format")
    _, aid, path, count, facts = got
    if not isinstance(count, int) or not isinstance(aid, str) or not isinstance(path, str):
        raise ValueError("not an article's head")
    return aid, path, count, tuple(
        (name, role, NameParts(tuple(given), surname, joined, titled, tuple(words)), gender,
         statements)
        for name, role, given, surname, joined, titled, words, gender, statements in facts)
