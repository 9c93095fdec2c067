"""Where a build's memory peaks: a thread samples the process's resident set every few
milliseconds and, whenever it reaches a new high, notes the main thread's stack, so the peak
is named by the code running at it, not guessed from stage totals.

`python -m benchmarks.search.peak bare --size 1m` builds the bare index of synthetic passages
(as `bench_search.py` does); `python -m benchmarks.search.peak index -- ARGS` runs `parley
ARGS` (e.g. `--corpus DIR index --force --jobs 2`) in this process. Both print one JSON line:
the peak above the start, the stack at it, the largest worker's peak (`RUSAGE_CHILDREN`), and
the high reached inside each function named by `--stage` (qualified names, e.g.
`retrieval.postings_count.postings_of_documents`).
"""
from __future__ import annotations

import argparse
import importlib
import json
import resource
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.search.corpora import parse_size, synthetic_corpus  # noqa: E402
from benchmarks.search.measure import peak_mb, reset_peak, rss_mb  # noqa: E402


class Sampler:
    """RSS every `every` seconds; the main thread's innermost Parley frames at each new high;
    the high inside each watched stage."""

    def __init__(self, every: float = 0.005) -> None:
        self.every = every
        self.base = rss_mb()
        self.high = self.base
        self.stack: list[str] = []
        self.stages: dict[str, float] = {}
        self.active: list[str] = []
        self._stop = threading.Event()
        self._main = threading.main_thread().ident
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.trace_at = ""  # a watched function: what Python allocated is listed as it returns
        self.traced: list[str] = []
        self.every_s = 0.0  # > 0: the RSS and the innermost Parley frame that often
        self.timeline: list[tuple[float, float, str]] = []
        self._t0 = time.perf_counter()

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        self.high = max(self.high, peak_mb())

    def _run(self) -> None:
        next_at = 0.0
        while not self._stop.wait(self.every):
            now = rss_mb()
            t = time.perf_counter() - self._t0
            if self.every_s and t >= next_at:
                next_at = t + self.every_s
                frame = sys._current_frames().get(self._main)
                top = _frames(frame)
                del frame
                self.timeline.append((round(t, 1), round(now - self.base, 1),
                                      top[0] if top else ""))
            for name in self.active:
                self.stages[name] = max(self.stages.get(name, 0.0), now - self.base)
            if now > self.high:
                self.high = now
                frame = sys._current_frames().get(self._main)
                self.stack = _frames(frame)
                del frame  # a frame kept would keep its locals alive after it returned

    def watch(self, qualname: str) -> None:
        """Wrap a module-level function so that the samples taken inside it are its own."""
        module_name, _, attr = qualname.rpartition(".")
        module = importlib.import_module(module_name)
        inner = getattr(module, attr)

        def wrapped(*args, **kwargs):
            self.active.append(qualname)
            try:
                return inner(*args, **kwargs)
            finally:
                self.stages[qualname] = max(self.stages.get(qualname, 0.0), rss_mb() - self.base)
                self.active.remove(qualname)
                if qualname == self.trace_at:
                    self.traced = _top_lines()
        setattr(module, attr, wrapped)
        for mod in list(sys.modules.values()):  # names imported with `from m import f`
            if getattr(mod, attr, None) is inner:
                setattr(mod, attr, wrapped)

    def report(self) -> dict:
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        return {"base_mb": round(self.base, 1),
                "peak_above_base_mb": round(self.high - self.base, 1),
                "peak_rss_mb": round(self.high, 1), "largest_worker_mb": round(children, 1),
                "stages_mb": {k: round(v, 1) for k, v in self.stages.items()},
                "stack_at_peak": self.stack, **({"traced": self.traced} if self.traced else {}),
                **({"timeline": self.timeline} if self.timeline else {})}


def _top_lines(limit: int = 25) -> list[str]:
    """The lines whose allocations still live hold the most (tracemalloc, when started)."""
    import tracemalloc
    if not tracemalloc.is_tracing():
        return []
    stats = tracemalloc.take_snapshot().statistics("lineno")
    total = sum(s.size for s in stats)
    out = [f"total {total / 2**20:.1f} MB"]
    for st in stats[:limit]:
        frame = st.traceback[0]
        out.append(f"{st.size / 2**20:.1f} MB {st.count} blocks {frame.filename}:{frame.lineno}")
    return out


def _frames(frame) -> list[str]:
    out = []
    while frame is not None:
        code = frame.f_code
        path = code.co_filename
        if str(ROOT) in path and "benchmarks/search/peak" not in path:
            out.append(f"{Path(path).relative_to(ROOT)}:{frame.f_lineno} {code.co_name}")
        frame = frame.f_back
    return out[:12]


def run_bare(args: argparse.Namespace) -> dict:
    from retrieval.bm25_index import BM25Index
    docs, _ = synthetic_corpus(parse_size(args.size), 1, args.seed)
    sampler = Sampler()
    for stage in args.stage:
        sampler.watch(stage)
    reset_peak()
    sampler.base = sampler.high = rss_mb()
    sampler.start()
    t0, c0 = time.perf_counter(), time.process_time()
    index = BM25Index(docs, 1.5, 0.75, 0.25)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    sampler.stop()
    return {"mode": "bare", "size": args.size, "passages": index.size, "build_s": round(wall, 2),
            "cpu_s": round(cpu, 2), **sampler.report()}


def run_index(args: argparse.Namespace) -> dict:
    from bot.cli import main
    sampler = Sampler(every=0.02)
    sampler.every_s = args.timeline
    for stage in args.stage:
        sampler.watch(stage)
    if args.trace_at:
        import tracemalloc
        sampler.trace_at = args.trace_at
        tracemalloc.start()
    reset_peak()
    sampler.base = sampler.high = rss_mb()
    sampler.start()
    t0, c0 = time.perf_counter(), time.process_time()
    code = main(args.rest)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    sampler.stop()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"mode": "index", "args": args.rest, "exit": code, "wall_s": round(wall, 1),
            "main_cpu_s": round(cpu, 1),
            "workers_cpu_s": round(children.ru_utime + children.ru_stime, 1),
            **sampler.report()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=("bare", "index"))
    parser.add_argument("--size", default="1m")
    parser.add_argument("--seed", type=int, default=20240229)  # bench_search.py's SEED
    parser.add_argument("--stage", action="append", default=[],
                        help="a function whose own high is reported (module.function)")
    parser.add_argument("--timeline", type=float, default=0.0, metavar="SECONDS",
                        help="also list the RSS above the start and the innermost Parley "
                             "frame every SECONDS (index)")
    parser.add_argument("--trace-at", default="",
                        help="a --stage function: list what Python allocated and still holds "
                             "as it returns (tracemalloc: slow)")
    argv = sys.argv[1:]
    cut = argv.index("--") if "--" in argv else len(argv)
    args = parser.parse_args(argv[:cut])
    args.rest = argv[cut + 1:]  # after --: the parley command line (index)
    out = run_bare(args) if args.mode == "bare" else run_index(args)
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
