"""Topic probes over the BBC folder: is "what did <speaker> say about <a story's headline>"
claimed ("said") when they speak in that story, and never when they do not?

Each probe picks a person with two statements or more, at random, and asks it twice: about
the headline of a story they do not speak in (a "said" claim there is suspect: print and
read each), and about the headline of a story they speak in (a claim there is the answer
saying plainly what it shows, a trend between two checkouts).

    .venv/bin/python benchmarks/probe_story_topics.py --seeds 7,8
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from retrieval.answering.engine import open_parley  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bbc", type=Path, default=ROOT.parent / "shared" / "data" / "bbc")
    ap.add_argument("--seeds", default="7,8", help="comma-separated random seeds")
    ap.add_argument("--count", type=int, default=100, help="probes per seed")
    args = ap.parse_args()
    if not args.bbc.is_dir():
        print(f"No BBC folder at {args.bbc}", file=sys.stderr)
        return 1
    parley = open_parley([args.bbc])[0]
    passages, articles = parley.corpus.passages, parley.corpus.articles
    titles = {a.id: a.title for a in articles}
    people = [g for g in parley.directory.ordered() if g.speaker.kind == "person"
              and len(g.speaker.name.split()) >= 2 and len(g.statements) >= 2]
    elsewhere = own = asked = 0
    for seed in (int(s) for s in args.seeds.split(",")):
        rng = random.Random(seed)
        for _ in range(args.count):
            group = rng.choice(people)
            name = group.speaker.name.lower()
            theirs = {passages[p].document for p, _ in group.statements}
            other = rng.choice([a for a in articles if a.id not in theirs])
            answer = parley.ask(f"what did {name} say about {other.title.lower()}")
            if answer.claim.kind == "said":
                elsewhere += 1
                print(f"SAID of another story: {name!r} on {other.title!r}: "
                      f"{answer.results[0].sentence.text[:120]!r}")
            p, _ = rng.choice(group.statements)
            title = titles[passages[p].document].lower()
            own += parley.ask(f"what did {name} say about {title}").claim.kind == "said"
            asked += 1
    print(f"asked {asked} people: 'said' about another story's headline {elsewhere}, about "
          f"their own story's headline {own}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
