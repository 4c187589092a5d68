/* SPDX-License-Identifier: MIT */
/* The checks of one portfolio row that need nothing from the other rows
 * (rowjudge.c): cells trimmed, required, UTF-8, lists split, codes and
 * numbers parsed.  What a row is found to be, its verdict, goes into a
 * batch with its problems as text; the row checker (rowcheck.c) then
 * settles the batch in file order: the id against the ids before it,
 * the problems into the list, the good rows into the store.
 *
 * Judging touches nothing but its batch, so the CSV source judges the
 * rows of one block on one processor while the rows of the block before
 * are settled on another (csv_rows.c). */
#ifndef SSC_ROWJUDGE_H
#define SSC_ROWJUDGE_H

#include <stddef.h>
#include <stdint.h>

#include "data/columns.h"
#include "data/store.h"

/* The longest text cell accepted (title, names, lists), in bytes. */
#define SSC_ROWCHECK_MAX_TEXT 16384

/* One cell: its text (need not be trimmed or NUL-terminated) and the
 * column's name as the source calls it, for messages.  name NULL means
 * the source does not give this column at all. */
typedef struct ssc_cell {
    ssc_text v;
    const char *name;
} ssc_cell;

typedef struct ssc_row {
    long line;                      /* for messages, and stored */
    ssc_cell col[SSC_COL_COUNT];
    const ssc_text *extra;          /* one per extra column of the store */
    const char *const *extra_names; /* their names for messages */
    size_t n_extra;                 /* must equal the store's extra columns */
} ssc_row;

/* What judging needs to know of the source (fixed while rows come). */
typedef struct ssc_rowjudge {
    unsigned optional; /* bit per required column the source may leave out */
    int text_ok;       /* the source checked all its text: UTF-8, no NUL */
} ssc_rowjudge;

/* A problem: "column: text" on line; column is the source's name for it
 * (it must outlive the batch) or NULL. */
typedef struct ssc_rowmsg {
    long line;
    const char *column;
    size_t text; /* offset of its NUL-terminated text in the batch */
} ssc_rowmsg;

/* One row's verdict.  Its cells are views into the source's text, which
 * must outlive the batch; its list items and problems are in the batch. */
typedef struct ssc_rowverdict {
    ssc_project_in p;    /* lists are set by ssc_rowbatch_project */
    int usable;          /* 0: the source found the row unusable (said why) */
    int has_id;          /* p.id is a usable id */
    const char *id_name; /* the id column's name, for a repeated id */
    size_t msgs, n_msgs; /* its problems: the batch's msgs[msgs ..) */
    size_t id_msgs;      /* a repeated id's problem goes after this many */
    size_t partners, countries, regions, extra; /* offsets into items */
    size_t sdgs;                                /* offset into sdgs */
} ssc_rowverdict;

typedef struct ssc_rowbatch {
    ssc_rowverdict *rows;
    size_t n, cap;
    ssc_text *items;
    size_t n_items, cap_items;
    unsigned char *sdgs;
    size_t n_sdgs, cap_sdgs;
    ssc_rowmsg *msgs;
    size_t n_msgs, cap_msgs;
    char *text;
    size_t n_text, cap_text;
    struct ssc_intern *kept; /* cells copied to outlive their source */
    int oom;         /* something was not recorded: the load fails */
    size_t oom_rows; /* with oom: the rows before it, whole */
} ssc_rowbatch;

/* Empties b for reuse (its memory is kept); free releases it. */
void ssc_rowbatch_clear(ssc_rowbatch *b);
void ssc_rowbatch_free(ssc_rowbatch *b);

/* A copy of s[0..len) that lives until b is cleared (NULL when out of
 * memory, b->oom set): for cells the source rewrites before the batch is
 * settled (a CSV field unescaped in the reader's scratch). */
const char *ssc_rowbatch_keep(ssc_rowbatch *b, const char *s, size_t len);
/* Starts the verdict of the row on line (usable until judged otherwise);
 * NULL when out of memory (b->oom is set). */
ssc_rowverdict *ssc_rowbatch_begin(ssc_rowbatch *b, long line);
/* Records a problem of the row begun last (line 0 and column NULL are
 * left out of the message). */
void ssc_rowbatch_problem(ssc_rowbatch *b, long line, const char *column, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Judges row (NULL: the source found it unusable, and said why) into the
 * verdict begun last. */
void ssc_rowjudge_row(const ssc_rowjudge *j, ssc_rowbatch *b, const ssc_row *row);
/* Verdict v's project, its lists pointing into b. */
void ssc_rowbatch_project(const ssc_rowbatch *b, const ssc_rowverdict *v, ssc_project_in *out);

#endif
