/* SPDX-License-Identifier: MIT */
/* The row rules of docs/portfolio-csv.md, for every source (see rowcheck.h).
 *
 * A million-row file is the expected case, so the per-row work allocates
 * nothing: cells are (pointer, length) views, list items go into arrays
 * reused from row to row, and the store interns.  Every problem is
 * reported, not just the first, so that one run tells the user everything
 * to fix. */
#include "data/rowcheck.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/cells.h"
#include "data/csv.h"
#include "data/idset.h"
#include "data/refdata.h"

struct ssc_rowcheck {
    char *name; /* FILE in messages */
    ssc_diag *diag;
    int skip_bad_rows;
    size_t problems;     /* found by this load */
    size_t row_problems; /* found in the current row */
    int fatal;           /* a problem that skipping rows cannot get round */
    int rejected;        /* a bad row was found and rows are not skipped */
    int oom;
    size_t skipped;
    char first[1024]; /* the first problem, for err when diag is NULL */
    ssc_store *store;
    ssc_idset *ids;      /* ids seen, with the line of their first use */
    ssc_rowjudge judge;  /* what the source says of its rows */
    ssc_rowbatch one;    /* the row of ssc_rowcheck_end */
    size_t diag_before;  /* problems in diag before this source's */
};

ssc_rowcheck *ssc_rowcheck_new(const char *name, ssc_diag *problems, int skip_bad_rows)
{
    ssc_rowcheck *rc = calloc(1, sizeof *rc);
    size_t n = strlen(name ? name : "") + 1;

    if (!rc)
        return NULL;
    rc->name = malloc(n);
    rc->store = ssc_store_new();
    rc->ids = ssc_idset_new();
    if (!rc->name || !rc->store || !rc->ids) {
        ssc_rowcheck_free(rc);
        return NULL;
    }
    memcpy(rc->name, name ? name : "", n);
    rc->diag = problems;
    rc->diag_before = problems ? ssc_diag_total(problems) : 0;
    rc->skip_bad_rows = skip_bad_rows;
    return rc;
}

void ssc_rowcheck_free(ssc_rowcheck *rc)
{
    if (!rc)
        return;
    ssc_idset_free(rc->ids);
    ssc_rowbatch_free(&rc->one);
    ssc_store_free(rc->store);
    free(rc->name);
    free(rc);
}

ssc_store *ssc_rowcheck_store(ssc_rowcheck *rc)
{
    return rc->store;
}

const char *ssc_rowcheck_name(const ssc_rowcheck *rc)
{
    return rc->name;
}

void ssc_rowcheck_forget(ssc_rowcheck *rc)
{
    if (rc->diag)
        ssc_diag_truncate(rc->diag, rc->diag_before);
}

void ssc_rowcheck_expect(ssc_rowcheck *rc, size_t rows, int text_ok)
{
    ssc_error ignored;

    rc->judge.text_ok = text_ok;
    /* only a hint (0: none): without the memory now, both grow as rows come */
    if (rows && ssc_idset_reserve(rc->ids, rows) == 0)
        ssc_store_reserve(rc->store, rows, &ignored);
}

int ssc_rowcheck_optional(ssc_rowcheck *rc, int col)
{
    if (!ssc_col_may_be_optional(col))
        return SSC_ERR;
    rc->judge.optional |= 1u << col;
    return SSC_OK;
}

/* ---- messages ---------------------------------------------------------- */

