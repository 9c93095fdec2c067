#!/usr/bin/env python3
"""Search benchmark: Parley's BM25 index vs rank-bm25, bm25s and tantivy (when installed).

    .venv/bin/python benchmarks/bench_search.py                    # bbc + 10k, 100k, 1m
    .venv/bin/python benchmarks/bench_search.py --sizes 10k,100k   # a few minutes

Corpora: the BBC news set (paragraphs split on blank lines, headline first; queries are other
articles' headlines) and synthetic passages from a fixed seed (Zipf vocabulary, log-normal
lengths; queries of 2-5 terms mixing very common, mid-frequency and rare terms). Every engine
gets the same token lists (Parley's tokenizer for BBC) and the same queries.

Reported per corpus and engine: build time, index size on disk, build peak memory (RSS high
water mark above the pre-build RSS), cold start (a fresh process: start -> saved index loaded
-> first answer, timed from outside), RSS of that process after answering every query, warm
single-query latency p50/p95 (top-k, one thread; the engines take turns in rounds over the
same queries, see `interleaved_latency`) and throughput, and ratios against Parley.
Parley's top-k documents and scores are checked against BM25Okapi.get_scores + stable argsort
for every query BM25Okapi is run on (all of them, except at sizes where `--okapi-budget`
seconds of get_scores run out: then the first ones, and the table says how many).

Not part of the test suite. Linux only for memory figures (/proc).
"""
from __future__ import annotations

import argparse
import compileall
import gc
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BBC_DIR = Path("/work/shared/data/bbc")
SEED = 20240229
K1, B, EPS = 1.5, 0.75, 0.25


# ------------------------------------------------------------------------------- memory
def _status(field: str) -> float:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024  # MB
    except OSError:
        pass
    return float("nan")


def rss_mb() -> float:
    return _status("VmRSS")


def peak_mb() -> float:
    return _status("VmHWM")


def reset_peak() -> None:
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def dir_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file()) / 1e6


# ------------------------------------------------------------------------------ corpora
def parse_size(text: str) -> int:
    text = text.strip().lower()
    mult = {"k": 1_000, "m": 1_000_000}.get(text[-1], 1)
    return int(float(text.rstrip("km")) * mult)


def bbc_corpus(root: Path, n_queries: int, seed: int):
    """Passages (headline + paragraphs) of every BBC article, and headline queries."""
    from retrieval.tokenizer import terms
    docs, headlines = [], []
    for f in sorted(root.rglob("*.txt")):
        if f.name.upper() == "README.TXT":
            continue
        text = f.read_bytes().decode("utf-8", errors="replace").replace("\r\n", "\n")
        chunks = [c.strip() for c in text.strip().split("\n\n") if c.strip()]
        if not chunks:
            continue
        lines = chunks[0].split("\n")
        head, rest = lines[0], " ".join(lines[1:]).strip()
        paragraphs = [head] + ([rest] if rest else []) + [" ".join(c.split("\n"))
                                                          for c in chunks[1:]]
        docs.extend(terms(p) for p in paragraphs)
        headlines.append(head)
    rng = np.random.default_rng(seed)
    queries = []
    for i in rng.permutation(len(headlines)):
        q = terms(headlines[int(i)])
        if q:
            queries.append(q)
        if len(queries) == n_queries:
            break
    return docs, queries


def synthetic_corpus(n_docs: int, n_queries: int, seed: int, vocab: int = 200_000,
                     s: float = 1.07, mean_len: int = 32):
    """Zipf(s) vocabulary of `vocab` terms; passage lengths log-normal around `mean_len`
    terms (after stop words, like a news paragraph); queries of 2-5 terms: 30% from the 100
    most common terms, 45% mid (ranks 100-5000, log-uniform), 25% rare (5000-vocab)."""
    rng = np.random.default_rng(seed)
    p = 1.0 / np.arange(1, vocab + 1) ** s
    cdf = np.cumsum(p)
    cdf /= cdf[-1]
    lengths = np.clip(rng.lognormal(np.log(mean_len), 0.5, n_docs).astype(np.int64), 1, 400)
    ids = np.searchsorted(cdf, rng.random(int(lengths.sum())))
    words = [f"t{i}" for i in range(vocab)]
    flat = np.array(words, dtype=object)[ids].tolist()
    del ids
    offs = np.r_[0, np.cumsum(lengths)].tolist()
    docs = [flat[a:b] for a, b in zip(offs[:-1], offs[1:])]
    del flat
    present = set()
    for d in docs[: min(n_docs, 200_000)]:
        present.update(d)
    qrng = np.random.default_rng(seed + 1)
    queries = []
    while len(queries) < n_queries:
        q = []
        for _ in range(int(qrng.integers(2, 6))):
            u = qrng.random()
            if u < 0.30:
                r = int(qrng.integers(0, 100))
            elif u < 0.75:
                r = int(np.exp(qrng.uniform(np.log(100), np.log(5000))))
            else:
                r = int(np.exp(qrng.uniform(np.log(5000), np.log(vocab))))
            q.append(words[min(r, vocab - 1)])
        if any(t in present for t in q):
            queries.append(q)
    return docs, queries


