"""`parley index` (build and save the index ahead of time) and `parley stats`."""
from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from bot.settings import Settings

if TYPE_CHECKING:
    from retrieval.store.cache import Opened

# What the commands use is imported when one runs, not when the parser is built (as in
# bot.cli_ask): the corpus files' walk begins first.


def register(sub: argparse._SubParsersAction) -> None:
    index = sub.add_parser("index", help="build the search index now and save it (fast starts)")
    index.add_argument("--force", action="store_true",
                       help="rebuild even when a valid saved index exists")
    index.add_argument("--jobs", type=_positive, default=None, metavar="N",
                       help="attribute the articles on N processes (default: every core)")
    index.add_argument("--verify", type=_positive, nargs="?", const=VERIFY_QUERIES, default=None,
                       metavar="N", help="then fit rank-bm25's BM25Okapi on the corpus and check "
                       f"N random queries against the index (default {VERIFY_QUERIES})")
    index.set_defaults(func=cmd_index, opens_corpus=True)

    stats = sub.add_parser("stats", help="corpus and index statistics")
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(func=cmd_stats, opens_corpus=True)


VERIFY_QUERIES = 20


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"takes a whole number of 1 or more, not {value!r}")
    return n


def _open(args: argparse.Namespace, settings: Settings, rebuild: bool) -> Opened | None:
    from bot.loading import LoadFailed, corpus_paths, notice_lines, open_engine
    quiet = bool(getattr(args, "quiet", False))
    try:
        _, opened = open_engine(settings, corpus_paths(args, settings), progress=not quiet,
                                rebuild=rebuild, jobs=getattr(args, "jobs", None))
    except LoadFailed as exc:
        print(f"parley: corpus error: {exc}", file=sys.stderr)
        return None
    if not quiet:
        for line in notice_lines(list(opened.corpus.problems), opened.messages,
                                 opened.from_cache):
            print(f"parley: {line}", file=sys.stderr)
    return opened


def cmd_index(args: argparse.Namespace, settings: Settings) -> int:
    from bot.labels import counted
    from corpus.printable import printable
    from retrieval.store.index_files import dir_size
    opened = _open(args, settings, rebuild=bool(getattr(args, "force", False)))
    if opened is None:
        return 1
    c = opened.corpus
    where = "already up to date" if opened.from_cache else \
        "rebuilt from the files" if args.force else "built"
    if opened.entry is None:
        why = "see the message above" if any(m.startswith("Could not save")
                                             for m in opened.messages) \
            else "no writable cache folder; set corpus.cache_dir"
        print(f"Indexed {counted(len(c.articles), 'article')} "
              f"({counted(len(c.passages), 'passage')}) but could not save the index ({why}).")
        return 1
    print(f"Index {where}: {counted(len(c.articles), 'article')}, "
          f"{counted(len(c.passages), 'passage')}, "
          f"{opened.index.vocabulary_size} terms; {_mb(dir_size(opened.entry))} in "
          f"{printable(str(opened.entry))} ({opened.seconds:.2f} s).")
    if args.verify:
        return verify(opened, args.verify)
    return 0


def verify(opened: Opened, queries: int) -> int:
    """`--verify N`: the index's scores against BM25Okapi's own on this corpus; exit 1 when
    they differ anywhere."""
    from bot.labels import counted
    from retrieval.okapi_check import TOP_K, check_against_okapi
    from retrieval.tokenizer import terms
    documents = [terms(p.text) for p in opened.corpus.passages]
    check = check_against_okapi(documents, opened.index, queries)
    if check.queries == 0:
        print("Nothing to verify: no passage has a searchable word.")
        return 0
    verdict = "identical" if check.identical else "DIFFERENT"
    print(f"Checked {check.queries} random queries against rank-bm25's BM25Okapi over "
          f"{counted(check.passages, 'passage')}: {verdict}; largest score difference "
          f"{check.largest_difference:.3g}; {len(check.top_mismatches)} queries with other top "
          f"{TOP_K} results.")
    for query in check.top_mismatches[:5]:
        print(f"  differs: {' '.join(query)}")
    return 0 if check.identical else 1


def corpus_stats(opened: Opened) -> dict:
    from retrieval.bm25_index import compiled_search
    from retrieval.store.cache import records_size
    from retrieval.store.index_files import dir_size
    c, index = opened.corpus, opened.index
    sentences = sum(len(p.sentences) for p in c.passages)
    speakers = {s.speaker.name for p in c.passages for s in p.sentences if s.speaker}
    attributed = sum(1 for p in c.passages for s in p.sentences if s.speaker)
    inv = index.inverted
    arrays = index.memory_bytes()
    vocab_bytes = sys.getsizeof(inv.term_ids) + sys.getsizeof(inv.terms) + sum(
        sys.getsizeof(t) for t in inv.terms)
    disk = dir_size(opened.entry) if opened.entry else None
    corpus_disk = records_size(opened.entry) if opened.entry else None
    return {
        "articles": len(c.articles),
        "passages": len(c.passages),
        "sentences": sentences,
        "attributed_sentences": attributed,
        "speakers": len(speakers),
        "problems": len(c.problems),
        "vocabulary": index.vocabulary_size,
        "postings": inv.n_postings,
        "bm25": {"k1": index.k1, "b": index.b, "epsilon": index.epsilon},
        "index_bytes_on_disk": None if disk is None else disk - (corpus_disk or 0),
        "corpus_bytes_on_disk": corpus_disk,
        "index_bytes_in_memory": arrays + vocab_bytes,
        "index_arrays_memory_mapped": opened.from_cache,
        "compiled_search": compiled_search(),
        "cache_entry": str(opened.entry) if opened.entry else None,
        "loaded_from_cache": opened.from_cache,
        "load_seconds": round(opened.seconds, 3),
    }


def cmd_stats(args: argparse.Namespace, settings: Settings) -> int:
    opened = _open(args, settings, rebuild=False)
    if opened is None:
        return 1
    st = corpus_stats(opened)
    if getattr(args, "json", False):
        print(json.dumps(st, indent=2))
        return 0
    disk = "not saved" if st["index_bytes_on_disk"] is None else (
        f"{_mb(st['index_bytes_on_disk'])} index + {_mb(st['corpus_bytes_on_disk'])} records")
    mem = _mb(st["index_bytes_in_memory"]) + (" (arrays memory-mapped)"
                                              if st["index_arrays_memory_mapped"] else "")
    rows = [
        ("Articles", f"{st['articles']:,}"),
        ("Passages", f"{st['passages']:,}"),
        ("Sentences", f"{st['sentences']:,} ({st['attributed_sentences']:,} attributed)"),
        ("Speakers", f"{st['speakers']:,}"),
        ("Vocabulary", f"{st['vocabulary']:,} terms, {st['postings']:,} postings"),
        ("Index on disk", disk),
        ("Index in memory", mem),
        ("Small queries", "compiled (C)" if st["compiled_search"] else
         "numpy (the optional C part was not built: no C compiler at install)"),
        ("Saved in", st["cache_entry"] or "-"),
    ]
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        print(f"{k:<{width}}  {v}")
    return 0


def _mb(n: int | None) -> str:
    if n is None:
        return "-"
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n / 1e3:.1f} kB"
