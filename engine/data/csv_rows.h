/* SPDX-License-Identifier: MIT */
/* The rows of a portfolio CSV after its header (csv_rows.c): records read
 * and judged a block at a time (rowjudge.h), then settled in file order
 * by the row checker.  With two threads, one reads and judges the next
 * block while the other settles the block before, the blocks kept alive
 * until their rows are settled; the store, the problems and their order
 * are the same either way. */
#ifndef SSC_DATA_CSV_ROWS_H
#define SSC_DATA_CSV_ROWS_H

#include <stddef.h>

#include "error.h"
#include "data/csv.h"
#include "data/csv_text.h"
#include "data/rowcheck.h"

/* The header as the source mapped it, and how to read. */
typedef struct ssc_csv_rows {
    ssc_csv_text *text;
    ssc_csv_reader *r; /* positioned after the header */
    ssc_rowcheck *rc;
    const ssc_row *row;       /* the cells' names, filled in from the header */
    const long *col_at;       /* field of each spec column, or -1 */
    const size_t *extra_at;   /* field of each extra column */
    size_t n_extra;
    char *const *col_name;    /* per field: its name, safe for messages */
    size_t n_cols;            /* fields a row must have */
    size_t max_rows;          /* ssc_input_max_rows() */
    const ssc_progress *progress;
    int threads;              /* 2 or more: read and settle side by side */
} ssc_csv_rows;

/* The rows stopped: too many, out of memory, or a row the store refused. */
#define SSC_CSV_ROWS_FAILED (-101)

/* Reads, judges and settles every row.  Returns how reading ended, as
 * ssc_csv_text_next does (SSC_CSV_END, SSC_CSV_UNCLOSED, SSC_CSV_NOMEM,
 * SSC_CSV_TEXT_FAILED with err set), or SSC_CSV_ROWS_FAILED with err set:
 * more rows than max_rows, out of memory, a row the store refused.  The
 * rows before the one that stopped them are settled, as one by one. */
int ssc_csv_rows_read(const ssc_csv_rows *cr, ssc_error *err);

#endif
