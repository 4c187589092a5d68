/* SPDX-License-Identifier: MIT */
/* The rows of a portfolio CSV, read, judged and settled (see csv_rows.h).
 *
 * Side by side, the reading thread fills one of three slots with a
 * block's verdicts while the calling thread settles the slot before; a
 * slot's rows are views into its own block, so the reader reads the next
 * block into the block of a slot already settled.  The calling thread
 * settles the slots in turn, so the store and the problems come in file
 * order, as with one thread. */
#include "data/csv_rows.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "data/cells.h"

/* What a reading thread keeps: the rules with its own idea of the text
 * (a NUL byte seen makes cells checked one by one), and one row. */
typedef struct rows_reader {
    const ssc_csv_rows *cr;
    ssc_rowjudge j;
    ssc_row row;
    ssc_text *extra;
    size_t rows;
} rows_reader;

static int rows_reader_init(rows_reader *R, const ssc_csv_rows *cr)
{
    memset(R, 0, sizeof *R);
    R->cr = cr;
    R->j = *ssc_rowcheck_judge(cr->rc);
    R->row = *cr->row;
    if (cr->n_extra && !(R->extra = calloc(cr->n_extra, sizeof *R->extra)))
        return -1;
    R->row.extra = R->extra;
    return 0;
}

/* 1 when every field is empty: spreadsheets export deleted rows as ",,,,",
 * which hold no project and are skipped like blank lines. */
static int rows_blank(const ssc_csv_record *rec)
{
    for (size_t i = 0; i < rec->count; i++)
        if (ssc_cell_trim(rec->fields[i].s, rec->fields[i].len).len)
            return 0;
    return 1;
}

/* Field i as a cell that lasts as long as b: a view into the block, or
 * for a field unescaped into the reader's scratch, which the next record
 * reuses, a copy. */
static ssc_text rows_cell(const rows_reader *R, ssc_rowbatch *b, const ssc_csv_record *rec,
                          size_t i)
{
    const ssc_csv_field *f = &rec->fields[i];
    const char *kept;

    /* nothing was unescaped in most records: one test for all fields */
    if (R->cr->r->scratch_len == 0 || !ssc_csv_field_copied(R->cr->r, i))
        return (ssc_text){f->s, f->len};
    kept = ssc_rowbatch_keep(b, f->s, f->len);
    return kept ? (ssc_text){kept, f->len} : (ssc_text){"", 0};
}

/* Judges one record into b; the record's shape is checked here. */
static int rows_one(rows_reader *R, ssc_rowbatch *b, const ssc_csv_record *rec, ssc_error *err)
{
    const ssc_csv_rows *cr = R->cr;
    ssc_row *row = &R->row;

    if (rows_blank(rec))
        return SSC_OK;
    if (++R->rows > cr->max_rows)
        return ssc_error_at(err, ssc_rowcheck_name(cr->rc), rec->line,
                            "more than %zu rows, the most a portfolio may have "
                            "(SSC_REPORT_MAX_ROWS raises the limit)",
                            cr->max_rows);
    if (!ssc_rowbatch_begin(b, rec->line))
        return ssc_error_oom(err);
    if (rec->count != cr->n_cols) {
        ssc_rowbatch_problem(b, rec->line, NULL,
                             "the row has %zu field%s, but the header has %zu (a value holding a "
                             "comma must be in double quotes)",
                             rec->count, rec->count == 1 ? "" : "s", cr->n_cols);
        ssc_rowjudge_row(&R->j, b, NULL);
        return SSC_OK;
    }
    if (rec->bad_field)
        ssc_rowbatch_problem(b, rec->line, cr->col_name[rec->bad_field - 1],
                             "text after the closing quote (inside quotes, write a quote as \"\")");
    row->line = rec->line;
    for (int c = 0; c < SSC_COL_SPEC; c++)
        if (cr->col_at[c] >= 0)
            row->col[c].v = rows_cell(R, b, rec, (size_t)cr->col_at[c]);
    for (size_t i = 0; i < cr->n_extra; i++)
        R->extra[i] = rows_cell(R, b, rec, cr->extra_at[i]);
    ssc_rowjudge_row(&R->j, b, row);
    return SSC_OK;
}

/* Judges the records the reader has into b, until b holds most rows
 * (ROWS_FULL; 0: no limit), the reader needs more text (SSC_CSV_MORE)
 * or the text ends (what ssc_csv_next said), or SSC_CSV_ROWS_FAILED with
 * err set. */
