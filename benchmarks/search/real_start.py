"""Process start -> first answer of `parley ask` from the saved cache, on real-shaped corpora
(the BBC set replicated), and where that time goes."""
from __future__ import annotations

import compileall
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from benchmarks.search import ROOT, SCRIPT
from benchmarks.search.corpora import parse_size
from benchmarks.search.engines import EPS, K1, B
from benchmarks.search.measure import dir_mb, rss_mb
from benchmarks.search.tables import fmt

REAL_QUESTION = "What did Blair say about the election?"


def real_corpus_entry(size: int, base, base_docs, bbc: Path, workdir: Path):
    """A real-shaped corpus of about `size` passages: the built BBC corpus (records with
    sentences, speakers, people) replicated under distinct article ids, its files copied as
    often (so the cache key hashes that many files and bytes), saved as a cache entry exactly
    as `parley ask` would find it. Returns (corpus folder, config file)."""
    from dataclasses import replace

    from corpus.models import Corpus, Passage
    from corpus.snapshot import read_snapshot
    from retrieval.bm25_index import BM25Index
    from retrieval.options import IndexOptions
    from retrieval.store.entry import save_entry
    from retrieval.store.keys import cache_key, corpus_identity

    root = workdir / f"real-{size}"
    corpus_dir = root / "corpus"
    cache = root / "cache"
    articles, docs = [], []
    copy = 0
    base_pass = {id(p): i for i, p in enumerate(base.passages)}
    while len(docs) < size:
        shutil.copytree(bbc, corpus_dir / f"copy{copy:03d}")
        for a in base.articles:
            if len(docs) >= size:
                break
            aid = f"copy{copy:03d}/{a.id}"
            passages = tuple(Passage(aid, p.index, p.text, p.sentences) for p in a.passages)
            articles.append(replace(a, id=aid, path=str(corpus_dir / aid) + ".txt",
                                    passages=passages))
            docs.extend(base_docs[base_pass[id(p)]] for p in a.passages)
        copy += 1
    corpus = Corpus.of(articles, list(base.problems))
    index = BM25Index(docs, K1, B, EPS)
    del docs
    options = IndexOptions(cache_dir=cache)
    paths = [corpus_dir.resolve()]
    save_entry(cache, cache_key(read_snapshot(paths), options), corpus_identity(paths),
               corpus, index)
    config = root / "config.toml"
    config.write_text(f'[corpus]\ncache_dir = "{cache.as_posix()}"\n', encoding="utf-8")
    return corpus_dir, config, len(corpus.passages), len(corpus.articles)


def real_cold_start(args) -> list[dict]:
    """Process start -> first answer of `parley ask` from the saved cache, real-shaped
    corpora of each `--real-sizes` size (the BBC set replicated)."""
    sizes = [parse_size(x) for x in args.real_sizes.split(",") if x.strip()]
    if not sizes or not args.bbc.is_dir():
        return []
    from corpus.build import build_corpus
    from retrieval.options import IndexOptions
    from retrieval.store.cache import open_index
    from retrieval.tokenizer import terms
    # As installed: byte-compiled (`python3 dev.py` does this too), else each start would
    # compile Parley's modules again whenever PYTHONDONTWRITEBYTECODE is set.
    for code in _codes(args).values():
        for package in ("bot", "corpus", "retrieval"):
            compileall.compile_dir(str(code / package), quiet=2)
    keep = getattr(args, "real_dir", None)
    workdir = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="bench-real-"))
    rows = []
    built: list = []

    def base_corpus():
        if not built:
            print("\n== real-shaped cold start: building the BBC corpus", file=sys.stderr)
            base = open_index([args.bbc.resolve()],
                              IndexOptions(cache_dir=workdir / "bbc-cache"),
                              build_corpus).corpus
            built.extend([base, [terms(p.text) for p in base.passages]])
        return built
    try:
        for size in sizes:
            t = time.perf_counter()
            kept = _kept_entry(workdir / f"real-{size}") if keep else None
            if kept is None:
                shutil.rmtree(workdir / f"real-{size}", ignore_errors=True)
                kept = real_corpus_entry(size, *base_corpus(), args.bbc, workdir)
                if keep:
                    (workdir / f"real-{size}" / "sizes.json").write_text(
                        json.dumps(kept[2:]), encoding="utf-8")
            corpus_dir, config, n_pass, n_art = kept
            print(f"  {n_pass:,} passages ({n_art:,} articles) ready in "
                  f"{time.perf_counter() - t:.0f} s", file=sys.stderr)
            codes = _codes(args)
            times = _timed_starts(codes, config, corpus_dir, args.real_repeats)
            for label, code in codes.items():
                # where the time goes, in one more fresh process
                phases = json.loads(subprocess.run(
                    [sys.executable, str(code / SCRIPT.relative_to(ROOT)), "--real-child",
                     str(config), str(corpus_dir)], cwd=code, capture_output=True, text=True,
                    check=True).stdout.strip().splitlines()[-1])
                ts = times[label]
                phases["cpu_s"] = float(np.median(times[f"{label}_cpu"]))
                rows.append({"code": label, "passages": n_pass, "articles": n_art,
                             "corpus_mb": dir_mb(corpus_dir),
                             "entry_mb": dir_mb(next((config.parent / "cache").glob("index-*"))),
                             "cold_s": float(np.median(ts)), "cold_min_s": min(ts),
                             "runs": len(ts), **phases})
                print(f"  {label}: cold start to first answer: median {np.median(ts):.2f} s "
                      f"({len(ts)} runs); {phases}", file=sys.stderr)
            if len(codes) > 1:
                rows[-1]["check_compare"] = check_compare(codes["before"], corpus_dir,
                                                          args.real_repeats)
                print(f"  files checked alone: {rows[-1]['check_compare']}", file=sys.stderr)
            if not keep:
                shutil.rmtree(config.parent, ignore_errors=True)
    finally:
        if not keep:
            shutil.rmtree(workdir, ignore_errors=True)
    return rows


