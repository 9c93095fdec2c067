"""One attributed article as compact JSON and back, exactly: the article cache stores what
`corpus.build.attribute_article` made, so that a file already read is not attributed again."""
from __future__ import annotations

import json
from typing import Any

from corpus.models import Article, Passage, Person, Sentence, Speaker
from retrieval.store.records_layout import SPEAKER_KINDS, SPEECH_KINDS, check_fields

FORMAT = 1


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


def article_to_json(a: Article) -> str:
    """ASCII JSON (surrogate escapes of undecodable file names survive as \\u escapes)."""
    check_fields()
    speakers = _Speakers()
    passages = [[p.index, p.text, [_sentence(s, p.text, speakers) for s in p.sentences]]
                for p in a.passages]
    if any(p.document != a.id for p in a.passages):
        raise ValueError("a passage of another article")
    data = {"f": FORMAT, "id": a.id, "path": a.path, "title": a.title, "source": a.source,
            "date": a.date, "url": a.url, "passages": passages,
            "speakers": [[s.name, s.role, s.kind] for s in speakers.ids],
            "people": [[p.name, p.role, p.kind, sorted(p.aliases)] for p in a.people]}
    return json.dumps(data, separators=(",", ":"))


def _kind(value: Any, kinds: tuple[str, ...], optional: bool) -> Any:
    if (value is None and optional) or value in kinds:
        return value
    raise ValueError(f"unknown kind {value!r}")


def article_from_json(text: str) -> Article:
    """What `article_to_json` wrote; ValueError (or KeyError, TypeError) when it is not."""
    d = json.loads(text)
    if d.get("f") != FORMAT:
        raise ValueError("another format")
    speakers = [Speaker(n, r, _kind(k, SPEAKER_KINDS, False)) for n, r, k in d["speakers"]]
    passages = []
    for index, ptext, sentences in d["passages"]:
        passages.append(Passage(d["id"], index, ptext, tuple(
            Sentence(ptext[start:end] if own is None else own, start, end,
                     None if spk < 0 else speakers[spk], _kind(kind, SPEECH_KINDS, True))
            for start, end, own, spk, kind in sentences)))
    people = tuple(Person(n, r, _kind(k, SPEAKER_KINDS, False), frozenset(al))
                   for n, r, k, al in d["people"])
    return Article(d["id"], d["path"], d["title"], tuple(passages), people, d["source"],
                   d["date"], d["url"])
