"""The benchmark's corpora: the BBC news set and synthetic passages from a fixed seed, as
token lists with their queries (deterministic, so every engine's process rebuilds exactly
the same ones)."""
from __future__ import annotations

from pathlib import Path

import numpy as np


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
    docs = [flat[a:b] for a, b in zip(offs[:-1], offs[1:], strict=True)]
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


def passage_queries(docs: list[list[str]], n_queries: int, seed: int) -> list[list[str]]:
    """The independent query mix: 2-7 distinct terms drawn from one passage picked at random,
    each term with its frequency in that passage. Chosen by the text, not by Parley's design,
    so near-universal words (in 90-98% of passages) come up as often as they occur, and with
    them the slow tail the tiered mix never drew."""
    rng = np.random.default_rng(seed + 2)
    queries: list[list[str]] = []
    while len(queries) < n_queries:
        doc = docs[int(rng.integers(0, len(docs)))]
        distinct = list(dict.fromkeys(doc))
        if len(distinct) < 2:
            continue
        want = min(int(rng.integers(2, 8)), len(distinct))
        picked: list[str] = []
        while len(picked) < want:
            term = doc[int(rng.integers(0, len(doc)))]
            if term not in picked:
                picked.append(term)
        queries.append(picked)
    return queries


MIXES = ("project", "passages")


def make_corpus(spec: str, args):
    """`bbc` or `synthetic:N` -> (label, docs, queries, mixes); deterministic, so every
    engine's process rebuilds exactly the same token lists and queries. `mixes[i]` names the
    query mix query i comes from: `project` (headlines for BBC; common/mid/rare ranks for
    synthetic) and/or `passages` (drawn from passages, see `passage_queries`)."""
    wanted = MIXES if args.mix == "both" else (args.mix,)
    if spec == "bbc":
        docs, project = bbc_corpus(args.bbc, args.queries, args.seed)
        label = "bbc"
    else:
        size = int(spec.split(":")[1])
        docs, project = synthetic_corpus(size, args.queries, args.seed)
        label = f"synthetic-{size // 1000}k" if size < 1_000_000 else \
            f"synthetic-{size // 10**6}m"
    sets = {"project": project} if "project" in wanted else {}
    if "passages" in wanted:
        sets["passages"] = passage_queries(docs, args.queries, args.seed)
    # Taking turns, so that rank-bm25's time budget checks both mixes alike.
    queries: list[list[str]] = []
    mixes: list[str] = []
    for i in range(max(len(qs) for qs in sets.values())):
        for mix, qs in sets.items():
            if i < len(qs):
                queries.append(qs[i])
                mixes.append(mix)
    return label, docs, queries, mixes