def _codes(args) -> dict[str, Path]:
    """The checkouts whose starts are timed: this one ("after"), and with `--real-compare` an
    earlier one ("before"), run by the same interpreter from its own folder."""
    before = getattr(args, "real_compare", None)
    return {"after": ROOT} if before is None else {"before": Path(before).resolve(),
                                                    "after": ROOT}


def _timed_starts(codes: dict[str, Path], config: Path, corpus_dir: Path,
                  repeats: int) -> dict[str, list[float]]:
    """Fresh `parley ask` processes, start to exit: one untimed start of each code (it
    records its shortcut, and warms the page cache), then `repeats` rounds taking turns, each
    round starting with the next code, so a load spike on a shared machine hits both alike."""
    cmd = [sys.executable, "-m", "bot.cli", "ask", "--config", str(config), "--corpus",
           str(corpus_dir), REAL_QUESTION]
    labels = list(codes)
    times: dict[str, list[float]] = {label: [] for label in labels}
    for label in labels:
        times[f"{label}_cpu"] = []
    for r in range(-1, repeats):
        for label in labels[r % len(labels):] + labels[:r % len(labels)]:
            t, cpu = time.perf_counter(), _children_cpu()
            try:
                out = subprocess.run(cmd, capture_output=True, text=True, cwd=codes[label],
                                     timeout=120)
            except subprocess.TimeoutExpired:
                raise SystemExit("parley ask took over 120 s: not loaded from the cache "
                                 "(did the corpus code change meanwhile?)") from None
            if r >= 0:
                times[label].append(time.perf_counter() - t)
                times[f"{label}_cpu"].append(_children_cpu() - cpu)
            if "Built the index" in out.stderr or "rebuilding" in out.stderr:
                raise SystemExit(f"parley ask ({label}) rebuilt the index instead of loading it")
            if out.returncode != 0 or "Blair" not in out.stdout:
                print(out.stdout[-2000:], out.stderr[-2000:], file=sys.stderr)
                raise SystemExit(f"parley ask ({label}) failed on the real-shaped corpus")
    return times


def _children_cpu() -> float:
    """CPU seconds (user + system, every thread) of the finished child processes: on a
    shared machine, what a start costs whatever else is running."""
    import resource
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def check_compare(before: Path, corpus_dir: Path, rounds: int) -> dict[str, float]:
    """The start-up check of the corpus files alone, in this process: `files_state` of the
    earlier checkout, this one's (compiled walk when built) and this one's Python walk, taking
    turns `rounds` times after one untimed round; medians in seconds."""
    import importlib.util

    from retrieval.options import IndexOptions
    from retrieval.store import file_signature, file_walk
    spec = importlib.util.spec_from_file_location(
        "before_file_signature", before / "retrieval" / "store" / "file_signature.py")
    assert spec is not None and spec.loader is not None
    old = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(old)
    paths, options = [corpus_dir.resolve()], IndexOptions()
    compiled = file_walk.stream

    def python_walk(paths, options):
        file_walk.stream = file_walk.python_stream
        try:
            return file_signature.files_state(paths, options)
        finally:
            file_walk.stream = compiled
    runs = {"check_before_s": old.files_state, "check_after_s": file_signature.files_state,
            "check_after_python_s": python_walk}
    times: dict[str, list[float]] = {name: [] for name in runs}
    for r in range(-1, rounds):
        for name, run in runs.items():
            t = time.perf_counter()
            run(paths, options)
            if r >= 0:
                times[name].append(time.perf_counter() - t)
    return {name: float(np.median(ts)) for name, ts in times.items()}


