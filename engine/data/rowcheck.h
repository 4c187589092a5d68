/* SPDX-License-Identifier: MIT */
/* The portfolio's row rules (docs/portfolio-csv.md), shared by every
 * source: the CSV reader hands over views into its file buffer, other
 * sources the text they set through ssc_source_set.  Either way a row is
 * checked by the same code, problems read "FILE:LINE: column: what is
 * wrong", ids must be unique, and --skip-bad-rows decides whether a bad
 * row dooms the load or is left out.
 *
 * A load goes: ssc_rowcheck_new, then per row ssc_rowcheck_begin, any
 * problems the source finds itself (ssc_rowcheck_problem), and
 * ssc_rowcheck_end with the row's cells; finally ssc_rowcheck_finish hands
 * over the store or says why nothing can be rendered. */
#ifndef SSC_ROWCHECK_H
#define SSC_ROWCHECK_H

#include <stdarg.h>
#include <stddef.h>

#include "error.h"
#include "data/columns.h"
#include "data/rowjudge.h"
#include "data/store.h"

typedef struct ssc_rowcheck ssc_rowcheck;

/* name is FILE in messages (copied); problems may be NULL, in which case
 * the first problem is kept for the error.  NULL on out of memory. */
ssc_rowcheck *ssc_rowcheck_new(const char *name, ssc_diag *problems, int skip_bad_rows);
void ssc_rowcheck_free(ssc_rowcheck *rc);
/* The store rows go to (borrowed; declare extra columns on it). */
ssc_store *ssc_rowcheck_store(ssc_rowcheck *rc);
const char *ssc_rowcheck_name(const ssc_rowcheck *rc);

/* Lets rows leave required column col empty from now on (the source
 * declared it optional, ssc_source_optional): SSC_ERR, and nothing
 * changes, for a column ssc_col_may_be_optional refuses. */
int ssc_rowcheck_optional(ssc_rowcheck *rc, int col);
/* What the source knows before its first row: about rows rows (an upper
 * bound is fine; the store and the id set are sized for them at once; 0:
 * no hint), and text_ok 1 when it checked all its text already (valid
 * UTF-8, no NUL byte: the CSV source checks each block before its rows),
 * so cells are not checked again one by one.  A source may call it again
 * to say text_ok 0 for the rows to come (a NUL byte in a later block). */
void ssc_rowcheck_expect(ssc_rowcheck *rc, size_t rows, int text_ok);
/* Takes back the problems of the rows read so far: a file found not to be
 * text past its first block fails with that message alone, as one read
 * whole does, whatever rows came before. */
void ssc_rowcheck_forget(ssc_rowcheck *rc);

/* Records "FILE:LINE: column: message" (line 0 and column NULL are left
 * out).  Inside a row it makes the row bad. */
void ssc_rowcheck_problem(ssc_rowcheck *rc, long line, const char *column, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* A problem that skipping rows cannot get round (a bad header): nothing
 * is rendered whatever --skip-bad-rows says. */
void ssc_rowcheck_fatal(ssc_rowcheck *rc);
size_t ssc_rowcheck_problems(const ssc_rowcheck *rc);
/* "FILE:LINE: warning: message" in the problem list; not a problem. */
void ssc_rowcheck_warn(ssc_rowcheck *rc, long line, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));

void ssc_rowcheck_begin(ssc_rowcheck *rc);
/* Checks row (NULL: the source found the row unusable and said why) and
 * appends it to the store when it is good and no earlier bad row doomed
 * the load.  SSC_ERR only when out of memory. */
int ssc_rowcheck_end(ssc_rowcheck *rc, const ssc_row *row, ssc_error *err);

/* A source that judges its rows itself (ssc_rowjudge_row, perhaps on
 * another thread, with a copy of what this returns) hands them over a
 * batch at a time, in file order, instead of ssc_rowcheck_begin/end.
 * SSC_ERR when out of memory or the store refuses a row. */
const ssc_rowjudge *ssc_rowcheck_judge(const ssc_rowcheck *rc);
int ssc_rowcheck_settle(ssc_rowcheck *rc, const ssc_rowbatch *b, ssc_error *err);

/* The outcome: the store (*out, caller frees) and the number of rows left
 * out, or SSC_ERR with a one-line summary in err when there were problems
 * that forbid rendering. */
int ssc_rowcheck_finish(ssc_rowcheck *rc, ssc_store **out, size_t *skipped, ssc_error *err);

#endif