#define ROWS_FULL (-102)
static int rows_fill(rows_reader *R, ssc_rowbatch *b, size_t most, ssc_error *err)
{
    ssc_csv_record rec;
    int rc;

    while ((rc = ssc_csv_next(R->cr->r, &rec)) == SSC_CSV_RECORD) {
        if (R->cr->text->nul)
            R->j.text_ok = 0; /* cells are checked from now on */
        if (rows_one(R, b, &rec, err) != SSC_OK)
            return SSC_CSV_ROWS_FAILED;
        if (b->n == most)
            return ROWS_FULL;
    }
    return rc;
}

static void rows_progress(const ssc_csv_rows *cr, size_t pos)
{
    ssc_progress_note(cr->progress, SSC_PHASE_READ, (double)pos, (double)cr->text->total);
}

/* How a batch's filling ended, once its rows are settled: a failure to
 * read or judge (err_fill) counts after the rows before it, as it came
 * after them. */
static int rows_settle_end(int code, const ssc_error *err_fill, ssc_error *err)
{
    if (code == SSC_CSV_ROWS_FAILED || code == SSC_CSV_TEXT_FAILED)
        *err = *err_fill;
    return code;
}

static int rows_settle(const ssc_csv_rows *cr, const ssc_rowbatch *b, int code,
                       const ssc_error *err_fill, ssc_error *err)
{
    if (ssc_rowcheck_settle(cr->rc, b, err) != SSC_OK)
        return SSC_CSV_ROWS_FAILED;
    return rows_settle_end(code, err_fill, err);
}

/* ---- one thread ---------------------------------------------------------- */

/* Rows a batch holds on one thread: a few hundred keep its arrays in
 * the cache and out of fresh pages (a block's worth is 2 MiB). */
#define ROWS_ALONE_BATCH 512

static int rows_alone(const ssc_csv_rows *cr, ssc_error *err)
{
    rows_reader R;
    ssc_rowbatch b;
    ssc_error ferr;
    int code;

    memset(&b, 0, sizeof b);
    if (rows_reader_init(&R, cr) != 0) {
        ssc_error_oom(err);
        return SSC_CSV_ROWS_FAILED;
    }
    for (;;) {
        ssc_error_clear(&ferr);
        code = rows_fill(&R, &b, ROWS_ALONE_BATCH, &ferr);
        /* the rows are views into the block: settled before it moves */
        code = rows_settle(cr, &b, code, &ferr, err);
        ssc_rowbatch_clear(&b);
        if (code == ROWS_FULL)
            continue;
        rows_progress(cr, ssc_csv_text_pos(cr->text, cr->r));
        if (code != SSC_CSV_MORE)
            break;
        if (ssc_csv_text_refill(cr->text, cr->r, err) != SSC_OK) {
            code = SSC_CSV_TEXT_FAILED;
            break;
        }
    }
    ssc_rowbatch_free(&b);
    free(R.extra);
    return code;
}

/* ---- side by side ---------------------------------------------------------- */

#define ROWS_SLOTS 3

typedef struct rows_slot {
    ssc_rowbatch b;
    size_t pos;    /* bytes read when it was filled, for the progress */
    int code;      /* how its filling ended (SSC_CSV_MORE: more follow) */
    ssc_error err; /* why, for SSC_CSV_ROWS_FAILED and SSC_CSV_TEXT_FAILED */
    int full;      /* filled and not yet settled */
} rows_slot;

typedef struct rows_pipe {
    rows_reader R;
    rows_slot slot[ROWS_SLOTS];
    char *block[ROWS_SLOTS]; /* slot i's rows are views into block[i] */
    size_t cap[ROWS_SLOTS];
    pthread_mutex_t lock;
    pthread_cond_t changed;
    int stop; /* the settling failed: the reader gives up */
} rows_pipe;

/* The reading thread: fills slot after slot, each from its own block,
 * until the text ends or the settling stops. */
static void *rows_read_main(void *arg)
{
    rows_pipe *P = arg;
    const ssc_csv_rows *cr = P->R.cr;

    for (size_t i = 0;; i = (i + 1) % ROWS_SLOTS) {
        rows_slot *s = &P->slot[i];
        size_t next = (i + 1) % ROWS_SLOTS;
        int stop, last;

        ssc_error_clear(&s->err);
        s->code = rows_fill(&P->R, &s->b, 0, &s->err);
        if (s->code == SSC_CSV_MORE) {
            /* the next block is a settled slot's: wait for one */
            pthread_mutex_lock(&P->lock);
            while (P->slot[next].full && !P->stop)
                pthread_cond_wait(&P->changed, &P->lock);
            stop = P->stop;
            pthread_mutex_unlock(&P->lock);
            if (!stop && ssc_csv_text_refill_into(cr->text, cr->r, &P->block[next],
                                                  &P->cap[next], &s->err) != SSC_OK)
                s->code = SSC_CSV_TEXT_FAILED;
        }
        s->pos = ssc_csv_text_pos(cr->text, cr->r);
        pthread_mutex_lock(&P->lock);
        s->full = 1;
        last = s->code != SSC_CSV_MORE || P->stop;
        pthread_cond_broadcast(&P->changed);
        pthread_mutex_unlock(&P->lock);
        if (last)
            return NULL;
    }
}

