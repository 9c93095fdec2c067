"""Instant start: the built corpus and its BM25 index, saved once and loaded in milliseconds.

A saved entry is a folder `index-<key>` holding the records (flat `.npy` arrays decoded lazily,
see `retrieval.store.records`; `corpus.json` for a corpus that layout cannot hold), the index
arrays (`.npy`, memory-mapped on load) and `manifest.json` (written last, with sizes and
checksums).
The key hashes the corpus files' paths and bytes, the tokenizer and corpus-building code, the
record schema and the BM25 settings, so any change makes a new key: a stale entry is never
used, and a corrupt one (a failed check) is rebuilt with a message. Nothing is pickled.

Where: `options.cache_dir` when set, else the user cache folder (platformdirs:
`$XDG_CACHE_HOME/parley` or `~/.cache/parley` on Linux, `~/Library/Caches/parley`,
`%LOCALAPPDATA%/parley/Cache`); never beside or inside a corpus. When that folder cannot be
written the index is built in memory and a message says so.
"""
from __future__ import annotations

import hashlib
import json
import operator
import os
import re
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from corpus.models import Corpus
from retrieval import tokenizer
from retrieval.bm25_index import BM25Index
from retrieval.inverted import FORMAT_VERSION
from retrieval.options import IndexOptions
from retrieval.store.corpus_json import corpus_from_json, corpus_to_json, schema_fingerprint
from retrieval.store.index_files import (
    CorruptIndex,
    check_file,
    dir_size,
    file_digest,
    fsync_dir,
    load_array,
    load_index,
    save_array,
    save_index,
)
from retrieval.store.progress import progress_iter
from retrieval.store.records import ARRAYS as RECORD_ARRAYS
from retrieval.store.records import records_corpus, save_records

STORE_VERSION = 2
ENTRY_PREFIX = "index-"
MANIFEST = "manifest.json"
CORPUS_FILE = "corpus.json"
RECORDS_PREFIX = "records-"
# Source files whose change alters the built corpus or the terms: part of the key.
# Paths are relative to the folder that holds the packages (the checkout, or site-packages).
_CODE_ROOT = Path(__file__).resolve().parents[2]
_CODE_FILES = ("retrieval/tokenizer.py", "retrieval/stopwords.py", "retrieval/store/records.py")
_CODE_DIRS = ("corpus",)
_NOT_CODE = {"articles", "evaluation", "__pycache__"}  # in a code dir, but not what builds
# Libraries whose version changes what is built (tokens, sentences, speakers, arrays).
_BUILD_LIBRARIES = ("PyStemmer", "anyascii", "syntok", "rapidfuzz", "numpy")


@dataclass
class Opened:
    """What `open_index` found or made."""

    corpus: Corpus
    index: BM25Index
    messages: list[str] = field(default_factory=list)
    entry: Path | None = None        # the saved entry used or written (None: not saved)
    from_cache: bool = False
    seconds: float = 0.0


