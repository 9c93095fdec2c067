/* The compiled paths of retrieval.inverted and retrieval.postings: decode the compact
 * postings (retrieval/postings_encode.py: bit-packed gaps and term frequencies in blocks of
 * 128), work out each posting's weight as BM25Okapi.get_scores does, and either add a small
 * query's postings into a scratch accumulator in query order keeping the k best documents
 * (top_blocks), or hand a tier's postings (read_blocks) or some of them (probe_blocks) to
 * MaxScore.
 *
 * Why C: below a few thousand postings a query's cost in numpy is the fixed cost of a dozen
 * calls, not the postings. This does the same IEEE operations in the same order as the numpy
 * path: weight = idf * ((tf * (k1 + 1)) / (tf + norm[doc])), then acc[doc] += weight, element
 * by element, starting from 0.0, so every score is the same bit for bit;
 * tests/retrieval/test_bm25_exact.py checks both paths against BM25Okapi. No fused
 * multiply-add may be formed (it rounds once where get_scores rounds twice), hence the
 * pragmas below, and no extended precision (FLT_EVAL_METHOD must be 0: otherwise this
 * refuses to build and numpy is used).
 *
 * Optional: setup.py builds it when a C compiler is there; without it Parley uses numpy.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    double score;
    int32_t doc;
} Hit;

/* a ranks below b: lower score, or the same score and a higher document number. */
static inline int ranks_below(const Hit *a, const Hit *b)
{
    return a->score < b->score || (a->score == b->score && a->doc > b->doc);
}

/* heap[0] is the lowest-ranked hit kept. */
static void sift_down(Hit *heap, Py_ssize_t n, Py_ssize_t i)
{
    for (;;) {
        Py_ssize_t low = i, l = 2 * i + 1, r = l + 1;
        if (l < n && ranks_below(&heap[l], &heap[low])) low = l;
        if (r < n && ranks_below(&heap[r], &heap[low])) low = r;
        if (low == i) return;
        Hit t = heap[i]; heap[i] = heap[low]; heap[low] = t;
        i = low;
    }
}

static void sift_up(Hit *heap, Py_ssize_t i)
{
    while (i > 0) {
        Py_ssize_t parent = (i - 1) / 2;
        if (!ranks_below(&heap[i], &heap[parent])) return;
        Hit t = heap[i]; heap[i] = heap[parent]; heap[parent] = t;
        i = parent;
    }
}

static int best_first(const void *pa, const void *pb)
{
    const Hit *a = pa, *b = pb;
    if (ranks_below(b, a)) return -1;
    if (ranks_below(a, b)) return 1;
    return 0;
}

#include <float.h>
#if defined(FLT_EVAL_METHOD) && FLT_EVAL_METHOD != 0
#error "extended-precision arithmetic would change scores: build without this module"
#endif
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#elif defined(_MSC_VER)
#pragma fp_contract(off)
#endif

#define BLOCK 128
#define PAD 8
/* The 8 bytes at a field's first byte hold at least 57 of its bits (its first bit is one of
 * the byte's 8). */
#define ONE_LOAD_BITS 56

/* The arrays of one index (retrieval.postings_encode): the stream, the block table (rows of
 * head and first bit, one more row than blocks; see Block), and the
 * length normalisation as a class per document (uint16 or uint32) and a norm per class
 * (retrieval.postings.LengthNorms). */
typedef struct {
    Py_buffer stream, table, cls, ntab;
    const uint8_t *s;
    const int64_t *tab;
    const uint16_t *c16;
    const uint32_t *c32;
    const double *nt;
    int64_t n_bits, n_blocks, n_docs, n_classes;
} Index;

static void index_close(Index *ix)
{
    PyBuffer_Release(&ix->stream);
    PyBuffer_Release(&ix->table);
    PyBuffer_Release(&ix->cls);
    PyBuffer_Release(&ix->ntab);
}