# ------------------------------------------------------------------------------ engines
class Parley:
    name = "parley"

    def build(self, docs):
        from retrieval.bm25_index import BM25Index
        self.index = BM25Index(docs, K1, B, EPS)

    def search(self, q, k):
        return self.index.top(q, k)

    def save(self, folder: Path):
        from retrieval.store.index_files import save_index
        part = save_index(self.index, folder)
        (folder / "part.json").write_text(json.dumps(part))

    @staticmethod
    def cold_load(folder: Path):
        from retrieval.store.index_files import load_index
        index = load_index(folder, json.loads((folder / "part.json").read_text()))
        return lambda q, k: index.top(q, k)

    def free(self):
        self.index = None


class RankBM25:
    name = "rank-bm25"

    def build(self, docs):
        from rank_bm25 import BM25Okapi
        self.bm = BM25Okapi(docs, k1=K1, b=B, epsilon=EPS)

    def search(self, q, k):
        scores = self.bm.get_scores(q)
        order = np.argsort(-scores, kind="stable")[:k]
        return [(int(i), float(scores[i])) for i in order]

    def reference(self, q, k):
        """Exact expected top-k: documents containing a query term, stable by score."""
        scores = self.bm.get_scores(q)
        qs = set(q)
        matched = np.fromiter((not d.keys().isdisjoint(qs) for d in self.bm.doc_freqs),
                              dtype=bool,
                              count=len(self.bm.doc_freqs))
        cand = np.flatnonzero(matched)
        order = cand[np.argsort(-scores[cand], kind="stable")][:k]
        return [(int(i), float(scores[i])) for i in order]

    def free(self):
        self.bm = None


class BM25S:
    name = "bm25s"

    def build(self, docs):
        import bm25s
        self.r = bm25s.BM25(k1=K1, b=B, method="robertson")
        self.r.index(docs, show_progress=False)
        self.vocab = self.r.vocab_dict

    def search(self, q, k):
        q = [t for t in q if t in self.vocab] or [""]
        res, scores = self.r.retrieve([q], k=k, show_progress=False, n_threads=1)
        return list(zip(res[0].tolist(), scores[0].tolist()))

    def save(self, folder: Path):
        self.r.save(str(folder), show_progress=False)

    @staticmethod
    def cold_load(folder: Path):
        import bm25s
        r = bm25s.BM25.load(str(folder), mmap=True, show_progress=False)
        vocab = r.vocab_dict

        def search(q, k):
            q = [t for t in q if t in vocab] or [""]
            return r.retrieve([q], k=k, show_progress=False, n_threads=1)
        return search

    def free(self):
        self.r = None


class Tantivy:
    name = "tantivy"

    def build(self, docs):
        import tantivy
        self.dir = Path(tempfile.mkdtemp(prefix="bench-tantivy-"))
        sb = tantivy.SchemaBuilder()
        sb.add_text_field("body", stored=False, tokenizer_name="whitespace", index_option="freq")
        self.schema = sb.build()
        self.ix = tantivy.Index(self.schema, path=str(self.dir))
        w = self.ix.writer(heap_size=500_000_000, num_threads=1)
        for i, d in enumerate(docs):
            w.add_document(tantivy.Document(body=" ".join(d)))
        w.commit()
        w.wait_merging_threads()
        self.ix.reload()
        self.searcher = self.ix.searcher()

    def search(self, q, k):
        import tantivy
        qq = tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, tantivy.Query.term_query(self.schema, "body", t)) for t in q])
        return [(a.doc, s) for s, a in self.searcher.search(qq, k).hits]

    def save(self, folder: Path):
        shutil.copytree(self.dir, folder, dirs_exist_ok=True)

    @staticmethod
    def cold_load(folder: Path):
        import tantivy
        ix = tantivy.Index.open(str(folder))
        schema = ix.schema
        searcher = ix.searcher()

        def search(q, k):
            qq = tantivy.Query.boolean_query(
                [(tantivy.Occur.Should, tantivy.Query.term_query(schema, "body", t)) for t in q])
            return searcher.search(qq, k).hits
        return search

    def free(self):
        self.searcher = self.ix = None
        shutil.rmtree(self.dir, ignore_errors=True)


