/* The corpus files' state for the start-up check, compiled: every entry below the corpus
 * paths with its stat (symbolic links followed), as the byte stream that
 * retrieval/store/file_walk.py's `python_stream` makes, byte for byte.
 *
 * Why C: a start checks every file (an edit in place changes nothing but the file's own
 * times), and at a million passages (173k files) the Python walk spent as long in objects,
 * strings and full-path lookups as in the kernel. This lists each folder once, stats its
 * entries relative to the folder (fstatat), and works on several folders at once on as many
 * threads as asked, without the GIL. Each distinct folder (device, inode) is listed once; the
 * stream is then written in one depth-first pass in sorted name order, so its bytes do not
 * depend on which thread did what.
 *
 * Optional: setup.py builds it when a C compiler is there; without it the Python walk gives
 * the same bytes (tests/retrieval/store/test_file_walk.py checks both on the same trees).
 *
 * Records: kind byte, name, NUL, payload. 'F' a file (or anything not a folder) and 'D' a
 * folder whose entries follow up to 'E', 'S' a folder already listed (a loop, or a second
 * link to it): payload 48 bytes, size, mtime_ns, ctime_ns, inode, device, mode, each a
 * little-endian 64-bit integer. 'B' an entry that cannot be stat'ed (a broken or looping
 * link), 'U' a folder that cannot be listed (no name): errno as a little-endian int32.
 * Top-level paths are named in full, entries by their name in the folder.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct {
    int64_t size, mtime, ctime;
    uint64_t ino, dev, mode;
} Meta;

typedef struct {
    char *name;
    size_t len;
    char kind; /* 'F', 'D' (a folder: its node is found by dev, ino) or 'B' */
    int err;
    Meta meta;
} Entry;

typedef struct {
    uint64_t dev, ino;
    char *path;
    Entry *entries;
    size_t n;
    int list_err;  /* the folder could not be listed */
    int emitted;
} Node;

typedef struct {
    pthread_mutex_t lock;
    pthread_cond_t more;
    Node **nodes;
    size_t n_nodes, cap_nodes;
    size_t *slots;   /* open addressing on (dev, ino): node index + 1, 0 empty */
    size_t n_slots;
    size_t *queue;   /* nodes not yet listed */
    size_t q_head, q_tail, q_cap;
    int active;
    int failed;      /* out of memory */
} Shared;

static void meta_of(const struct stat *st, Meta *m)
{
    m->size = (int64_t)st->st_size;
    m->mtime = (int64_t)st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec;
    m->ctime = (int64_t)st->st_ctim.tv_sec * 1000000000LL + st->st_ctim.tv_nsec;
    m->ino = (uint64_t)st->st_ino;
    m->dev = (uint64_t)st->st_dev;
    m->mode = (uint64_t)st->st_mode;
}

static size_t slot_of(uint64_t dev, uint64_t ino, size_t n_slots)
{
    uint64_t h = (dev * 0x9E3779B97F4A7C15ULL) ^ (ino * 0xC2B2AE3D27D4EB4FULL);
    h ^= h >> 29;
    return (size_t)(h & (n_slots - 1));
}

/* The node of folder (dev, ino), or (size_t)-1. Caller holds the lock. */
static size_t find_node(Shared *sh, uint64_t dev, uint64_t ino)
{
    size_t i = slot_of(dev, ino, sh->n_slots);
    while (sh->slots[i]) {
        Node *nd = sh->nodes[sh->slots[i] - 1];
        if (nd->dev == dev && nd->ino == ino) return sh->slots[i] - 1;
        i = (i + 1) & (sh->n_slots - 1);
    }
    return (size_t)-1;
}

static int grow_slots(Shared *sh)
{
    size_t n = sh->n_slots * 2;
    size_t *slots = calloc(n, sizeof *slots);
    if (!slots) return -1;
    for (size_t k = 0; k < sh->n_nodes; k++) {
        size_t i = slot_of(sh->nodes[k]->dev, sh->nodes[k]->ino, n);
        while (slots[i]) i = (i + 1) & (n - 1);
        slots[i] = k + 1;
    }
    free(sh->slots);
    sh->slots = slots;
    sh->n_slots = n;
    return 0;
}

/* Queue folder (dev, ino) at `path` for listing unless it is known. Caller holds the lock;
 * takes `path` (freed when the folder is known or on failure). */