static void rows_pipe_free(rows_pipe *P, ssc_csv_text *t)
{
    for (size_t i = 0; i < ROWS_SLOTS; i++) {
        ssc_rowbatch_free(&P->slot[i].b);
        if (P->block[i] != t->block) /* t frees the one it reads from */
            free(P->block[i]);
    }
    free(P->R.extra);
    pthread_cond_destroy(&P->changed);
    pthread_mutex_destroy(&P->lock);
    free(P);
}

/* After the settling failed: the text's own failure, when the reader
 * met one meanwhile, wins, as one thread's ssc_csv_text_drain makes it
 * win (the problems are then forgotten). */
static int rows_text_failure(const rows_pipe *P, int code, ssc_error *err)
{
    for (size_t i = 0; i < ROWS_SLOTS; i++)
        if (P->slot[i].full && P->slot[i].code == SSC_CSV_TEXT_FAILED) {
            *err = P->slot[i].err;
            return SSC_CSV_TEXT_FAILED;
        }
    return code;
}

/* Settles the slots as the reading thread fills them; without a thread
 * (or its lock) to be had, reads alone.  Returns as ssc_csv_rows_read. */
static int rows_side_by_side(const ssc_csv_rows *cr, ssc_error *err)
{
    rows_pipe *P = calloc(1, sizeof *P);
    pthread_t reader;
    int code = SSC_CSV_ROWS_FAILED, settled = 1;

    if (!P || rows_reader_init(&P->R, cr) != 0) {
        if (P)
            free(P->R.extra);
        free(P);
        ssc_error_oom(err);
        return SSC_CSV_ROWS_FAILED;
    }
    P->block[0] = cr->text->block;
    P->cap[0] = cr->text->cap;
    if (pthread_mutex_init(&P->lock, NULL) != 0) {
        free(P->R.extra);
        free(P);
        return rows_alone(cr, err);
    }
    if (pthread_cond_init(&P->changed, NULL) != 0) {
        pthread_mutex_destroy(&P->lock);
        free(P->R.extra);
        free(P);
        return rows_alone(cr, err);
    }
    if (pthread_create(&reader, NULL, rows_read_main, P) != 0) {
        rows_pipe_free(P, cr->text);
        return rows_alone(cr, err);
    }
    for (size_t i = 0;; i = (i + 1) % ROWS_SLOTS) {
        rows_slot *s = &P->slot[i];
        pthread_mutex_lock(&P->lock);
        while (!s->full)
            pthread_cond_wait(&P->changed, &P->lock);
        pthread_mutex_unlock(&P->lock);
        if (ssc_rowcheck_settle(cr->rc, &s->b, err) != SSC_OK) {
            settled = 0;
            break;
        }
        code = rows_settle_end(s->code, &s->err, err);
        rows_progress(cr, s->pos);
        if (code != SSC_CSV_MORE)
            break;
        ssc_rowbatch_clear(&s->b);
        pthread_mutex_lock(&P->lock);
        s->full = 0;
        pthread_cond_broadcast(&P->changed);
        pthread_mutex_unlock(&P->lock);
    }
    pthread_mutex_lock(&P->lock);
    P->stop = 1; /* when the settling failed, the reader may be waiting */
    pthread_cond_broadcast(&P->changed);
    pthread_mutex_unlock(&P->lock);
    pthread_join(reader, NULL);
    if (!settled)
        code = rows_text_failure(P, SSC_CSV_ROWS_FAILED, err);
    rows_pipe_free(P, cr->text);
    return code;
}

/* Blocks of text below which a second thread costs more than it saves
 * (10,000 rows in two blocks: 30 ms to read against 17 ms alone): its
 * three slots' batches are fresh memory, and the first block is judged
 * before any row is settled. */
#define ROWS_SIDE_BY_SIDE_BLOCKS 3

int ssc_csv_rows_read(const ssc_csv_rows *cr, ssc_error *err)
{
    const ssc_csv_text *t = cr->text;

    /* a text held whole has no next block to read meanwhile */
    if (cr->threads > 1 && t->fd >= 0 && !t->at_end &&
        t->total / ROWS_SIDE_BY_SIDE_BLOCKS >= t->step)
        return rows_side_by_side(cr, err);
    return rows_alone(cr, err);
}
