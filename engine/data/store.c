/* SPDX-License-Identifier: MIT */
/* The columnar portfolio store (see store.h). */
#include "data/store.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "data/bigmem.h"
#include "data/hash.h"
#include "data/refdata.h"
#include "data/store_impl.h"
#include "data/zhnames.h"

static const char *const store_status_keys[SSC_STATUS_COUNT] = {
    "pipeline", "ongoing", "completed", "cancelled", "suspended"};

const char *ssc_status_key(ssc_status s)
{
    return (unsigned)s < SSC_STATUS_COUNT ? store_status_keys[s] : NULL;
}

int ssc_status_parse(const char *s, size_t len)
{
    for (int i = 0; i < SSC_STATUS_COUNT; i++)
        if (strlen(store_status_keys[i]) == len && memcmp(store_status_keys[i], s, len) == 0)
            return i;
    return -1;
}

/* Distinct titles shared; a portfolio's later new titles are copied.  A
 * million rows of the generator's file carry 6,663 titles. */
#define STORE_SHARED_TITLES ((size_t)1 << 15)

ssc_store *ssc_store_new(void)
{
    ssc_store *st = calloc(1, sizeof *st);
    if (!st)
        return NULL;
    st->in = ssc_intern_new();
    st->titles = st->in ? ssc_share_new(st->in, STORE_SHARED_TITLES) : NULL;
    if (!st->titles) {
        ssc_intern_free(st->in);
        free(st);
        return NULL;
    }
    st->partners.elem = st->countries.elem = st->regions.elem = sizeof(const char *);
    st->sdgs.elem = 1;
    /* the offsets arrays always hold count + 1 entries */
    st->partners_off = calloc(1, sizeof(uint32_t));
    st->countries_off = calloc(1, sizeof(uint32_t));
    st->regions_off = calloc(1, sizeof(uint32_t));
    st->sdgs_off = calloc(1, sizeof(uint32_t));
    if (!st->partners_off || !st->countries_off || !st->regions_off || !st->sdgs_off) {
        ssc_store_free(st);
        return NULL;
    }
    return st;
}

/* Every per-row array, so that growing and freeing cannot miss one. */
#define STORE_COLUMNS(X)                                                            \
    X(id) X(title) X(lead) X(sector) X(funding) X(modality) X(status) X(gender)    \
    X(start_y) X(end_y) X(start_m) X(start_d) X(end_m) X(end_d) X(budget)          \
    X(beneficiaries) X(line)

void ssc_store_free(ssc_store *st)
{
    if (!st)
        return;
#define STORE_FREE(c) free((void *)st->c);
    STORE_COLUMNS(STORE_FREE)
#undef STORE_FREE
    free(st->partners_off);
    free(st->countries_off);
    free(st->regions_off);
    free(st->sdgs_off);
    free(st->partners.data);
    free(st->countries.data);
    free(st->regions.data);
    free(st->sdgs.data);
    for (size_t i = 0; i < st->n_extra; i++)
        free(st->extra[i]);
    free(st->extra);
    free(st->extra_names);
    free(st->labels);
    free(st->zh_names);
    ssc_share_free(st->titles);
    ssc_intern_free(st->in);
    free(st);
}

static int store_realloc(void *pptr, size_t n, size_t elem)
{
    void **p = pptr;
    void *np = realloc(*p, n * elem);
    if (!np)
        return -1;
    ssc_bigmem_advise(np, n * elem);
    *p = np;
    return 0;
}

static int store_resize(ssc_store *st, size_t ncap)
{
    int bad = 0;
#define STORE_GROW(c) bad |= store_realloc(&st->c, ncap, sizeof *st->c);
    STORE_COLUMNS(STORE_GROW)
#undef STORE_GROW
    bad |= store_realloc(&st->partners_off, ncap + 1, sizeof(uint32_t));
    bad |= store_realloc(&st->countries_off, ncap + 1, sizeof(uint32_t));
    bad |= store_realloc(&st->regions_off, ncap + 1, sizeof(uint32_t));
    bad |= store_realloc(&st->sdgs_off, ncap + 1, sizeof(uint32_t));
    for (size_t i = 0; i < st->n_extra; i++)
        bad |= store_realloc(&st->extra[i], ncap, sizeof(const char *));
    if (bad)
        return -1; /* arrays that did grow stay valid: cap is unchanged */
    st->cap = ncap;
    return 0;
}

/* Rows whose column pages are faulted in ahead of the rows written: every
 * row writes every column, so the kernel may as well zero their pages on
 * another processor meanwhile (bigmem.h).  A window at a time, not the
 * whole capacity: a reserve is an estimate, and may be far too large. */
#define STORE_AHEAD ((size_t)1 << 18)

