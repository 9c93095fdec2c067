"""Quote-check probes drawn from the blind attribution golds, to measure verdicts at scale.

For each gold sentence with one person's act (BBC articles), one check asks the gold
speaker about words of it (a run of 5-9 words inside the quotation marks of a direct act:
`exact`; the clause after the speech verb of a reported act, up to 14 words: `reported`),
and one asks another person who speaks in the same article about the same words
(`other_speaker`). The words are cut mechanically, so some are fragments no user would type
("me to play for my"): the figure to read is "too strong" (exact or reported for someone
else's words), which no fragment excuses; the accuracy is a trend between two checkouts.

    .venv/bin/python benchmarks/probe_checks.py --out /tmp/probe_checks.json
    .venv/bin/parley eval checks /tmp/probe_checks.json --verbose
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus.loader import read_articles  # noqa: E402

QUOTE = re.compile(r'["\u201c]([^"\u201c\u201d]{20,}?)["\u201d]')
REPORT = re.compile(r"\b(?:said|says|told \w+|warned|claimed|argued|insisted|added|believes|"
                    r"thinks)\b,? (?:that )?(.{25,})", re.IGNORECASE)
MAX_REPORTED = 14


def _speakers(gold: dict[str, Any]) -> dict[str, set[str]]:
    """Each person with an act (full names only) -> their names and gold aliases, folded."""
    aliases = gold.get("aliases", {})
    return {act["speaker"]: {act["speaker"].lower(), *(a.lower() for a in
                                                       aliases.get(act["speaker"], []))}
            for s in gold["sentences"] for act in s["acts"]
            if act["speaker_kind"] == "person" and len(act["speaker"].split()) >= 2}


def _words(text: str, kind: str, rng: random.Random) -> str | None:
    """The words a probe asks about, or None when the sentence gives none."""
    if kind == "direct":
        m = QUOTE.search(text)
        words = m.group(1).strip(" ,.").split() if m else []
        if len(words) < 5:
            return None
        n = min(len(words), rng.randint(5, 9))
        start = rng.randint(0, len(words) - n)
        return " ".join(words[start:start + n]).strip(",.;:")
    m = REPORT.search(text)
    return " ".join(m.group(1).rstrip(".").split()[:MAX_REPORTED]) if m else None


def probes(folder: Path, bbc: Path, rng: random.Random) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for path in sorted(folder.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold.get("source") != "bbc":
            continue
        articles, _ = read_articles([bbc / gold["article"]])
        if not articles:
            continue
        paragraphs = (articles[0].title, *articles[0].paragraphs)
        people = _speakers(gold)
        for s in gold["sentences"]:
            if s["paragraph"] == 0 or len(s["acts"]) != 1:
                continue
            act = s["acts"][0]
            who = act["speaker"]
            if who not in people:
                continue
            text = paragraphs[s["paragraph"]][s["span"][0]:s["span"][1]]
            quote = _words(text, act["kind"], rng)
            if quote is None:
                continue
            article = gold["article"].removesuffix(".txt")
            where = f"{folder.name}:{article}:{s['paragraph']}.{s['sentence']}"
            typed = who.split()[-1] if rng.random() < 0.5 else who
            out.append({"id": f"self-{act['kind']}-{where}", "corpus": "bbc", "speaker": typed,
                        "quote": quote, "article": article, "true_speaker": who,
                        "verdict": "exact" if act["kind"] == "direct" else "reported"})
            others = [o for o in people if o.split()[-1].lower() != who.split()[-1].lower()
                      and not people[o] & people[who]]
            if others:
                out.append({"id": f"other-{act['kind']}-{where}", "corpus": "bbc",
                            "speaker": rng.choice(others), "quote": quote, "article": article,
                            "true_speaker": who, "verdict": "other_speaker"})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--golds", type=Path, nargs="*",
                        default=sorted((ROOT / "tests" / "corpus").glob("gold_blind*")))
    parser.add_argument("--bbc", type=Path, default=ROOT.parent / "shared" / "data" / "bbc")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    found = [c for folder in args.golds for c in probes(folder, args.bbc, rng)]
    args.out.write_text(json.dumps({"checks": found}, indent=1), encoding="utf-8")
    kinds: dict[str, int] = {}
    for c in found:
        kind = c["id"].split(":")[0].rsplit("-", 1)[0]
        kinds[kind] = kinds.get(kind, 0) + 1
    print(f"{len(found)} checks to {args.out}: " +
          ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))


if __name__ == "__main__":
    main()