# ---------------------------------------------------------------------------------- keys
def _article_files(paths: list[Path]) -> tuple[list[Path], list[str]]:
    try:
        from corpus.loader import find_article_files
        files, problems = find_article_files(paths)
        return files, [str(p) for p in problems]
    except ImportError:  # pragma: no cover - the loader is part of the package
        files = []
        for p in paths:
            files.extend(sorted(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else [p])
        return files, []


def code_fingerprint() -> str:
    """Tokenizer + corpus-building code + library versions that change what is built."""
    h = hashlib.sha256()
    h.update(str(getattr(tokenizer, "TOKENIZER_VERSION", "")).encode())
    for rel in _CODE_FILES:
        p = _CODE_ROOT / rel
        h.update(rel.encode() + b"\0" + (p.read_bytes() if p.is_file() else b"") + b"\0")
    for d in _CODE_DIRS:
        base = _CODE_ROOT / d
        for p in sorted(base.rglob("*")):
            if (p.is_file() and not _NOT_CODE.intersection(p.relative_to(base).parts)
                    and p.suffix in {".py", ".txt", ".toml", ".tsv"}):
                h.update(p.relative_to(_CODE_ROOT).as_posix().encode() + b"\0")
                h.update(p.read_bytes() + b"\0")
    versions = installed_versions(_BUILD_LIBRARIES)
    for dist in _BUILD_LIBRARIES:
        h.update(f"{dist}={versions.get(dist, 'none')};".encode())
    return h.hexdigest()


def installed_versions(dists: tuple[str, ...]) -> dict[str, str]:
    """Installed versions, read from the `<name>-<version>.dist-info` folder names on
    `sys.path`, first found wins as for imports. (`importlib.metadata.version` parses each
    METADATA file and imports the email package: some 30 ms on every start.)"""
    wanted = {_dist_key(d): d for d in dists}
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info"):
                dist, _, version = name[:-len(".dist-info")].partition("-")
                want = wanted.get(_dist_key(dist))
                if want is not None and want not in found:
                    found[want] = version
    return found


def _dist_key(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def corpus_identity(paths: list[Path]) -> str:
    """Which corpus (its paths), regardless of content: finds stale entries to replace."""
    return hashlib.sha256(_path_bytes("\0".join(str(Path(p).resolve()) for p in paths))
                          ).hexdigest()


def cache_key(paths: list[Path], options: IndexOptions) -> str:
    """The saved entry's key: corpus file paths + bytes, code, record schema, BM25 settings.
    (Not the build callable itself: the corpus-building code is hashed instead.)"""
    h = hashlib.sha256()
    h.update(f"parley-store/{STORE_VERSION}/index/{FORMAT_VERSION}\0".encode())
    h.update(f"schema={schema_fingerprint()}\0code={code_fingerprint()}\0".encode())
    bm = options.bm25
    h.update(f"k1={float(bm.k1)!r};b={float(bm.b)!r};epsilon={float(bm.epsilon)!r}\0".encode())
    h.update(_path_bytes("paths=" + "\0".join(str(p) for p in paths) + "\0"))
    files, problems = _article_files(list(paths))
    h.update(_path_bytes("problems=" + "\0".join(problems) + "\0"))
    for f in files:
        h.update(_path_bytes(str(f)) + b"\0")
        try:
            with open(f, "rb") as fh:
                h.update(hashlib.file_digest(fh, "sha256").digest())
        except OSError as exc:
            h.update(f"unreadable:{exc.errno}".encode())
    return h.hexdigest()


# A file changed less than this long ago may change again within its timestamp's resolution:
# no shortcut is recorded then (the next start hashes the bytes again).
_RACY_NS = 2_000_000_000
FILES_PREFIX = "files-"


def files_signature(paths: list[Path], options: IndexOptions) -> str | None:
    """A hash of everything the key depends on except the files' bytes: every file below
    `paths` (all of them, symbolic links followed) with its size, modification and change
    times and inode, plus the code and settings. None when a file changed in the last two
    seconds (its timestamp could still be the same after another change)."""
    h = hashlib.sha256()
    h.update(f"parley-files/{STORE_VERSION}/index/{FORMAT_VERSION}\0".encode())
    h.update(f"schema={schema_fingerprint()}\0code={code_fingerprint()}\0".encode())
    bm = options.bm25
    h.update(f"k1={float(bm.k1)!r};b={float(bm.b)!r};epsilon={float(bm.epsilon)!r}\0".encode())
    seen_dirs: set[tuple[int, int]] = set()
    lines: list[str] = []   # one per file or folder, hashed together at the end
    times: list[int] = []

    def add(path: str, st: os.stat_result) -> None:
        lines.append(f"{path}\0{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}:"
                     f"{st.st_dev}")
        times.append(st.st_mtime_ns)
        times.append(st.st_ctime_ns)

    def walk(folder: str, st: os.stat_result) -> None:
        if (st.st_dev, st.st_ino) in seen_dirs:
            return
        seen_dirs.add((st.st_dev, st.st_ino))
        add(folder, st)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=_entry_name)
        except OSError as exc:
            lines.append(f"unlistable:{folder}:{exc.errno}")
            return
        for e in entries:
            try:
                est = e.stat()
            except OSError:
                lines.append(f"broken:{e.path}")
                continue
            if stat.S_ISDIR(est.st_mode):
                walk(e.path, est)
            else:
                add(e.path, est)

    for p in paths:
        try:
            st = os.stat(p)
        except OSError as exc:
            lines.append(f"missing:{p}:{exc.errno}")
            continue
        if stat.S_ISDIR(st.st_mode):
            walk(str(p), st)
        else:
            add(str(p), st)
    h.update(_path_bytes("\0".join(lines)))
    if time.time_ns() - max(times, default=0) < _RACY_NS:
        return None
    return h.hexdigest()


_entry_name = operator.attrgetter("name")


def _path_bytes(text: str) -> bytes:
    """UTF-8, keeping the raw bytes of a file name that is not valid UTF-8 (Python holds
    those as surrogate escapes, which plain `.encode()` refuses)."""
    return text.encode("utf-8", "surrogateescape")


def _files_pointer(root: Path, identity: str) -> Path:
    return root / f"{FILES_PREFIX}{identity[:24]}.json"


def _known_key(roots: list[Path], identity: str, signature: str | None) -> str | None:
    """The key recorded for exactly these files (same signature), when its entry exists."""
    if signature is None:
        return None
    for root in roots:
        try:
            data = json.loads(_files_pointer(root, identity).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        key = data.get("key") if isinstance(data, dict) else None
        if data.get("signature") == signature and isinstance(key, str) and len(key) == 64 \
                and entry_dir(root, key).is_dir():
            return key
    return None


def _record_key(root: Path, identity: str, signature: str | None, key: str) -> None:
    if signature is None:
        return
    target = _files_pointer(root, identity)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=root)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"signature": signature, "key": key}, f)
        os.replace(tmp, target)
    except OSError:
        pass