static void store_prefault(ssc_store *st, size_t from)
{
    size_t n = from < st->cap ? st->cap - from : 0;

    n = n < STORE_AHEAD ? n : STORE_AHEAD;
    if (!n)
        return;
#define STORE_PREFAULT(c) ssc_bigmem_prefault((void *)(st->c + from), n * sizeof *st->c);
    STORE_COLUMNS(STORE_PREFAULT)
    STORE_PREFAULT(partners_off)
    STORE_PREFAULT(countries_off)
    STORE_PREFAULT(regions_off)
    STORE_PREFAULT(sdgs_off)
#undef STORE_PREFAULT
}

static int store_grow(ssc_store *st)
{
    return store_resize(st, st->cap ? st->cap * 2 : 1024);
}

/* Room for n items of a list pool at once; only a hint: the pool is
 * unchanged when the memory is not there. */
static void store_pool_reserve(ssc_pool *pool, size_t n)
{
    if (n > UINT32_MAX)
        n = UINT32_MAX;
    if (n > pool->cap && store_realloc(&pool->data, n, pool->elem) == 0)
        pool->cap = n;
}

/* Items per row the list pools are reserved for: room that is never
 * written costs no memory (the pages are never touched), while growing
 * by doubling copied each pool into fresh pages about ten times at a
 * million rows, a third of the load's page faults.  A portfolio with
 * longer lists grows its pools as before. */
#define STORE_POOL_PER_ROW 4

int ssc_store_reserve(ssc_store *st, size_t rows, ssc_error *err)
{
    /* a hint past what any column may index is not honoured: the store
     * grows as rows come, and fails then if it must */
    if (rows <= st->cap || rows > UINT32_MAX || rows > SIZE_MAX / 16 / sizeof(long long))
        return SSC_OK;
    if (store_resize(st, rows) != 0)
        return ssc_error_oom(err);
    /* the first two windows; ssc_store_append asks for each next one */
    store_prefault(st, st->count);
    store_prefault(st, st->count + STORE_AHEAD);
    store_pool_reserve(&st->partners, rows * STORE_POOL_PER_ROW);
    store_pool_reserve(&st->countries, rows * STORE_POOL_PER_ROW);
    store_pool_reserve(&st->regions, rows * STORE_POOL_PER_ROW);
    store_pool_reserve(&st->sdgs, rows * STORE_POOL_PER_ROW);
    return SSC_OK;
}

static int ssc_pool_push(ssc_pool *pool, const void *item)
{
    if (pool->n == pool->cap) {
        size_t ncap = pool->cap ? pool->cap * 2 : 4096;
        if (ncap > UINT32_MAX || store_realloc(&pool->data, ncap, pool->elem) != 0)
            return -1;
        pool->cap = ncap;
    }
    memcpy((char *)pool->data + pool->n * pool->elem, item, pool->elem);
    pool->n++;
    return 0;
}

int ssc_store_set_extra_columns(ssc_store *st, const ssc_text *names, size_t n, ssc_error *err)
{
    if (st->count || st->n_extra)
        return ssc_error_set(err, "extra columns must be declared once, before any row");
    if (n == 0)
        return SSC_OK;
    st->extra_names = calloc(n, sizeof *st->extra_names);
    st->extra = calloc(n, sizeof *st->extra);
    if (!st->extra_names || !st->extra)
        return ssc_error_oom(err);
    for (size_t i = 0; i < n; i++) {
        st->extra_names[i] = ssc_intern_str(st->in, names[i].s, names[i].len);
        if (!st->extra_names[i])
            return ssc_error_oom(err);
        if (st->cap && store_realloc(&st->extra[i], st->cap, sizeof(const char *)) != 0)
            return ssc_error_oom(err);
    }
    st->n_extra = n;
    return SSC_OK;
}

int ssc_store_add_extra_column(ssc_store *st, const char *name, ssc_error *err)
{
    size_t n = st->n_extra;
    const char **names, ***values, **column = NULL, *empty, *interned;

    /* grow the two arrays first: they may be larger than n_extra says */
    if (!(names = realloc(st->extra_names, (n + 1) * sizeof *names)))
        return ssc_error_oom(err);
    st->extra_names = names;
    if (!(values = realloc(st->extra, (n + 1) * sizeof *values)))
        return ssc_error_oom(err);
    st->extra = values;
    if (st->cap && !(column = malloc(st->cap * sizeof *column)))
        return ssc_error_oom(err);
    empty = ssc_intern_str(st->in, "", 0);
    interned = ssc_intern_str(st->in, name, strlen(name));
    if (!empty || !interned) {
        free(column);
        return ssc_error_oom(err);
    }
    for (size_t i = 0; i < st->count; i++)
        column[i] = empty;
    st->extra_names[n] = interned;
    st->extra[n] = column;
    st->n_extra = n + 1;
    return SSC_OK;
}

size_t ssc_store_extra_count(const ssc_store *st)
{
    return st->n_extra;
}