/* "FILE:LINE: column:" with the parts that apply; returns its length. */
static size_t rowcheck_where(const ssc_rowcheck *rc, char *buf, size_t size, long line,
                             const char *column)
{
    int n = snprintf(buf, size, "%s:", rc->name);
    if (line > 0 && n >= 0 && (size_t)n < size)
        n += snprintf(buf + n, size - (size_t)n, "%ld:", line);
    if (column && n >= 0 && (size_t)n < size)
        n += snprintf(buf + n, size - (size_t)n, " %s:", column);
    return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

void ssc_rowcheck_problem(ssc_rowcheck *rc, long line, const char *column, const char *fmt, ...)
{
    char msg[768], full[1024];
    va_list ap;
    size_t n;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    n = rowcheck_where(rc, full, sizeof full, line, column);
    snprintf(full + n, sizeof full - n, " %s", msg);
    if (rc->problems == 0)
        snprintf(rc->first, sizeof rc->first, "%s", full);
    rc->problems++;
    rc->row_problems++;
    if (rc->diag)
        ssc_diag_add(rc->diag, "%s", full);
}

void ssc_rowcheck_fatal(ssc_rowcheck *rc)
{
    rc->fatal = 1;
}

size_t ssc_rowcheck_problems(const ssc_rowcheck *rc)
{
    return rc->problems;
}

void ssc_rowcheck_warn(ssc_rowcheck *rc, long line, const char *fmt, va_list ap)
{
    char msg[768], full[1024];
    size_t n;

    if (!rc->diag)
        return;
    vsnprintf(msg, sizeof msg, fmt, ap);
    n = rowcheck_where(rc, full, sizeof full, line, NULL);
    snprintf(full + n, sizeof full - n, " warning: %s", msg);
    ssc_diag_add(rc->diag, "%s", full);
}

/* ---- settling rows ----------------------------------------------------- */

/* A cell's value as a message may quote it (see ssc_csv_show). */
#define SHOW(buf, t) ssc_csv_show((buf), sizeof(buf), (t).s, (t).len)

/* The id against the ids before it: kept once, for the set and then the
 * row; a repeat names the line of the first use. */
static void rowcheck_id(ssc_rowcheck *rc, const ssc_rowverdict *v, uint32_t hash,
                        ssc_project_in *p)
{
    char show[64];
    const char *kept = ssc_store_keep(rc->store, p->id.s, p->id.len);
    long first = kept ? ssc_idset_add_hashed(rc->ids, kept, p->id.len, hash, p->line) : -1;

    if (first < 0) {
        rc->oom = 1;
        return;
    }
    p->id.s = kept;
    p->id_kept = 1;
    if (first)
        ssc_rowcheck_problem(rc, p->line, v->id_name, "%s is already used on line %ld",
                             SHOW(show, p->id), first);
}

static void rowcheck_replay(ssc_rowcheck *rc, const ssc_rowbatch *b, const ssc_rowmsg *m)
{
    ssc_rowcheck_problem(rc, m->line, m->column, "%s", b->text + m->text);
}

/* A row's id and title hashed, for the id set and the titles' table. */
typedef struct rowcheck_hashes {
    uint32_t id, title;
} rowcheck_hashes;

static rowcheck_hashes rowcheck_hash(const ssc_rowverdict *v)
{
    rowcheck_hashes h = {0, 0};

    if (v->has_id)
        h.id = ssc_idset_hash(v->p.id.s, v->p.id.len);
    h.title = ssc_store_title_hash(v->p.title.s ? v->p.title.s : "", v->p.title.len);
    return h;
}

/* Verdict v of batch b, after any problems the source reported itself:
 * its problems in column order with a repeated id's among them, then the
 * row into the store when it is good and no bad row doomed the load.  h
 * is rowcheck_hash(v). */
static int rowcheck_settle_row(ssc_rowcheck *rc, const ssc_rowbatch *b, const ssc_rowverdict *v,
                               rowcheck_hashes h, ssc_error *err)
{
    ssc_project_in p;
    size_t k;

    for (k = 0; k < v->id_msgs; k++)
        rowcheck_replay(rc, b, &b->msgs[v->msgs + k]);
    ssc_rowbatch_project(b, v, &p);
    p.title_hash = h.title;
    p.title_hashed = 1;
    if (v->usable && v->has_id)
        rowcheck_id(rc, v, h.id, &p);
    for (; k < v->n_msgs; k++)
        rowcheck_replay(rc, b, &b->msgs[v->msgs + k]);
    if (rc->oom)
        return ssc_error_oom(err);
    if (rc->row_problems || !v->usable) {
        if (rc->skip_bad_rows)
            rc->skipped++;
        else
            rc->rejected = 1;
        return SSC_OK;
    }
    if (rc->rejected)
        return SSC_OK; /* nothing will be rendered: spare the store the work */
    int stored = ssc_store_append(rc->store, &p, err);
    if (stored != SSC_OK && !err->file[0]) { /* the store knows rows, not files */
        snprintf(err->file, sizeof err->file, "%s", ssc_rowcheck_name(rc));
        err->line = p.line;
    }
    return stored;
}

void ssc_rowcheck_begin(ssc_rowcheck *rc)
{
    rc->row_problems = 0;
    ssc_rowbatch_clear(&rc->one);
}

int ssc_rowcheck_end(ssc_rowcheck *rc, const ssc_row *row, ssc_error *err)
{
    ssc_rowbatch *b = &rc->one;

    if (!ssc_rowbatch_begin(b, row ? row->line : 0))
        return ssc_error_oom(err);
    ssc_rowjudge_row(&rc->judge, b, row);
    if (b->oom)
        return ssc_error_oom(err);
    const ssc_rowverdict *v = &b->rows[b->n - 1];
    return rowcheck_settle_row(rc, b, v, rowcheck_hash(v), err);
}

/* Rows ahead whose id slot and title slot are asked for: over a million
 * ids the set's slot is rarely in the cache, and a row's settling is about
 * as long as the memory takes to answer (issue 10: the add waited on
 * nearly every row).  A title takes two steps, its slot, then the text
 * the slot points to (half as many rows ahead): the shared titles' table
 * and texts are pushed out of the cache by the rows streaming through.
 * The hashes are worked out here, on the settling thread, which waits for
 * the reading one when the two run side by side. */
#define ROWCHECK_AHEAD 8

static void rowcheck_prefetch(ssc_rowcheck *rc, const ssc_rowverdict *v, rowcheck_hashes h,
                              int near)
{
    if (!near && v->has_id)
        ssc_idset_prefetch(rc->ids, h.id);
    ssc_store_prefetch_title(rc->store, h.title, near);
}

int ssc_rowcheck_settle(ssc_rowcheck *rc, const ssc_rowbatch *b, ssc_error *err)
{
    /* out of memory while judging: the rows before are settled first, as
     * they would have been one by one */
    size_t n = b->oom ? b->oom_rows : b->n;
    rowcheck_hashes ring[ROWCHECK_AHEAD];

    for (size_t i = 0; i < n && i < ROWCHECK_AHEAD; i++) {
        ring[i] = rowcheck_hash(&b->rows[i]);
        rowcheck_prefetch(rc, &b->rows[i], ring[i], 0);
    }
    for (size_t i = 0; i < n; i++) {
        rowcheck_hashes h = ring[i % ROWCHECK_AHEAD];
        size_t far = i + ROWCHECK_AHEAD, mid = i + ROWCHECK_AHEAD / 2;
        if (mid < n)
            rowcheck_prefetch(rc, &b->rows[mid], ring[mid % ROWCHECK_AHEAD], 1);
        if (far < n) {
            ring[far % ROWCHECK_AHEAD] = rowcheck_hash(&b->rows[far]);
            rowcheck_prefetch(rc, &b->rows[far], ring[far % ROWCHECK_AHEAD], 0);
        }
        rc->row_problems = 0;
        if (rowcheck_settle_row(rc, b, &b->rows[i], h, err) != SSC_OK)
            return SSC_ERR;
    }
    return b->oom ? ssc_error_oom(err) : SSC_OK;
}

const ssc_rowjudge *ssc_rowcheck_judge(const ssc_rowcheck *rc)
{
    return &rc->judge;
}

/* ---- the outcome ------------------------------------------------------- */

/* Why nothing was read, in one line: a count that points at the problem
 * list, or the only problem itself when nobody keeps a list. */
static int rowcheck_fail(const ssc_rowcheck *rc, ssc_error *err)
{
    size_t n = rc->problems;

    if (!rc->diag) {
        if (n == 1)
            return ssc_error_at(err, NULL, 0, "%s", rc->first);
        return ssc_error_at(err, NULL, 0, "%s (and %zu more problem%s)", rc->first, n - 1,
                            n == 2 ? "" : "s");
    }
    return ssc_error_at(
        err, rc->name, 0, "%zu problem%s; nothing rendered (%s)", n, n == 1 ? "" : "s",
        rc->fatal ? (n == 1 ? "fix it: --skip-bad-rows cannot skip this one"
                            : "fix them: --skip-bad-rows cannot skip a bad header "
                              "or an unclosed quote")
                  : (n == 1 ? "fix it, or render the good rows with --skip-bad-rows"
                            : "fix them, or render the good rows with --skip-bad-rows"));
}

int ssc_rowcheck_finish(ssc_rowcheck *rc, ssc_store **out, size_t *skipped, ssc_error *err)
{
    *out = NULL;
    if (skipped)
        *skipped = 0;
    if (rc->problems && (rc->fatal || !rc->skip_bad_rows))
        return rowcheck_fail(rc, err);
    *out = rc->store;
    rc->store = NULL;
    if (skipped)
        *skipped = rc->skipped;
    return SSC_OK;
}
