/* SPDX-License-Identifier: MIT */
/* Data sources: the engine side of plugin.h's ssc_source.  A source (the
 * built-in csv reader or a source plugin's read hook) fills one store;
 * every project it hands over goes through the same row rules
 * (rowcheck.h), so that all sources report problems alike and give the
 * same numbers for the same portfolio. */
#ifndef SSC_SOURCE_H
#define SSC_SOURCE_H

#include <stddef.h>

#include "error.h"
#include "loader.h"
#include "data/rowcheck.h"
#include "data/source_csv.h"
#include "data/store.h"

/* US dollars per unit of a currency (report data.currency_rates). */
typedef struct ssc_currency_rate {
    const char *code; /* ISO 4217, e.g. "EUR" */
    double usd;
} ssc_currency_rate;

/* What the report and the command line tell a source.  Everything is
 * borrowed and must outlive ssc_source_read. */
typedef struct ssc_source_opts {
    const char *path;         /* the file or database */
    const char *display_name; /* FILE in messages; NULL: path */
    const ssc_rename *renames; /* report data.columns: source names of spec columns */
    size_t n_renames;
    int skip_bad_rows;
    const char *language;     /* the report's; NULL: "en" */
    const ssc_currency_rate *rates;
    size_t n_rates;
    /* String settings of the report's data group (ssc_source_option);
     * option may be NULL. */
    const char *(*option)(const void *ctx, const char *name);
    const void *option_ctx;
    const ssc_progress *progress; /* how far the reading got; may be NULL */
    size_t threads; /* processors the source may use (0 or 1: the caller's) */
} ssc_source_opts;

/* Runs source's read hook on o->path into a new store (*out, caller frees
 * with ssc_store_free).  Problems with projects go to problems (capped by
 * the list) as "FILE:LINE: column: what is wrong", and decide the outcome
 * as for CSV: any problem fails the load unless skip_bad_rows, which
 * leaves bad projects out and counts them in *skipped.  A failing hook
 * fails the load with its message, naming the file. */
int ssc_source_read(const ssc_plugin *source, const ssc_source_opts *o, ssc_store **out,
                    ssc_diag *problems, size_t *skipped, ssc_error *err);

/* The source that reads path by its extension ("csv", "iati", "sqlite"),
 * or NULL when the extension is none of the built-in ones. */
const char *ssc_source_for_extension(const char *path);

/* Chooses the source: the one named format when not NULL, else by path's
 * extension (the built-in table, then the extensions source plugins
 * declare, else csv).  "csv" is built in; any other comes from ld and
 * must be a source plugin.  *out stays valid while ld lives.  On failure
 * err says which source was wanted and why it is not available. */
int ssc_source_find(ssc_loader *ld, const char *format, const char *path,
                    const ssc_plugin **out, ssc_error *err);

/* For the built-in csv source, which reads on its own fast path: the
 * checker its rows go to and the options it reads with. */
ssc_rowcheck *ssc_source_rowcheck(ssc_source *src);
const ssc_source_opts *ssc_source_options(const ssc_source *src);

#endif
