"""The compact postings decode to exactly what was encoded (numpy and C alike), probes find
what decoding finds, and the start-up check of the stream gives one verdict however its bytes
are cut into chunks, refusing a block table or stream a writer cannot make."""
from __future__ import annotations

import numpy as np
import pytest

from retrieval import postings as postings_module
from retrieval.postings import LengthNorms, Postings, length_norms
from retrieval.postings_encode import BLOCK, PAD, counts, encode, fields
from retrieval.store.checks import POSTINGS_WRONG, TABLE_WRONG, BlockTable, Kept, _block_ends

compiled = pytest.mark.skipif(postings_module._accumulate is None,
                              reason="the optional C path was not built")


def _tiers(seed: int, sizes: list[int], n_docs: int, tf_max: int = 5):
    """Random tiers: sorted distinct passages of [0, n_docs), counts in 1..tf_max."""
    rng = np.random.default_rng(seed)
    docs = [np.sort(rng.choice(n_docs, size=s, replace=False)) for s in sizes]
    tf = [rng.integers(1, tf_max + 1, size=s) for s in sizes]
    offsets = np.zeros(len(sizes) + 1, dtype=np.int64)
    np.cumsum(sizes, out=offsets[1:])
    flat = np.concatenate(docs) if docs else np.zeros(0, dtype=np.int64)
    flat_tf = np.concatenate(tf) if tf else np.zeros(0, dtype=np.int64)
    return flat.astype(np.int32), flat_tf.astype(np.int64), offsets


CASES = {
    "one posting": ([1], 10, 5),
    "every passage": ([300], 300, 1),            # gaps of 1: no bits at all
    "blocks and a short last one": ([BLOCK * 3 + 5, 1, BLOCK], 5000, 9),
    "sparse, wide gaps": ([40, 7], 2**31 - 1, 3),
    "huge counts": ([BLOCK + 1], 2**31 - 1, 2**32),  # 31 + 32 bits: two loads a posting
}


@pytest.mark.parametrize("case", list(CASES))
def test_decoding_gives_back_what_was_encoded(case: str):
    sizes, n_docs, tf_max = CASES[case]
    docs, tf, offsets = _tiers(3, sizes, n_docs, tf_max)
    tb, table, stream = encode(docs, tf, offsets, n_docs)
    post = Postings(table, stream, LengthNorms(np.zeros(1, dtype=np.uint16), np.zeros(1)), 1.5)
    got_docs, got_tf = post.decode(np.arange(int(tb[-1]), dtype=np.intp))
    assert np.array_equal(got_docs, docs) and np.array_equal(got_tf, tf)
    assert np.all(counts(table) <= BLOCK) and stream[-PAD:].tolist() == [0] * PAD


def _small_index(seed: int):
    n_docs = 3000
    docs, tf, offsets = _tiers(seed, [BLOCK * 4 + 3, 50, 1, 700], n_docs, 40)
    tb, table, stream = encode(docs, tf, offsets, n_docs)
    lengths = np.random.default_rng(seed).integers(0, 90, n_docs)
    return tb, Postings(table, stream, length_norms(lengths, 1.2, 0.75, 30.0), 1.2)


@compiled
@pytest.mark.parametrize("seed", [1, 2])
def test_compiled_reads_and_probes_equal_numpy(seed: int):
    tb, post = _small_index(seed)
    rng = np.random.default_rng(seed)
    for t in range(tb.size - 1):
        b0, b1 = int(tb[t]), int(tb[t + 1])
        idf = float(rng.random() * 3)
        n = post.count(b0, b1)
        d_np, w_np = post.read(b0, b1, idf, n, False)
        d_c, w_c = post.read(b0, b1, idf, n, True)
        assert np.array_equal(d_np, d_c) and np.array_equal(w_np, w_c)  # bit for bit
        cand = np.unique(np.concatenate([rng.choice(3000, 200), d_np[::7]]))
        hit_np, pw_np = post.probe(b0, b1, idf, cand, False)
        hit_c, pw_c = post.probe(b0, b1, idf, cand, True)
        assert np.array_equal(hit_np, hit_c) and np.array_equal(pw_np, pw_c)
        assert np.array_equal(cand[hit_np], np.intersect1d(cand, d_np))


