"""One saved entry: a folder `index-<key>` holding the records (flat `.npy` arrays decoded
lazily, see `retrieval.store.records_layout`), the index arrays (`.npy`, memory-mapped on
load) and `manifest.json` (written last, with sizes and checksums). Nothing is pickled; an
entry that fails a check raises CorruptIndex."""
from __future__ import annotations

import functools
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corpus.models import Corpus
from retrieval.bm25_index import BM25Index
from retrieval.store.check_batch import Group, run_groups
from retrieval.store.check_batch import threads as check_threads
from retrieval.store.index_files import (
    CorruptIndex,
    check_array,
    check_file,
    file_entry,
    fsync_dir,
    index_plan,
    mapped_array,
    naming,
    save_array,
    save_index,
)
from retrieval.store.keys import STORE_VERSION
from retrieval.store.records_layout import ARRAYS as RECORD_ARRAYS
from retrieval.store.records_layout import RECORDS_JSON
from retrieval.store.records_load import records_corpus
from retrieval.store.structure import records_checks, records_shape_problem
from retrieval.store.temporaries import remove_stale, temp_prefix

if TYPE_CHECKING:  # imported when used: a start from a saved entry never writes records
    from retrieval.store.block_runs import Packed
    from retrieval.store.digest_rows import Facts
    from retrieval.store.records_block import Block
    from retrieval.store.records_stream import Vocabulary

# an article's records block, when one is kept, by its (id, path)
BlockOf = Callable[[tuple[str, str]], "Block | None"]
# the same, a block kept as bytes given packed (`block_runs.Packed`: read with its run)
StreamedBlockOf = Callable[[tuple[str, str]], "Block | Packed | None"]
# (passages, sentences, bytes of text) of an article's kept block
SizesOf = Callable[[tuple[str, str]], "tuple[int, int, int] | None"]


@dataclass(frozen=True)
class SavedStrings:
    """Blocks whose strings are numbers in a vocabulary (`Block.words`), and it: what the
    streamed records save numbers strings with (`records_stream`)."""

    blocks: StreamedBlockOf
    vocabulary: Vocabulary
    facts: Facts | None = None  # what the digest works out of single strings, kept


ENTRY_PREFIX = "index-"
MANIFEST = "manifest.json"
RECORDS_PREFIX = "records-"


def entry_dir(root: Path, key: str) -> Path:
    return root / f"{ENTRY_PREFIX}{key[:24]}"


def load_entry(folder: Path, key: str) -> tuple[Corpus, BM25Index]:
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CorruptIndex(f"manifest unreadable ({exc})") from None
    if not isinstance(manifest, dict) or manifest.get("store") != STORE_VERSION \
            or manifest.get("key") != key:
        raise CorruptIndex("manifest does not match this corpus and settings")
    groups, records = _records_plan(folder, manifest.get("records"))
    index_group, index = index_plan(folder, manifest.get("index", {}))
    # every byte and row of every file checked (on two threads) before anything is loaded
    run_groups([*groups, index_group], check_threads())
    corpus = _records_read(records)
    loaded = index()
    if loaded.size != len(corpus.passages):
        raise CorruptIndex("index and corpus records disagree on the number of passages")
    return corpus, loaded


def _records_plan(folder: Path, records: Any) -> tuple[list[Group], Callable[[], Corpus]]:
    """The record files' checks, one group per file (none needs another's rows), and what
    reads the corpus from them once they have passed."""
    if not isinstance(records, dict):
        raise CorruptIndex("manifest lists no corpus records")
    try:
        files = records["arrays"]
        shapes = {name: tuple(files[name]["shape"]) for name in RECORD_ARRAYS}
        problem = records_shape_problem(shapes)
        if problem:
            raise CorruptIndex(problem)
        checks = records_checks(shapes)
        groups = [Group(int(files[name]["size"]), [functools.partial(
            check_array, folder, RECORDS_PREFIX + name, files[name], checks.get(name, ()))])
            for name in RECORD_ARRAYS]
        json_name, json_meta = records["json"], records["json_file"]
        groups.append(Group(int(json_meta["size"]), [functools.partial(
            check_file, folder, json_name, json_meta)]))
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise CorruptIndex(f"corpus records unreadable ({exc})") from None

    def read() -> Corpus:
        arrays = {name: mapped_array(folder, RECORDS_PREFIX + name) for name in RECORD_ARRAYS}
        part = json.loads((folder / json_name).read_text(encoding="utf-8"))
        return records_corpus(arrays, part)
    return groups, read


