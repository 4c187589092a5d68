/* SPDX-License-Identifier: MIT */
/* The engine's chart kinds: a height and a draw function each, which the
 * dispatcher (chart.c) finds in its table of kinds.  Only chart.c and the
 * kinds themselves (and their tests) include this; a kind calls the shared
 * helpers of common.h, never another kind through the dispatcher.
 *
 * height: the height the kind wants for table t at width w (bars grow with
 * the number of rows).  draw: draws t inside c->box; SSC_ERR with err
 * filled when the table cannot be drawn as this kind. */
#ifndef SSC_CHART_KINDS_H
#define SSC_CHART_KINDS_H

#include "draw/charts/common.h"

/* Bars, horizontal bars and lines (chart_bar.c, chart_line.c). */
double ssc_chart_bar_height(ssc_canvas *c, const ssc_table *t, double w);
int ssc_chart_bar_draw(ssc_canvas *c, const ssc_table *t, ssc_error *err);
double ssc_chart_hbar_height(ssc_canvas *c, const ssc_table *t, double w);
int ssc_chart_hbar_draw(ssc_canvas *c, const ssc_table *t, ssc_error *err);
double ssc_chart_line_height(ssc_canvas *c, const ssc_table *t, double w);
int ssc_chart_line_draw(ssc_canvas *c, const ssc_table *t, ssc_error *err);

/* Grouped bars (chart_bar.c): columns when a few short-named rows fit
 * side by side, else horizontal bars, one colour per series. */
double ssc_chart_grouped_height(ssc_canvas *c, const ssc_table *t, double w);
int ssc_chart_grouped_draw(ssc_canvas *c, const ssc_table *t, ssc_error *err);

/* Stacked columns (chart_bar.c): a stacked table keyed by years, one
 * column per year with its total on top; the dispatcher picks it. */
double ssc_chart_stacked_columns_height(ssc_canvas *c, const ssc_table *t, double w);
int ssc_chart_stacked_columns_draw(ssc_canvas *c, const ssc_table *t, ssc_error *err);

/* Stacked bars (chart_stacked.c): horizontal, one bar per row. */
double ssc_chart_stacked_height(ssc_canvas *c, const ssc_table *t, double w);
int ssc_chart_stacked_draw(ssc_canvas *c, const ssc_table *t, ssc_error *err);

/* Donut (chart_donut.c): shares of the first number column. */
#define SSC_DONUT_MAX_SLICES 7

typedef struct ssc_donut_slice {
    double value;         /* > 0 */
    const char *label;    /* borrowed from the table, or the static "Other" */
    unsigned long colour;
    size_t row;           /* the table row; (size_t)-1 for "Other" */
} ssc_donut_slice;

/* The slices of t, largest first: every row with a positive value when
 * there are at most SSC_DONUT_MAX_SLICES, else the largest
 * SSC_DONUT_MAX_SLICES - 1 and "Other" (其他) holding the rest.  Zero,
 * negative and missing values are no share of a whole and are left out.
 * Returns the number of slices and the sum of their values in *total. */
size_t ssc_chart_donut_slices(const ssc_canvas *c, const ssc_table *t,
                              ssc_donut_slice out[SSC_DONUT_MAX_SLICES], double *total);
double ssc_chart_donut_height(ssc_canvas *c, const ssc_table *t, double w);
int ssc_chart_donut_draw(ssc_canvas *c, const ssc_table *t, ssc_error *err);

/* SDG grid (chart_sdggrid.c) and country tile map (chart_tilemap.c): they
 * refuse (SSC_ERR, err filled) a table with rows none of which is keyed by
 * an SDG or a country, which is a report asking for the wrong chart. */
double ssc_chart_sdg_grid_height(ssc_canvas *c, const ssc_table *t, double w);
int ssc_chart_sdg_grid_draw(ssc_canvas *c, const ssc_table *t, ssc_error *err);
double ssc_chart_tile_map_height(ssc_canvas *c, const ssc_table *t, double w);
int ssc_chart_tile_map_draw(ssc_canvas *c, const ssc_table *t, ssc_error *err);

/* Tables (chart_table.c): the height of the whole table (all rows, one
 * header) at width w; drawing the whole table in the box is SSC_ERR when
 * its rows do not all fit (long tables are drawn page by page with
 * ssc_chart_table, draw.h). */
double ssc_chart_table_height(ssc_canvas *c, const ssc_table *t, double w);
int ssc_chart_table_draw(ssc_canvas *c, const ssc_table *t, ssc_error *err);

#endif
