"""Speaker-phrase probes over the BBC folder: does "what did <role> say" reach the speaker
whose role it is, and does it ever deny they speak?

Each probe picks a speaker at random among the people with a role of two words or more,
and asks "what did the <role> say" with the role as the directory keeps it, lower-cased.
Every such speaker has statements, so an answer claiming they are silent or absent
("nobody called …", "… finds no statement of theirs") is false; the other figures
(the speaker among the candidates the claim lists, or shown first) are trends between two
checkouts, since a role such as "prime minister" may rightly fit several people.

    .venv/bin/python benchmarks/probe_speaker_phrases.py --seeds 1,2
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from retrieval.answering.engine import open_parley  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bbc", type=Path, default=ROOT.parent / "shared" / "data" / "bbc")
    ap.add_argument("--seeds", default="1,2", help="comma-separated random seeds")
    ap.add_argument("--count", type=int, default=100, help="probes per seed")
    ap.add_argument("--list", action="store_true", help="print every probe's outcome")
    args = ap.parse_args()
    if not args.bbc.is_dir():
        print(f"No BBC folder at {args.bbc}", file=sys.stderr)
        return 1
    parley = open_parley([args.bbc])[0]
    people = [s for s in parley.speakers()
              if s.speaker.kind == "person" and len((s.speaker.role or "").split()) >= 2]
    kinds: Counter[str] = Counter()
    listed = first = denied = 0
    for seed in (int(s) for s in args.seeds.split(",")):
        for stats in random.Random(seed).sample(people, min(args.count, len(people))):
            who = stats.speaker
            role = (who.role or "").lower()
            answer = parley.ask(f"what did the {role} say")
            kinds[answer.claim.kind] += 1
            names = {c.speaker.name for c in answer.claim.candidates}
            shown = answer.results[0].speaker if answer.results else None
            listed += who.name in names
            first += shown is not None and shown.name == who.name
            if answer.claim.kind == "absent" or "no statement of theirs" in (answer.message or ""):
                denied += 1
                print(f"DENIED {role!r} ({who.name}): {answer.message}")
            if args.list:
                print(f"{answer.claim.kind:8} {role!r} ({who.name}): first "
                      f"{shown.name if shown else None}")
    asked = sum(kinds.values())
    print(f"asked {asked}: claims {dict(sorted(kinds.items()))}; the speaker among the "
          f"candidates {listed}, shown first {first}; denied they speak {denied}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
