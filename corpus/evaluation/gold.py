"""Loading gold attribution files and finding the article each one annotates."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import get_args

from corpus.models import SpeakerKind, SpeechKind

SPEAKER_KINDS: tuple[str, ...] = get_args(SpeakerKind)  # ("person", "organisation", "vague")
SPEECH_KINDS: tuple[str, ...] = get_args(SpeechKind)  # ("direct", "reported")
MAX_EXCERPT = 60


class GoldError(ValueError):
    """A malformed gold file; the message names the file and the entry."""


@dataclass(frozen=True)
class GoldAct:
    speaker: str
    speaker_kind: str  # person / organisation / vague
    kind: str  # direct / reported


@dataclass(frozen=True)
class GoldSentence:
    paragraph: int
    sentence: int
    excerpt: str
    acts: tuple[GoldAct, ...]
    span: tuple[int, int] | None = None  # (start, end) in the paragraph, when recorded


@dataclass(frozen=True)
class GoldArticle:
    name: str  # the gold file's stem, e.g. "politics-001"
    article: str  # "politics/001.txt" (bbc) or a project-relative path (seed)
    source: str  # "bbc" or "seed"
    sentences: tuple[GoldSentence, ...]
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    path: Path | None = None  # the gold file

    def acts(self) -> list[tuple[GoldSentence, GoldAct]]:
        return [(s, a) for s in self.sentences for a in s.acts]


def load_gold_file(path: Path) -> GoldArticle:
    """Parse and check one gold file; raises GoldError naming the problem."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: cannot read gold file ({exc})") from exc
    if not isinstance(data, dict):
        raise GoldError(f"{path}: top level must be an object")
    for key in ("article", "source", "sentences"):
        if key not in data:
            raise GoldError(f"{path}: missing key {key!r}")
    if data["source"] not in ("bbc", "seed"):
        raise GoldError(f"{path}: source must be 'bbc' or 'seed', not {data['source']!r}")
    aliases_raw = data.get("aliases", {})
    if not isinstance(aliases_raw, dict) or not all(
            isinstance(v, list) and all(isinstance(x, str) for x in v)
            for v in aliases_raw.values()):
        raise GoldError(f"{path}: aliases must map a name to a list of strings")
    sentences: list[GoldSentence] = []
    seen: set[tuple[int, int]] = set()
    for n, entry in enumerate(data["sentences"]):
        where = f"{path}: sentences[{n}]"
        try:
            p, s = int(entry["paragraph"]), int(entry["sentence"])
            excerpt = str(entry["excerpt"])
            acts_raw = entry["acts"]
        except (KeyError, TypeError, ValueError) as exc:
            raise GoldError(f"{where}: needs paragraph, sentence, excerpt, acts ({exc})") from exc
        if (p, s) in seen:
            raise GoldError(f"{where}: duplicate paragraph {p} sentence {s}")
        seen.add((p, s))
        if not excerpt or len(excerpt) > MAX_EXCERPT:
            raise GoldError(f"{where}: excerpt must be 1-{MAX_EXCERPT} characters")
        acts: list[GoldAct] = []
        for a in acts_raw:
            act = GoldAct(str(a.get("speaker", "")), str(a.get("speaker_kind", "")),
                          str(a.get("kind", "")))
            if not act.speaker.strip():
                raise GoldError(f"{where}: act without a speaker")
            if act.speaker_kind not in SPEAKER_KINDS:
                raise GoldError(f"{where}: speaker_kind {act.speaker_kind!r} not in "
                                f"{SPEAKER_KINDS}")
            if act.kind not in SPEECH_KINDS:
                raise GoldError(f"{where}: kind {act.kind!r} not in {SPEECH_KINDS}")
            acts.append(act)
        span = entry.get("span")
        sentences.append(GoldSentence(p, s, excerpt, tuple(acts),
                                      (int(span[0]), int(span[1])) if span else None))
    sentences.sort(key=lambda g: (g.paragraph, g.sentence))
    return GoldArticle(path.stem, str(data["article"]), data["source"], tuple(sentences),
                       {k: tuple(v) for k, v in aliases_raw.items()}, path)


def load_gold(folder: Path) -> list[GoldArticle]:
    """Every `*.json` gold file in `folder`, in name order."""
    files = sorted(folder.glob("*.json"))
    if not files:
        raise GoldError(f"{folder}: no gold files (*.json)")
    return [load_gold_file(f) for f in files]


def project_root() -> Path:
    """The checkout: the folder holding the `corpus` package."""
    return Path(__file__).resolve().parents[2]


def default_gold_dir() -> Path:
    return project_root() / "tests" / "corpus" / "gold"


def default_bbc_dir() -> Path:
    """`../shared/data/bbc` next to the project (evaluation data, never shipped)."""
    return project_root().parent / "shared" / "data" / "bbc"


def article_file(gold: GoldArticle, root: Path | None = None,
                 bbc_dir: Path | None = None) -> Path:
    """Where the annotated article's text is: seed paths are project-relative, BBC paths
    are relative to the BBC folder."""
    if gold.source == "seed":
        return (root or project_root()) / gold.article
    return (bbc_dir or default_bbc_dir()) / gold.article
