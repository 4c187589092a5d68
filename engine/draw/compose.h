/* SPDX-License-Identifier: MIT */
/* Composing the report: sections laid out into the document (cover,
 * contents, charts with captions and summaries, tables, appendix), and the
 * charts alone as PNG and SVG files for slides. */
#ifndef SSC_COMPOSE_H
#define SSC_COMPOSE_H

#include <stdio.h>

#include "atomic.h"
#include "draw/draw.h"
#include "draw/fonts.h"
#include "report/filter.h"
#include "report/report.h"
#include "report/section.h"
#include "report/table.h"

typedef struct ssc_compose {
    const ssc_report *report;
    const ssc_section *sections;
    ssc_table *const *tables;
    size_t n;
    const ssc_theme *theme;
    size_t shown; /* projects after the filters, for summaries */
    const ssc_progress *progress; /* pages laid out and written; may be NULL */
    /* what the filters kept, for the methods page and the years of the
     * title page's period; NULL: no such page, no years */
    const ssc_filter_count *filtered;
    const char *data_path;  /* the data file read ("-": standard input), or NULL */
    /* the fonts to draw with, or NULL (Pango's default map); composing
     * widens them when a text needs a font outside the lean map */
    ssc_fonts *fonts;
} ssc_compose;

/* What writing the PDF found. */
typedef struct ssc_compose_out {
    int pages;
    size_t shortened;          /* texts cut with an ellipsis to fit their space */
    char first_shortened[200]; /* the first of them (its start), "" when none */
} ssc_compose_out;

/* Writes the whole PDF to fp (drawn twice: the first pass learns the page
 * numbers the contents and footers print); fills *out. */
int ssc_compose_pdf(const ssc_compose *c, FILE *fp, ssc_compose_out *out, ssc_error *err);
/* Lays the whole document out without writing it, so that `check` finds
 * what only drawing finds (a missing logo, text no font can show). */
int ssc_compose_check(const ssc_compose *c, int *pages, ssc_error *err);
/* Writes DIR/NN-PLUGIN.png (150 dpi) and .svg for every section drawn as
 * a chart, into temporary files: *files (caller aborts or commits each and
 * frees the array) and *n_files. */
int ssc_compose_charts(const ssc_compose *c, const char *dir, ssc_atomic **files,
                       size_t *n_files, ssc_error *err);
/* The one-sentence summary of a chart in the report's language ("Africa
 * has the most projects: 24 of 47."), or "" when the table has none. */
const char *ssc_compose_summary(const ssc_compose *c, size_t section, char *buf, size_t len);

#endif