const char *ssc_store_extra_name(const ssc_store *st, size_t i)
{
    return i < st->n_extra ? st->extra_names[i] : NULL;
}

const char *ssc_store_region(const char *s, size_t len)
{
    static const char unspecified[] = SSC_REGION_UNSPECIFIED;

    for (size_t k = 0; k < ssc_region_count(); k++) {
        const char *key = ssc_region_key(k);
        if (strlen(key) == len && memcmp(key, s, len) == 0)
            return key;
    }
    if (len == sizeof unspecified - 1 && memcmp(unspecified, s, len) == 0)
        return unspecified;
    return NULL;
}

int ssc_store_set_label(ssc_store *st, ssc_key_kind kind, const char *key, const char *label,
                        ssc_error *err)
{
    const char *k = ssc_intern_str(st->in, key, strlen(key));
    const char *l = ssc_intern_str(st->in, label, strlen(label));

    if (!k || !l)
        return ssc_error_oom(err);
    for (size_t i = 0; i < st->n_labels; i++)
        if (st->labels[i].kind == kind && st->labels[i].key == k) {
            st->labels[i].label = l;
            return SSC_OK;
        }
    if (st->n_labels == st->cap_labels) {
        size_t ncap = st->cap_labels ? st->cap_labels * 2 : 64;
        void *nl = realloc(st->labels, ncap * sizeof *st->labels);
        if (!nl)
            return ssc_error_oom(err);
        st->labels = nl;
        st->cap_labels = ncap;
    }
    st->labels[st->n_labels].kind = kind;
    st->labels[st->n_labels].key = k;
    st->labels[st->n_labels].label = l;
    st->n_labels++;
    return SSC_OK;
}

/* Linear: sources label a codelist of at most a few hundred keys, and the
 * tables asking have a few dozen rows. */
const char *ssc_store_label(const ssc_store *st, ssc_key_kind kind, const char *key)
{
    for (size_t i = 0; st && key && i < st->n_labels; i++)
        if (st->labels[i].kind == kind && strcmp(st->labels[i].key, key) == 0)
            return st->labels[i].label;
    return NULL;
}

static const char *store_str(ssc_store *st, ssc_text t)
{
    return ssc_intern_str(st->in, t.s ? t.s : "", t.s ? t.len : 0);
}

/* t's number among the interned strings into *out; 0, or -1 when out of
 * memory. */
static int store_word(ssc_store *st, ssc_text t, uint32_t *out)
{
    long i = ssc_intern_index(st->in, t.s ? t.s : "", t.s ? t.len : 0);
    if (i < 0)
        return -1;
    *out = (uint32_t)i;
    return 0;
}

/* Pushes the interned items of list, skipping repeats.  Lists are short, so
 * a scan is the fast path; a long one (a crafted file) gets a pointer set
 * so that a row costs O(n), not O(n^2). */
static int store_push_distinct(ssc_store *st, ssc_pool *pool, size_t start, const ssc_text *list,
                               size_t n)
{
    const char **set = NULL;
    size_t mask = 0;
    int rc = 0;

    if (n > 32) {
        for (mask = 63; mask < 2 * n; mask = mask * 2 + 1)
            ;
        if (!(set = calloc(mask + 1, sizeof *set)))
            return -1;
    }
    for (size_t i = 0; i < n && rc == 0; i++) {
        const char *s = store_str(st, list[i]);
        int seen = 0;
        if (!s) {
            rc = -1;
            break;
        }
        if (set) {
            size_t h = ((uintptr_t)s >> 3) & mask;
            while (set[h] && set[h] != s)
                h = (h + 1) & mask;
            seen = set[h] == s;
            set[h] = s;
        } else {
            for (size_t j = start; j < pool->n && !seen; j++)
                seen = ((const char **)pool->data)[j] == s;
        }
        if (!seen && ssc_pool_push(pool, &s) != 0)
            rc = -1;
    }
    free(set);
    return rc;
}

uint32_t ssc_store_title_hash(const char *s, size_t len)
{
    return ssc_hash_bytes(s, len);
}

void ssc_store_prefetch_title(const ssc_store *st, uint32_t hash, int near)
{
    ssc_share_prefetch(st->titles, hash, near);
}

const char *ssc_store_keep(ssc_store *st, const char *s, size_t len)
{
    return ssc_intern_keep(st->in, s, len);
}