static int claim(Shared *sh, uint64_t dev, uint64_t ino, char *path)
{
    if (find_node(sh, dev, ino) != (size_t)-1) {
        free(path);
        return 0;
    }
    if ((sh->n_nodes + 1) * 2 > sh->n_slots && grow_slots(sh) < 0) goto fail;
    if (sh->n_nodes == sh->cap_nodes) {
        size_t cap = sh->cap_nodes ? sh->cap_nodes * 2 : 64;
        Node **nodes = realloc(sh->nodes, cap * sizeof *nodes);
        if (!nodes) goto fail;
        sh->nodes = nodes;
        sh->cap_nodes = cap;
    }
    if (sh->q_tail == sh->q_cap) {
        size_t cap = sh->q_cap ? sh->q_cap * 2 : 64;
        size_t *q = realloc(sh->queue, cap * sizeof *q);
        if (!q) goto fail;
        sh->queue = q;
        sh->q_cap = cap;
    }
    Node *nd = calloc(1, sizeof *nd);
    if (!nd) goto fail;
    nd->dev = dev;
    nd->ino = ino;
    nd->path = path;
    size_t k = sh->n_nodes++;
    sh->nodes[k] = nd;
    size_t i = slot_of(dev, ino, sh->n_slots);
    while (sh->slots[i]) i = (i + 1) & (sh->n_slots - 1);
    sh->slots[i] = k + 1;
    sh->queue[sh->q_tail++] = k;
    pthread_cond_signal(&sh->more);
    return 0;
fail:
    free(path);
    sh->failed = 1;
    return -1;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const Entry *)a)->name, ((const Entry *)b)->name);
}

static char *join_path(const char *folder, const char *name, size_t len)
{
    size_t fl = strlen(folder);
    int slash = fl > 0 && folder[fl - 1] != '/';
    char *p = malloc(fl + slash + len + 1);
    if (!p) return NULL;
    memcpy(p, folder, fl);
    if (slash) p[fl] = '/';
    memcpy(p + fl + slash, name, len + 1);
    return p;
}

static void free_entries(Entry *e, size_t n)
{
    for (size_t i = 0; i < n; i++) free(e[i].name);
    free(e);
}

/* List one folder: its entries sorted by name, each stat'ed relative to it; sub-folders
 * queued. Returns -1 when out of memory. */
static int list_folder(Shared *sh, Node *nd)
{
    int fd = open(nd->path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        nd->list_err = errno;
        return 0;
    }
    DIR *d = fdopendir(fd);
    if (!d) {
        nd->list_err = errno;
        close(fd);
        return 0;
    }
    Entry *es = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    for (;;) {
        errno = 0;
        de = readdir(d);
        if (!de) break;
        const char *s = de->d_name;
        if (s[0] == '.' && (s[1] == 0 || (s[1] == '.' && s[2] == 0))) continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            Entry *grown = realloc(es, cap * sizeof *es);
            if (!grown) goto oom;
            es = grown;
        }
        size_t len = strlen(s);
        es[n].name = malloc(len + 1);
        if (!es[n].name) goto oom;
        memcpy(es[n].name, s, len + 1);
        es[n].len = len;
        n++;
    }
    if (errno) {
        nd->list_err = errno;
        free_entries(es, n);
        closedir(d);
        return 0;
    }
    /* Stat'ed in the folder's own order (which is often the order of the inodes: fewer cache
     * misses in the kernel than in name order), then sorted by name. */
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (fstatat(dirfd(d), es[i].name, &st, 0) != 0) {
            es[i].kind = 'B';
            es[i].err = errno;
            continue;
        }
        meta_of(&st, &es[i].meta);
        es[i].kind = S_ISDIR(st.st_mode) ? 'D' : 'F';
        if (es[i].kind == 'D') {
            char *path = join_path(nd->path, es[i].name, es[i].len);
            pthread_mutex_lock(&sh->lock);
            int bad = path == NULL || claim(sh, es[i].meta.dev, es[i].meta.ino, path) < 0;
            if (path == NULL) sh->failed = 1;
            pthread_mutex_unlock(&sh->lock);
            if (bad) {
                nd->entries = es;
                nd->n = n;
                closedir(d);
                return -1;
            }
        }
    }
    if (n > 1) qsort(es, n, sizeof *es, by_name);
    nd->entries = es;
    nd->n = n;
    closedir(d);
    return 0;