# ---------------------------------------------------------------------------- locations
def user_cache_dir() -> Path | None:
    """The user cache folder (`~/.cache/parley` on Linux, following XDG_CACHE_HOME); None when
    the platform cannot say where home is (a container's user with no passwd entry)."""
    try:
        return Path(platformdirs.user_cache_dir("parley", appauthor=False))
    except (KeyError, OSError, RuntimeError):
        return None


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".probe-"):
            pass
        return True
    except OSError:
        return False


def cache_roots(options: IndexOptions) -> list[Path]:
    """Where a saved index may go: `cache_dir` when set, else the user cache folder; never
    beside or inside a corpus, which is the user's own folder."""
    if options.cache_dir is not None:
        return [Path(options.cache_dir).expanduser()]
    user = user_cache_dir()
    return [user] if user is not None else []


def entry_dir(root: Path, key: str) -> Path:
    return root / f"{ENTRY_PREFIX}{key[:24]}"


# ---------------------------------------------------------------------------- load/save
def _load_entry(folder: Path, key: str) -> tuple[Corpus, BM25Index]:
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CorruptIndex(f"manifest unreadable ({exc})") from None
    if manifest.get("store") != STORE_VERSION or manifest.get("key") != key:
        raise CorruptIndex("manifest does not match this corpus and settings")
    corpus = _load_records(folder, manifest)
    index = load_index(folder, manifest.get("index", {}))
    if index.size != len(corpus.passages):
        raise CorruptIndex("index and corpus records disagree on the number of passages")
    return corpus, index


def _load_records(folder: Path, manifest: dict) -> Corpus:
    records = manifest.get("records")
    meta = manifest.get("corpus_file")
    try:
        if isinstance(records, dict):
            files = records["arrays"]
            arrays = {name: load_array(folder, RECORDS_PREFIX + name, files.get(name))
                      for name in RECORD_ARRAYS}
            path = check_file(folder, records["json"], records["json_file"])
            part = json.loads(path.read_text(encoding="utf-8"))
            return records_corpus(arrays, part)
        if isinstance(meta, dict):
            path = check_file(folder, CORPUS_FILE, meta)
            return corpus_from_json(path.read_text(encoding="utf-8"))
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise CorruptIndex(f"corpus records unreadable ({exc})") from None
    raise CorruptIndex("manifest lists no corpus records")


def _save_records(folder: Path, corpus: Corpus) -> dict:
    """Manifest entries for the records: the flat arrays, else `corpus.json`."""
    part = save_records(corpus, folder,
                        lambda name, arr: save_array(folder, RECORDS_PREFIX + name, arr))
    if part is not None:
        path = folder / part["json"]
        part["json_file"] = {"size": path.stat().st_size, "sha256": file_digest(path),
                             "full_hash": True}
        return {"records": part}
    (folder / CORPUS_FILE).write_text(corpus_to_json(corpus), encoding="utf-8")
    return {"corpus_file": {"size": (folder / CORPUS_FILE).stat().st_size,
                            "sha256": file_digest(folder / CORPUS_FILE), "full_hash": True}}


