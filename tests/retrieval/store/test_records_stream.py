"""The records save written as it goes (`records_stream`, `array_writer`): the very files,
byte for byte, and manifest part of the save that holds the tables whole, with kept blocks
or walked ones; a block whose header lies about its sizes falls back to the whole-table way;
a part-by-part array is `save_array`'s."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.models import Corpus
from retrieval.store import records_stream
from retrieval.store.array_writer import ArrayWriter
from retrieval.store.index_files import save_array
from retrieval.store.records_block import article_block, block_bytes, block_from_bytes, block_sizes
from retrieval.store.records_save import save_records
from tests.retrieval.store.test_article_cache import ODD
from tests.retrieval.store.test_records_block import SEED

CORPORA = {
    "seed": SEED,
    "odd-and-seed": Corpus.of([ODD, *SEED.articles]),
    "an id twice": Corpus.of([*SEED.articles, SEED.articles[0]]),
    "empty": Corpus.of([]),
}


def _save(corpus: Corpus, folder: Path, streamed: bool, kept: bool = False,
          lie: bool = False) -> tuple[dict, dict[str, bytes]]:
    folder.mkdir()
    stored = {(a.id, a.path): block_bytes(article_block(a)) for a in corpus.articles}
    first = (corpus.articles[0].id, corpus.articles[0].path) if corpus.articles else None

    def sizes(key):
        got = block_sizes(stored[key])
        if lie and key == first and got is not None:
            return got[0], got[1] + 1, got[2]
        return got
    part = save_records(
        corpus, folder, lambda name, arr: save_array(folder, name, arr),
        (lambda key: block_from_bytes(stored[key])) if kept else None,
        sizes=sizes if kept else None,
        writer=(lambda name, dtype, shape: ArrayWriter(folder, name, dtype, shape))
        if streamed else None)
    return part, {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("run", [2, 256], ids=["runs of 2 blocks", "runs of 256"])
@pytest.mark.parametrize("kept", [False, True], ids=["walked", "kept blocks"])
@pytest.mark.parametrize("name", CORPORA)
def test_streamed_records_are_the_whole_tables_files(tmp_path: Path, monkeypatch, name: str,
                                                      kept: bool, run: int):
    monkeypatch.setattr(records_stream, "_RUN", run)
    corpus = CORPORA[name]
    whole, whole_files = _save(corpus, tmp_path / "whole", streamed=False)
    streamed, streamed_files = _save(corpus, tmp_path / "streamed", streamed=True, kept=kept)
    assert streamed == whole
    assert list(streamed["arrays"]) == list(whole["arrays"])  # the manifest's order too
    assert streamed_files == whole_files


def test_a_block_whose_sizes_lie_is_saved_the_whole_table_way(tmp_path: Path):
    whole, whole_files = _save(SEED, tmp_path / "whole", streamed=False)
    lied, lied_files = _save(SEED, tmp_path / "lied", streamed=True, kept=True, lie=True)
    assert lied == whole and lied_files == whole_files


@pytest.mark.parametrize("data", [b"", b"PRB1", block_bytes(article_block(ODD))[:-1]],
                         ids=["empty", "short", "truncated"])
def test_sizes_of_bytes_that_are_not_a_block_are_none(data: bytes):
    assert block_sizes(data) is None


def test_sizes_are_the_blocks(tmp_path: Path):
    for a in SEED.articles:
        b = article_block(a)
        assert block_sizes(block_bytes(b)) == (len(b.passages), len(b.sentences), len(b.texts))


@pytest.mark.parametrize("arr", [np.arange(12, dtype=np.int64).reshape(4, 3),
                                 np.frombuffer(b"hello world", dtype=np.uint8),
                                 np.zeros((0, 5), dtype=np.int64)],
                         ids=["int64 table", "bytes", "empty"])
def test_an_array_written_in_parts_is_save_array_s(tmp_path: Path, arr: np.ndarray):
    whole = save_array(tmp_path, "whole", arr)
    with ArrayWriter(tmp_path, "parts", arr.dtype, arr.shape) as w:
        for part in np.array_split(arr.reshape(-1), 3):
            w.write(part.tobytes() if arr.dtype == np.uint8 else part)
        parts = w.close()
    assert parts == whole
    assert (tmp_path / "parts.npy").read_bytes() == (tmp_path / "whole.npy").read_bytes()


@pytest.mark.parametrize("rows", [3, 5], ids=["fewer", "more"])
def test_an_array_given_other_than_its_shape_is_refused(tmp_path: Path, rows: int):
    with ArrayWriter(tmp_path, "a", np.int64, (4,)) as w, pytest.raises(ValueError):
        w.write(np.arange(rows))
        w.close()


@pytest.mark.parametrize("packed", [False, True], ids=["read", "packed"])
@pytest.mark.parametrize("given", ["every block", "every other block", "none"])
@pytest.mark.parametrize("run", [2, 256], ids=["runs of 2 blocks", "runs of 256"])
@pytest.mark.parametrize("name", CORPORA)
def test_blocks_given_as_string_numbers_give_the_same_files(tmp_path: Path, monkeypatch,
                                                            name: str, run: int, given: str,
                                                            packed: bool):
    """Blocks whose strings are numbers in a vocabulary kept across builds (`Block.words`,
    numbered in an order of their own, with words of other corpora among them) are numbered
    across the corpus as their strings would be; blocks without numbers are numbered as
    they are met. Given packed (`block_runs.Packed`, their bytes read a run at a time, runs
    mixing packed and read blocks), the same files."""
    from retrieval.store.block_runs import Packed
    from retrieval.store.word_ids import STRINGS, Words
    monkeypatch.setattr(records_stream, "_RUN", run)
    corpus = CORPORA[name]
    whole, whole_files = _save(corpus, tmp_path / "whole", streamed=False)
    vocabulary = Words.fresh(STRINGS)
    vocabulary.number(["elsewhere", "Some One Else"])
    blocks = [article_block(a) for a in corpus.articles]
    every = sorted({s.decode("utf-8", "surrogateescape") for b in blocks for s in b.strings},
                   reverse=True)
    numbers = dict(zip(every, vocabulary.number(every).tolist(), strict=True))
    stored = {(a.id, a.path): block_bytes(b) for a, b in zip(corpus.articles, blocks,
                                                              strict=True)}
    numbered = {}
    for i, (key, b) in enumerate(zip(stored, stored.values(), strict=True)):
        b = block_from_bytes(b)
        if given == "every block" or given == "every other block" and i % 2:
            numbered[key] = np.array([numbers[s.decode("utf-8", "surrogateescape")]
                                      for s in b.strings], dtype=np.int64)
    folder = tmp_path / "numbered"
    folder.mkdir()

    def block(key):
        if packed and key in numbered:
            return Packed(stored[key], numbered[key],
                          lambda: block_from_bytes(stored[key], numbered[key]))
        return block_from_bytes(stored[key], numbered.get(key))
    part = save_records(
        corpus, folder, lambda n, arr: save_array(folder, n, arr), block,
        sizes=lambda key: block_sizes(stored[key]), vocabulary=vocabulary,
        whole_blocks=lambda key: block_from_bytes(stored[key]),
        writer=lambda n, dtype, shape: ArrayWriter(folder, n, dtype, shape))
    assert part == whole
    assert {p.name: p.read_bytes() for p in sorted(folder.iterdir())} == whole_files


def test_a_string_number_that_is_none_is_saved_the_whole_table_way(tmp_path: Path):
    from retrieval.store.word_ids import STRINGS, Words
    whole, whole_files = _save(SEED, tmp_path / "whole", streamed=False)
    stored = {(a.id, a.path): block_bytes(article_block(a)) for a in SEED.articles}
    folder = tmp_path / "damaged"
    folder.mkdir()

    def damaged(key):
        b = block_from_bytes(stored[key])
        return block_from_bytes(stored[key], np.full(len(b.strings), -1, dtype=np.int64))
    part = save_records(
        SEED, folder, lambda n, arr: save_array(folder, n, arr), damaged,
        sizes=lambda key: block_sizes(stored[key]), vocabulary=Words.fresh(STRINGS),
        whole_blocks=lambda key: block_from_bytes(stored[key]),
        writer=lambda n, dtype, shape: ArrayWriter(folder, n, dtype, shape))
    assert part == whole
    assert {p.name: p.read_bytes() for p in sorted(folder.iterdir())} == whole_files


@pytest.mark.parametrize("damage", ["cut short", "numbers of another block"])
def test_a_packed_block_that_cannot_be_read_packed_is_read_by_itself(tmp_path: Path,
                                                                     damage: str):
    """A packed block whose bytes or numbers do not fit (`Run.of_packed` refuses them) is
    taken as its `read` gives it: the very files all the same."""
    from retrieval.store.block_runs import Packed
    from retrieval.store.word_ids import STRINGS, Words
    whole, whole_files = _save(SEED, tmp_path / "whole", streamed=False)
    stored = {(a.id, a.path): block_bytes(article_block(a)) for a in SEED.articles}
    vocabulary = Words.fresh(STRINGS)
    first = next(iter(stored))
    folder = tmp_path / "packed"
    folder.mkdir()

    def packed(key):
        words = vocabulary.number([s.decode("utf-8", "surrogateescape")
                                   for s in block_from_bytes(stored[key]).strings])
        data = stored[key]
        if key == first:
            if damage == "cut short":
                data = data[:-1]
            else:
                words = words[:-1]
        return Packed(data, words, lambda: block_from_bytes(stored[key]))
    part = save_records(
        SEED, folder, lambda n, arr: save_array(folder, n, arr), packed,
        sizes=lambda key: block_sizes(stored[key]), vocabulary=vocabulary,
        whole_blocks=lambda key: block_from_bytes(stored[key]),
        writer=lambda n, dtype, shape: ArrayWriter(folder, n, dtype, shape))
    assert part == whole
    assert {p.name: p.read_bytes() for p in sorted(folder.iterdir())} == whole_files


@pytest.mark.parametrize("texts", [[], [""], ["", "a"], ["peace", "talks", ""],
                                   ["Çavuşoğlu", "x"], ["caf\udce9", "ok"], ["мир", "", "мир"],
                                   ["a\0b", "£"], ["\0"]],
                         ids=["none", "one empty", "empty first", "ascii", "accents",
                              "an escape", "cyrillic", "a NUL", "only a NUL"])
def test_strings_encoded_at_once_are_each_encoded(texts: list[str]):
    """`utf8_table`: the strings' UTF-8 end to end and their offsets, as one encode per
    string gives them (surrogate escapes kept as their bytes)."""
    data, offsets = records_stream.utf8_table(texts)
    encoded = [s.encode("utf-8", "surrogateescape") for s in texts]
    assert data == b"".join(encoded)
    assert offsets.tolist() == [0, *np.cumsum([len(e) for e in encoded]).tolist()]
    assert offsets.dtype == np.int64


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(st.one_of(st.characters(exclude_categories=("Cs",)),
                                  st.sampled_from(["\udc80", "\udcff", "\0"])), max_size=6),
                max_size=8))
def test_strings_encoded_at_once_are_each_encoded_whatever_they_hold(texts: list[str]):
    data, offsets = records_stream.utf8_table(texts)
    encoded = [s.encode("utf-8", "surrogateescape") for s in texts]
    assert data == b"".join(encoded)
    assert offsets.tolist() == [0, *np.cumsum([len(e) for e in encoded]).tolist()]