oom:
    free_entries(es, n);
    closedir(d);
    pthread_mutex_lock(&sh->lock);
    sh->failed = 1;
    pthread_mutex_unlock(&sh->lock);
    return -1;
}

static void *worker(void *arg)
{
    Shared *sh = arg;
    pthread_mutex_lock(&sh->lock);
    for (;;) {
        while (sh->q_head == sh->q_tail && sh->active > 0 && !sh->failed)
            pthread_cond_wait(&sh->more, &sh->lock);
        if (sh->q_head == sh->q_tail || sh->failed) break;
        Node *nd = sh->nodes[sh->queue[sh->q_head++]];
        sh->active++;
        pthread_mutex_unlock(&sh->lock);
        int bad = list_folder(sh, nd);
        pthread_mutex_lock(&sh->lock);
        sh->active--;
        if (bad) sh->failed = 1;
        if (sh->active == 0 || sh->failed) pthread_cond_broadcast(&sh->more);
    }
    pthread_cond_broadcast(&sh->more);
    pthread_mutex_unlock(&sh->lock);
    return NULL;
}

typedef struct {
    char *buf;
    size_t len, cap;
    int64_t newest;
    int failed;
} Out;

static void put(Out *o, const void *p, size_t n)
{
    if (o->failed) return;
    if (o->len + n > o->cap) {
        size_t cap = o->cap ? o->cap : 1 << 16;
        while (cap < o->len + n) cap *= 2;
        char *b = realloc(o->buf, cap);
        if (!b) {
            o->failed = 1;
            return;
        }
        o->buf = b;
        o->cap = cap;
    }
    memcpy(o->buf + o->len, p, n);
    o->len += n;
}

static void put_u64(Out *o, uint64_t v)
{
    unsigned char b[8];
    for (int i = 0; i < 8; i++) b[i] = (unsigned char)(v >> (8 * i));
    put(o, b, 8);
}

static void put_err(Out *o, int err)
{
    uint32_t v = (uint32_t)(int32_t)err;
    unsigned char b[4];
    for (int i = 0; i < 4; i++) b[i] = (unsigned char)(v >> (8 * i));
    put(o, b, 4);
}

static void put_named(Out *o, char kind, const char *name, size_t len)
{
    put(o, &kind, 1);
    put(o, name, len + 1);  /* with its NUL */
}

static void put_meta(Out *o, const Meta *m)
{
    put_u64(o, (uint64_t)m->size);
    put_u64(o, (uint64_t)m->mtime);
    put_u64(o, (uint64_t)m->ctime);
    put_u64(o, m->ino);
    put_u64(o, m->dev);
    put_u64(o, m->mode);
    if (m->mtime > o->newest) o->newest = m->mtime;
    if (m->ctime > o->newest) o->newest = m->ctime;
}

/* A folder met in the walk: 'S' if already written, else 'D', its entries, 'E' (depth-first,
 * as the Python walk meets them). */
static void emit_folder(Out *o, Shared *sh, const char *name, size_t len, const Meta *m)
{
    size_t k = find_node(sh, m->dev, m->ino);
    Node *nd = k == (size_t)-1 ? NULL : sh->nodes[k];
    if (nd == NULL || nd->emitted) {  /* NULL: cannot happen, every folder was claimed */
        put_named(o, 'S', name, len);
        put_meta(o, m);
        return;
    }
    nd->emitted = 1;
    put_named(o, 'D', name, len);
    put_meta(o, m);
    if (nd->list_err) {
        char u = 'U';
        put(o, &u, 1);
        put_err(o, nd->list_err);
    }
    for (size_t i = 0; i < nd->n && !o->failed; i++) {
        Entry *e = &nd->entries[i];
        if (e->kind == 'B') {
            put_named(o, 'B', e->name, e->len);
            put_err(o, e->err);
        } else if (e->kind == 'D') {
            emit_folder(o, sh, e->name, e->len, &e->meta);
        } else {
            put_named(o, 'F', e->name, e->len);
            put_meta(o, &e->meta);
        }
    }
    char end = 'E';
    put(o, &end, 1);
}

