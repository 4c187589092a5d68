/* SPDX-License-Identifier: MIT */
/* The whole pipeline behind `render` and `check`: engine settings, report,
 * plugins, data, filters, metrics, document, atomic outputs. */
#ifndef SSC_RENDER_H
#define SSC_RENDER_H

#include <stddef.h>

#include "error.h"

struct ssc_engine_config;

typedef struct ssc_render_opts {
    const char *report;      /* NULL: the bundled annual-meeting report */
    const char *output;      /* NULL: the report's output, else NAME.pdf */
    const char *data;        /* overrides the report's data.path */
    const char *data_out;    /* folder for NN-PLUGIN.csv, or NULL */
    const char *charts;      /* folder for NN-PLUGIN.png and .svg, or NULL */
    const char *const *sets; /* KEY=VALUE overrides */
    size_t n_sets;
    int skip_bad_rows;
    const char *config;      /* --config, or NULL */
    /* settings already read (the scheduler's snapshot, so a file edited
     * since is not seen), used instead of reading config; borrowed */
    const struct ssc_engine_config *engine;
    int check_only;          /* validate everything, write nothing */
    const ssc_progress *progress; /* told of each phase and how far it got; may be NULL */
} ssc_render_opts;

typedef struct ssc_render_result {
    size_t projects;     /* rows read */
    size_t shown;        /* rows after filters */
    size_t skipped_rows; /* bad rows left out (--skip-bad-rows) */
    int pages;
    size_t shortened;            /* texts the PDF shows cut with an ellipsis */
    char first_shortened[200];   /* the first of them, "" when none */
    /* the text that needed a font outside the theme's lists, so that the
     * document was laid out again from every installed font; "" when none */
    char fonts_widened[200];
    int plugin_fault;    /* a plugin crashed, hung, exited or flooded its table */
    char output[4096];   /* the PDF written */
} ssc_render_result;

/* problems receives data problems (errors, or warnings when rows are
 * skipped); err the reason for failure. */
int ssc_render(const ssc_render_opts *opts, ssc_render_result *res, ssc_diag *problems,
               ssc_error *err);

#endif
