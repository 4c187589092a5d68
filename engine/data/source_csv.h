/* SPDX-License-Identifier: MIT */
/* The portfolio CSV reader: ../docs/portfolio-csv.md (the spec) in full. */
#ifndef SSC_SOURCE_CSV_H
#define SSC_SOURCE_CSV_H

#include <stddef.h>

#include "error.h"
#include "data/store.h"

/* A report may map its own header names onto the spec's column names. */
typedef struct ssc_rename {
    const char *from; /* header in the file */
    const char *to;   /* spec column name */
} ssc_rename;

typedef struct ssc_csv_options {
    const ssc_rename *renames;
    size_t n_renames;
    int skip_bad_rows;        /* keep the good rows instead of failing */
    const char *display_name; /* file name used in messages; NULL: the path */
    /* The file's encoding, converted to UTF-8 before reading (iconv's
     * name, e.g. "GB18030"); NULL: UTF-8, or what a byte-order mark says. */
    const char *encoding;
    /* The separator; 0: found from the header line (',', else ';' or tab). */
    char delimiter;
    /* ssc_csv_load: bytes read at a time (0: SSC_CSV_BLOCK); tests read
     * in small blocks to reach the blocks' edges. */
    size_t block;
    /* 2 or more: a file read in blocks is read on one thread while the
     * rows read are checked and stored on the caller's (csv_rows.h). */
    int threads;
} ssc_csv_options;

/* Reads the portfolio at path into a new store (*out, freed by the caller
 * with ssc_store_free).  Every problem goes to problems as
 * "FILE:LINE: column: what is wrong".  Fails (SSC_ERR, *out NULL) on an
 * unreadable file, a bad header, or any bad row unless skip_bad_rows is set,
 * in which case the bad rows are left out and counted in *skipped.  A file
 * that is no CSV text at all (a spreadsheet, an archive, a PDF; bytes that
 * are not UTF-8 or not the encoding given) fails with one line in err. */
int ssc_csv_load(const char *path, const ssc_csv_options *opt, ssc_store **out,
                 ssc_diag *problems, size_t *skipped, ssc_error *err);
/* The same from memory (for tests and fuzzing); name is used in messages. */
int ssc_csv_load_buffer(const char *data, size_t len, const char *name,
                        const ssc_csv_options *opt, ssc_store **out, ssc_diag *problems,
                        size_t *skipped, ssc_error *err);

/* The same reader as the built-in source "csv" behind plugin.h's source
 * interface (see source.h): a descriptor like a source plugin's, never
 * loaded from a file. */
const ssc_plugin *ssc_csv_source(void);

#endif