static void free_shared(Shared *sh)
{
    for (size_t k = 0; k < sh->n_nodes; k++) {
        free_entries(sh->nodes[k]->entries, sh->nodes[k]->n);
        free(sh->nodes[k]->path);
        free(sh->nodes[k]);
    }
    free(sh->nodes);
    free(sh->slots);
    free(sh->queue);
    pthread_mutex_destroy(&sh->lock);
    pthread_cond_destroy(&sh->more);
}

typedef struct {
    char *path;
    int err;
    Meta meta;
    int is_dir;
} Top;

/* The walk of `tops` on `threads` threads (the caller's one included); 0, or -1 when out of
 * memory. Runs without the GIL. */
static int walk(Top *tops, size_t n_tops, int threads, Out *o)
{
    Shared sh;
    memset(&sh, 0, sizeof sh);
    pthread_mutex_init(&sh.lock, NULL);
    pthread_cond_init(&sh.more, NULL);
    sh.n_slots = 64;
    sh.slots = calloc(sh.n_slots, sizeof *sh.slots);
    if (!sh.slots) sh.failed = 1;
    for (size_t i = 0; i < n_tops && !sh.failed; i++) {
        if (tops[i].err || !tops[i].is_dir) continue;
        char *path = strdup(tops[i].path);
        if (!path || claim(&sh, tops[i].meta.dev, tops[i].meta.ino, path) < 0) sh.failed = 1;
    }
    pthread_t extra[15];
    int started = 0;
    for (int t = 1; t < threads && t <= 15 && !sh.failed; t++) {
        if (pthread_create(&extra[started], NULL, worker, &sh) != 0) break;
        started++;
    }
    worker(&sh);
    for (int t = 0; t < started; t++) pthread_join(extra[t], NULL);
    if (!sh.failed) {
        for (size_t i = 0; i < n_tops; i++) {
            Top *t = &tops[i];
            size_t len = strlen(t->path);
            if (t->err) {
                put_named(o, 'B', t->path, len);
                put_err(o, t->err);
            } else if (t->is_dir) {
                emit_folder(o, &sh, t->path, len, &t->meta);
            } else {
                put_named(o, 'F', t->path, len);
                put_meta(o, &t->meta);
            }
        }
    }
    int failed = sh.failed || o->failed;
    free_shared(&sh);
    return failed ? -1 : 0;
}

static PyObject *stream(PyObject *self, PyObject *args)
{
    PyObject *seq;
    int threads;
    if (!PyArg_ParseTuple(args, "Oi", &seq, &threads)) return NULL;
    PyObject *fast = PySequence_Fast(seq, "paths must be a sequence");
    if (!fast) return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    Top *tops = calloc(n ? (size_t)n : 1, sizeof *tops);
    PyObject **encoded = calloc(n ? (size_t)n : 1, sizeof *encoded);
    PyObject *result = NULL;
    if (!tops || !encoded) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!PyUnicode_FSConverter(PySequence_Fast_GET_ITEM(fast, i), &encoded[i])) goto done;
        tops[i].path = PyBytes_AS_STRING(encoded[i]);  /* FSConverter refuses NUL */
    }
    Out o;
    memset(&o, 0, sizeof o);
    int failed;
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t i = 0; i < n; i++) {
        struct stat st;
        if (stat(tops[i].path, &st) != 0) {
            tops[i].err = errno;
        } else {
            meta_of(&st, &tops[i].meta);
            tops[i].is_dir = S_ISDIR(st.st_mode);
        }
    }
    failed = walk(tops, (size_t)n, threads < 1 ? 1 : threads, &o);
    Py_END_ALLOW_THREADS
    if (failed) {
        PyErr_NoMemory();
    } else {
        result = Py_BuildValue("(y#L)", o.buf ? o.buf : "", (Py_ssize_t)o.len,
                               (long long)o.newest);
    }
    free(o.buf);
done:
    if (encoded)
        for (Py_ssize_t i = 0; i < n; i++) Py_XDECREF(encoded[i]);
    free(encoded);
    free(tops);
    Py_DECREF(fast);
    return result;
}

static PyMethodDef methods[] = {
    {"stream", stream, METH_VARARGS,
     "stream(paths, threads) -> (bytes, newest_ns): the files' state, as file_walk.py's "
     "python_stream makes it."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_filewalk",
    "The corpus files' state for the start-up check (see file_walk.py).", -1, methods,
};

PyMODINIT_FUNC PyInit__filewalk(void)
{
    return PyModule_Create(&module);
}
