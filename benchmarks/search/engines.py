"""The engines compared, each behind the same small interface: build, search, save,
cold_load, free."""
from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np

K1, B, EPS = 1.5, 0.75, 0.25


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
        return list(zip(res[0].tolist(), scores[0].tolist(), strict=True))

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
        for d in docs:
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
