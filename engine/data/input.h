/* SPDX-License-Identifier: MIT */
/* Input files read within bounds (input.c): a regular file only (a FIFO,
 * a device or a socket would block or never end), no larger than a limit,
 * and its first bytes judged before the rest is read, so that a 2 GB file
 * of zeros is refused after 64 KiB rather than after 2 GB.  Standard input
 * reaches the sources as a spooled regular file (render.c), under the same
 * limit. */
#ifndef SSC_DATA_INPUT_H
#define SSC_DATA_INPUT_H

#include <stddef.h>

#include "error.h"

/* The default largest input (docs/portfolio-csv.md, Limits): 1 GiB.
 * SSC_REPORT_MAX_INPUT (bytes, or with a K, M or G suffix) changes it. */
#define SSC_INPUT_MAX_DEFAULT ((size_t)1 << 30)
/* The default largest number of rows (projects) a source may give:
 * 10 million.  SSC_REPORT_MAX_ROWS changes it. */
#define SSC_INPUT_MAX_ROWS_DEFAULT 10000000
/* Bytes read and judged before the rest. */
#define SSC_INPUT_HEAD 65536

/* The largest input: SSC_REPORT_MAX_INPUT when set and valid, else the
 * default. */
size_t ssc_input_max(void);

/* The largest number of rows: SSC_REPORT_MAX_ROWS when set and valid,
 * else the default. */
size_t ssc_input_max_rows(void);

/* Opens path for reading after checking, without blocking, that it is a
 * regular file of at most max bytes; *size gets its size.  Returns the
 * descriptor, or -1 with "NAME: ..." in err (name is how messages call the
 * file; NULL: path). */
int ssc_input_open(const char *path, const char *name, size_t max, size_t *size, ssc_error *err);

/* Checks path as ssc_input_open does and closes it again, for the sources
 * that open the file themselves; a path that cannot be opened at all passes
 * (the source says why in its own words). */
int ssc_input_check(const char *path, const char *name, ssc_error *err);

/* Reads from fd into buf[*len..want) until want or the end of the file
 * (then *at_end is 1), retrying after signals; 0, or -1 with errno. */
int ssc_input_fill(int fd, char *buf, size_t *len, size_t want, int *at_end);

/* Judges the first len bytes of a file (all of it when at_end); returns
 * SSC_OK or SSC_ERR with the reason in err. */
typedef int (*ssc_input_judge)(const char *head, size_t len, int at_end, void *ctx,
                               ssc_error *err);

typedef struct ssc_input {
    char *data; /* NUL-terminated; may hold NUL bytes */
    size_t len;
} ssc_input;

/* Reads the regular file path of at most max bytes (0: ssc_input_max())
 * into in: its first SSC_INPUT_HEAD bytes, then (when judge, if any,
 * accepts them) the rest into the same buffer, which is allocated once at
 * the file's size.  Returns SSC_OK, or SSC_ERR with err set. */
int ssc_input_read(ssc_input *in, const char *path, const char *name, size_t max,
                   ssc_input_judge judge, void *ctx, ssc_error *err);
void ssc_input_free(ssc_input *in);

#endif
