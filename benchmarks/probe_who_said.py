"""Who-said probes over the BBC folder: does "who said <words of a statement>" claim the
statement's own speaker?

Each probe picks a passage at random, one of its attributed sentences (14 words or more) and
a run of 7 words of it that holds no word of the speaker's name or role and no "said",
"told" or pronoun, then asks "who said <run>". The runs are cut mechanically, so many are
fragments no user would type ("of years they will be back with"): the figure to read is the
claims of ANOTHER speaker, which are false unless the other speaker's statement holds the
same words (read them: each is printed with what was shown). Claims of the sentence's own
speaker are a trend between two checkouts, never an accuracy: the attributor can be wrong.

    .venv/bin/python benchmarks/probe_who_said.py --seeds 9,10
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus.models import Sentence  # noqa: E402
from retrieval.answering.engine import Parley, open_parley  # noqa: E402

RUN = 7
_WORD = re.compile(r"[\w'%$£.-]+")
_LEFT_OUT = {"said", "says", "told", "added", "he", "she"}


def _probes(parley: Parley, rng: random.Random, count: int) -> list[tuple[Sentence, str]]:
    passages = parley.corpus.passages
    out: list[tuple[Sentence, str]] = []
    while len(out) < count:
        sentences = [s for s in passages[rng.randrange(len(passages))].sentences
                     if s.speaker is not None and len(s.text.split()) >= 14]
        if not sentences:
            continue
        s = rng.choice(sentences)
        assert s.speaker is not None
        own = {w.lower() for w in re.findall(r"\w+", f"{s.speaker.name} {s.speaker.role or ''}")}
        words = _WORD.findall(s.text.replace('"', " "))
        for _ in range(20):
            i = rng.randrange(max(1, len(words) - RUN))
            run = [w.strip(".,") for w in words[i:i + RUN]]
            low = {w.lower() for w in run}
            if not low & own and not low & _LEFT_OUT:
                out.append((s, " ".join(run).lower()))
                break
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bbc", type=Path, default=ROOT.parent / "shared" / "data" / "bbc")
    ap.add_argument("--seeds", default="9,10", help="comma-separated random seeds")
    ap.add_argument("--count", type=int, default=150, help="probes per seed")
    ap.add_argument("--list", action="store_true",
                    help="print every claim (to compare two checkouts side by side)")
    args = ap.parse_args()
    if not args.bbc.is_dir():
        print(f"No BBC folder at {args.bbc}", file=sys.stderr)
        return 1
    parley = open_parley([args.bbc])[0]
    asked = said = own = other = 0
    for seed in (int(s) for s in args.seeds.split(",")):
        for sentence, run in _probes(parley, random.Random(seed), args.count):
            answer = parley.ask(f"who said {run}")
            asked += 1
            if answer.claim.kind != "said" or answer.claim.speaker is None:
                continue
            said += 1
            assert sentence.speaker is not None
            if args.list:
                print(f"CLAIM {run!r}: {answer.claim.speaker.name}")
            if answer.claim.speaker.name == sentence.speaker.name:
                own += 1
                continue
            other += 1
            print(f"OTHER {run!r}: the sentence is {sentence.speaker.name}'s, the claim "
                  f"{answer.claim.speaker.name}'s\n  sentence: {sentence.text[:160]}\n"
                  f"  shown: {answer.results[0].passage.text[:300]}")
    print(f"asked {asked}, claimed {said}: the sentence's own speaker {own}, another {other}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