def _kept_entry(root: Path):
    """A real-shaped corpus built by an earlier run with `--real-dir`, when its saved entry
    still has the key its files hash to (same corpus code): (folder, config, passages,
    articles); else None."""
    from corpus.snapshot import read_snapshot
    from retrieval.options import IndexOptions
    from retrieval.store.entry import entry_dir
    from retrieval.store.keys import cache_key
    try:
        n_pass, n_art = json.loads((root / "sizes.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    corpus_dir, cache = root / "corpus", root / "cache"
    key = cache_key(read_snapshot([corpus_dir.resolve()]), IndexOptions(cache_dir=cache))
    if not entry_dir(cache, key).is_dir():
        return None
    return corpus_dir, root / "config.toml", n_pass, n_art


def real_child(config: str, corpus_dir: str) -> None:
    """In a fresh process: time imports, the cache key, loading, Parley(), the first answer."""
    t0 = time.perf_counter()
    from bot.settings import load_settings
    from corpus.build import build_corpus  # as the CLI imports it
    from corpus.snapshot import read_snapshot
    from retrieval.answering.engine import Parley
    from retrieval.store import entry, file_signature, keys
    from retrieval.store.cache import open_index
    t1 = time.perf_counter()
    settings = load_settings(Path(config))
    options = settings.index_options
    paths = [Path(corpus_dir).resolve()]
    # what a start does: stat every file
    signature = file_signature.files_signature(paths, options)
    key = file_signature.known_key([settings.cache_dir], keys.corpus_identity(paths), signature)
    t2 = time.perf_counter()
    # reading and hashing every byte, as a start whose file times changed does
    full_key = keys.cache_key(read_snapshot(paths), options)
    full_s = time.perf_counter() - t2
    if key is None:
        key = full_key
    t2 = time.perf_counter()
    corpus, index = entry.load_entry(entry.entry_dir(settings.cache_dir, key), key)
    t3 = time.perf_counter()
    engine = Parley(corpus, index, settings.top_k)
    t4 = time.perf_counter()
    answer = engine.ask(REAL_QUESTION)
    t5 = time.perf_counter()
    assert answer.results
    rss = rss_mb()
    # the files checked and the entry loaded as a start does it (overlapped where it can)
    t6 = time.perf_counter()
    assert open_index(paths, options, build_corpus).from_cache
    open_s = time.perf_counter() - t6
    print(json.dumps({"import_s": t1 - t0, "key_s": t2 - t1 - full_s, "full_key_s": full_s,
                      "load_s": t3 - t2, "open_s": open_s,
                      "init_s": t4 - t3, "first_answer_s": t5 - t4, "rss_mb": rss,
                      **_check_cost(entry.entry_dir(settings.cache_dir, key), key)}))


def _check_cost(folder: Path, key: str, rounds: int = 5) -> dict[str, float]:
    """What checking every byte and row adds to loading the entry, side by side in this
    process: loads with the checks and with only the sizes checked, taking turns."""
    from retrieval.store import entry, index_files

    checked = index_files._read_checked

    def sizes_only(path, meta, checks) -> None:
        if path.stat().st_size != meta["size"]:
            raise index_files.CorruptIndex(path.name)
    times: dict[str, list[float]] = {"load_checked_s": [], "load_unchecked_s": []}
    for _ in range(rounds):
        for name, read in (("load_checked_s", checked), ("load_unchecked_s", sizes_only)):
            index_files._read_checked = read
            t = time.perf_counter()
            entry.load_entry(folder, key)
            times[name].append(time.perf_counter() - t)
    index_files._read_checked = checked
    return {name: float(np.median(ts)) for name, ts in times.items()}


def real_table(rows: list[dict]) -> str:
    lines = ["| code | passages | articles | corpus files MB | cache entry MB | cold start to "
             "first answer s (median) | imports s | files checked s | load s | Parley() s | "
             "first answer s | RSS MB | key by hashing every byte s | load with every byte and "
             "row checked s | load, sizes only s | files checked + load, as a start does s | "
             "CPU s of a start (median) |", "|" + "---|" * 17]
    for r in rows:
        lines.append("| " + " | ".join([
            r.get("code", "after"), f"{r['passages']:,}", f"{r['articles']:,}",
            fmt(r["corpus_mb"], ".0f"),
            fmt(r["entry_mb"], ".0f"), f"{r['cold_s']:.2f} ({r['runs']} runs, min "
            f"{r['cold_min_s']:.2f})", fmt(r["import_s"], ".2f"), fmt(r["key_s"], ".2f"),
            fmt(r["load_s"], ".3f"), fmt(r["init_s"], ".3f"), fmt(r["first_answer_s"], ".3f"),
            fmt(r["rss_mb"], ".0f"), fmt(r.get("full_key_s"), ".2f"),
            fmt(r.get("load_checked_s"), ".3f"), fmt(r.get("load_unchecked_s"), ".3f"),
            fmt(r.get("open_s"), ".3f"), fmt(r.get("cpu_s"), ".2f")]) + " |")
    checks = [r for r in rows if "check_compare" in r]
    if checks:
        lines += ["", "| passages | files checked, before s | after s | after, Python walk s | "
                      "before / after |", "|---|---|---|---|---|"]
        for r in checks:
            c = r["check_compare"]
            lines.append(f"| {r['passages']:,} | {c['check_before_s']:.3f} | "
                         f"{c['check_after_s']:.3f} | {c['check_after_python_s']:.3f} | "
                         f"{c['check_before_s'] / c['check_after_s']:.1f}x |")
    return "\n".join(lines)
