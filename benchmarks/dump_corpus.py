"""Dump everything attribution decides for a folder, as JSON lines, so that a change meant to
make building faster can be shown to change nothing.

    .venv/bin/python benchmarks/dump_corpus.py corpus/articles /tmp/lin_before/seed.jsonl
    .venv/bin/python benchmarks/dump_corpus.py ../shared/data/bbc /tmp/lin_before/bbc.jsonl
    cmp /tmp/lin_before/bbc.jsonl /tmp/lin_after/bbc.jsonl

One line per passage (its text, and each sentence's start, end, speaker name/role/kind and
speech kind), then one line per article with its people.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus.build import build_corpus  # noqa: E402
from corpus.models import Article, Corpus, Sentence  # noqa: E402


def _sentence(s: Sentence) -> dict[str, object]:
    speaker = s.speaker
    return {"start": s.start, "end": s.end, "kind": s.kind,
            "speaker": None if speaker is None else
            {"name": speaker.name, "role": speaker.role, "kind": speaker.kind}}


def _article_lines(article: Article) -> Iterator[dict[str, object]]:
    for p in article.passages:
        yield {"document": p.document, "passage": p.index, "text": p.text,
               "sentences": [_sentence(s) for s in p.sentences]}
    yield {"document": article.id, "people": [
        {"name": x.name, "role": x.role, "kind": x.kind, "aliases": sorted(x.aliases)}
        for x in article.people]}


def dump_lines(corpus: Corpus) -> Iterator[str]:
    for article in corpus.articles:
        for record in _article_lines(article):
            yield json.dumps(record, ensure_ascii=False, sort_keys=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="an article file or folder")
    ap.add_argument("out", type=Path, help="the JSON-lines file to write")
    args = ap.parse_args()
    corpus = build_corpus([args.corpus])
    with args.out.open("w", encoding="utf-8") as f:
        for line in dump_lines(corpus):
            f.write(line + "\n")
    print(f"{len(corpus.articles)} articles, {len(corpus.passages)} passages -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