def _records_read(read: Callable[[], Corpus]) -> Corpus:
    try:
        return read()
    except OSError:
        raise CorruptIndex("corpus records unreadable") from None
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise CorruptIndex(f"corpus records unreadable ({exc})") from None


def _save_records(folder: Path, corpus: Corpus, blocks: BlockOf | None,
                  sizes: SizesOf | None, strings: SavedStrings | None) -> dict[str, Any]:
    """The manifest's entry for the records (the flat arrays and their JSON part), written
    as the articles' blocks are met (`records_stream`)."""
    # Imported here: a start from a saved entry never writes records.
    from retrieval.store.array_writer import ArrayWriter
    from retrieval.store.records_save import save_records

    with naming(folder / RECORDS_JSON):
        part = save_records(corpus, folder,
                            lambda name, arr: save_array(folder, RECORDS_PREFIX + name, arr),
                            blocks if strings is None else strings.blocks, sizes=sizes,
                            vocabulary=None if strings is None else strings.vocabulary,
                            whole_blocks=blocks,
                            facts=None if strings is None else strings.facts,
                            writer=lambda name, dtype, shape: ArrayWriter(
                                folder, RECORDS_PREFIX + name, dtype, shape))
    part["json_file"] = file_entry(folder / part["json"])
    return part


def save_entry(root: Path, key: str, identity: str, corpus: Corpus, index: BM25Index, *,
               replace: bool = False, blocks: BlockOf | None = None,
               sizes: SizesOf | None = None, strings: SavedStrings | None = None) -> Path:
    """Write the entry into a temporary folder, then move it into place: a reader never sees
    half an entry. An entry already there under the key is kept when it passes the checks
    (another process was faster), unless `replace` (a forced rebuild: the user wants it made
    again from the files). Temporaries left by dead processes go first. Raises
    UnsupportedCorpus for records the layout cannot hold. `blocks`: the records blocks kept
    with the articles (`records_save.records_arrays`), and their sizes (`sizes`);
    `strings`: the same blocks with their strings as numbers in a vocabulary, for the
    streamed save."""
    final = entry_dir(root, key)
    root.mkdir(parents=True, exist_ok=True)
    remove_stale(root)
    tmp = Path(tempfile.mkdtemp(prefix=temp_prefix(final.name), dir=root))
    try:
        manifest = {
            "store": STORE_VERSION, "key": key, "corpus_identity": identity,
            "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "articles": len(corpus.articles), "passages": len(corpus.passages),
            "records": _save_records(tmp, corpus, blocks, sizes, strings),
            "index": save_index(index, tmp),
        }
        with naming(tmp / MANIFEST):
            (tmp / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        fsync_dir(tmp)
        if final.exists():
            if not replace and _usable(final, key):  # another process was faster: keep it
                shutil.rmtree(tmp, ignore_errors=True)
                return final
            _remove_entry(final)
        os.replace(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return final


def _usable(folder: Path, key: str) -> bool:
    try:
        load_entry(folder, key)
    except (CorruptIndex, OSError):
        return False
    return True


def _remove_entry(folder: Path) -> None:
    """Moved aside first (one rename), then deleted: a start never finds half of it."""
    aside = Path(tempfile.mkdtemp(prefix=temp_prefix(folder.name), dir=folder.parent))
    os.replace(folder, aside / folder.name)
    shutil.rmtree(aside, ignore_errors=True)


def stale_entries(root: Path, identity: str, keep: Path) -> list[Path]:
    """Entries of the same corpus (same paths) under other keys."""
    out: list[Path] = []
    if not root.is_dir():
        return out
    for d in root.iterdir():
        if d == keep or not d.is_dir() or not d.name.startswith(ENTRY_PREFIX):
            continue
        try:
            m = json.loads((d / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(m, dict) and m.get("corpus_identity") == identity:
            out.append(d)
    return out


def records_size(folder: Path | None) -> int:
    """Bytes of a saved entry's corpus records (the flat arrays and their JSON part)."""
    if folder is None or not folder.is_dir():
        return 0
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file() and (
        p.name.startswith(RECORDS_PREFIX) or p.name == RECORDS_JSON))
