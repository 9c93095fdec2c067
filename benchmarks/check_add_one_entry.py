"""The saved entry of incremental builds against a full rebuild, file by file (issue 16: an
add-one build must save exactly what `parley index --force` saves).

    .venv/bin/python benchmarks/check_add_one_entry.py --incremental . \\
        --full /tmp/base [--source ../shared/data/bbc] [--python PY]

A copy of the source folder (never written into) is indexed by the `--incremental` checkout;
then one new article is added and `parley ask` run, a second added and run again, then one
file changed and another removed in one step and `parley index` run. The `--full` checkout
(the base, say) then builds the same folder with `parley index --force` in a cache folder of
its own, and every file of the two entries is compared: the arrays and JSON byte for byte,
the manifest but for its time and key (the key holds the code's fingerprint). Each checkout
runs as `PY -m bot` with `PYTHONPATH=<checkout>`. Exit status 1 when a file differs.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "data" / "bbc"


def _parley(python: str, checkout: Path, cache: Path, args: list[str]) -> None:
    env = dict(os.environ, PYTHONPATH=str(checkout), XDG_CACHE_HOME=str(cache), NO_COLOR="1")
    done = subprocess.run([python, "-m", "bot", "--quiet", *args], env=env, cwd=checkout,
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{checkout}: parley {' '.join(args)} failed: {done.stderr.strip()}")


def _entry(cache: Path) -> Path:
    (entry,) = (cache / "parley").glob("index-*")
    return entry


def differing(a: Path, b: Path) -> list[str]:
    """The files of two entries that differ (or that only one has)."""
    names = sorted({p.name for p in a.iterdir()} | {p.name for p in b.iterdir()})
    out = []
    for name in names:
        x, y = a / name, b / name
        if not x.is_file() or not y.is_file():
            out.append(name)
            continue
        if name == "manifest.json":
            mx, my = json.loads(x.read_text("utf-8")), json.loads(y.read_text("utf-8"))
            for m in (mx, my):
                m.pop("created", None)
                m.pop("key", None)
            if mx != my:
                out.append(name)
        elif x.read_bytes() != y.read_bytes():
            out.append(name)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--incremental", type=Path, required=True, metavar="CHECKOUT")
    ap.add_argument("--full", type=Path, required=True, metavar="CHECKOUT")
    ap.add_argument("--source", type=Path, default=SOURCE)
    ap.add_argument("--python", default=sys.executable)
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="check-add-one-"))
    try:
        corpus, inc, full = work / "corpus", work / "cache-incremental", work / "cache-full"
        shutil.copytree(args.source, corpus)
        files = sorted(p for p in corpus.rglob("*.txt") if not p.name.lower().startswith("readme"))
        this, base = args.incremental.resolve(), args.full.resolve()
        _parley(args.python, this, inc, ["--corpus", str(corpus), "index"])
        (corpus / "added").mkdir()
        for n in (1, 2):
            src = files[n * 101 % len(files)]
            title, _, body = src.read_text("utf-8", errors="replace").partition("\n")
            (corpus / "added" / f"new-{n}.txt").write_text(f"Added {n}: {title}\n{body}",
                                                            encoding="utf-8")
            _parley(args.python, this, inc, ["--corpus", str(corpus), "ask",
                                             "What did Blair say?"])
        changed, removed = files[10], files[20]
        changed.write_text(changed.read_text("utf-8", errors="replace") + "\nOne more line.\n",
                           encoding="utf-8")
        removed.unlink()
        _parley(args.python, this, inc, ["--corpus", str(corpus), "index"])
        _parley(args.python, base, full, ["--corpus", str(corpus), "index", "--force"])
        a, b = _entry(inc), _entry(full)
        bad = differing(a, b)
        print(f"{len(list(a.iterdir()))} files compared; differing: {', '.join(bad) or 'none'}")
        return 1 if bad else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
