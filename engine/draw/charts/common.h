/* SPDX-License-Identifier: MIT */
/* Private to the engine's chart kinds: the layout constants and the text,
 * series, axis and legend helpers they share (common.c).  A kind includes
 * this and kinds.h; it never calls another part of drawing but the canvas,
 * text and colour functions of draw.h.  Nothing here is part of the plugin
 * interface. */
#ifndef SSC_CHART_COMMON_H
#define SSC_CHART_COMMON_H

#include <stddef.h>

#include "draw/draw.h"
#include "report/table.h"

/* Text sizes, as fractions of the theme's body size. */
#define SSC_CHART_SMALL 0.8  /* tick labels, value labels */
#define SSC_CHART_LABEL 0.85 /* category labels, legend */

/* More series than colours cannot be told apart; further number columns
 * are left to the table kind. */
#define SSC_CHART_MAX_SERIES 8

/* Horizontal bars: row pitch of a one-series chart, in points. */
#define SSC_HBAR_ROW 18.0

/* Tables: text size (times the body size), cell padding in points, and
 * the most lines a wrapped cell may take.  A row is
 * lines * (line height of the table font) + 2 * SSC_TABLE_PAD_Y. */
#define SSC_TABLE_SIZE 0.9
#define SSC_TABLE_PAD_X 5.0
#define SSC_TABLE_PAD_Y 3.5
#define SSC_TABLE_MAX_LINES 2

/* ---- text (common.c) ---------------------------------------------------- */

/* Draws text unwrapped so that the point (ax, ay) of its logical box lands
 * on (x, y): (0, 0) top-left, (0.5, 0.5) centre, (1, 0.5) middle of the
 * right edge.  Returns the text's width. */
double ssc_chart_text(ssc_canvas *c, double x, double y, double ax, double ay, const char *text,
                      const ssc_text_style *style);

/* ---- series and colours (common.c) --------------------------------------- */

/* The number columns a chart draws, with the range of their values. */
typedef struct ssc_series {
    size_t col[SSC_CHART_MAX_SERIES];
    size_t n;
    ssc_unit unit; /* of the first series; the axis shows this unit */
    double min, max; /* over finite values, always including 0 */
    int whole;       /* every value is a whole number */
} ssc_series;

void ssc_chart_series(const ssc_table *t, ssc_series *s);
/* Value of a row, or NAN when missing or not finite. */
double ssc_chart_value(const ssc_table *t, const ssc_series *s, size_t series, size_t row);
/* One series: the row's colour hint or the accent; several: the palette. */
/* The stable colour of a region, a status (kind SSC_KEY_TEXT: either, by
 * name) or a gender-marker level, or -1 (common.c). */
long ssc_chart_stable_colour(const ssc_canvas *c, ssc_key_kind kind, const char *key);
/* A row's colour where each row has its own (donut): the table's, else the
 * stable one, else the palette's colour number rank. */
unsigned long ssc_chart_row_colour(const ssc_canvas *c, const ssc_table *t, size_t row,
                                   size_t rank);
/* Series colour: the stable colour of a column named after a region or a
 * status, else the palette's colour number series. */
unsigned long ssc_chart_series_colour(const ssc_canvas *c, const ssc_table *t,
                                      const ssc_series *s, size_t series);
unsigned long ssc_chart_colour(const ssc_canvas *c, const ssc_table *t, const ssc_series *s,
                               size_t series, size_t row);
ssc_text_style ssc_chart_style(const ssc_canvas *c, double scale, unsigned long colour);
/* The ends of row r's stack of series s: the sum of its negative values
 * (<= 0) into *neg and of its positive ones (>= 0) into *pos; returns the
 * net total.  Stacked bars and stacked columns both stack so. */
double ssc_chart_stack_ends(const ssc_table *t, const ssc_series *s, size_t r, double *neg,
                            double *pos);
/* 1 when t has two rows or more keyed by years ("1995", "1996"...),
 * rising: counts per year, which read as columns. */
int ssc_chart_keys_are_years(const ssc_table *t);
/* 1 when the canvas writes Chinese. */
int ssc_chart_zh(const ssc_canvas *c);
/* Height of one line of text in style st. */
double ssc_chart_line_h(ssc_canvas *c, const ssc_text_style *st);
/* Adds a rectangle with corners rounded by r to the current path. */
void ssc_chart_round_rect(cairo_t *cr, double x, double y, double w, double h, double r);

/* ---- value axis (common.c) ----------------------------------------------- */

typedef struct ssc_chart_axis {
    double lo, hi, step;
    ssc_unit unit;
} ssc_chart_axis;

/* Picks nice ticks for a value axis length points long; along a horizontal
 * axis the tick labels' widths limit how many fit. */
void ssc_chart_axis_fit(ssc_canvas *c, const ssc_series *s, double length, int horizontal,
                        ssc_chart_axis *a);
/* Position of v on an axis drawn from `from` (value lo) to `to` (value hi). */
double ssc_chart_axis_pos(const ssc_chart_axis *a, double v, double from, double to);
/* Widest tick label, in points. */
double ssc_chart_axis_label_width(ssc_canvas *c, const ssc_chart_axis *a);
/* A tick's label: money in the scale of the axis title (200 under "US$
 * thousand"), anything else as ssc_canvas_format writes it. */
const char *ssc_chart_tick_label(ssc_canvas *c, const ssc_chart_axis *a, double v);
/* The axis' unit, written once above its ticks: "US$ thousand", "万美元";
 * NULL for counts and percentages, whose ticks say what they are. */
const char *ssc_chart_axis_title(const ssc_canvas *c, const ssc_chart_axis *a);
/* The title's line above the ticks, drawn at (x, y) (its top left);
 * returns its height, 0 when the unit has no title. */
double ssc_chart_axis_title_height(ssc_canvas *c, ssc_unit unit);
void ssc_chart_axis_title_draw(ssc_canvas *c, const ssc_chart_axis *a, double x, double y);
/* Number of intervals (ticks - 1). */
int ssc_chart_axis_intervals(const ssc_chart_axis *a);
double ssc_chart_axis_tick(const ssc_chart_axis *a, int i);

/* ---- legend (common.c) --------------------------------------------------- */

/* Height of the legend for s laid out in width (0 for a single series). */
double ssc_chart_legend_height(ssc_canvas *c, const ssc_table *t, const ssc_series *s,
                               double width);
/* Draws the legend from (x, y); line swatches for line charts. */
void ssc_chart_legend_draw(ssc_canvas *c, const ssc_table *t, const ssc_series *s, double x,
                           double y, double width, int line_swatches);
/* A muted "No data" in the middle of the box. */
void ssc_chart_no_data(ssc_canvas *c);

#endif