def available_engines(wanted: list[str]):
    out = []
    for cls in (Parley, RankBM25, BM25S, Tantivy):
        if cls.name not in wanted:
            continue
        mod = {"parley": "numpy", "rank-bm25": "rank_bm25", "bm25s": "bm25s",
               "tantivy": "tantivy"}[cls.name]
        try:
            __import__(mod)
        except ImportError:
            print(f"  ({cls.name} not installed: skipped)", file=sys.stderr)
            continue
        out.append(cls)
    return out


# ------------------------------------------------------------------------------ measuring
def time_queries(search, queries, k, budget: float | None = None):
    lat = []
    start = time.perf_counter()
    for q in queries:
        t = time.perf_counter()
        search(q, k)
        lat.append(time.perf_counter() - t)
        if budget is not None and time.perf_counter() - start > budget:
            break
    lat = np.array(lat) * 1000
    return {"p50_ms": float(np.percentile(lat, 50)), "p95_ms": float(np.percentile(lat, 95)),
            "qps": float(len(lat) / (lat.sum() / 1000)), "queries_timed": int(len(lat))}


def cold_start(engine: str, folder: Path, qfile: Path, k: int) -> dict:
    """Spawn a fresh interpreter: load the saved index, answer the first query (timed from
    outside), then every query; report its RSS."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "--cold", engine, str(folder), str(qfile),
                             str(k)], stdout=subprocess.PIPE, text=True)
    first = proc.stdout.readline()
    elapsed = time.perf_counter() - t0
    rest = proc.stdout.read()
    proc.wait()
    if not first.startswith("FIRST"):
        return {"cold_s": float("nan")}
    info = json.loads(rest.strip().splitlines()[-1])
    return {"cold_s": elapsed, **info}


def cold_child(engine: str, folder: str, qfile: str, k: int) -> None:
    queries = json.loads(Path(qfile).read_text())
    cls = {c.name: c for c in (Parley, BM25S, Tantivy)}[engine]
    search = cls.cold_load(Path(folder))
    search(queries[0], k)
    print("FIRST", flush=True)
    for q in queries:
        search(q, k)
    print(json.dumps({"rss_answering_mb": rss_mb(), "peak_answering_mb": peak_mb()}),
          flush=True)


def make_corpus(spec: str, args):
    """`bbc` or `synthetic:N` -> (label, docs, queries); deterministic, so every engine's
    process rebuilds exactly the same token lists and queries."""
    if spec == "bbc":
        docs, queries = bbc_corpus(args.bbc, args.queries, args.seed)
        return "bbc", docs, queries
    size = int(spec.split(":")[1])
    docs, queries = synthetic_corpus(size, args.queries, args.seed)
    label = f"synthetic-{size // 1000}k" if size < 1_000_000 else f"synthetic-{size // 10**6}m"
    return label, docs, queries


def engine_child(engine: str, spec: str, workdir: Path, args) -> None:
    """One engine on one corpus, in its own process (clean memory figures): build, then
    answer commands on stdin. `round`: time every query once, print the latencies as one
    JSON line. `finish`: save the index into workdir/engine and write the row (rank-bm25 also
    verifies Parley's results; it is timed here, being far too slow for rounds)."""
    label, docs, queries = make_corpus(spec, args)
    if not (workdir / "queries.json").is_file():
        (workdir / "queries.json").write_text(json.dumps(queries))
    k = args.k
    n = len(docs)
    cls = {c.name: c for c in (Parley, RankBM25, BM25S, Tantivy)}[engine]
    eng = cls()
    gc.collect()
    before = rss_mb()
    reset_peak()
    t = time.perf_counter()
    eng.build(docs)
    build_s = time.perf_counter() - t
    row = {"corpus": label, "passages": n, "engine": engine, "build_s": build_s,
           "build_peak_mb": peak_mb() - before, "queries": len(queries)}
    print(f"  {engine}: built in {build_s:.1f} s", file=sys.stderr)
    # The token lists are the harness's, not the engine's (a served index does not keep
    # them): drop them, and freeze what is left so the collector does not walk it while a
    # query is timed. Every engine alike.
    del docs
    gc.collect()
    gc.freeze()
    print("READY", flush=True)
    for line in sys.stdin:
        if line.strip() != "round":
            break
        lat = []
        for q in queries:
            t = time.perf_counter()
            eng.search(q, k)
            lat.append(time.perf_counter() - t)
        print(json.dumps(lat), flush=True)
    if cls is RankBM25:
        budget = args.okapi_budget
        for q in queries[:10]:  # warm up
            eng.search(q, k)
            if n >= 500_000:
                break
        row.update(time_queries(eng.search, queries, k, budget))
    if cls is Parley:
        (workdir / "parley-results.json").write_text(
            json.dumps([eng.search(q, k) for q in queries]))
    results_file = workdir / "parley-results.json"
    if cls is RankBM25 and results_file.is_file():
        parley_results = json.loads(results_file.read_text())
        checked = same = 0
        worst = 0.0
        t = time.perf_counter()
        for q, got in zip(queries, parley_results):
            want = eng.reference(q, k)
            checked += 1
            ok = [d for d, _ in got] == [d for d, _ in want]
            if ok:
                for (_, a), (_, b) in zip(got, want):
                    worst = max(worst, abs(a - b) / max(abs(b), 1e-300))
                ok = worst <= 1e-9
            same += ok
            if time.perf_counter() - t > args.okapi_budget:
                break
        row["verified"] = f"{same}/{checked} of {len(queries)}"
        row["max_rel_diff"] = worst
        print(f"  verified Parley top-{k} == BM25Okapi.get_scores on {same}/{checked} queries "
              f"(max relative score difference {worst:.1e})", file=sys.stderr)
    if hasattr(eng, "save"):
        folder = workdir / engine
        folder.mkdir()
        eng.save(folder)
        row["index_mb"] = dir_mb(folder)
    eng.free()
    (workdir / f"{engine}-row.json").write_text(json.dumps(row))


def interleaved_latency(children: dict[str, subprocess.Popen], rounds: int) -> dict[str, dict]:
    """Every query timed `rounds` times per engine, the engines taking turns round by round
    (each round starting with the next engine): a load spike on a shared machine then hits
    every engine alike instead of whichever ran at that moment. A query's latency is its
    median over the rounds; p50/p95 are over queries. One discarded round warms up first."""
    names = list(children)
    if not names:
        return {}
    per: dict[str, list[list[float]]] = {name: [] for name in names}
    for r in range(rounds + 1):
        for name in names[r % len(names):] + names[:r % len(names)]:
            proc = children[name]
            proc.stdin.write("round\n")
            proc.stdin.flush()
            lat = json.loads(proc.stdout.readline())
            if r:
                per[name].append(lat)
    out = {}
    for name, runs in per.items():
        lat = np.median(np.array(runs), axis=0) * 1000
        out[name] = {"p50_ms": float(np.percentile(lat, 50)),
                     "p95_ms": float(np.percentile(lat, 95)),
                     "qps": float(len(lat) / (lat.sum() / 1000)),
                     "queries_timed": int(len(lat)), "rounds": rounds}
    return out


def run_corpus(spec: str, args, engines) -> list[dict]:
    workdir = Path(tempfile.mkdtemp(prefix="bench-search-"))
    rows = []
    print(f"\n== {spec}", file=sys.stderr)
    children: dict[str, subprocess.Popen] = {}
    try:
        qfile = workdir / "queries.json"
        # Build one engine at a time (build figures undisturbed); all stay up for the rounds.
        for cls in engines:
            cmd = [sys.executable, __file__, "--child", cls.name, spec, str(workdir),
                   "--queries", str(args.queries), "--k", str(args.k), "--seed", str(args.seed),
                   "--okapi-budget", str(args.okapi_budget), "--bbc", str(args.bbc)]
            proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                    text=True)
            if proc.stdout.readline().strip() != "READY":
                print(f"  {cls.name} failed on {spec}", file=sys.stderr)
                proc.wait()
                continue
            children[cls.name] = proc
        timed = [name for name in children if name != RankBM25.name]
        latency = interleaved_latency({n: children[n] for n in timed}, args.rounds)
        # Parley first: it writes the results rank-bm25 checks.
        for name in sorted(children, key=lambda n: n != Parley.name):
            proc = children.pop(name)
            proc.stdin.write("finish\n")
            proc.stdin.close()
            if proc.wait() != 0:
                print(f"  {name} failed on {spec}", file=sys.stderr)
                continue
            row = json.loads((workdir / f"{name}-row.json").read_text())
            row.update(latency.get(name, {}))
            folder = workdir / name
            if folder.is_dir():
                row.update(cold_start(name, folder, qfile, args.k))
                shutil.rmtree(folder, ignore_errors=True)
            rows.append(row)
    finally:
        for proc in children.values():
            proc.kill()
        shutil.rmtree(workdir, ignore_errors=True)
    order = [cls.name for cls in engines]
    return sorted(rows, key=lambda r: order.index(r["engine"]))