static int index_open(Index *ix, PyObject *stream, PyObject *table, PyObject *cls,
                      PyObject *ntab)
{
    memset(ix, 0, sizeof(*ix));
    if (PyObject_GetBuffer(stream, &ix->stream, PyBUF_SIMPLE) < 0 ||
            PyObject_GetBuffer(table, &ix->table, PyBUF_SIMPLE) < 0 ||
            PyObject_GetBuffer(cls, &ix->cls, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0 ||
            PyObject_GetBuffer(ntab, &ix->ntab, PyBUF_SIMPLE) < 0) {
        index_close(ix);  /* releasing a buffer never got is a no-op (obj is NULL) */
        return -1;
    }
    ix->s = ix->stream.buf;
    ix->tab = ix->table.buf;
    ix->nt = ix->ntab.buf;
    if (ix->cls.itemsize == 2)
        ix->c16 = ix->cls.buf;
    else if (ix->cls.itemsize == 4)
        ix->c32 = ix->cls.buf;
    ix->n_bits = ((int64_t)ix->stream.len - PAD) * 8;
    ix->n_blocks = (int64_t)(ix->table.len / (Py_ssize_t)(2 * sizeof(int64_t))) - 1;
    ix->n_docs = ix->cls.itemsize ? (int64_t)(ix->cls.len / ix->cls.itemsize) : 0;
    ix->n_classes = (int64_t)(ix->ntab.len / (Py_ssize_t)sizeof(double));
    if (ix->n_bits < 0 || ix->n_blocks < 0 || ix->table.len % (2 * sizeof(int64_t)) ||
            (ix->c16 == NULL && ix->c32 == NULL)) {
        PyErr_SetString(PyExc_ValueError, "postings arrays of the wrong sizes");
        index_close(ix);
        return -1;
    }
    return 0;
}

/* A block's row of the table, unpacked: head = first | gap bits << 32 | tf bits << 40 |
 * (postings - 1) << 48. ok is 0 for a row no writer makes. */
typedef struct {
    int64_t first, n, bit;
    int gw, tw, ok;
} Block;

static inline Block block_at(const int64_t *tab, int64_t b, int64_t n_bits)
{
    uint64_t head = (uint64_t)tab[2 * b];
    Block k;
    k.first = (int64_t)(head & 0xFFFFFFFFu);
    k.gw = (int)((head >> 32) & 255);
    k.tw = (int)((head >> 40) & 255);
    k.n = (int64_t)(head >> 48) + 1;
    k.bit = tab[2 * b + 1];
    k.ok = k.n <= BLOCK && k.gw <= 31 && k.tw <= 32 && k.bit >= 0 &&
           k.bit + k.n * (k.gw + k.tw) <= n_bits;
    return k;
}

/* Postings in blocks b0..b1 (a range of the table). */
static int64_t postings_in(const int64_t *tab, int64_t b0, int64_t b1)
{
    int64_t n = 0;
    for (int64_t b = b0; b < b1; b++)
        n += (int64_t)((uint64_t)tab[2 * b] >> 48) + 1;
    return n;
}

/* Document d's length normalisation into *norm; 0 when its class is outside the table. */
static inline int norm_of(const Index *ix, int64_t d, double *norm)
{
    int64_t c = ix->c16 ? (int64_t)ix->c16[d] : (int64_t)ix->c32[d];
    if (c >= ix->n_classes)
        return 0;
    *norm = ix->nt[c];
    return 1;
}

/* The `o & 7`.. bits of the 8 bytes from bit o on (little-endian). */
static inline uint64_t bits_at(const uint8_t *s, uint64_t o)
{
    const uint8_t *p = s + (o >> 3);
    uint64_t v = (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
                 (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 |
                 (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
    return v >> (o & 7);
}

/* Block b's documents and term frequencies; its size, or -1 when the block is not one the
 * writer can make (then nothing outside the arrays was read). */
static Py_ssize_t decode_block(const Index *ix, int64_t b, int64_t *docs, int64_t *tfs)
{
    if (b < 0 || b >= ix->n_blocks)
        return -1;
    Block k = block_at(ix->tab, b, ix->n_bits);
    if (!k.ok)
        return -1;
    int64_t n = k.n;
    int gw = k.gw, tw = k.tw;
    uint64_t gm = ((uint64_t)1 << gw) - 1, tm = ((uint64_t)1 << tw) - 1;
    uint64_t o = (uint64_t)k.bit, step = (uint64_t)(gw + tw);
    int64_t doc = k.first - 1;
    if (gw + tw <= ONE_LOAD_BITS) {  /* both fields in one 8-byte load */
        for (Py_ssize_t j = 0; j < n; j++, o += step) {
            uint64_t v = bits_at(ix->s, o);
            doc += 1 + (int64_t)(v & gm);
            docs[j] = doc;
            tfs[j] = 1 + (int64_t)((v >> gw) & tm);
        }
    } else {
        for (Py_ssize_t j = 0; j < n; j++, o += step) {
            doc += 1 + (int64_t)(bits_at(ix->s, o) & gm);
            docs[j] = doc;
            tfs[j] = 1 + (int64_t)(bits_at(ix->s, o + (uint64_t)gw) & tm);
        }
    }
    return doc < ix->n_docs ? (Py_ssize_t)n : -1;  /* documents run up: the last is largest */
}

/* get_scores's term for one posting, in its operation order. */
static inline double weight(double idf, double k1p1, int64_t tf, double norm)
{
    double f = (double)tf;
    return idf * ((f * k1p1) / (f + norm));
}

static int bad_blocks(void)
{
    PyErr_SetString(PyExc_ValueError, "a posting block is damaged or outside the index");
    return -1;
}

/* Blocks b0..b1 checked to be a range of the index. */
static int block_range(const Index *ix, int64_t b0, int64_t b1)
{
    return (b0 < 0 || b1 < b0 || b1 > ix->n_blocks) ? bad_blocks() : 0;
}

/* A query's accumulation into one thread's scratch: acc[doc] += weight, seen[doc] = 1, and
 * (not dense) each document's first posting noted in touched. */
typedef struct {
    const Index *ix;
    double k1p1;
    double *acc;
    uint8_t *seen;
    int32_t *touched;
    Py_ssize_t room, n_touched;
} Acc;

/* Every posting of blocks b0..b1 (weights with this idf) added; -1 when a block is
 * damaged or more documents are touched than there is room for. */
static int add_blocks(Acc *a, int64_t b0, int64_t b1, double idf, int dense)
{
    const Index *ix = a->ix;
    double *acc = a->acc;
    uint8_t *seen = a->seen;
    int64_t docs[BLOCK], tfs[BLOCK];
    for (int64_t b = b0; b < b1; b++) {
        Py_ssize_t n = decode_block(ix, b, docs, tfs);
        if (n < 0)
            return -1;
        for (Py_ssize_t j = 0; j < n; j++) {
            int64_t d = docs[j];
            if (dense) {
                seen[d] = 1;  /* a store, where a first-touch test is a branch mispredicted */
            } else if (!seen[d]) {
                if (a->n_touched == a->room)
                    return -1;
                seen[d] = 1;
                a->touched[a->n_touched++] = (int32_t)d;
            }
            double norm;
            if (!norm_of(ix, d, &norm))
                return -1;
            acc[d] += weight(idf, a->k1p1, tfs[j], norm);
        }
    }
    return 0;
}

/* Hit h offered to the heap of the best `keep` (n_heap kept so far); the new n_heap. */
static inline Py_ssize_t offer(Hit *heap, Py_ssize_t n_heap, Py_ssize_t keep, Hit h)
{
    if (n_heap < keep) {
        heap[n_heap] = h;
        sift_up(heap, n_heap);
        return n_heap + 1;
    }
    if (ranks_below(&heap[0], &h)) {
        heap[0] = h;
        sift_down(heap, n_heap, 0);
    }
    return n_heap;
}

/* The best `keep` of the touched documents into heap (its size returned); their scratch put
 * back to zero. */
static Py_ssize_t best_listed(double *acc, uint8_t *seen, const int32_t *touched,
                              Py_ssize_t n_touched, Hit *heap, Py_ssize_t keep)
{
    Py_ssize_t n_heap = 0;
    for (Py_ssize_t j = 0; j < n_touched; j++) {
        Hit h = {acc[touched[j]], touched[j]};
        n_heap = offer(heap, n_heap, keep, h);
    }
    for (Py_ssize_t j = 0; j < n_touched; j++) {
        acc[touched[j]] = 0.0;
        seen[touched[j]] = 0;
    }
    return n_heap;
}

/* The same for a dense query: every document scanned in order, every slot put back to zero.
 * Documents come in rising order, so one that only ties the heap's lowest ranks below it. */
static Py_ssize_t best_scanned(double *acc, uint8_t *seen, Py_ssize_t n_docs, Hit *heap,
                               Py_ssize_t keep)
{
    Py_ssize_t n_heap = 0;
    for (Py_ssize_t d = 0; d < n_docs; d++) {
        if (!seen[d])
            continue;
        double score = acc[d];
        acc[d] = 0.0;
        seen[d] = 0;
        if (n_heap < keep || score > heap[0].score) {
            Hit h = {score, (int32_t)d};
            n_heap = offer(heap, n_heap, keep, h);
        }
    }
    return n_heap;
}

PyDoc_STRVAR(top_blocks_doc,
"top_blocks(stream, table, classes, norms, spans, acc, seen, k, k1p1, dense)\n"
"    -> [(doc, score)]\n\n"
"stream, table, classes, norms: the index's postings and length normalisation\n"
"(retrieval.postings); spans: (first block, end block, idf, ...) tuples, the query's terms in query order (a repeated term\n"
"repeated); acc: float64 and seen: bool, one per document, all zero, and all zero again on\n"
"return. The k best documents holding a query term, best first, equal scores by lower\n"
"document. dense: scan every document at the end (for queries touching a good share of\n"
"them) instead of listing those touched.");

static PyObject *top_blocks(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *stream, *table, *cls, *ntab, *spans;
    Py_buffer acc_buf, seen_buf;
    Py_ssize_t k;
    double k1p1;
    Index ix;
    PyObject *result = NULL;
    int64_t *bounds = NULL;
    double *idfs = NULL;
    int32_t *touched = NULL;
    Hit *heap = NULL;

    int dense;
    if (!PyArg_ParseTuple(args, "OOOOOw*w*ndp", &stream, &table, &cls, &ntab, &spans, &acc_buf,
                          &seen_buf, &k, &k1p1, &dense))
        return NULL;
    if (index_open(&ix, stream, table, cls, ntab) < 0) {
        PyBuffer_Release(&acc_buf);
        PyBuffer_Release(&seen_buf);
        return NULL;
    }
    double *acc = acc_buf.buf;
    uint8_t *seen = seen_buf.buf;
    Py_ssize_t n_docs = acc_buf.len / (Py_ssize_t)sizeof(double);
    if (seen_buf.len != n_docs || n_docs != ix.n_docs) {
        PyErr_SetString(PyExc_ValueError, "postings or scratch arrays of mismatched sizes");
        goto done;
    }
    PyObject *seq = PySequence_Fast(spans, "spans must be a sequence");
    if (seq == NULL)
        goto done;
    Py_ssize_t n_spans = PySequence_Fast_GET_SIZE(seq);
    bounds = PyMem_Malloc((size_t)(2 * n_spans + 1) * sizeof(int64_t));
    idfs = PyMem_Malloc((size_t)(n_spans + 1) * sizeof(double));
    if (bounds == NULL || idfs == NULL) {
        Py_DECREF(seq);
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t total = 0;
    for (Py_ssize_t s = 0; s < n_spans; s++) {
        PyObject *span = PySequence_Fast_GET_ITEM(seq, s);
        PyObject *lo_obj = PySequence_GetItem(span, 0);
        PyObject *hi_obj = lo_obj ? PySequence_GetItem(span, 1) : NULL;
        PyObject *idf_obj = hi_obj ? PySequence_GetItem(span, 2) : NULL;
        int64_t lo = lo_obj ? PyLong_AsLongLong(lo_obj) : -1;
        int64_t hi = hi_obj ? PyLong_AsLongLong(hi_obj) : -1;
        double idf = idf_obj ? PyFloat_AsDouble(idf_obj) : 0.0;
        Py_XDECREF(lo_obj);
        Py_XDECREF(hi_obj);
        Py_XDECREF(idf_obj);
        if (PyErr_Occurred() || block_range(&ix, lo, hi) < 0) {
            Py_DECREF(seq);
            goto done;
        }
        bounds[2 * s] = lo;
        bounds[2 * s + 1] = hi;
        idfs[s] = idf;
        total += (Py_ssize_t)postings_in(ix.tab, lo, hi);
    }
    Py_DECREF(seq);
    if (k <= 0 || total <= 0) {
        result = PyList_New(0);
        goto done;
    }
    /* A dense query (postings for a good share of all documents: the caller says) marks
     * what it touches and scans every document at the end; a sparse one lists the documents
     * it touches. */
    Py_ssize_t room = dense ? 0 : (total < n_docs ? total : n_docs);
    touched = PyMem_Malloc((size_t)room * sizeof(int32_t) + 1);
    Py_ssize_t keep = k < total ? k : total;
    heap = PyMem_Malloc((size_t)keep * sizeof(Hit));
    if (touched == NULL || heap == NULL) {
        PyErr_NoMemory();
        goto done;
    }

    int bad = 0;
    Py_ssize_t n_touched = 0, n_heap = 0;
    Py_BEGIN_ALLOW_THREADS  /* acc and seen are this thread's own scratch */
    Acc a = {&ix, k1p1, acc, seen, touched, room, 0};
    for (Py_ssize_t s = 0; s < n_spans && !bad; s++)
        bad = add_blocks(&a, bounds[2 * s], bounds[2 * s + 1], idfs[s], dense) < 0;
    n_touched = a.n_touched;
    if (dense)
        n_heap = best_scanned(acc, seen, n_docs, heap, keep);
    else
        n_heap = best_listed(acc, seen, touched, n_touched, heap, keep);
    qsort(heap, (size_t)n_heap, sizeof(Hit), best_first);
    Py_END_ALLOW_THREADS
    if (bad) {
        bad_blocks();
        goto done;
    }
    result = PyList_New(n_heap);
    if (result == NULL)
        goto done;
    for (Py_ssize_t j = 0; j < n_heap; j++) {
        PyObject *pair = Py_BuildValue("(ld)", (long)heap[j].doc, heap[j].score);
        if (pair == NULL) {
            Py_CLEAR(result);
            goto done;
        }
        PyList_SET_ITEM(result, j, pair);
    }

done:
    PyMem_Free(bounds);
    PyMem_Free(idfs);
    PyMem_Free(touched);
    PyMem_Free(heap);
    index_close(&ix);
    PyBuffer_Release(&acc_buf);
    PyBuffer_Release(&seen_buf);
    return result;
}

PyDoc_STRVAR(read_blocks_doc,
"read_blocks(stream, table, classes, norms, b0, b1, idf, k1p1, docs, weights) -> None\n\n"
"Every posting of blocks b0..b1 into docs (intp) and weights (float64), which must hold\n"
"exactly that many.");

static PyObject *read_blocks(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *stream, *table, *cls, *ntab;
    long long b0, b1;
    double idf, k1p1;
    Py_buffer docs_buf, w_buf;
    Index ix;
    PyObject *result = NULL;

    if (!PyArg_ParseTuple(args, "OOOOLLddw*w*", &stream, &table, &cls, &ntab, &b0, &b1, &idf,
                          &k1p1, &docs_buf, &w_buf))
        return NULL;
    if (index_open(&ix, stream, table, cls, ntab) < 0) {
        PyBuffer_Release(&docs_buf);
        PyBuffer_Release(&w_buf);
        return NULL;
    }
    if (block_range(&ix, b0, b1) < 0)
        goto done;
    int64_t n_post = postings_in(ix.tab, b0, b1);
    if (sizeof(Py_ssize_t) != sizeof(int64_t) ||
            docs_buf.len != n_post * (Py_ssize_t)sizeof(int64_t) ||
            w_buf.len != n_post * (Py_ssize_t)sizeof(double)) {
        PyErr_SetString(PyExc_ValueError, "output arrays of the wrong sizes");
        goto done;
    }
    int64_t *docs = docs_buf.buf;
    double *w = w_buf.buf;
    int bad = 0;
    Py_BEGIN_ALLOW_THREADS
    int64_t tfs[BLOCK];
    int64_t at = 0;
    for (int64_t b = b0; b < b1; b++) {
        /* a block's size comes from the table, which also gave n_post */
        if (at + postings_in(ix.tab, b, b + 1) > n_post) {
            bad = 1;
            break;
        }
        Py_ssize_t n = decode_block(&ix, b, docs + at, tfs);
        if (n < 0) {
            bad = 1;
            break;
        }
        for (Py_ssize_t j = 0; j < n; j++) {
            double norm;
            if (!norm_of(&ix, docs[at + j], &norm)) {
                bad = 1;
                break;
            }
            w[at + j] = weight(idf, k1p1, tfs[j], norm);
        }
        if (bad)
            break;
        at += n;
    }
    Py_END_ALLOW_THREADS
    if (bad)
        bad_blocks();
    else
        result = Py_NewRef(Py_None);
done:
    index_close(&ix);
    PyBuffer_Release(&docs_buf);
    PyBuffer_Release(&w_buf);
    return result;
}

/* First document of block b. */
static inline int64_t first_of(const int64_t *tab, int64_t b)
{
    return (int64_t)((uint64_t)tab[2 * b] & 0xFFFFFFFFu);
}

/* The last block of lo..b1 whose first document is <= c (lo - 1 when none), where every
 * block before lo starts at or below c: galloping from lo, then a binary search, so sorted
 * candidates close together cost a step or two each. */
static int64_t next_block(const int64_t *tab, int64_t lo, int64_t b1, int64_t c)
{
    int64_t a = lo, z = lo, step = 1;
    while (z < b1 && first_of(tab, z) <= c) {
        a = z + 1;
        z += step;
        step <<= 1;
    }
    if (z > b1)
        z = b1;
    while (a < z) {
        int64_t mid = a + (z - a) / 2;
        if (first_of(tab, mid) <= c) a = mid + 1; else z = mid;
    }
    return a - 1;
}

PyDoc_STRVAR(probe_blocks_doc,
"probe_blocks(stream, table, classes, norms, b0, b1, idf, k1p1, cand, weights, hit) -> None\n\n"
"For sorted documents cand (intp) and the tier of blocks b0..b1: hit[i] whether cand[i]\n"
"is in it, weights[i] its weight there (left as given where it is not).");

static PyObject *probe_blocks(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *stream, *table, *cls, *ntab;
    long long b0, b1;
    double idf, k1p1;
    Py_buffer cand_buf, w_buf, hit_buf;
    Index ix;
    PyObject *result = NULL;

    if (!PyArg_ParseTuple(args, "OOOOLLddy*w*w*", &stream, &table, &cls, &ntab, &b0, &b1,
                          &idf, &k1p1, &cand_buf, &w_buf, &hit_buf))
        return NULL;
    if (index_open(&ix, stream, table, cls, ntab) < 0) {
        PyBuffer_Release(&cand_buf);
        PyBuffer_Release(&w_buf);
        PyBuffer_Release(&hit_buf);
        return NULL;
    }
    Py_ssize_t n_cand = cand_buf.len / (Py_ssize_t)sizeof(int64_t);
    if (block_range(&ix, b0, b1) < 0)
        goto done;
    if (sizeof(Py_ssize_t) != sizeof(int64_t) || w_buf.len != n_cand * (Py_ssize_t)sizeof(double)
            || hit_buf.len != n_cand) {
        PyErr_SetString(PyExc_ValueError, "probe arrays of mismatched sizes");
        goto done;
    }
    const int64_t *cand = cand_buf.buf;
    double *w = w_buf.buf;
    uint8_t *hit = hit_buf.buf;
    int bad = 0;
    Py_BEGIN_ALLOW_THREADS
    int64_t docs[BLOCK], tfs[BLOCK];
    int64_t blk = -1;     /* the block decoded into docs/tfs */
    Py_ssize_t n = 0, j = 0;
    int64_t lo = b0;      /* candidates are sorted: the block search only moves on */
    for (Py_ssize_t i = 0; i < n_cand && !bad; i++) {
        int64_t c = cand[i];
        /* the last block of the tier whose first document is <= c: the one decoded when c
         * is not past its last document, else found by galloping on from it */
        int64_t b = blk >= 0 && n > 0 && c <= docs[n - 1] ? blk : next_block(ix.tab, lo, b1, c);
        if (b < b0)
            continue;
        lo = b;
        if (b != blk) {
            n = decode_block(&ix, b, docs, tfs);
            if (n < 0) {
                bad = 1;
                break;
            }
            blk = b;
            j = 0;
        }
        while (j < n && docs[j] < c)
            j++;
        if (j < n && docs[j] == c) {
            double norm;
            if (!norm_of(&ix, c, &norm)) {
                bad = 1;
                break;
            }
            hit[i] = 1;
            w[i] = weight(idf, k1p1, tfs[j], norm);
        }
    }
    Py_END_ALLOW_THREADS
    if (bad)
        bad_blocks();
    else
        result = Py_NewRef(Py_None);
done:
    index_close(&ix);
    PyBuffer_Release(&cand_buf);
    PyBuffer_Release(&w_buf);
    PyBuffer_Release(&hit_buf);
    return result;
}

PyDoc_STRVAR(block_ends_doc,
"block_ends(stream, rows, last) -> None\n\n"
"The start-up check of the stream (retrieval/postings_checks.py): for block table rows\n"
"(int64, one more than blocks, bits counted from the start of stream, which is padded),\n"
"last[b] = block b's last document, or the largest int64 when the block cannot be read.");

static PyObject *block_ends(PyObject *self, PyObject *args)
{
    (void)self;
    Py_buffer sb, rb, lb;
    if (!PyArg_ParseTuple(args, "y*y*w*", &sb, &rb, &lb))
        return NULL;
    const uint8_t *s = sb.buf;
    const int64_t *tab = rb.buf;
    int64_t *last = lb.buf;
    int64_t n_blocks = (int64_t)(rb.len / (Py_ssize_t)(2 * sizeof(int64_t))) - 1;
    int64_t n_bits = ((int64_t)sb.len - PAD) * 8;
    PyObject *result = NULL;
    if (n_blocks < 0 || n_bits < 0 || lb.len != n_blocks * (Py_ssize_t)sizeof(int64_t)) {
        PyErr_SetString(PyExc_ValueError, "block_ends: arrays of mismatched sizes");
        goto done;
    }
    Py_BEGIN_ALLOW_THREADS
    for (int64_t b = 0; b < n_blocks; b++) {
        Block k = block_at(tab, b, n_bits);
        last[b] = INT64_MAX;
        if (!k.ok)
            continue;
        uint64_t gm = ((uint64_t)1 << k.gw) - 1, o = (uint64_t)k.bit;
        int64_t sum = 0;
        for (int64_t j = 0; j < k.n; j++, o += (uint64_t)(k.gw + k.tw))
            sum += (int64_t)(bits_at(s, o) & gm);
        last[b] = k.first + (k.n - 1) + sum;
    }
    Py_END_ALLOW_THREADS
    result = Py_NewRef(Py_None);
done:
    PyBuffer_Release(&sb);
    PyBuffer_Release(&rb);
    PyBuffer_Release(&lb);
    return result;
}

static PyMethodDef methods[] = {
    {"top_blocks", top_blocks, METH_VARARGS, top_blocks_doc},
    {"read_blocks", read_blocks, METH_VARARGS, read_blocks_doc},
    {"probe_blocks", probe_blocks, METH_VARARGS, probe_blocks_doc},
    {"block_ends", block_ends, METH_VARARGS, block_ends_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_accumulate",
    "Compiled small-query scoring for retrieval.inverted (optional).", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__accumulate(void)
{
    return PyModule_Create(&module);
}