def _save_entry(root: Path, key: str, identity: str, corpus: Corpus, index: BM25Index) -> Path:
    final = entry_dir(root, key)
    root.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{final.name}.tmp-", dir=root))
    try:
        records = _save_records(tmp, corpus)
        part = save_index(index, tmp)
        manifest = {
            "store": STORE_VERSION, "key": key, "corpus_identity": identity,
            "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "articles": len(corpus.articles), "passages": len(corpus.passages),
            **records,
            "index": part,
        }
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        fsync_dir(tmp)
        if final.exists():
            try:  # another process was faster and its entry is good: keep that one
                _load_entry(final, key)
                shutil.rmtree(tmp, ignore_errors=True)
                return final
            except (CorruptIndex, OSError):  # a corrupt entry: replace it
                shutil.rmtree(final, ignore_errors=True)
        os.replace(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return final


def _stale_entries(root: Path, identity: str, keep: Path) -> list[Path]:
    out = []
    if not root.is_dir():
        return out
    for d in root.iterdir():
        if d == keep or not d.is_dir() or not d.name.startswith(ENTRY_PREFIX):
            continue
        try:
            m = json.loads((d / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if m.get("corpus_identity") == identity:
            out.append(d)
    return out


def build_index(corpus: Corpus, options: IndexOptions, progress: bool = False) -> BM25Index:
    """The BM25 index of a corpus: each passage's `tokenizer.terms(text)` (headline included)."""
    docs = [tokenizer.terms(p.text) for p in progress_iter(
        corpus.passages, len(corpus.passages), "Indexing passages", progress, min_total=5000)]
    bm = options.bm25
    return BM25Index(docs, k1=bm.k1, b=bm.b, epsilon=bm.epsilon)


def open_index(paths: list[Path], options: IndexOptions, build: Callable[[list[Path]], Corpus],
               progress: bool = False, *, rebuild: bool = False, save: bool = True) -> Opened:
    """The corpus and index for `paths`: loaded from a saved entry when one matches, else built
    with `build(paths)` + `build_index` and saved. `rebuild` ignores any saved entry."""
    t0 = time.perf_counter()
    # Absolute paths: the same corpus named two ways (config vs --corpus) shares one entry.
    paths = [Path(p).expanduser().resolve() for p in paths]
    messages: list[str] = []
    identity = corpus_identity(paths)
    roots = cache_roots(options)
    # Unchanged files (same paths, sizes, times, inodes) since their bytes were last hashed:
    # the key recorded then is used without reading them again.
    signature = files_signature(paths, options)
    known = None if rebuild else _known_key(roots, identity, signature)
    key = known or cache_key(paths, options)
    stale_seen = False
    if not rebuild:
        for root in roots:
            folder = entry_dir(root, key)
            if folder.is_dir():
                try:
                    corpus, index = _load_entry(folder, key)
                except (CorruptIndex, OSError) as exc:
                    messages.append(f"Saved index at {folder} is unusable ({exc}); rebuilding.")
                    continue
                if key != known:
                    _record_key(root, identity, signature, key)
                return Opened(corpus, index, messages, folder, True, time.perf_counter() - t0)
            if _stale_entries(root, identity, folder):
                stale_seen = True
        if stale_seen and not messages:
            messages.append("The corpus, the code or the BM25 settings changed since the index "
                            "was saved; rebuilding.")
    corpus = build(paths)
    index = build_index(corpus, options, progress)
    opened = Opened(corpus, index, messages)
    if save:
        for root in roots:
            if options.cache_dir is None and not _writable(root):
                continue
            try:
                opened.entry = _save_entry(root, key, identity, corpus, index)
            except OSError as exc:
                messages.append(f"Could not save the index in {root} ({exc.strerror or exc}).")
                continue
            for old in _stale_entries(root, identity, opened.entry):
                shutil.rmtree(old, ignore_errors=True)
            _record_key(root, identity, signature, key)
            messages.append(f"Built the index of {len(corpus.passages)} passages; saved in "
                            f"{opened.entry} for a fast start next time.")
            break
        else:
            messages.append("Built the index in memory; no writable cache folder, so it will be "
                            "built again next time (set corpus.cache_dir).")
    opened.seconds = time.perf_counter() - t0
    return opened


def load_or_build(paths: list[Path], options: IndexOptions, build: Callable[[list[Path]], Corpus],
                  progress: bool = False) -> tuple[Corpus, BM25Index, list[str]]:
    """(corpus, index, messages): the saved ones when still valid, else built and saved.

    `paths`: the corpus files/folders (e.g. `args.corpus or settings.corpus_paths`);
    `build(paths) -> Corpus`: the corpus builder, only called when nothing valid is saved;
    `progress`: allow a progress bar (on a terminal only). Messages are for the user (stderr).
    """
    o = open_index(paths, options, build, progress)
    return o.corpus, o.index, o.messages


def records_size(folder: Path | None) -> int:
    """Bytes of a saved entry's corpus records (the flat arrays + JSON, or `corpus.json`)."""
    if folder is None or not folder.is_dir():
        return 0
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file() and (
        p.name.startswith(RECORDS_PREFIX) or p.name in (CORPUS_FILE, "records.json")))


def entry_size(folder: Path | None) -> int:
    return dir_size(folder) if folder is not None else 0