# ------------------------------------------------------------- real-shaped cold start
REAL_QUESTION = "What did Blair say about the election?"


def real_corpus_entry(size: int, base, base_docs, bbc: Path, workdir: Path):
    """A real-shaped corpus of about `size` passages: the built BBC corpus (records with
    sentences, speakers, people) replicated under distinct article ids, its files copied as
    often (so the cache key hashes that many files and bytes), saved as a cache entry exactly
    as `parley ask` would find it. Returns (corpus folder, config file)."""
    from dataclasses import replace

    from bot.settings import Settings
    from corpus.models import Corpus, Passage
    from retrieval.bm25_index import BM25Index
    from retrieval.store.cache import _save_entry, cache_key, corpus_identity

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
    settings = Settings(cache_dir=cache)
    paths = [corpus_dir.resolve()]
    _save_entry(cache, cache_key(paths, settings), corpus_identity(paths), corpus, index)
    config = root / "config.toml"
    config.write_text(f'[corpus]\ncache_dir = "{cache.as_posix()}"\n', encoding="utf-8")
    return corpus_dir, config, len(corpus.passages), len(corpus.articles)


def real_cold_start(args) -> list[dict]:
    """Process start -> first answer of `parley ask` from the saved cache, real-shaped
    corpora of each `--real-sizes` size (the BBC set replicated)."""
    sizes = [parse_size(x) for x in args.real_sizes.split(",") if x.strip()]
    if not sizes or not args.bbc.is_dir():
        return []
    from bot.settings import Settings
    from corpus.build import build_corpus
    from retrieval.store.cache import open_index
    from retrieval.tokenizer import terms
    # As installed: byte-compiled (`python3 dev.py` does this too), else each start would
    # compile Parley's modules again whenever PYTHONDONTWRITEBYTECODE is set.
    for package in ("bot", "corpus", "retrieval"):
        compileall.compile_dir(str(ROOT / package), quiet=2)
    workdir = Path(tempfile.mkdtemp(prefix="bench-real-"))
    rows = []
    try:
        print("\n== real-shaped cold start: building the BBC corpus", file=sys.stderr)
        base = open_index([args.bbc.resolve()], Settings(cache_dir=workdir / "bbc-cache"),
                          build_corpus).corpus
        base_docs = [terms(p.text) for p in base.passages]
        for size in sizes:
            t = time.perf_counter()
            corpus_dir, config, n_pass, n_art = real_corpus_entry(size, base, base_docs,
                                                                  args.bbc, workdir)
            print(f"  {n_pass:,} passages ({n_art:,} articles) saved in "
                  f"{time.perf_counter() - t:.0f} s", file=sys.stderr)
            cmd = [sys.executable, "-m", "bot.cli", "ask", "--config",
                   str(config), "--corpus", str(corpus_dir), REAL_QUESTION]
            times = []
            for _ in range(args.real_repeats):
                t = time.perf_counter()
                try:
                    out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT,
                                         timeout=120)
                except subprocess.TimeoutExpired:
                    raise SystemExit("parley ask took over 120 s: not loaded from the cache "
                                     "(did the corpus code change meanwhile?)")
                times.append(time.perf_counter() - t)
                if "Built the index" in out.stderr or "rebuilding" in out.stderr:
                    raise SystemExit("parley ask rebuilt the index instead of loading it")
                if out.returncode != 0 or "Blair" not in out.stdout:
                    print(out.stdout[-2000:], out.stderr[-2000:], file=sys.stderr)
                    raise SystemExit("parley ask failed on the real-shaped corpus")
            # where the time goes, in one more fresh process
            phases = json.loads(subprocess.run(
                [sys.executable, __file__, "--real-child", str(config), str(corpus_dir)],
                capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1])
            rows.append({"passages": n_pass, "articles": n_art,
                         "corpus_mb": dir_mb(corpus_dir),
                         "entry_mb": dir_mb(next((config.parent / "cache").glob("index-*"))),
                         "cold_s": float(np.median(times)), "cold_min_s": min(times),
                         "runs": len(times), **phases})
            print(f"  cold start to first answer: median {np.median(times):.2f} s "
                  f"({len(times)} runs); {phases}", file=sys.stderr)
            shutil.rmtree(config.parent, ignore_errors=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return rows


def real_child(config: str, corpus_dir: str) -> None:
    """In a fresh process: time imports, the cache key, loading, Parley(), the first answer."""
    t0 = time.perf_counter()
    from bot.settings import load_settings
    from corpus.build import build_corpus  # noqa: F401 - as the CLI imports it
    from retrieval.answering.engine import Parley
    from retrieval.store import cache
    t1 = time.perf_counter()
    settings = load_settings(Path(config))
    paths = [Path(corpus_dir).resolve()]
    signature = cache.files_signature(paths, settings)  # what a start does: stat every file
    key = cache._known_key([settings.cache_dir], cache.corpus_identity(paths), signature)
    t2 = time.perf_counter()
    full_key = cache.cache_key(paths, settings)  # hashing every byte: the first start only
    full_s = time.perf_counter() - t2
    if key is None:
        key = full_key
    t2 = time.perf_counter()
    corpus, index = cache._load_entry(cache.entry_dir(settings.cache_dir, key), key)
    t3 = time.perf_counter()
    engine = Parley(corpus, index, settings)
    t4 = time.perf_counter()
    answer = engine.ask(REAL_QUESTION)
    t5 = time.perf_counter()
    assert answer.results
    print(json.dumps({"import_s": t1 - t0, "key_s": t2 - t1 - full_s, "full_key_s": full_s,
                      "load_s": t3 - t2,
                      "init_s": t4 - t3, "first_answer_s": t5 - t4, "rss_mb": rss_mb()}))


def real_table(rows: list[dict]) -> str:
    lines = ["| corpus | passages | articles | corpus files MB | cache entry MB | cold start to "
             "first answer s (median) | imports s | files checked s | load s | Parley() s | "
             "first answer s | RSS MB | key by hashing every byte s |", "|" + "---|" * 13]
    for r in rows:
        lines.append("| " + " | ".join([
            "bbc replicated", f"{r['passages']:,}", f"{r['articles']:,}", fmt(r["corpus_mb"], ".0f"),
            fmt(r["entry_mb"], ".0f"), f"{r['cold_s']:.2f} ({r['runs']} runs, min "
            f"{r['cold_min_s']:.2f})", fmt(r["import_s"], ".2f"), fmt(r["key_s"], ".2f"),
            fmt(r["load_s"], ".3f"), fmt(r["init_s"], ".3f"), fmt(r["first_answer_s"], ".3f"),
            fmt(r["rss_mb"], ".0f"), fmt(r.get("full_key_s"), ".2f")]) + " |")
    return "\n".join(lines)


# ------------------------------------------------------------------------------ reporting
def fmt(v, spec=".1f", none="–"):
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return none
    return format(v, spec)


def _ms_spec(ms: float) -> str:
    """Three significant figures or so: 0.0128, 0.731, 4.26, 87.0, 822."""
    return ".4f" if ms < 0.1 else ".3f" if ms < 1 else ".2f" if ms < 10 else \
        ".1f" if ms < 100 else ".0f"


def table(rows: list[dict]) -> str:
    head = ("| corpus | engine | build s | index MB | build peak MB | cold start s | "
            "RSS answering MB | p50 ms | p95 ms | queries/s | p50 vs Parley | checked vs "
            "BM25Okapi |")
    lines = [head, "|" + "---|" * head.count("|")[:-1] if False else
             "|" + "|".join(["---"] * (head.count("|") - 1)) + "|"]
    by_corpus: dict[str, dict] = {}
    for r in rows:
        if r["engine"] == "parley":
            by_corpus[r["corpus"]] = r
    for r in rows:
        base = by_corpus.get(r["corpus"])
        ratio = (r["p50_ms"] / base["p50_ms"]) if base else None
        p50 = fmt(r["p50_ms"], _ms_spec(r["p50_ms"]))
        if r.get("queries_timed") and r["queries_timed"] < r.get("queries", 0):
            p50 += f" ({r['queries_timed']} q)"
        lines.append("| " + " | ".join([
            f"{r['corpus']} ({r['passages']:,})", r["engine"], fmt(r["build_s"]),
            fmt(r.get("index_mb")), fmt(r["build_peak_mb"], ".0f"), fmt(r.get("cold_s"), ".2f"),
            fmt(r.get("rss_answering_mb"), ".0f"), p50,
            fmt(r["p95_ms"], _ms_spec(r["p95_ms"])), fmt(r["qps"], ".0f"),
            "1.0" if r["engine"] == "parley" else (f"{ratio:.2f}x" if ratio else "–"),
            r.get("verified", "–")]) + " |")
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        mem = f", {int(Path('/proc/meminfo').read_text().split()[1]) / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (f"nproc {os.cpu_count()}, {cpu}{mem}, Python {platform.python_version()}, "
            f"numpy {np.__version__}, {platform.system()} {platform.release()}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10k,100k,1m",
                    help="synthetic corpus sizes, comma separated (default 10k,100k,1m)")
    ap.add_argument("--no-bbc", action="store_true", help="skip the BBC corpus")
    ap.add_argument("--bbc", type=Path, default=BBC_DIR, help="BBC data folder")
    ap.add_argument("--queries", type=int, default=200, help="queries per corpus")
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--engines", default="parley,rank-bm25,bm25s,tantivy")
    ap.add_argument("--rounds", type=int, default=5,
                    help="timed passes over the queries per engine, engines taking turns")
    ap.add_argument("--okapi-budget", type=float, default=60.0,
                    help="seconds of BM25Okapi.get_scores per corpus for timing and again for "
                         "verification (1M passages: ~1.2 s a query)")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--json", type=Path, help="also write the raw results here")
    ap.add_argument("--real-sizes", default="100k,1m",
                    help="real-shaped corpora (the BBC set replicated) for the cold start to "
                         "first answer of `parley ask`; empty to skip")
    ap.add_argument("--real-repeats", type=int, default=3)
    ap.add_argument("--real-only", action="store_true",
                    help="only the real-shaped cold starts")
    ap.add_argument("--cold", nargs=4, help=argparse.SUPPRESS)
    ap.add_argument("--real-child", nargs=2, help=argparse.SUPPRESS)
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.cold:
        cold_child(args.cold[0], args.cold[1], args.cold[2], int(args.cold[3]))
        return 0
    if args.child:
        engine_child(args.child[0], args.child[1], Path(args.child[2]), args)
        return 0
    if args.real_child:
        real_child(*args.real_child)
        return 0
    engines = available_engines([e.strip() for e in args.engines.split(",")])
    started = time.perf_counter()
    rows: list[dict] = []
    specs = [] if args.no_bbc or not args.bbc.is_dir() else ["bbc"]
    specs += [f"synthetic:{parse_size(s)}" for s in args.sizes.split(",") if s.strip()]
    if args.real_only:
        specs = []
    for spec in specs:
        rows.extend(run_corpus(spec, args, engines))
    real = real_cold_start(args)
    print(f"\n{machine()}; top-{args.k}, {args.queries} queries per corpus, single thread; "
          f"total {time.perf_counter() - started:.0f} s\n")
    if rows:
        print(table(rows))
    if real:
        print("\nCold start of `parley ask` from the saved cache, real-shaped corpora:\n")
        print(real_table(real))
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), "rows": rows, "real": real},
                                        indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
