/* SPDX-License-Identifier: MIT */
/* What the fuzz targets of tests/fuzz/ share: the invariant check, the
 * libFuzzer entry points, and a scratch file for the parsers that read a
 * path rather than a buffer (so that they are fuzzed through the very
 * call the command makes).  See docs/fuzzing.md. */
#ifndef SSC_FUZZ_H
#define SSC_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "error.h"

/* An invariant callers rely on: breaking it is a finding, like a crash. */
#define FUZZ_ASSERT(cond)                                                                          \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond);           \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

/* libFuzzer's entry points; replay.c calls them the same way. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A failure is SSC_ERR with a message; success leaves err unset. */
void fuzz_check_status(int rc, const ssc_error *err);

/* Writes the input to this process's scratch file (name ends with
 * suffix, e.g. ".conf"; created on first use in $TMPDIR or /tmp, removed
 * at exit) and returns its path. */
const char *fuzz_file(const uint8_t *data, size_t size, const char *suffix);

/* The input as a NUL-terminated string (malloc'd; NULL when out of
 * memory).  An embedded NUL ends the string early, as it would in argv. */
char *fuzz_string(const uint8_t *data, size_t size);

/* Loads the report at path with the --set texts sets as render does (the
 * theme applied too) and checks what was loaded (fuzz-report-load.c).
 * Returns what the loader returned; the caller frees r either way. */
struct ssc_report;
int fuzz_report_load(struct ssc_report *r, const char *path, const char *const *sets,
                     size_t n_sets);

/* Reads the portfolio at path through the source plugin as the engine
 * does (ssc_source_read), failing on bad projects and then skipping them,
 * and checks the outcome and every stored project (fuzz-source-read.c). */
int fuzz_source_read(const ssc_plugin *source, const char *path);

/* Reads every row of a store through every accessor; `required` adds the
 * checks of the required columns (fuzz-util.c). */
struct ssc_store;
size_t fuzz_walk_store(const struct ssc_store *st, int required);

#endif
