/* The small-query path of retrieval.inverted, compiled: add a query's postings into a
 * scratch accumulator in query order and keep the k best documents.
 *
 * Why C: below a few thousand postings a query's cost in numpy is the fixed cost of a dozen
 * calls, not the postings. This does the same IEEE operations in the same order as the numpy
 * path (acc[doc] += weight, element by element, starting from 0.0), so every score is the same
 * bit for bit; tests/retrieval/test_bm25_exact.py checks both paths against BM25Okapi.
 *
 * Optional: setup.py builds it when a C compiler is there; without it Parley uses numpy.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>

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

PyDoc_STRVAR(top_postings_doc,
"top_postings(docs, weights, spans, acc, seen, k) -> [(doc, score), ...]\n\n"
"docs: int32 and weights: float64, the index's postings; spans: (start, end, ...) tuples,\n"
"the query's terms in query order (a repeated term repeated); acc: float64 and seen: bool,\n"
"one per document, all zero, and all zero again on return. The k best documents holding\n"
"a query term, best first, equal scores by lower document.");

static PyObject *top_postings(PyObject *self, PyObject *args)
{
    (void)self;
    Py_buffer docs_buf, weights_buf, acc_buf, seen_buf;
    PyObject *spans;
    Py_ssize_t k;
    PyObject *result = NULL;
    Py_ssize_t *bounds = NULL;
    int32_t *touched = NULL;
    Hit *heap = NULL;

    if (!PyArg_ParseTuple(args, "y*y*Ow*w*n", &docs_buf, &weights_buf, &spans, &acc_buf,
                          &seen_buf, &k))
        return NULL;
    const int32_t *docs = docs_buf.buf;
    const double *weights = weights_buf.buf;
    double *acc = acc_buf.buf;
    uint8_t *seen = seen_buf.buf;
    Py_ssize_t n_post = docs_buf.len / (Py_ssize_t)sizeof(int32_t);
    Py_ssize_t n_docs = acc_buf.len / (Py_ssize_t)sizeof(double);

    if (weights_buf.len != n_post * (Py_ssize_t)sizeof(double) || seen_buf.len != n_docs) {
        PyErr_SetString(PyExc_ValueError, "postings or scratch arrays of mismatched sizes");
        goto done;
    }
    PyObject *seq = PySequence_Fast(spans, "spans must be a sequence");
    if (seq == NULL)
        goto done;
    Py_ssize_t n_spans = PySequence_Fast_GET_SIZE(seq);
    bounds = PyMem_Malloc((size_t)(2 * n_spans + 1) * sizeof(Py_ssize_t));
    if (bounds == NULL) {
        Py_DECREF(seq);
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t total = 0;
    for (Py_ssize_t s = 0; s < n_spans; s++) {
        PyObject *span = PySequence_Fast_GET_ITEM(seq, s);
        PyObject *lo_obj = PySequence_GetItem(span, 0);
        PyObject *hi_obj = lo_obj ? PySequence_GetItem(span, 1) : NULL;
        Py_ssize_t lo = lo_obj ? PyLong_AsSsize_t(lo_obj) : -1;
        Py_ssize_t hi = hi_obj ? PyLong_AsSsize_t(hi_obj) : -1;
        Py_XDECREF(lo_obj);
        Py_XDECREF(hi_obj);
        if (PyErr_Occurred() || lo < 0 || hi < lo || hi > n_post) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "a span lies outside the postings");
            Py_DECREF(seq);
            goto done;
        }
        bounds[2 * s] = lo;
        bounds[2 * s + 1] = hi;
        total += hi - lo;
    }
    Py_DECREF(seq);
    if (k <= 0 || total == 0) {
        result = PyList_New(0);
        goto done;
    }
    /* distinct documents touched: at most one per posting, and at most every document */
    touched = PyMem_Malloc((size_t)(total < n_docs ? total : n_docs) * sizeof(int32_t) + 1);
    Py_ssize_t keep = k < total ? k : total;
    heap = PyMem_Malloc((size_t)keep * sizeof(Hit));
    if (touched == NULL || heap == NULL) {
        PyErr_NoMemory();
        goto done;
    }

    int bad_doc = 0;
    Py_ssize_t n_touched = 0, n_heap = 0;
    Py_BEGIN_ALLOW_THREADS  /* acc and seen are this thread's own scratch */
    for (Py_ssize_t s = 0; s < n_spans && !bad_doc; s++) {
        for (Py_ssize_t i = bounds[2 * s]; i < bounds[2 * s + 1]; i++) {
            int32_t d = docs[i];
            if (d < 0 || d >= n_docs) {
                bad_doc = 1;
                break;
            }
            if (!seen[d]) {
                seen[d] = 1;
                touched[n_touched++] = d;
            }
            acc[d] += weights[i];
        }
    }
    for (Py_ssize_t j = 0; j < n_touched; j++) {
        Hit h = {acc[touched[j]], touched[j]};
        if (n_heap < keep) {
            heap[n_heap] = h;
            sift_up(heap, n_heap++);
        } else if (ranks_below(&heap[0], &h)) {
            heap[0] = h;
            sift_down(heap, n_heap, 0);
        }
    }
    for (Py_ssize_t j = 0; j < n_touched; j++) {
        acc[touched[j]] = 0.0;
        seen[touched[j]] = 0;
    }
    qsort(heap, (size_t)n_heap, sizeof(Hit), best_first);
    Py_END_ALLOW_THREADS
    if (bad_doc) {
        PyErr_SetString(PyExc_ValueError, "a posting names a document outside the index");
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
    PyMem_Free(touched);
    PyMem_Free(heap);
    PyBuffer_Release(&docs_buf);
    PyBuffer_Release(&weights_buf);
    PyBuffer_Release(&acc_buf);
    PyBuffer_Release(&seen_buf);
    return result;
}

static PyMethodDef methods[] = {
    {"top_postings", top_postings, METH_VARARGS, top_postings_doc},
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