int ssc_store_append(ssc_store *st, const ssc_project_in *p, ssc_error *err)
{
    size_t r = st->count;

    if (r == st->cap && store_grow(st) != 0)
        return ssc_error_oom(err);
    if (r && r % STORE_AHEAD == 0) /* a window filled: the one after next */
        store_prefault(st, r + STORE_AHEAD);
    /* four bytes a row hold the line: 4 GiB of input has fewer lines */
    if (p->line < 0 || (unsigned long)p->line > UINT32_MAX)
        return ssc_error_set(err, "a portfolio may have at most %lu lines",
                             (unsigned long)UINT32_MAX);
    st->id[r] = p->id_kept ? p->id.s : ssc_intern_keep(st->in, p->id.s, p->id.len);
    st->title[r] = p->title_hashed
                       ? ssc_share_text_hashed(st->titles, p->title.s, p->title.len, p->title_hash)
                       : ssc_share_text(st->titles, p->title.s, p->title.len);
    if (!st->id[r] || !st->title[r] || store_word(st, p->lead, &st->lead[r]) != 0 ||
        store_word(st, p->sector, &st->sector[r]) != 0 ||
        store_word(st, p->funding_source, &st->funding[r]) != 0 ||
        store_word(st, p->modality, &st->modality[r]) != 0)
        return ssc_error_oom(err);
    st->status[r] = (unsigned char)p->status;
    st->gender[r] = (signed char)p->gender_marker;
    st->start_y[r] = (short)p->start.year;
    st->start_m[r] = (unsigned char)p->start.month;
    st->start_d[r] = (unsigned char)p->start.day;
    st->end_y[r] = (short)p->end.year;
    st->end_m[r] = (unsigned char)p->end.month;
    st->end_d[r] = (unsigned char)p->end.day;
    st->budget[r] = p->has_budget ? p->budget_usd : NAN;
    st->beneficiaries[r] = p->beneficiaries;
    st->line[r] = (uint32_t)p->line;

    if (store_push_distinct(st, &st->partners, st->partners.n, p->partners, p->n_partners) != 0 ||
        store_push_distinct(st, &st->countries, st->countries.n, p->countries, p->n_countries) !=
            0)
        return ssc_error_oom(err);
    size_t region_start = st->regions.n;
    for (size_t i = st->countries_off[r]; i < st->countries.n; i++) {
        const char *code = ((const char **)st->countries.data)[i];
        const ssc_country *c = ssc_country_by_alpha3(code, strlen(code));
        int seen = 0;
        if (!c)
            continue; /* sources validate codes; an unknown one has no region */
        for (size_t j = region_start; j < st->regions.n && !seen; j++)
            seen = ((const char **)st->regions.data)[j] == c->region;
        if (!seen && ssc_pool_push(&st->regions, &c->region) != 0)
            return ssc_error_oom(err);
    }
    /* regions a source gave for a project without countries */
    for (size_t i = 0; st->countries_off[r] == st->countries.n && i < p->n_regions; i++) {
        const char *key = p->regions[i].s;
        int seen = 0;
        for (size_t j = region_start; j < st->regions.n && !seen; j++)
            seen = ((const char **)st->regions.data)[j] == key;
        if (!seen && ssc_pool_push(&st->regions, &key) != 0)
            return ssc_error_oom(err);
    }
    size_t sdg_start = st->sdgs.n;
    for (size_t i = 0; i < p->n_sdgs; i++) {
        int seen = 0;
        for (size_t j = sdg_start; j < st->sdgs.n && !seen; j++)
            seen = ((unsigned char *)st->sdgs.data)[j] == p->sdgs[i];
        if (!seen && ssc_pool_push(&st->sdgs, &p->sdgs[i]) != 0)
            return ssc_error_oom(err);
    }
    for (size_t i = 0; i < st->n_extra; i++) {
        st->extra[i][r] = p->extra ? store_str(st, p->extra[i]) : store_str(st, (ssc_text){0});
        if (!st->extra[i][r])
            return ssc_error_oom(err);
    }
    if (ssc_zhnames_note(st, p, err) != SSC_OK)
        return SSC_ERR;
    st->partners_off[r + 1] = (uint32_t)st->partners.n;
    st->countries_off[r + 1] = (uint32_t)st->countries.n;
    st->regions_off[r + 1] = (uint32_t)st->regions.n;
    st->sdgs_off[r + 1] = (uint32_t)st->sdgs.n;
    st->count++;
    return SSC_OK;
}

size_t ssc_store_count(const ssc_store *st)
{
    return st->count;
}

long ssc_store_line(const ssc_store *st, size_t i)
{
    return i < st->count ? st->line[i] : 0;
}

size_t ssc_store_bytes(const ssc_store *st)
{
    size_t per_row = 0;
#define STORE_SIZE(c) per_row += sizeof *st->c;
    STORE_COLUMNS(STORE_SIZE)
#undef STORE_SIZE
    per_row += 4 * sizeof(uint32_t) + st->n_extra * sizeof(const char *);
    return sizeof *st + st->cap * per_row + ssc_intern_bytes(st->in) +
           st->partners.cap * st->partners.elem + st->countries.cap * st->countries.elem +
           st->regions.cap * st->regions.elem + st->sdgs.cap * st->sdgs.elem;
}