@compiled
def test_compiled_block_ends_equal_numpy():
    _, post = _small_index(4)
    rows = post.table
    last = np.empty(rows.shape[0] - 1, dtype=np.int64)
    postings_module._accumulate.block_ends(post.stream, rows, last)
    assert np.array_equal(last, _block_ends(post.stream, rows))


def _verdict(tb: np.ndarray, table: np.ndarray, stream: np.ndarray, n_docs: int,
             cut: int) -> tuple[bool, str]:
    tiers, kept = Kept(), Kept()
    tiers.feed(tb, 0)
    for first in range(0, table.shape[0], 3):  # the table in chunks too
        kept.feed(table[first:first + 3], first)
    check = BlockTable("", n_docs, stream.size, tiers, kept)
    for first in range(0, stream.size, cut):
        if not check.feed(stream[first:first + cut], first):
            return False, check.why
    return check.holds(), check.why


def _damaged(what: str, tb, table, stream):
    table, stream = table.copy(), stream.copy()
    if what == "stream all ones":
        stream[:-PAD] = 0xFF
    elif what == "gap width 40":
        table[0, 0] |= 40 << 32
    elif what == "first passage past the end":
        table[1, 0] += 10**6 - fields(table[1:2, 0])[0][0]
    elif what == "bits do not add up":
        table[2, 1] += 1
    elif what == "a block of 200 postings":
        table[1, 0] += (200 - int(fields(table[1:2, 0])[3][0])) << 48
    return tb, table, stream


@pytest.mark.parametrize("cut", [1, 5, 64, 1 << 20])
@pytest.mark.parametrize("what,ok,why", [
    ("nothing", True, POSTINGS_WRONG),
    ("stream all ones", False, POSTINGS_WRONG),
    ("gap width 40", False, TABLE_WRONG),
    ("first passage past the end", False, TABLE_WRONG),
    ("bits do not add up", False, TABLE_WRONG),
    ("a block of 200 postings", False, TABLE_WRONG),
])
def test_the_stream_check_fed_in_chunks_gives_one_verdict(cut: int, what: str, ok: bool,
                                                          why: str, monkeypatch):
    n_docs = 3000
    docs, tf, offsets = _tiers(5, [BLOCK * 4 + 3, 50, 1, 700], n_docs, 40)
    parts = _damaged(what, *encode(docs, tf, offsets, n_docs))
    for c_module in (postings_module._accumulate, None):
        monkeypatch.setattr("retrieval.store.checks._accumulate", c_module)
        assert _verdict(*parts, n_docs, cut) == (ok, why)


def test_encoding_in_chunks_equals_encoding_at_once(monkeypatch):
    """The writer bounds its memory by encoding a range of blocks at a time: the bytes are
    those of one pass, wherever the ranges are cut."""
    docs, tf, offsets = _tiers(6, [BLOCK * 5 + 9, 3, 1, 400], 2000, 300)
    whole = encode(docs, tf, offsets, 2000)
    monkeypatch.setattr("retrieval.postings_encode._CHUNK_POSTINGS", 100)
    for got, want in zip(encode(docs, tf, offsets, 2000), whole, strict=True):
        assert np.array_equal(got, want)


@pytest.mark.parametrize("top,dtype", [(400, np.uint16), (70_000, np.uint32)])
def test_a_passage_norm_by_its_length_class_is_its_own_norm_bit_for_bit(top: int, dtype):
    from retrieval.postings import length_norm
    lengths = np.random.default_rng(8).integers(0, top + 1, 5000).astype(np.int32)
    norms = length_norms(lengths, 1.5, 0.75, float(lengths.mean()))
    assert norms.classes.dtype == dtype
    assert np.array_equal(norms.table[norms.classes],
                          length_norm(lengths, 1.5, 0.75, float(lengths.mean())))
